"""Batch solving: all equilibria of many random games, ours against loops over nashpy and QuantEcon.

    python benchmarks/bench_batch.py            # 10^6 2×2 and 10^5 3×3 games
    python benchmarks/bench_batch.py --quick    # 10^5 2×2 and 10^4 3×3

The peers have no batch solver, so each is timed as a Python loop over games
(nashpy's support enumeration; QuantEcon's numba support enumeration) on a
sample of the same games, and its time per game is reported next to ours.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

import negotiation as ng


def per_game_loop(solve, A, B, count):
    start = time.perf_counter()
    for i in range(count):
        solve(A[i], B[i])
    return (time.perf_counter() - start) / count


def nashpy_solve(A, B):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(nashpy.Game(A, B).support_enumeration())


def quantecon_solve(A, B):
    import quantecon.game_theory as gt

    return gt.support_enumeration(gt.NormalFormGame((gt.Player(A), gt.Player(B.T))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cases = [(2, 10**5), (3, 10**4)] if args.quick else [(2, 10**6), (3, 10**5)]
    try:
        quantecon_solve(np.eye(2), np.eye(2))  # numba compilation outside the timing
        have_qe = True
    except ImportError:
        have_qe = False
    print(f"{'games':>10} {'size':>5} {'ours total':>11} {'ours/game':>10} {'nashpy/game':>12} {'QE/game':>9} {'vs faster peer':>15}")
    for k, n in cases:
        rng = np.random.default_rng(k)
        A, B = rng.random((n, k, k)), rng.random((n, k, k))
        ng.batch_equilibria(A[:10], B[:10])
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            result = ng.batch_equilibria(A, B)
            best = min(best, time.perf_counter() - start)
        ours = best / n
        npy = per_game_loop(nashpy_solve, A, B, 300)
        qe = per_game_loop(quantecon_solve, A, B, 3000) if have_qe else None
        faster = min(t for t in (npy, qe) if t is not None)
        print(f"{n:>10} {f'{k}×{k}':>5} {best:>10.3f}s {ours * 1e6:>8.2f}µs {npy * 1e6:>10.1f}µs "
              f"{(qe * 1e6 if qe else float('nan')):>7.1f}µs {faster / ours:>14.1f}×")
        assert result.num_games == n


if __name__ == "__main__":
    main()
