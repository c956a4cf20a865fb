"""Time our equilibrium solvers against nashpy and QuantEcon on the same games.

Run from the repository root (QuantEcon is optional: ``pip install -e '.[bench]'``)::

    python benchmarks/bench_equilibria.py            # the full table
    python benchmarks/bench_equilibria.py --quick    # a smoke run

Every library sees the same random k×k games (uniform payoffs, fixed seed) in
one process. We report the median time per game and the ratio to each peer
(ratio > 1 means we are faster). Peers that would take too long at a size
(nashpy's support enumeration grows as 4^k) are skipped there and marked "-".
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np

import negotiation as ng


def median_time(function, inputs, repeat=1):
    times = []
    for item in inputs:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            function(item)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return statistics.median(times)


def random_games(k, count, seed):
    rng = np.random.default_rng(seed)
    return [(rng.random((k, k)), rng.random((k, k))) for _ in range(count)]


def ours_all(pair):
    return ng.all_equilibria(ng.NormalFormGame.from_arrays(*pair))


def quantecon_all(pair):
    import quantecon.game_theory as gt

    A, B = pair
    return gt.vertex_enumeration(gt.NormalFormGame((gt.Player(A), gt.Player(B.T))))


def nashpy_all(pair):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(nashpy.Game(*pair).support_enumeration())


def have(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def fmt(seconds):
    return "-" if seconds is None else f"{seconds * 1e3:9.2f} ms"


def ratio(peer, ours):
    return "-" if peer is None else f"{peer / ours:6.2f}x"


def paired_times(functions, inputs, repeat):
    """Each function's median over the inputs of its best of ``repeat`` runs, the functions taking turns.

    Taking turns on every input, rather than timing one library over all
    inputs and then the next, keeps a machine that speeds up or slows down
    mid-run (shared cores) from tilting the ratio. Also returns the median of
    the per-input ratios of the second function's time to the first's.
    """
    best = [[float("inf")] * len(inputs) for _ in functions]
    for k, item in enumerate(inputs):
        for _ in range(repeat):
            for times, function in zip(best, functions):
                start = time.perf_counter()
                function(item)
                times[k] = min(times[k], time.perf_counter() - start)
    medians = [statistics.median(times) for times in best]
    per_input = statistics.median(b / a for a, b in zip(*best[:2])) if len(functions) > 1 else None
    return medians, per_input


def bench_all_equilibria(sizes, count, nashpy_max):
    print("all equilibria of random k×k games (median per game; vs QE also as the median of per-game ratios)")
    print(f"{'k':>3} {'ours':>12} {'QuantEcon':>12} {'nashpy':>12} {'vs QE':>8} {'per game':>9} {'vs nashpy':>10} {'#eq':>5}")
    use_qe = have("quantecon")
    if use_qe:
        quantecon_all(random_games(3, 1, 0)[0])  # numba compilation outside the timing
    for k in sizes:
        games = random_games(k, count, seed=k)
        ours_all(games[0])
        (ours, *qe), per_game = paired_times([ours_all, quantecon_all] if use_qe else [ours_all], games, repeat=5)
        qe = qe[0] if qe else None
        npy = median_time(nashpy_all, games[:3]) if k <= nashpy_max else None
        found = statistics.median(len(ours_all(g)) for g in games)
        per_game = "-" if per_game is None else f"{per_game:.2f}x"
        print(f"{k:>3} {fmt(ours)} {fmt(qe)} {fmt(npy)} {ratio(qe, ours):>8} {per_game:>9} {ratio(npy, ours):>10} {found:>5}")


def bench_pure(size):
    print(f"\npure equilibria of a random {size}×{size} game")
    rng = np.random.default_rng(0)
    A, B = rng.random((size, size)), rng.random((size, size))
    game = ng.NormalFormGame.from_arrays(A, B)
    ours = median_time(lambda g: ng.pure_equilibria(g), [game], repeat=3)

    def plain_mask(_):
        mask = (A == A.max(axis=0)) & (B == B.max(axis=1, keepdims=True))
        return np.argwhere(mask)

    mask = median_time(plain_mask, [None], repeat=3)
    print(f"  ours {fmt(ours)}   plain numpy mask {fmt(mask)}   ratio {mask / ours:.2f}x")
    if have("quantecon") and size <= 400:
        import quantecon.game_theory as gt

        g = gt.NormalFormGame((gt.Player(A), gt.Player(B.T)))
        qe = median_time(lambda _: gt.pure_nash_brute(g), [None])
        print(f"  QuantEcon pure_nash_brute {fmt(qe)}   ratio {qe / ours:.1f}x")


def bench_lemke_howson(sizes):
    print("\nLemke–Howson, initial label 0")
    for k in sizes:
        pair = random_games(k, 1, seed=0)[0]
        game = ng.NormalFormGame.from_arrays(*pair)
        start = time.perf_counter()
        result = ng.lemke_howson(game)
        took = time.perf_counter() - start
        print(f"  {k}×{k}: {fmt(took)}, {result.options['pivots'][0]} pivots, regret {result.max_regret:.1e}")


def bench_startup():
    code = "import time; t = time.perf_counter(); import negotiation; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout) for _ in range(5)]
    print(f"\nimport negotiation: median {statistics.median(runs) * 1e3:.0f} ms over 5 fresh interpreters")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes only, as a smoke test")
    args = parser.parse_args()
    if args.quick:
        bench_all_equilibria([4, 6], count=3, nashpy_max=4)
        bench_pure(300)
        bench_lemke_howson([30])
    else:
        bench_all_equilibria(list(range(4, 13)), count=15, nashpy_max=7)
        bench_pure(3000)
        bench_pure(300)
        bench_lemke_howson([100, 200])
    bench_startup()


if __name__ == "__main__":
    main()
