r"""Repeated games: when is an agreement self-enforcing?

An agreement is a pure profile :math:`a` of a stage game played every period.
If player :math:`i` keeps it they get :math:`c_i = u_i(a)` each period; by
deviating they get at most :math:`g_i = \max_{s} u_i(s, a_{-i})` once, and
then the punishment value :math:`p_i` for ever. Keeping the agreement is best
iff

.. math:: \delta \ge \delta_i^* = \frac{g_i - c_i}{g_i - p_i},

and the agreement is self-enforcing iff :math:`\delta \ge \max_i \delta_i^*`.
Punishments:

* ``"nash"``: grim trigger, reverting to a stage-game Nash equilibrium for
  ever (subgame perfect); the equilibrium that makes enforcement easiest is
  chosen and reported;
* ``"minmax"``: each deviator is held to their minmax value (the harshest
  punishment; it may need punishers to act against their own interest).

A per-period ``hazard`` :math:`h` that the agreement is abandoned anyway (say,
an administration changes) shrinks the effective discount factor to
:math:`\delta(1-h)`, so the threshold on :math:`\delta` becomes
:math:`\delta^*/(1-h)`. With a known last period (``horizon``) and a unique
stage equilibrium the agreement unravels from the end and never holds.

Examples
--------
>>> import negotiation as ng
>>> from negotiation import examples
>>> result = ng.critical_discount_factor(examples.prisoners_dilemma(), ("Cooperate", "Cooperate"))
>>> result.threshold
0.5
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import __version__, _format
from ..errors import DegenerateGameWarning, ParameterError
from ..games.normal_form import NormalFormGame

__all__ = ["EnforcementResult", "critical_discount_factor"]


@dataclass(frozen=True)
class EnforcementResult(_format.Displays):
    """The smallest discount factor at which an agreement holds, and why."""

    agreement: tuple
    punishment: str
    threshold: Any  # smallest delta; None if never enforceable
    per_player: dict  # player -> (keep, best deviation, punished, threshold)
    hazard: Any = 0
    punishment_profile: tuple | None = None
    message: str = ""

    @property
    def enforceable(self) -> bool:
        return self.threshold is not None and self.threshold <= 1

    def holds_at(self, delta) -> bool:
        """Whether the agreement is self-enforcing at discount factor ``delta``."""
        return self.enforceable and delta >= self.threshold

    def __str__(self) -> str:
        if not self.enforceable:
            return f"the agreement {self.agreement} is never self-enforcing under {self.punishment} punishment: {self.message}"
        lines = [
            f"the agreement {self.agreement} holds when δ ≥ {_format.number(self.threshold)} "
            f"({self.punishment} punishment" + (f", hazard {_format.number(self.hazard)}" if self.hazard else "") + ")"
        ]
        for player, (keep, deviate, punished, t) in self.per_player.items():
            lines.append(
                f"  {player}: keeps {_format.number(keep)}, gets {_format.number(deviate)} once by deviating, "
                f"then {_format.number(punished)}: needs δ ≥ {_format.number(t)}"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "method": "critical discount factor (grim trigger)",
            "version": __version__,
            "agreement": list(self.agreement),
            "punishment": self.punishment,
            "threshold": _format.plain(self.threshold),
            "hazard": _format.plain(self.hazard),
            "per_player": {p: [_format.plain(v) for v in vals] for p, vals in self.per_player.items()},
            "message": self.message,
        }


def critical_discount_factor(
    stage_game: NormalFormGame,
    agreement: Sequence[str | int],
    punishment: str = "nash",
    hazard: Any = 0,
    horizon: int | None = None,
) -> EnforcementResult:
    """The smallest discount factor at which ``agreement`` is self-enforcing."""
    stage_game.require_numeric("critical_discount_factor")
    if punishment not in ("nash", "minmax"):
        raise ParameterError(f"punishment must be 'nash' or 'minmax', got {punishment!r}")
    if isinstance(hazard, bool) or not isinstance(hazard, (int, float, Fraction)) or not 0 <= hazard < 1:
        raise ParameterError(f"hazard must be a probability in [0, 1), got {hazard!r}")
    if isinstance(agreement, (str, bytes)) or not isinstance(agreement, Sequence) or (
            len(agreement) != stage_game.num_players):
        raise ParameterError(f"the agreement names one strategy for each of {', '.join(stage_game.players)}, "
                             f"got {agreement!r}")
    cell = tuple(stage_game.strategy_index(i, s) for i, s in enumerate(agreement))
    labels = tuple(stage_game.strategies[i][k] for i, k in enumerate(cell))
    exact = stage_game.is_exact
    keep = [_scalar(stage_game.payoffs[i][cell]) for i in range(stage_game.num_players)]
    deviate = []
    for i in range(stage_game.num_players):
        row = list(cell)
        best = keep[i]
        for k in range(stage_game.shape[i]):
            row[i] = k
            best = max(best, _scalar(stage_game.payoffs[i][tuple(row)]))
        deviate.append(best)
    if horizon is not None:
        return _finite(stage_game, labels, keep, deviate, horizon)
    candidates = _punishments(stage_game, punishment)
    best_result = None
    for profile, values in candidates:
        thresholds = {}
        for i, player in enumerate(stage_game.players):
            thresholds[player] = (keep[i], deviate[i], values[i], _threshold(keep[i], deviate[i], values[i]))
        worst = [t[3] for t in thresholds.values()]
        threshold = None if any(t is None for t in worst) else max(worst)
        if threshold is not None and hazard:
            threshold = threshold / (1 - hazard)
        if best_result is None or (threshold is not None and (best_result[0] is None or threshold < best_result[0])):
            best_result = (threshold, thresholds, profile)
    threshold, per_player, profile = best_result
    message = ""
    if threshold is None:
        message = "some side does better under the punishment than under the agreement"
    elif threshold > 1:
        message = f"the hazard {hazard} leaves too little of the future to enforce it"
    return EnforcementResult(
        agreement=labels,
        punishment=punishment,
        threshold=threshold if threshold is None or threshold <= 1 or not exact else threshold,
        per_player=per_player,
        hazard=hazard,
        punishment_profile=profile,
        message=message,
    )


def _scalar(value):
    return value.item() if isinstance(value, np.generic) else value


def _threshold(keep, deviate, punished):
    if deviate <= keep:
        return 0 * keep  # no gain from deviating: holds for any delta
    if punished >= keep:
        return None  # punishment is no worse than the agreement
    return (deviate - keep) / (deviate - punished)


def _punishments(game: NormalFormGame, kind: str):
    """Candidate punishment payoffs: each stage Nash equilibrium, or the minmax values."""
    from ..solvers.enumeration import all_equilibria
    from ..solvers.pure import pure_equilibria
    from ..solvers.zero_sum import solve_zero_sum

    if kind == "minmax":
        if game.num_players != 2:
            raise ParameterError("minmax punishment is implemented for two-player games")
        A, B = (np.asarray(a, dtype=float) for a in game.as_float().payoffs)
        row = solve_zero_sum(NormalFormGame.zero_sum(A)).value
        col = solve_zero_sum(NormalFormGame.zero_sum(B.T)).value
        return [(None, (row, col))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        result = all_equilibria(game) if game.num_players == 2 else pure_equilibria(game)
    return [(tuple(eq.strategy_of(i) for i in range(game.num_players)), eq.payoffs) for eq in result]


def _finite(game, labels, keep, deviate, horizon):
    from ..solvers.enumeration import all_equilibria

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        equilibria = list(all_equilibria(game)) if game.num_players == 2 else []
    values = [eq.payoffs for eq in equilibria]
    distinct = {tuple(round(float(v), 12) for v in p) for p in values}
    gains = [d - k for d, k in zip(deviate, keep)]
    if all(g <= 0 for g in gains):
        return EnforcementResult(labels, "backward induction", 0, {}, message="the agreement is itself a stage equilibrium")
    if len(distinct) <= 1:
        return EnforcementResult(
            labels, "backward induction", None, {},
            message=f"with a known last period ({horizon}) and a unique stage equilibrium, "
            "play unravels from the end: the agreement never holds",
        )
    # reward keeping it with the best stage equilibrium in the last period, punish with the worst
    per_player, worst = {}, 0
    for i, player in enumerate(game.players):
        spread = max(v[i] for v in values) - min(v[i] for v in values)
        t = None if spread <= 0 and gains[i] > 0 else (gains[i] / spread if gains[i] > 0 else 0)
        per_player[player] = (keep[i], deviate[i], min(v[i] for v in values), t)
        worst = None if t is None or worst is None else max(worst, t)
    return EnforcementResult(
        labels, "last-period reward and punishment", worst, per_player,
        message="before the last period, deviations are deterred by switching the final stage equilibrium",
    )
