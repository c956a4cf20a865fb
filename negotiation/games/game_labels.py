"""Checks on a game's labels and payoff shapes, with errors that name the player and the strategy."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..errors import LabelError, ShapeError

__all__ = ["check_label", "player_labels", "check_unique", "check_shapes", "strategy_labels", "cell_locator"]


def check_label(label: Any, what: str) -> str:
    """A label checked: a non-empty string (``what`` names it in the error)."""
    if not isinstance(label, str):
        raise LabelError(f"{what} must be a string, got {label!r}")
    if not label.strip():
        raise LabelError(f"{what} is empty")
    return label


def player_labels(players: Sequence[str] | None, count: int | None) -> tuple[str, ...]:
    """Player names checked, or ``Player 1``, ``Player 2``, ... for ``count`` players when none are given."""
    if players is None:
        return tuple(f"Player {i + 1}" for i in range(count or 0))
    if isinstance(players, str):
        raise LabelError(f"players must be a sequence of names, not the string {players!r}")
    players = tuple(check_label(p, f"player name {k + 1}") for k, p in enumerate(players))
    if count is not None and len(players) != count:
        raise LabelError(f"{len(players)} player names given for {count} payoff arrays")
    check_unique(players, "player names")
    if not players:
        raise LabelError("a game needs at least one player")
    return players


def check_unique(labels: Sequence[str], what: str) -> None:
    """Refuse a label that appears twice."""
    seen = set()
    for label in labels:
        if label in seen:
            raise LabelError(f"{what} must be unique; {label!r} appears twice")
        seen.add(label)


def check_shapes(arrays: list[np.ndarray], players: tuple[str, ...]) -> None:
    """One dimension per player, the same shape for every player, and no player without strategies."""
    count = len(arrays)
    first = arrays[0].shape
    for player, array in zip(players, arrays):
        if array.ndim != count:
            raise ShapeError(
                f"payoffs of {player} have shape {array.shape}; a {count}-player game needs "
                f"{count} dimensions, one per player"
            )
        if array.shape != first:
            raise ShapeError(
                f"payoffs of {player} have shape {array.shape}, but those of {players[0]} "
                f"have shape {first}"
            )
    for player, size in zip(players, first):
        if size == 0:
            raise ShapeError(f"{player} has no strategies")


def strategy_labels(
    strategies: Sequence[Sequence[str]] | None, shape: tuple[int, ...], players: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    """Strategy labels checked against the payoff shape, or ``s1``, ``s2``, ... when none are given."""
    if strategies is None:
        return tuple(tuple(f"s{k + 1}" for k in range(n)) for n in shape)
    if isinstance(strategies, str) or len(strategies) != len(shape):
        raise LabelError(f"strategies must list one sequence of labels per player ({len(shape)})")
    result = []
    for player, labels, size in zip(players, strategies, shape):
        if isinstance(labels, str):
            raise LabelError(f"strategies of {player} must be a sequence of labels, not a string")
        labels = tuple(check_label(s, f"a strategy of {player}") for s in labels)
        if len(labels) != size:
            raise LabelError(
                f"{player} has {size} strategies in the payoffs but {len(labels)} labels"
            )
        check_unique(labels, f"strategy labels of {player}")
        result.append(labels)
    return tuple(result)


def cell_locator(players, i, strategies):
    """A function naming a payoff cell of player ``i`` by its strategy labels, for error messages."""
    def locate(index: tuple) -> str:
        try:
            labels = tuple(strategies[k][j] for k, j in enumerate(index))
        except (TypeError, IndexError, KeyError):
            labels = index
        return f"payoff of {players[i]} at {labels!r}"

    return locate
