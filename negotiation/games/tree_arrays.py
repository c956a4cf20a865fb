"""Bulk construction of large game trees from arrays, with vectorised validation.

Used by :meth:`GameTree.from_arrays`. The networkx graph stays the public data
structure, built in two bulk calls from the array form; the array form the solvers use
is filled directly, and the graph itself is built the first time
``tree.graph`` is used, so solving a million-node tree never waits for it.
"""

from __future__ import annotations

import gc
from typing import Any

import numpy as np

from ..errors import GameError, LabelError, PayoffValueError, ShapeError
from .arithmetic import MAX_PAYOFF
from .compiled_tree import CompiledTree
from .tree_nodes import CHANCE, DECISION, ROOT, TERMINAL

__all__ = ["build_from_arrays", "fill_graph"]


def build_from_arrays(cls, players, parent, action, player, payoffs, probability, node_ids, title):
    # Millions of small objects: the cyclic garbage collector would rescan them
    # again and again while they are created, and none of them forms a cycle.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(cls, players, parent, action, player, payoffs, probability, node_ids, title)
    finally:
        if enabled:
            gc.enable()


def _build(cls, players, parent, action, player, payoffs, probability, node_ids, title):
    tree = cls(players, title=title)
    parent = _int_array(parent, "parent")
    n = parent.size
    player = _int_array(player, "player")
    payoffs = _float_array(payoffs)
    if player.shape != (n,) or not hasattr(action, "__len__") or len(action) != n:
        raise ShapeError(f"parent, action and player must all have {n} entries")
    if payoffs.shape != (n, len(tree.players)):
        raise ShapeError(f"payoffs must have shape ({n}, {len(tree.players)}), got {payoffs.shape}")
    ids = [ROOT] + [str(k) for k in range(1, n)] if node_ids is None else list(node_ids)
    if len(ids) != n or len(set(ids)) != n:
        raise LabelError("node_ids must be n distinct strings")
    roots = np.flatnonzero(parent < 0)
    if roots.size != 1:
        raise GameError(f"a game tree has exactly one root (parent -1); found {roots.size}")
    if (parent >= n).any():
        raise GameError(f"node {ids[int(np.argmax(parent >= n))]!r} has a parent index out of range")
    root = int(roots[0])
    order, first_child, num_children = _breadth_first(parent, root)
    if order.size != n:
        stray = sorted(set(range(n)) - set(order.tolist()))[:3]
        raise GameError(
            "some nodes are unreachable from the root or lie on a cycle: "
            + ", ".join(repr(ids[k]) for k in stray)
        )
    kinds = np.where(num_children[order] == 0, 0, np.where(player[order] >= 0, 1, 2)).astype(np.int8)
    bad = np.flatnonzero((kinds == 1) & (player[order] >= len(tree.players)))
    if bad.size:
        raise LabelError(f"node {ids[order[bad[0]]]!r} names player index {player[order[bad[0]]]}, out of range")
    terminal = order[kinds == 0]
    if not np.isfinite(payoffs[terminal]).all():
        k = terminal[np.flatnonzero(~np.isfinite(payoffs[terminal]).all(axis=1))[0]]
        raise PayoffValueError(f"terminal {ids[k]!r} has a payoff that is not finite: {payoffs[k].tolist()}")
    probs = _probabilities(probability, parent, player, order, kinds, first_child, num_children, ids)
    _check_sibling_labels(parent, action, ids)

    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    compiled = CompiledTree(
        order=[ids[k] for k in order],
        index={ids[k]: i for i, k in enumerate(order)},
        kind=kinds,
        player=np.where(kinds == 1, player[order], -1).astype(np.int32),
        first_child=position[first_child[order]] if n > 1 else np.ones(1, dtype=np.int64),
        num_children=num_children[order],
        parent=np.where(parent[order] >= 0, position[np.maximum(parent[order], 0)], -1),
        actions=["" if k == root else action[k] for k in order],
        probability=[None if probs is None or np.isnan(probs[k]) else float(probs[k]) for k in order],
        payoffs=[tuple(payoffs[k].tolist()) if kinds[i] == 0 else None for i, k in enumerate(order)],
        exact=False,
    )
    compiled.infoset = [node if kind == 1 else None for node, kind in zip(compiled.order, kinds.tolist())]
    compiled.named = [False] * n
    compiled._payoff_matrix = np.where((kinds == 0)[:, None], payoffs[order], 0.0)
    tree._graph = None  # built from the arrays on first use of tree.graph
    tree._root = compiled.order[0]
    tree._compiled = compiled
    tree._checked = True
    return tree


