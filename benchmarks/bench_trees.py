"""Build and solve random perfect-information trees of 10^4, 10^5 and 10^6 nodes.

    python benchmarks/bench_trees.py            # all three sizes
    python benchmarks/bench_trees.py --quick    # 10^4 and 10^5 only

Each tree is built with ``GameTree.from_arrays`` (bulk, fully validated, with
the networkx graph filled in) and solved by ``backward_induction``; the smaller
sizes are also built node by node through ``add_*`` for comparison. We report
seconds for each step and the peak resident memory of the process.
No peer solves trees: Gambit 16.5 removed its subgame-perfect solver, and
nashpy and QuantEcon have no trees.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np

import negotiation as ng
from negotiation.games.tree import ROOT


def random_arrays(nodes: int, seed: int = 0, branching: int = 3):
    """A full `branching`-ary tree in breadth-first numbering, with random movers and payoffs."""
    rng = np.random.default_rng(seed)
    index = np.arange(nodes)
    parent = np.where(index == 0, -1, (index - 1) // branching)
    action = [""] + [f"a{(k - 1) % branching}" for k in range(1, nodes)]
    player = rng.integers(0, 2, size=nodes)
    payoffs = rng.random((nodes, 2))
    return parent, action, player, payoffs


def build(nodes: int, seed: int = 0) -> ng.GameTree:
    """The same tree node by node through add_decision / add_terminal / add_move."""
    parent, action, player, payoffs = random_arrays(nodes, seed)
    tree = ng.GameTree(("A", "B"))
    has_children = np.bincount(parent[1:], minlength=nodes) > 0
    ids = [ROOT] + [str(k) for k in range(1, nodes)]
    for k in range(nodes):
        if has_children[k]:
            tree.add_decision(ids[k], int(player[k]))
        else:
            tree.add_terminal(ids[k], payoffs[k].tolist())
    for k in range(1, nodes):
        tree.add_move(ids[parent[k]], ids[k], action[k])
    return tree


def peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [10**4, 10**5] if args.quick else [10**4, 10**5, 10**6]
    print("GameTree.from_arrays (bulk, validated) + backward_induction")
    print(f"{'nodes':>9} {'arrays s':>9} {'build s':>9} {'solve s':>9} {'total s':>9} {'peak GiB':>9}")
    for n in sizes:
        t0 = time.perf_counter()
        arrays = random_arrays(n)
        t1 = time.perf_counter()
        tree = ng.GameTree.from_arrays(("A", "B"), *arrays)
        t2 = time.perf_counter()
        result = ng.backward_induction(tree)
        t3 = time.perf_counter()
        assert len(result) == 1
        print(f"{n:>9} {t1 - t0:9.2f} {t2 - t1:9.2f} {t3 - t2:9.2f} {t3 - t0:9.2f} {peak_gib():9.2f}")
        del tree, result
    print("\nnode by node (add_decision / add_terminal / add_move) + check + backward_induction")
    print(f"{'nodes':>9} {'build s':>9} {'check s':>9} {'solve s':>9} {'total s':>9}")
    for n in sizes[:2]:
        t0 = time.perf_counter()
        tree = build(n)
        t1 = time.perf_counter()
        tree.check()
        tree.compiled()
        t2 = time.perf_counter()
        result = ng.backward_induction(tree)
        t3 = time.perf_counter()
        print(f"{n:>9} {t1 - t0:9.2f} {t2 - t1:9.2f} {t3 - t2:9.2f} {t3 - t0:9.2f}")
        del tree, result


if __name__ == "__main__":
    main()
