"""One equilibrium of a two-player tree: our sequence-form Lemke against Gambit's ``lcp_solve`` on trees.

    python benchmarks/bench_sequence_form.py

Inputs: random imperfect-information trees with perfect recall (the test
suite's generator, depths 4 and 6), and a Bayesian bargaining tree whose
seller has about 8 million reduced pure strategies (the normal form is out of
reach). Both solvers run in one process on the same trees. Target (issue 15):
the Bayesian tree in ≤ 1 s.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import negotiation as ng  # noqa: E402
from negotiation.io import gambit  # noqa: E402
from tests.solvers.test_sequence_form import bayesian_bargaining  # noqa: E402
from tests.trees import imperfect_tree  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def main(count: int = 20) -> None:
    try:
        import pygambit as gbt
    except ImportError:
        gbt = None
    cases = [(f"random depth {d} ({'exact' if exact else 'float'})", [imperfect_tree(s, depth=d, exact=exact)
                                                                      for s in range(count)], exact)
             for d in (4, 6) for exact in (False, True)]
    cases.append(("Bayesian bargaining (exact)", [bayesian_bargaining()], True))
    print("| trees | sequences (max) | ours median | ours max | Gambit lcp median | ours / Gambit |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, trees, exact in cases:
        ours, theirs = [], []
        for tree in trees:
            elapsed, eq = timed(ng.sequence_form_equilibrium, tree, exact=exact)
            assert eq.regret == 0 if exact else eq.regret <= 1e-9 * 20
            ours.append(elapsed)
            if gbt is not None:
                native = gbt.read_efg(io.StringIO(gambit.dumps(tree)))
                theirs.append(timed(gbt.nash.lcp_solve, native, rational=exact)[0])
        size = max(sum(ng.SequenceForm.from_tree(t).shape) for t in trees)
        row = f"| {name} | {size} | {np.median(ours) * 1000:.1f} ms | {max(ours) * 1000:.0f} ms |"
        row += (f" {np.median(theirs) * 1000:.1f} ms | {np.median(ours) / np.median(theirs):.2f}× |" if theirs
                else " — | — |")
        print(row)


if __name__ == "__main__":
    main()
