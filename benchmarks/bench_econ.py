"""The tariff block at Monte Carlo scale: 10^6 elasticity draws, one vectorised call.

    python benchmarks/bench_econ.py

Target (issue 14): 10^6 draws through the tariff block in at most 0.2 s. For
scale, the same draws through a Python loop of scalar calls (a sample of
10^4, extrapolated).
"""

from __future__ import annotations

import time

import numpy as np

from negotiation import econ


def best_of(function, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    draws = 1_000_000
    rng = np.random.default_rng(0)
    eps, eta = rng.uniform(1, 4, draws), rng.uniform(0.5, 8, draws)
    econ.tariff(50, 0.25, eps[:10], eta[:10])  # warm up imports
    block = best_of(lambda: econ.tariff(50, 0.25, eps, eta))
    verdict = best_of(lambda: econ.tariff_probability(50, 0.25, ("uniform", 1, 4), ("uniform", 0.5, 8),
                                                      draws=draws, seed=0))
    sample = 10_000
    loop = best_of(lambda: [econ.tariff(50, 0.25, a, b) for a, b in zip(eps[:sample], eta[:sample])], 1)
    loop_per_million = loop * draws / sample
    print("| work | time | target |")
    print("|---|---:|---|")
    print(f"| tariff block, 10^6 draws (arrays in, arrays out) | {block * 1000:.0f} ms | ≤ 200 ms: "
          f"{'met' if block <= 0.2 else '**not met**'} |")
    print(f"| tariff_probability, 10^6 draws (drawing included) | {verdict * 1000:.0f} ms | — |")
    print(f"| the same block called per draw in a Python loop (10^4, scaled to 10^6) | {loop_per_million:.0f} s | "
          f"{loop_per_million / block:.0f}× slower |")


if __name__ == "__main__":
    main()
