"""A game's payoffs from an outcome table ``{(strategy of player 1, ...): (payoff 1, ...)}``.

Strategies are taken in the order they first appear unless given; a missing
or unknown profile is an error that names it, found before any large array is
allocated.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import LabelError, ShapeError
from .game_labels import player_labels

__all__ = ["outcome_arrays"]


def outcome_arrays(outcomes: Mapping[tuple, Sequence[Any]], players: Sequence[str],
                   strategies: Sequence[Sequence[str]] | None):
    """``(players, strategies, payoff arrays)`` from a table ``{profile: payoffs}``, every profile once."""
    players = player_labels(players, None)
    count = len(players)
    if not isinstance(outcomes, Mapping):
        raise ShapeError(f"outcomes must be a mapping {{profile: payoffs}}, got {type(outcomes).__name__}")
    if not outcomes:
        raise ShapeError("the outcome table is empty")
    for profile, values in outcomes.items():
        if not isinstance(profile, tuple) or len(profile) != count:
            raise ShapeError(
                f"outcome key {profile!r} must be a tuple of {count} strategy labels, "
                f"one for each of {', '.join(players)}"
            )
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or len(values) != count:
            raise ShapeError(
                f"outcome {profile!r} needs {count} payoffs (one for each of "
                f"{', '.join(players)}), got {values!r}"
            )
    if strategies is None:
        strategies = tuple(
            tuple(dict.fromkeys(profile[i] for profile in outcomes)) for i in range(count)
        )
    strategies = tuple(tuple(s) for s in strategies)
    index = [{label: k for k, label in enumerate(labels)} for labels in strategies]
    shape = tuple(len(labels) for labels in strategies)
    if math.prod(shape) > len(outcomes):
        # Found before allocating (at most len(outcomes) + 1 steps): a short table with
        # long strategy lists must not ask for gigabytes.
        missing = next(p for p in itertools.product(*strategies) if p not in outcomes)
        raise ShapeError(f"the outcome table has no payoffs for the profile {missing!r}")
    arrays = [np.empty(shape, dtype=object) for _ in range(count)]
    filled = np.zeros(shape, dtype=bool)
    for profile, values in outcomes.items():
        try:
            cell = tuple(index[i][label] for i, label in enumerate(profile))
        except KeyError as exc:
            raise LabelError(
                f"outcome {profile!r} uses strategy {exc.args[0]!r}, which is not among "
                f"the strategies given"
            ) from None
        filled[cell] = True
        for i in range(count):
            arrays[i][cell] = values[i]
    if not filled.all():
        missing = tuple(int(k) for k in np.argwhere(~filled)[0])
        names = tuple(strategies[i][k] for i, k in enumerate(missing))
        raise ShapeError(f"the outcome table has no payoffs for the profile {names!r}")
    return players, strategies, arrays
