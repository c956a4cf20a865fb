"""Checks on the parts of a game tree: payoffs at terminals, chance probabilities, information sets.

Both ways of building a tree (node by node, and from a nested specification)
call these, so a mistake gets the same message either way.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import GameError, PayoffValueError, ShapeError
from .arithmetic import EXACT, FLOAT, INTEGER, SYMBOLIC, to_fraction, to_payoff_array
from .tree_nodes import CHANCE, DECISION, KIND_CODES, ROOT, TERMINAL, where

__all__ = ["move_probability", "as_number", "terminal_payoffs", "check_probability_sum", "check_infosets", "exactness",
           "check_graph", "require_perfect_recall"]

PROBABILITY_TOL = 1e-9  # how far float probabilities at a chance node may sum from 1


def move_probability(value: Any, node: str, action: str):
    """A chance move's probability checked: a number in [0, 1], kept as a Fraction unless it is a float."""
    try:
        if isinstance(value, (bool, str)):
            raise ValueError
        p = to_fraction(value) if not isinstance(value, float) else float(value)
    except (ValueError, TypeError, PayoffValueError):
        raise GameError(f"the probability of {action!r} at {where(node)} must be a number, got {value!r}") from None
    if not (0 <= p <= 1) or (isinstance(p, float) and not math.isfinite(p)):
        raise GameError(f"the probability of {action!r} at {where(node)} is {value!r}, outside [0, 1]")
    return p


def as_number(value: Any, exact: bool):
    """A payoff or probability as Fraction (exact) or float."""
    return to_fraction(value) if exact else float(value)


def terminal_payoffs(node: str, payoffs: Any, players: Sequence[str]) -> tuple[tuple, str]:
    """A terminal's payoffs checked (one number per player) and stored: ``(values, kind)``."""
    if isinstance(payoffs, (str, bytes)) or not hasattr(payoffs, "__len__"):
        raise PayoffValueError(f"terminal {where(node)}: payoffs must be a sequence, got {payoffs!r}")
    if len(payoffs) != len(players):
        raise ShapeError(f"terminal {where(node)} has {len(payoffs)} payoffs; the game has {len(players)} players "
                         f"({', '.join(players)})")
    array, kind = to_payoff_array(list(payoffs), f"payoffs at terminal {where(node)}")
    if kind == INTEGER:  # keep ints as ints, so copies of the tree stay exact-compatible
        return tuple(int(v) for v in array.tolist()), kind
    return (tuple(array.tolist()) if kind != SYMBOLIC else tuple(array)), kind


def check_probability_sum(node: str, probabilities: Sequence[Any]) -> None:
    """The probabilities at a chance node sum to 1: exactly for Fractions, within a tolerance for floats."""
    if all(isinstance(p, Fraction) for p in probabilities):
        total = sum(probabilities, Fraction(0))
        ok = total == 1
    else:
        total = math.fsum(float(p) for p in probabilities)
        ok = abs(total - 1) <= PROBABILITY_TOL
    if not ok:
        raise GameError(f"the probabilities at chance node {where(node)} sum to {total}, not 1")


def check_infosets(players: Sequence[str], members: Mapping[str, list]) -> None:
    """``{information set: [(node, player index, actions)]}``: one player and one set of actions in each."""
    for infoset, nodes in members.items():
        first, first_player, first_actions = nodes[0]
        for other, player, actions in nodes[1:]:
            if player != first_player:
                raise GameError(
                    f"information set {infoset!r} mixes players: {players[first_player]} at {where(first)} and "
                    f"{players[player]} at {where(other)}"
                )
            if set(actions) != set(first_actions):
                raise GameError(
                    f"information set {infoset!r} offers different actions: {first_actions} at "
                    f"{where(first)} but {actions} at {where(other)}"
                )


def exactness(kinds, probabilities) -> bool:
    """Exact when some payoff or probability is exact and none is a float or symbolic."""
    if FLOAT in kinds or SYMBOLIC in kinds or any(isinstance(p, float) for p in probabilities):
        return False
    return EXACT in kinds or any(isinstance(p, Fraction) for p in probabilities)


def check_graph(graph, players: Sequence[str]) -> str:
    """The root of a tree built node by node, once its shape, moves, probabilities and information sets pass."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        raise GameError("the game tree is empty")
    for node, data in graph.nodes(data=True):
        if data.get("kind") is None:
            raise GameError(f"the node {where(node)} is reached by a move but never defined")
    if not nx.is_directed_acyclic_graph(graph):
        cycle = nx.find_cycle(graph)
        raise GameError(f"the game tree has a cycle through {where(cycle[0][0])}")
    roots = [n for n, d in graph.in_degree() if d == 0]
    if len(roots) != 1:
        stray = sorted(r for r in roots if r != ROOT)[:3]
        raise GameError(
            f"a game tree has one root; these nodes are unreachable from it: {', '.join(map(where, stray))}"
        )
    for node, degree in graph.in_degree():
        if degree > 1:
            raise GameError(f"the node {where(node)} has {degree} parents; a tree node has one")
    members: dict[str, list] = {}
    for node, data in graph.nodes(data=True):
        out = graph.out_degree(node)
        if data["kind"] == TERMINAL and out:
            raise GameError(f"terminal {where(node)} has moves")
        if data["kind"] in (DECISION, CHANCE) and not out:
            raise GameError(f"{data['kind']} node {where(node)} has no moves; a node without moves needs payoffs")
        if data["kind"] == CHANCE:
            check_probability_sum(node, [d["probability"] for _, _, d in graph.out_edges(node, data=True)])
        if data["kind"] == DECISION:
            actions = tuple(d["action"] for _, _, d in graph.out_edges(node, data=True))
            members.setdefault(data["infoset"], []).append((node, data["player"], actions))
    check_infosets(players, members)
    return roots[0]


def require_perfect_recall(compiled, players: Sequence[str], purpose: str) -> None:
    """Raise unless every player remembers their own past information sets and actions (a CompiledTree)."""
    seen: dict[str, tuple] = {}
    for k in np.flatnonzero(compiled.kind == KIND_CODES[DECISION]).tolist():
        player = int(compiled.player[k])
        own = _own_history(compiled, k, player)
        infoset = compiled.infoset[k]
        if infoset in seen and seen[infoset][0] != own:
            raise GameError(
                f"{purpose} needs perfect recall, but {players[player]} at information set "
                f"{infoset!r} has forgotten: the nodes {where(seen[infoset][1])} and "
                f"{where(compiled.order[k])} follow different own histories"
            )
        seen[infoset] = (own, compiled.order[k])


def _own_history(compiled, k: int, player: int) -> tuple:
    """The (information set, action) pairs of ``player`` on the path to node ``k``."""
    steps = []
    while k > 0:
        up = int(compiled.parent[k])
        if compiled.kind[up] == KIND_CODES[DECISION] and compiled.player[up] == player:
            steps.append((compiled.infoset[up], compiled.actions[k]))
        k = up
    return tuple(reversed(steps))
