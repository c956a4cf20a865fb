"""Verdicts as probabilities: every catalogue scenario's metrics over 10^4 draws from its priors, in one process.

    python benchmarks/bench_verdicts.py            # 10^4 draws a scenario (issue 16's setting)
    python benchmarks/bench_verdicts.py --quick    # 10^3 draws a scenario

Issue 16's targets: 10^4 draws a scenario, and `negotiation validate` on the
example file, each within 30 s. The parts a draw is made of are timed too: a
small nested tree built and solved, and the tariff block with its record
(`econ.tariff`) against its plain numbers (`econ.tariff_effects`). No peer
computes these verdicts, so the figures are absolute.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import negotiation as ng
from negotiation import econ

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "observations-feb-2019.toml"


def per_call(function, repeats: int = 2000) -> float:
    function()
    start = time.perf_counter()
    for _ in range(repeats):
        function()
    return (time.perf_counter() - start) / repeats


def small_tree():
    """The standoff's shape: a refusal, the follow-through, the answer (7 nodes)."""
    return ng.GameTree.from_nested(("U.S.", "China"), ng.decision("China", {
        "Concede": ng.outcome(10.0, -12.0),
        "Refuse": ng.decision("U.S.", {
            "Impose tariffs": ng.decision("China", {"Retaliate": ng.outcome(-5.2, -20.1),
                                                   "Absorb": ng.outcome(7.7, -11.5)}),
            "Back down": ng.outcome(-5.0, 0.0)})}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^3 draws a scenario instead of 10^4")
    draws = 1_000 if parser.parse_args().quick else 10_000

    print("| part of a draw | time |")
    print("|---|---:|")
    print(f"| `GameTree.from_nested`, 7 nodes | {per_call(small_tree) * 1e3:.3f} ms |")
    tree = small_tree()
    print(f"| `backward_induction` on it | {per_call(lambda: ng.backward_induction(tree)) * 1e3:.3f} ms |")
    record = per_call(lambda: econ.tariff(150, 0.25, 2, 1.6))
    plain = per_call(lambda: econ.tariff_effects(150, 0.25, 2, 1.6))
    print(f"| `econ.tariff` / `econ.tariff_effects` | {record * 1e6:.0f} µs / {plain * 1e6:.0f} µs "
          f"({record / plain:.1f}×) |")

    print("\n| scenario | draws | time |")
    print("|---|---:|---:|")
    total = 0.0
    names = [name for name in ng.list_scenarios() if ng.get_scenario(name).metrics is not None]
    for name in names:
        start = time.perf_counter()
        done = ng.verdict_probabilities(name, draws=draws, seed=0, progress=False).draws  # 0: nothing uncertain
        took = time.perf_counter() - start
        total += took
        print(f"| {name} | {done:,} | {took:.2f} s |")
    print(f"| all {len(names)} | | {total:.1f} s |")

    from negotiation.io import observation_file
    from negotiation.validation import validate

    start = time.perf_counter()
    validate(observation_file.load(EXAMPLE), draws=draws, seed=0, progress=False)
    print(f"\n`validate` on {EXAMPLE.name}, {draws:,} draws a group: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
