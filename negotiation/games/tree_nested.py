"""Building a game tree from nested :func:`decision`, :func:`chance` and :func:`outcome` specs.

Used by :meth:`GameTree.from_nested`. One breadth-first walk validates the
specs (labels, payoffs, probabilities, information sets) with the same checks
as the node-by-node ``add_*`` methods, and fills the array form the solvers
use. The networkx graph is built from it on first use of ``tree.graph``: a
small tree built once per Monte Carlo draw then costs a fraction of the
graph's bookkeeping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import GameError, LabelError
from .compiled_tree import CompiledTree
from .tree_checks import check_infosets, check_probability_sum, exactness, move_probability, terminal_payoffs
from .tree_nodes import ROOT, Chance, Decision, Outcome, child_id, where

__all__ = ["build_from_nested"]

_TERMINAL, _DECISION, _CHANCE = 0, 1, 2


def build_from_nested(cls, players, root, title):
    tree = cls(players, title=title)
    walk = _Walk(tree)
    walk.add(root, ROOT, "", None, -1)
    k = 0
    while k < len(walk.specs):  # breadth-first: each node's children are appended as one contiguous range
        walk.expand(k)
        k += 1
    tree._compiled = walk.compiled()
    tree._graph = None  # built from the arrays on first use of tree.graph
    tree._root = ROOT
    tree._checked = True
    return tree


class _Walk:
    """The arrays of the tree as the walk fills them, one entry per node in breadth-first order."""

    def __init__(self, tree):
        self.tree = tree
        self.specs, self.order, self.index = [], [], {}
        self.kind, self.player, self.parent, self.first, self.count = [], [], [], [], []
        self.actions, self.probability, self.payoffs, self.payoff_kinds = [], [], [], []
        self.infoset, self.named, self.members = [], [], {}

    def add(self, spec, node, action, probability, parent) -> None:
        if node in self.index:
            raise LabelError(f"the node {where(node)} already exists")
        self.index[node] = len(self.order)
        self.specs.append(spec)
        self.order.append(node)
        self.actions.append(action)
        self.probability.append(probability)
        self.parent.append(parent)

    def expand(self, k: int) -> None:
        spec, node = self.specs[k], self.order[k]
        self.first.append(len(self.order))
        if isinstance(spec, Outcome):
            values, kind = terminal_payoffs(node, spec.payoffs, self.tree.players)
            self._node(_TERMINAL, -1, values, kind, None, False, 0)
        elif isinstance(spec, Decision):
            player = self.tree.player_index(spec.player)
            infoset = spec.infoset if spec.infoset is not None else node
            moves = _moves(spec, node, "decision")
            self._node(_DECISION, player, None, None, infoset, spec.infoset is not None, len(moves))
            for action, child in moves.items():
                self.add(child, _child(node, action, child), action, None, k)
            self.members.setdefault(infoset, []).append((node, player, tuple(moves)))
        elif isinstance(spec, Chance):
            moves = _moves(spec, node, "chance")
            self._node(_CHANCE, -1, None, None, None, False, len(moves))
            probabilities = []
            for action, pair in moves.items():
                if not (isinstance(pair, tuple) and len(pair) == 2):
                    raise GameError(f"chance outcome {action!r} at {where(node)} must be (probability, subtree)")
                probability, child = pair
                if probability is None:
                    raise GameError(f"chance move {action!r} at {where(node)} needs a probability")
                probabilities.append(move_probability(probability, node, action))
                self.add(child, _child(node, action, child), action, probabilities[-1], k)
            check_probability_sum(node, probabilities)
        else:
            raise GameError(f"{where(node)}: expected decision(...), chance(...) or outcome(...), got {spec!r}")

    def _node(self, kind, player, payoffs, payoff_kind, infoset, named, children) -> None:
        self.kind.append(kind)
        self.player.append(player)
        self.payoffs.append(payoffs)
        self.payoff_kinds.append(payoff_kind)
        self.infoset.append(infoset)
        self.named.append(named)
        self.count.append(children)

    def compiled(self) -> CompiledTree:
        check_infosets(self.tree.players, self.members)
        kinds = {k for k in self.payoff_kinds if k}
        compiled = CompiledTree(
            order=self.order, index=self.index, kind=np.array(self.kind, dtype=np.int8),
            player=np.array(self.player, dtype=np.int32), first_child=np.array(self.first, dtype=np.int64),
            num_children=np.array(self.count, dtype=np.int64), parent=np.array(self.parent, dtype=np.int64),
            actions=self.actions, probability=self.probability, payoffs=self.payoffs,
            exact=exactness(kinds, [p for p in self.probability if p is not None]),
            infoset=self.infoset, named=self.named, payoff_kinds=self.payoff_kinds)
        return compiled


def _moves(spec, node: str, kind: str) -> Mapping:
    if not isinstance(spec.moves, Mapping):
        raise GameError(f"{kind} node {where(node)}: moves must be a mapping {{action: subtree}}, "
                        f"got {type(spec.moves).__name__}")
    if not spec.moves:
        raise GameError(f"{kind} node {where(node)} has no moves; a node without moves needs payoffs")
    return spec.moves


def _child(node: str, action: Any, child: Any) -> str:
    node_id = child_id(node, action, child)
    if not action.strip():
        raise LabelError(f"moves from {where(node)} need a non-empty action label, got {action!r}")
    return node_id
