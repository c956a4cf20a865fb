r"""Mixed profiles: expected payoffs, best responses, regret and the Nash check.

A mixed profile gives each player :math:`i` a probability vector
:math:`\sigma_i` over :math:`S_i`. Player ``i``'s *regret* at
:math:`\sigma` is

.. math:: r_i(\sigma) = \max_{s \in S_i} u_i(s, \sigma_{-i}) - u_i(\sigma),

and :math:`\sigma` is a Nash equilibrium iff :math:`\max_i r_i(\sigma) = 0`.
In floating point we accept :math:`\max_i r_i \le \text{tol} \cdot
\text{scale}`, where *scale* is the largest payoff range in the game, so the
test means the same for payoffs in dollars or in trillions. With an exact
game and an exact profile the check is exact.

Examples
--------
>>> import negotiation as ng
>>> pennies = ng.NormalFormGame.zero_sum([[1, -1], [-1, 1]])
>>> ng.is_nash(pennies, [[0.5, 0.5], [0.5, 0.5]])
True
>>> ng.regret(pennies, ["s1", "s1"])
2.0
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import ProfileError
from .arithmetic import EXACT, to_fraction
from .normal_form import NormalFormGame

__all__ = [
    "DEFAULT_TOL",
    "as_profile",
    "payoff_scale",
    "expected_payoffs",
    "payoff_vector",
    "best_responses",
    "regret",
    "is_nash",
]

#: Default tolerance on regret, relative to :func:`payoff_scale`.
DEFAULT_TOL = 1e-9


def payoff_scale(game: NormalFormGame) -> float:
    """The largest payoff range in the game (1.0 when every payoff is equal to 0)."""
    game.require_numeric("the payoff scale")
    scale = max(float(a.max() - a.min()) for a in game.payoffs)
    if scale > 0:
        return scale
    biggest = max(abs(float(np.max(np.abs(a.astype(float))))) for a in game.payoffs)
    return biggest if biggest > 0 else 1.0


def best_response_cells(game: NormalFormGame) -> list[np.ndarray]:
    """For each player, a boolean array: is the cell's strategy a best response to the others' strategies?

    Exact games compare exactly; float games allow ties within 1e-9 of the payoff scale.
    """
    game.require_numeric("marking best responses")
    slack = 0 if game.is_exact else 1e-9 * payoff_scale(game)
    marks = []
    for i, array in enumerate(game.payoffs):
        best = array.max(axis=i, keepdims=True)
        marks.append(np.asarray(best - array <= slack, dtype=bool))
    return marks


def as_profile(game: NormalFormGame, profile: Any) -> tuple[np.ndarray, ...]:
    """Check a profile and return one probability vector per player.

    Each player's entry may be a probability vector, a ``{label: probability}``
    mapping, or a single strategy (label or index) for a pure strategy. The
    vectors are exact (Fractions) when the game is exact and every probability
    is rational; otherwise floats.
    """
    game.require_numeric("a profile's payoffs")
    if isinstance(profile, (str, bytes)) or not isinstance(profile, (Sequence, np.ndarray)):
        raise ProfileError(f"a profile is a sequence with one entry per player, got {profile!r}")
    if len(profile) != game.num_players:
        raise ProfileError(
            f"the profile has {len(profile)} entries but the game has {game.num_players} players "
            f"({', '.join(game.players)})"
        )
    vectors = [_vector(game, i, entry) for i, entry in enumerate(profile)]
    exact = game.kind == EXACT and all(v.dtype == object for v in vectors)
    return tuple(v if exact else v.astype(float) for v in vectors)


def _vector(game: NormalFormGame, i: int, entry: Any) -> np.ndarray:
    size = game.shape[i]
    player = game.players[i]
    if isinstance(entry, (str, numbers.Integral)) and not isinstance(entry, bool):
        vector = np.zeros(size, dtype=object)
        vector[:] = Fraction(0)
        vector[game.strategy_index(i, entry)] = Fraction(1)
        return vector
    if isinstance(entry, Mapping):
        vector = np.zeros(size, dtype=object)
        vector[:] = Fraction(0)
        for label, p in entry.items():
            vector[game.strategy_index(i, label)] = p
        entry = vector
    try:
        raw = np.array(entry, dtype=object).reshape(-1)
    except (TypeError, ValueError):
        raise ProfileError(f"the strategy of {player} must be a probability vector") from None
    if np.ndim(entry) != 1 or raw.size != size:
        raise ProfileError(
            f"the strategy of {player} has {raw.size} probabilities; {player} has {size} strategies"
        )
    exact = all(isinstance(p, (Fraction, numbers.Integral)) and not isinstance(p, bool) for p in raw)
    if exact:
        vector = np.array([to_fraction(p) for p in raw], dtype=object)
        total = sum(vector, Fraction(0))
        negative = any(p < 0 for p in vector)
        off = total != 1
    else:
        try:
            vector = raw.astype(float)
        except (TypeError, ValueError):
            raise ProfileError(f"the strategy of {player} holds a value that is not a number") from None
        if not np.all(np.isfinite(vector)):
            raise ProfileError(f"the strategy of {player} holds a value that is not finite")
        total = float(vector.sum())
        negative = bool((vector < -1e-12).any())
        off = abs(total - 1.0) > 1e-9
    if negative:
        raise ProfileError(f"the strategy of {player} has a negative probability: {list(raw)}")
    if off:
        raise ProfileError(f"the probabilities of {player} sum to {total}, not 1")
    return vector


def _contract(array: np.ndarray, vectors: Sequence[np.ndarray], skip: int | None = None):
    """Contract every axis of ``array`` except ``skip`` with the profile vectors."""
    result = array
    for axis in reversed(range(array.ndim)):
        if axis != skip:
            result = np.tensordot(result, vectors[axis], axes=([axis], [0]))
    return result


def _numeric_game(game: NormalFormGame, vectors: Sequence[np.ndarray]) -> NormalFormGame:
    exact = all(v.dtype == object for v in vectors)
    return game if (game.kind == EXACT and exact) else game.as_float()


def expected_payoffs(game: NormalFormGame, profile: Any) -> tuple:
    """Expected payoff of each player under a mixed profile.

    Examples
    --------
    >>> import negotiation as ng
    >>> bos = ng.NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> ng.expected_payoffs(bos, [[0.5, 0.5], [0.5, 0.5]])
    (0.75, 0.75)
    """
    vectors = as_profile(game, profile)
    game = _numeric_game(game, vectors)
    values = (_contract(a, vectors) for a in game.payoffs)
    return tuple(_scalar(v) for v in values)


def payoff_vector(game: NormalFormGame, player: int | str, profile: Any) -> np.ndarray:
    """Payoff of each pure strategy of ``player`` against the others' mixed strategies."""
    vectors = as_profile(game, profile)
    game = _numeric_game(game, vectors)
    i = game.player_index(player)
    return _contract(game.payoffs[i], vectors, skip=i)


