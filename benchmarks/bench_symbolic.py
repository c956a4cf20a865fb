"""Evaluate a symbolic deal range on a 1000 × 1000 grid of two parameters.

    python benchmarks/bench_symbolic.py

The end points come from `symbolic_deal_range` once (sympy), then
`SymbolicDealRange.evaluate` runs them as numpy code over 10^6 points. For
comparison, the same grid through the numeric `deal_range` (one call per
point) is timed on a 100-point sample and scaled up.
"""

import time

import numpy as np
import sympy

import negotiation as ng


def main():
    pledge, capacity, demand = sympy.symbols("pledge capacity demand", positive=True)
    t0 = time.perf_counter()
    zone = ng.symbolic_deal_range(
        {"U.S.": pledge - demand, "China": capacity - pledge / 2 - 10},
        {"U.S.": 0, "China": 0}, variable="pledge", solve_for="capacity")
    t1 = time.perf_counter()
    caps, dems = np.meshgrid(np.linspace(0, 300, 1000), np.linspace(0, 400, 1000))
    t2 = time.perf_counter()
    out = zone.evaluate(capacity=caps, demand=dems)
    t3 = time.perf_counter()
    share = float(out["exists"].mean())
    print(f"symbolic solve: {t1 - t0:.3f} s   ({zone.solved})")
    print(f"evaluate on {caps.size:,} points: {t3 - t2:.3f} s   (a deal exists at {share:.1%} of them)")
    sample = list(zip(caps.flat[:: caps.size // 100], dems.flat[:: caps.size // 100]))[:100]
    t4 = time.perf_counter()
    for c, d in sample:
        ng.deal_range({"U.S.": lambda p: p - d, "China": lambda p: c - p / 2 - 10},
                      {"U.S.": 0, "China": 0}, bounds=(0, 1000), grid=201)
    t5 = time.perf_counter()
    per_point = (t5 - t4) / len(sample)
    print(f"numeric deal_range: {per_point * 1e3:.2f} ms per point, about {per_point * caps.size:.0f} s for the grid "
          f"({per_point * caps.size / (t3 - t2):.0f}× slower)")


if __name__ == "__main__":
    main()