def _float_array(values: Any) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise PayoffValueError("payoffs must be a two-dimensional array of numbers") from None
    large = np.abs(array[np.isfinite(array)]) > MAX_PAYOFF
    if large.any():
        raise PayoffValueError(f"a payoff is beyond the limit ±{MAX_PAYOFF:g}")
    return array


def _int_array(values: Any, name: str) -> np.ndarray:
    try:
        array = np.asarray(values)
    except (TypeError, ValueError, OverflowError):
        array = np.empty(0, dtype=object)
    if array.ndim != 1 or array.dtype.kind not in "iu":
        raise ShapeError(f"{name} must be a one-dimensional integer array")
    return array.astype(np.int64)


def _breadth_first(parent: np.ndarray, root: int):
    """Breadth-first order, plus each node's first child (in the order) and child count."""
    n = parent.size
    children = np.argsort(np.where(parent < 0, n, parent), kind="stable")[: n - 1]
    num_children = np.bincount(parent[parent >= 0], minlength=n)
    start = np.concatenate([[0], np.cumsum(num_children)[:-1]])
    order = [np.array([root])]
    first_child = np.zeros(n, dtype=np.int64)
    level = order[0]
    seen = 1
    while level.size:
        counts = num_children[level]
        total = int(counts.sum())
        if total == 0:
            break
        offsets = np.repeat(start[level] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        nxt = children[np.arange(total) + offsets]
        # first child of each node in this level, as a node index (resolved to positions later)
        first_child[level[counts > 0]] = nxt[np.concatenate([[0], np.cumsum(counts)[:-1]])[counts > 0]]
        seen += total
        if seen > n:
            break  # a cycle reachable from the root would repeat nodes forever
        order.append(nxt)
        level = nxt
    return np.concatenate(order), first_child, num_children


def _probabilities(probability, parent, player, order, kinds, first_child, num_children, ids):
    chance_nodes = order[kinds == 2]
    if chance_nodes.size == 0:
        return None
    if probability is None:
        raise GameError(f"chance node {ids[chance_nodes[0]]!r} needs probabilities for its moves")
    probs = np.asarray(probability, dtype=float)
    children_of_chance = np.isin(parent, chance_nodes)
    values = probs[children_of_chance]
    if not np.isfinite(values).all() or (values < 0).any() or (values > 1).any():
        raise GameError("chance probabilities must lie in [0, 1]")
    sums = np.bincount(parent[children_of_chance], weights=values, minlength=parent.size)[chance_nodes]
    off = np.flatnonzero(np.abs(sums - 1) > 1e-9)
    if off.size:
        raise GameError(f"the probabilities at chance node {ids[chance_nodes[off[0]]]!r} sum to {sums[off[0]]}, not 1")
    return np.where(children_of_chance, probs, np.nan)


def _check_sibling_labels(parent, action, ids):
    seen = set()
    for k, (p, a) in enumerate(zip(parent.tolist(), action)):
        if p < 0:
            continue
        if not isinstance(a, str) or not a:
            raise LabelError(f"the move into node {ids[k]!r} needs a non-empty action label")
        if (p, a) in seen:
            raise LabelError(f"node {ids[p]!r} has two moves labelled {a!r}")
        seen.add((p, a))


def fill_graph(graph, c: CompiledTree) -> None:
    """Add the compiled tree's nodes and moves to an empty networkx graph."""
    names = {0: TERMINAL, 1: DECISION, 2: CHANCE}
    nodes = []
    for k, node in enumerate(c.order):
        kind = names[int(c.kind[k])]
        if kind == TERMINAL:
            payoff_kind = c.payoff_kinds[k] if c.payoff_kinds else "float"
            nodes.append((node, {"kind": kind, "payoffs": c.payoffs[k], "payoff_kind": payoff_kind}))
        elif kind == DECISION:
            nodes.append(
                (node, {"kind": kind, "player": int(c.player[k]), "infoset": c.infoset[k], "own_infoset": not c.named[k]})
            )
        else:
            nodes.append((node, {"kind": kind}))
    graph.add_nodes_from(nodes)
    graph.add_edges_from(
        (c.order[c.parent[k]], c.order[k], {"action": c.actions[k], "probability": c.probability[k]})
        for k in range(1, len(c.order))
    )
