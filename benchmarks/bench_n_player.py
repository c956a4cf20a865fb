"""All equilibria of n-player games (support enumeration, elimination, homotopy) against Gambit's ``enumpoly``.

    python benchmarks/bench_n_player.py

Random games with standard normal payoffs, 30 per shape (seeds 0–29), in one
process. "odd" counts the games whose equilibrium count is odd (every
nondegenerate game's is); "Gambit ⊆ ours" counts the games where every
equilibrium Gambit returned is one of ours. Targets (issue 15): 3×3×3
median ≤ 30 ms, maximum ≤ 1 s.
"""

from __future__ import annotations

import io
import time

import numpy as np

import negotiation as ng
from negotiation.io import gambit


def main(count: int = 30) -> None:
    try:
        import pygambit as gbt
    except ImportError:
        gbt = None
    print("| shape | ours median | ours max | odd counts | Gambit enumpoly median | ours / Gambit | "
          "Gambit even counts | Gambit ⊆ ours |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for shape in ((2, 2, 2), (3, 3, 3), (2, 2, 2, 2), (4, 4, 3)):
        ours, theirs, odd, gambit_even, subset = [], [], 0, 0, 0
        for seed in range(count):
            rng = np.random.default_rng(seed)
            game = ng.NormalFormGame([rng.normal(size=shape) for _ in shape])
            start = time.perf_counter()
            result = ng.all_equilibria(game)
            ours.append(time.perf_counter() - start)
            odd += len(result) % 2
            if gbt is None:
                continue
            native = gbt.read_nfg(io.StringIO(gambit.dumps(game)))
            start = time.perf_counter()
            found = gbt.nash.enumpoly_solve(native).equilibria
            theirs.append(time.perf_counter() - start)
            gambit_even += len(found) % 2 == 0
            mine = [np.concatenate(eq.profile) for eq in result]
            points = [np.array([float(p[pl][s]) for pl, labels in zip(game.players, game.strategies) for s in labels])
                      for p in found]
            subset += all(min(np.abs(q - m).max() for m in mine) <= 1e-6 for q in points)
        row = f"| {'×'.join(map(str, shape))} | {np.median(ours) * 1000:.1f} ms | {max(ours) * 1000:.0f} ms | {odd}/{count} |"
        if theirs:
            row += (f" {np.median(theirs) * 1000:.1f} ms | {np.median(ours) / np.median(theirs):.2f}× | "
                    f"{gambit_even}/{count} | {subset}/{count} |")
        else:
            row += " — | — | — | — |"
        print(row)


if __name__ == "__main__":
    main()
