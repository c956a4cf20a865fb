"""Checks on the parts of a game tree: payoffs at terminals, chance probabilities, information sets.

Both ways of building a tree (node by node, and from a nested specification)
call these, so a mistake gets the same message either way.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Mapping, Sequence

from ..errors import GameError, PayoffValueError, ShapeError
from .arithmetic import EXACT, FLOAT, INTEGER, SYMBOLIC, to_fraction, to_payoff_array
from .tree_nodes import where

__all__ = ["move_probability", "as_number", "terminal_payoffs", "check_probability_sum", "check_infosets", "exactness"]

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
