r"""Named strategies for repeated games, with any number of actions.

Actions are levels: the first action of a side is "cooperate" (no tariff),
the last is "defect" (the highest tariff), and tariff ladders sit between.
Where a strategy answers the other side's level with its own and the two
sides have different numbers of actions, levels are matched in proportion.

* ``cooperator``: always the first action;
* ``defector``: always the last action;
* ``always``: always ``action`` (an index or a label);
* ``tit_for_tat``: start cooperating, then match the other side's last level;
* ``suspicious_tit_for_tat``: tit-for-tat that starts by defecting;
* ``tit_for_tat_plus_one``: answer every escalation with one notch more;
* ``generous_tit_for_tat``: tit-for-tat that forgives with probability ``forgive``;
* ``tit_for_two_tats``: defect only after two escalations in a row;
* ``two_tits_for_tat``: defect twice after each escalation;
* ``grudger``: grim trigger: cooperate until the other side escalates, then defect for ever;
* ``win_stay_lose_shift``: repeat a move that paid at least ``aspiration``, else switch between cooperate and defect;
* ``alternator``: cooperate, defect, cooperate, …;
* ``gradual_escalation``: move one notch towards the other side's last level, up or down;
* ``appeasement``: play one notch below the other side's last level;
* ``random``: each action with equal probability (or ``cooperate`` = p);
* ``stage_equilibrium``: play a Nash equilibrium of the stage game every period.

Parameters are given as keywords, ``ng.strategy("generous_tit_for_tat",
forgive=0.3)``, or on the command line as ``generous_tit_for_tat:forgive=0.3``.

Examples
--------
>>> import negotiation as ng
>>> "tit_for_tat" in ng.strategies()
True
>>> machine = ng.strategy("grudger").machine(ng.examples.prisoners_dilemma(), 0)
>>> machine.states, machine.policy.tolist()
(('cooperating', 'punishing'), [[1.0, 0.0], [0.0, 1.0]])
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ..errors import ParameterError
from .machine import Machine, _side_labels, action_index

__all__ = ["BuiltInStrategy", "strategy", "strategies", "resolve_strategy"]


@dataclass(frozen=True)
class BuiltInStrategy:
    """A named strategy with its parameters; :meth:`machine` binds it to one side of a game."""

    name: str
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.name not in _BUILDERS:
            raise ParameterError(f"unknown strategy {self.name!r}; the built-in strategies are " + ", ".join(strategies()))
        builder = _BUILDERS[self.name]
        allowed = [p for p in inspect.signature(builder).parameters if p not in ("own", "other", "game", "side")]
        unknown = sorted(set(self.params) - set(allowed))
        if unknown:
            raise ParameterError(f"strategy {self.name!r} has no parameter {unknown[0]!r}"
                                 + (f"; its parameters are {', '.join(allowed)}" if allowed else "; it takes none"))

    @property
    def label(self) -> str:
        """The name with its parameters, as a table shows it."""
        if not self.params:
            return self.name
        return self.name + ":" + ",".join(f"{k}={v}" for k, v in sorted(self.params.items()))

    @property
    def description(self) -> str:
        return (_BUILDERS[self.name].__doc__ or "").strip()

    def machine(self, game, side: int) -> Machine:
        own, other = _side_labels(game, side)
        states, start, policy, transitions = _BUILDERS[self.name](own=own, other=other, game=game, side=side,
                                                                  **self.params)
        return Machine(self.label, tuple(states), start, policy, transitions, description=self.description)


def strategies() -> tuple[str, ...]:
    """The names of the built-in strategies."""
    return tuple(_BUILDERS)


def strategy(name: str, **params) -> BuiltInStrategy:
    """A built-in strategy by name, with its parameters."""
    return BuiltInStrategy(name, dict(params))


def resolve_strategy(spec) -> Any:
    """A strategy from a name, ``"name:key=value,…"``, or an object with a ``machine`` method."""
    if hasattr(spec, "machine"):
        return spec
    name, params = parse_spec(spec, "strategy")
    return BuiltInStrategy(name, params)


def parse_spec(spec, what: str) -> tuple[str, dict]:
    """``"name:key=value,…"`` as (name, {key: value}); numbers are read as numbers."""
    if not isinstance(spec, str):
        raise ParameterError(f"a {what} is a name or a {what} object, not {type(spec).__name__}")
    name, _, arguments = spec.partition(":")
    params = {}
    for item in filter(None, (a.strip() for a in arguments.split(","))):
        key, equals, value = item.partition("=")
        if not equals:
            raise ParameterError(f"{what} {spec!r}: write parameters as key=value")
        params[key.strip()] = _value(value.strip())
    return name.strip(), params


def _value(text: str) -> Any:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


# ------------------------------------------------------------------ builders
# Each returns (state names, start, policy states × own, transitions states × own × other).

def _pure(levels, size):
    policy = np.zeros((len(levels), size))
    policy[np.arange(len(levels)), levels] = 1
    return policy


def _match(level, other, own):
    """The own level matching the other side's level, in proportion when the ladders differ."""
    if len(own) == len(other):
        return level
    return np.rint(np.asarray(level) * (len(own) - 1) / max(len(other) - 1, 1)).astype(int)


def _grid(states, own, other):
    return np.meshgrid(np.arange(states), np.arange(len(own)), np.arange(len(other)), indexing="ij")


def _constant(level, own, other):
    return ["playing " + own[level]], 0, _pure([level], len(own)), np.zeros((1, len(own), len(other)), int)


def cooperator(own, other, game, side):
    """Always the first action."""
    return _constant(0, own, other)