def best_responses(
    game: NormalFormGame, player: int | str, profile: Any, tol: float | None = None
) -> tuple[str, ...]:
    """Labels of ``player``'s pure best responses to the others' strategies in ``profile``.

    ``tol`` is relative to the payoff scale (default :data:`DEFAULT_TOL`;
    an exact game and profile compare exactly).
    """
    vectors = as_profile(game, profile)
    numeric = _numeric_game(game, vectors)
    i = game.player_index(player)
    values = _contract(numeric.payoffs[i], vectors, skip=i)
    best = max(values)
    slack = _absolute_tol(numeric, tol)
    return tuple(game.strategies[i][k] for k, v in enumerate(values) if best - v <= slack)


def regret(game: NormalFormGame, profile: Any, player: int | str | None = None):
    """Largest gain any player (or the given player) has from deviating.

    The result is exact (a Fraction) for an exact game and profile.
    """
    vectors = as_profile(game, profile)
    numeric = _numeric_game(game, vectors)
    players = range(game.num_players) if player is None else [game.player_index(player)]
    gains = []
    for i in players:
        values = _contract(numeric.payoffs[i], vectors, skip=i)
        gains.append(max(values) - np.dot(values, vectors[i]))
    worst = max(gains)
    return _scalar(max(worst, 0 * worst))


def is_nash(game: NormalFormGame, profile: Any, tol: float | None = None) -> bool:
    """Whether ``profile`` is a Nash equilibrium.

    ``tol`` bounds the regret relative to :func:`payoff_scale`
    (default :data:`DEFAULT_TOL`). An exact game with an exact profile is
    checked exactly unless a positive ``tol`` is given.

    Examples
    --------
    >>> import negotiation as ng
    >>> from fractions import Fraction as F
    >>> bos = ng.NormalFormGame.from_arrays([[F(2), 0], [0, 1]], [[1, 0], [0, 2]])
    >>> ng.is_nash(bos, [[F(2, 3), F(1, 3)], [F(1, 3), F(2, 3)]])
    True
    """
    vectors = as_profile(game, profile)
    numeric = _numeric_game(game, vectors)
    return regret(game, vectors) <= _absolute_tol(numeric, tol)


def _absolute_tol(game: NormalFormGame, tol: float | None):
    if game.kind == EXACT and tol is None:
        return 0
    rel = DEFAULT_TOL if tol is None else tol
    if rel < 0 or rel != rel:
        raise ProfileError(f"tol must be a non-negative number, got {tol!r}")
    return rel * payoff_scale(game)


def _scalar(value: Any) -> Any:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.floating):
        return float(value)
    return value
