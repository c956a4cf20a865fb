"""Logit tracing (one Nash equilibrium of an n-player game) against Gambit's ``logit_solve``.

    python benchmarks/bench_logit.py

Random games with uniform payoffs, 30 per shape (seeds 0–29), in one process;
agreement is the largest difference between the two equilibria found.
Target (issue 15): 4×4×4 median ≤ 25 ms.
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
    print("| shape | ours median | ours max | Gambit median | ours / Gambit | same equilibrium |")
    print("|---|---:|---:|---:|---:|---:|")
    ng.logit_equilibrium(ng.NormalFormGame([np.eye(2), np.eye(2)]))  # warm imports
    for shape in ((3, 3, 3), (4, 4, 4), (2, 2, 2, 2), (5, 5, 5)):
        ours, theirs, same = [], [], 0
        for seed in range(count):
            rng = np.random.default_rng(seed)
            game = ng.NormalFormGame([rng.random(shape) for _ in shape])
            start = time.perf_counter()
            found = np.concatenate(ng.logit_equilibrium(game)[0].profile)
            ours.append(time.perf_counter() - start)
            if gbt is not None:
                native = gbt.read_nfg(io.StringIO(gambit.dumps(game)))
                start = time.perf_counter()
                profile = gbt.nash.logit_solve(native).equilibrium
                theirs.append(time.perf_counter() - start)
                flat = np.array([float(profile[p][s]) for p, labels in zip(game.players, game.strategies)
                                 for s in labels])
                same += np.max(np.abs(flat - found)) <= 1e-4
        g_median = f"{np.median(theirs) * 1000:.1f} ms" if theirs else "—"
        ratio = f"{np.median(ours) / np.median(theirs):.1f}×" if theirs else "—"
        agree = f"{same}/{count}" if theirs else "—"
        print(f"| {'×'.join(map(str, shape))} | {np.median(ours) * 1000:.1f} ms | {max(ours) * 1000:.1f} ms | "
              f"{g_median} | {ratio} | {agree} |")


if __name__ == "__main__":
    main()
