"""Inputs where cost used to explode: many pure equilibria, and games with one short side.

    python benchmarks/bench_cliffs.py

Pure equilibria of large games with many ties (payoffs in 0..5), and all
equilibria of tall games (4×60, 6×40, 3×100, 60×4), against QuantEcon's
``vertex_enumeration`` on the same games in the same process where it is
installed (``pip install -e '.[bench]'``). Tall games with integer payoffs,
which are degenerate, are also timed against our own general path (both
polytopes), which is what they took before the short side's faces.
"""

from __future__ import annotations

import time
import warnings

import numpy as np

import negotiation as ng


def seconds(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def pure_with_ties() -> None:
    print("| game (payoffs in 0..5) | pure equilibria | ours | listing all as labels |")
    print("|---|---:|---:|---:|")
    for size in (1000, 3000):
        rng = np.random.default_rng(0)
        game = ng.NormalFormGame.from_arrays(rng.integers(0, 6, (size, size)), rng.integers(0, 6, (size, size)))
        result = None

        def solve():
            nonlocal result
            result = ng.pure_equilibria(game)

        taken = seconds(solve)
        labels = seconds(lambda: [result.equilibria.labels(k) for k in range(len(result))])
        print(f"| {size}×{size} | {len(result)} | {taken * 1000:.0f} ms | {labels * 1000:.0f} ms |")


def tall_games(repeats: int = 15) -> None:
    try:
        from quantecon.game_theory import NormalFormGame as QEGame
        from quantecon.game_theory import Player, vertex_enumeration
    except ImportError:
        QEGame = None
    print()
    print("| shape | ours median | ours max | QuantEcon median | vs QE | equilibria (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for m, n in ((4, 60), (6, 40), (3, 100), (60, 4)):
        ours, theirs, counts = [], [], []
        for seed in range(repeats):
            rng = np.random.default_rng(seed)
            A, B = rng.random((m, n)), rng.random((m, n))
            game = ng.NormalFormGame.from_arrays(A, B)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ours.append(seconds(lambda: counts.append(len(ng.all_equilibria(game)))))
            if QEGame is not None:
                qe = QEGame((Player(A), Player(B.T)))
                theirs.append(seconds(lambda: vertex_enumeration(qe)))
        qe_median = f"{np.median(theirs) * 1000:.1f} ms" if theirs else "—"
        ratio = f"{np.median(theirs) / np.median(ours):.0f}×" if theirs else "—"
        print(f"| {m}×{n} | {np.median(ours) * 1000:.1f} ms | {max(ours) * 1000:.1f} ms | {qe_median} | {ratio} | "
              f"{int(np.median(counts))} |")


def degenerate_tall_games(repeats: int = 9, general_repeats: int = 2) -> None:
    from negotiation.solvers import enumeration

    print()
    print("| shape (payoffs in -50..49) | degenerate | float median | float max | exact median | exact max "
          "| both polytopes (float, median) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m, n in ((4, 60), (6, 40), (3, 100), (60, 4)):
        floats, exacts, general, flagged = [], [], [], 0
        for seed in range(repeats):
            rng = np.random.default_rng(seed)
            game = ng.NormalFormGame.from_arrays(rng.integers(-50, 50, (m, n)), rng.integers(-50, 50, (m, n)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results = []
                floats.append(seconds(lambda: results.append(ng.all_equilibria(game))))
                exacts.append(seconds(lambda: results.append(ng.all_equilibria(game, exact=True))))
                if seed < general_repeats:
                    tall, enumeration.TALL = enumeration.TALL, 10**9
                    try:
                        general.append(seconds(lambda: ng.all_equilibria(game)))
                    finally:
                        enumeration.TALL = tall
            flagged += results[0].degenerate
        print(f"| {m}×{n} | {flagged}/{repeats} | {np.median(floats) * 1000:.1f} ms | {max(floats) * 1000:.1f} ms "
              f"| {np.median(exacts) * 1000:.0f} ms | {max(exacts) * 1000:.0f} ms "
              f"| {np.median(general):.1f} s ({len(general)} games) |")


if __name__ == "__main__":
    ng.all_equilibria(ng.NormalFormGame.from_arrays(np.eye(4, 12), np.eye(4, 12)[::-1]))  # warm imports (Qhull too)
    pure_with_ties()
    tall_games()
    degenerate_tall_games()