def defector(own, other, game, side):
    """Always the last action."""
    return _constant(len(own) - 1, own, other)


def always(own, other, game, side, action=0):
    """Always the given action."""
    return _constant(action_index(action, own, "strategy 'always'"), own, other)


def _mirror(own, other, start, respond):
    """States are own levels; the next level is ``respond`` of the other side's level."""
    s, _, b = _grid(len(own), own, other)
    return ["playing " + a for a in own], start, _pure(range(len(own)), len(own)), respond(b)


def tit_for_tat(own, other, game, side):
    """Start cooperating, then match the other side's last level."""
    return _mirror(own, other, 0, lambda b: _match(b, other, own))


def suspicious_tit_for_tat(own, other, game, side):
    """Tit-for-tat that starts by defecting."""
    return _mirror(own, other, len(own) - 1, lambda b: _match(b, other, own))


def tit_for_tat_plus_one(own, other, game, side):
    """Cooperate while the other side does; answer any escalation with one notch more."""
    top = len(own) - 1
    return _mirror(own, other, 0, lambda b: np.where(b == 0, 0, np.minimum(_match(b, other, own) + 1, top)))


def gradual_escalation(own, other, game, side):
    """Move one notch towards the other side's last level: up after escalation, down after de-escalation."""
    def respond(b):
        s = _grid(len(own), own, other)[0]
        return s + np.sign(_match(b, other, own) - s)
    return _mirror(own, other, 0, respond)


def appeasement(own, other, game, side):
    """Play one notch below the other side's last level (never retaliate in full)."""
    return _mirror(own, other, 0, lambda b: np.maximum(_match(b, other, own) - 1, 0))


def generous_tit_for_tat(own, other, game, side, forgive=0.1):
    """Tit-for-tat that answers an escalation by cooperating anyway with probability ``forgive``."""
    _probability(forgive, "forgive")
    names, start, policy, transitions = tit_for_tat(own, other, game, side)
    policy[1:] *= 1 - forgive
    policy[1:, 0] += forgive
    return names, start, policy, transitions


def grudger(own, other, game, side):
    """Grim trigger: cooperate until the other side escalates once, then defect for ever."""
    s, _, b = _grid(2, own, other)
    return ["cooperating", "punishing"], 0, _pure([0, len(own) - 1], len(own)), np.where((s == 1) | (b > 0), 1, 0)


def tit_for_two_tats(own, other, game, side):
    """Defect only after the other side has escalated twice in a row."""
    s, _, b = _grid(3, own, other)
    following = np.where(b == 0, 0, np.minimum(s + 1, 2))
    return ["calm", "warned", "punishing"], 0, _pure([0, 0, len(own) - 1], len(own)), following


def two_tits_for_tat(own, other, game, side):
    """Defect in the two periods after each escalation by the other side."""
    s, _, b = _grid(3, own, other)
    following = np.where(b > 0, 1, np.where(s == 1, 2, 0))
    return ["calm", "punishing", "punishing again"], 0, _pure([0, len(own) - 1, len(own) - 1], len(own)), following


def win_stay_lose_shift(own, other, game, side, aspiration=None):
    """Repeat a move that paid at least ``aspiration`` (default: the mutual-cooperation payoff);
    otherwise switch between cooperate and defect."""
    payoff = np.asarray(game.as_float().payoffs[side], dtype=float)
    payoff = payoff if side == 0 else payoff.T  # own action first
    level = payoff[0, 0] if aspiration is None else _finite(aspiration, "aspiration")
    s, a, b = _grid(len(own), own, other)
    shift = np.where(a == 0, len(own) - 1, 0)
    following = np.where(payoff[a, b] >= level, a, shift)
    return ["playing " + x for x in own], 0, _pure(range(len(own)), len(own)), following


def alternator(own, other, game, side):
    """Cooperate, defect, cooperate, … whatever the other side does."""
    s, _, _ = _grid(2, own, other)
    return ["cooperating", "defecting"], 0, _pure([0, len(own) - 1], len(own)), 1 - s


def random(own, other, game, side, cooperate=None):
    """Each action with equal probability, or cooperate with probability ``cooperate`` and defect otherwise."""
    if cooperate is None:
        row = np.full(len(own), 1 / len(own))
    else:
        _probability(cooperate, "cooperate")
        row = np.zeros(len(own))
        row[0] += cooperate
        row[-1] += 1 - cooperate
    return ["random"], 0, row[None, :], np.zeros((1, len(own), len(other)), int)


def stage_equilibrium(own, other, game, side, which=0):
    """Play the stage game's Nash equilibrium number ``which`` (in the order all_equilibria lists them)."""
    from ..solvers.enumeration import all_equilibria

    found = list(all_equilibria(game.as_float()))
    if not isinstance(which, int) or not 0 <= which < len(found):
        raise ParameterError(f"strategy 'stage_equilibrium': which must be 0..{len(found) - 1}, got {which!r}")
    row = np.asarray(found[which].profile[side], dtype=float)
    return ["equilibrium"], 0, row[None, :], np.zeros((1, len(own), len(other)), int)


def _probability(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ParameterError(f"{name} must be a probability in [0, 1], got {value!r}")


def _finite(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
        raise ParameterError(f"{name} must be a finite number, got {value!r}")
    return float(value)


_BUILDERS: dict[str, Callable] = {
    f.__name__: f for f in (
        cooperator, defector, always, tit_for_tat, suspicious_tit_for_tat, tit_for_tat_plus_one,
        generous_tit_for_tat, tit_for_two_tats, two_tits_for_tat, grudger, win_stay_lose_shift,
        alternator, gradual_escalation, appeasement, random, stage_equilibrium,
    )
}
