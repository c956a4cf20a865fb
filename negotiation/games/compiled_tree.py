"""A game tree as arrays, for the solvers: breadth-first order, children as contiguous ranges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .tree_nodes import KIND_CODES

if TYPE_CHECKING:
    from .tree import GameTree

__all__ = ["CompiledTree"]


@dataclass
class CompiledTree:
    """The tree as arrays in breadth-first order; children of node k are a contiguous range."""

    order: list[str]
    index: dict[str, int]
    kind: np.ndarray  # 0 terminal, 1 decision, 2 chance
    player: np.ndarray
    first_child: np.ndarray
    num_children: np.ndarray
    parent: np.ndarray
    actions: list[str]  # action label of the edge into each node ("" for the root)
    probability: list[Any]  # probability of the edge into each node (chance moves)
    payoffs: list[tuple | None]
    exact: bool = field(default=False)
    infoset: list = field(default_factory=list)  # information set of each decision node (None elsewhere)
    named: list = field(default_factory=list)  # True where the author named the information set
    infosets: dict | None = None  # filled on first use by GameTree.infosets
    payoff_kinds: list | None = None  # each terminal's payoff kind (None elsewhere); None: all float

    @property
    def levels(self) -> list[tuple[int, int]]:
        """``[(start, stop)]`` of each depth in breadth-first order (the root's first)."""
        return list(_level_walk(self.first_child, self.num_children, self.kind))

    def payoff_matrix(self) -> np.ndarray:
        """Terminal payoffs as a float array (nodes × players); zeros at other nodes."""
        if self._payoff_matrix is None:
            count = len(next(p for p in self.payoffs if p is not None))
            matrix = np.zeros((len(self.order), count))
            terminal = np.flatnonzero(self.kind == 0)
            matrix[terminal] = np.array([self.payoffs[k] for k in terminal], dtype=float)
            self._payoff_matrix = matrix
        return self._payoff_matrix

    def probability_array(self) -> np.ndarray:
        """Probability of the move into each node as floats (0 where not a chance move)."""
        return np.array([0.0 if p is None else float(p) for p in self.probability])

    _payoff_matrix: np.ndarray | None = None

    @classmethod
    def from_tree(cls, tree: "GameTree") -> "CompiledTree":
        graph = tree.graph
        order = [tree._root]
        actions, probs, parents = [""], [None], [-1]
        first = []
        counts = []
        k = 0
        while k < len(order):
            node = order[k]
            first.append(len(order))
            edges = list(graph.out_edges(node, data=True))
            counts.append(len(edges))
            for _, child, data in edges:
                order.append(child)
                actions.append(data["action"])
                probs.append(data["probability"])
                parents.append(k)
            k += 1
        nodes = graph.nodes
        kind = np.array([KIND_CODES[nodes[n]["kind"]] for n in order], dtype=np.int8)
        player = np.array([nodes[n].get("player", -1) for n in order], dtype=np.int32)
        payoffs = [nodes[n].get("payoffs") for n in order]
        exact = tree.is_exact
        infoset = [nodes[n].get("infoset") for n in order]
        named = [not nodes[n].get("own_infoset", True) for n in order]
        return cls(
            infoset=infoset,
            named=named,
            order=order,
            index={n: i for i, n in enumerate(order)},
            kind=kind,
            player=player,
            first_child=np.array(first, dtype=np.int64),
            num_children=np.array(counts, dtype=np.int64),
            parent=np.array(parents, dtype=np.int64),
            actions=actions,
            probability=probs,
            payoffs=payoffs,
            exact=exact,
        )


def _level_walk(first_child, num_children, kind):
    """Yield ``(start, stop)`` for each generation of children, level by level."""
    start, stop = 0, 1
    while start < stop:
        yield start, stop
        internal = np.flatnonzero(kind[start:stop] != 0) + start
        if internal.size == 0:
            return
        start = int(first_child[internal[0]])
        stop = int(first_child[internal[-1]] + num_children[internal[-1]])
