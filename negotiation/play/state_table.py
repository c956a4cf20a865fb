"""A strategy written as a table of states: what to play in each, and where to go on each observation.

This is what a strategy file holds (:mod:`negotiation.io.strategy_file`), and
it can be built in Python as well. Actions are named as the game names them,
by index, or as ``"cooperate"`` (the first) and ``"defect"`` (the last), so
one table plays any game with the same number of actions. A transition fires
on the other side's action as observed; ``"*"`` matches any action not
listed for that state. With no matching transition the state stays.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.play.state_table import StateTableStrategy
>>> firm = StateTableStrategy(
...     "firm_but_fair", start="calm",
...     states={"calm": "cooperate", "angry": "defect"},
...     transitions=[("calm", ["defect"], "angry"), ("angry", ["*"], "calm")])
>>> ng.play_match(ng.examples.prisoners_dilemma(), firm, "defector", turns=4).actions[0]
('Cooperate', 'Defect', 'Cooperate', 'Defect')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ParameterError
from .machine import MAX_STATES, Machine, _side_labels, action_index, distribution

__all__ = ["StateTableStrategy", "ANY"]

ANY = "*"


@dataclass(frozen=True)
class StateTableStrategy:
    """States (name → action or {action: probability}), a start state and transitions (from, on, to)."""

    name: str
    start: str
    states: dict
    transitions: tuple = ()
    description: str = ""
    source: str = field(default="", compare=False)

    def __post_init__(self):
        object.__setattr__(self, "states", dict(self.states))
        object.__setattr__(self, "transitions", tuple((a, tuple(on), b) for a, on, b in self.transitions))
        if not 1 <= len(self.states) <= MAX_STATES:
            raise ParameterError(f"strategy {self.name!r} needs 1 to {MAX_STATES} states")
        if self.start not in self.states:
            raise ParameterError(f"strategy {self.name!r}: the start state {self.start!r} is not one of its states")
        for origin, _, target in self.transitions:
            for state in (origin, target):
                if state not in self.states:
                    raise ParameterError(f"strategy {self.name!r}: a transition names the unknown state {state!r}; "
                                         "the states are " + ", ".join(map(repr, self.states)))

    @property
    def label(self) -> str:
        return self.name

    def machine(self, game, side: int) -> Machine:
        own, other = _side_labels(game, side)
        names = list(self.states)
        number = {name: k for k, name in enumerate(names)}
        policy = np.array([distribution(self.states[name], own, f"strategy {self.name!r}, state {name!r}")
                           for name in names])
        table = np.repeat(np.arange(len(names))[:, None, None], len(own), axis=1).repeat(len(other), axis=2)
        for state in names:
            table[number[state]] = self._row(state, number, other, len(own))
        return Machine(self.name, tuple(names), number[self.start], policy, table, description=self.description)

    def _row(self, state, number, other, own_count) -> np.ndarray:
        """Next state for each observed action of the other side, in one state."""
        following = np.full(len(other), number[state])
        fallback, given = None, {}
        who = f"strategy {self.name!r}, transitions from {state!r}"
        for origin, on, target in self.transitions:
            if origin != state:
                continue
            for ref in on:
                if ref == ANY:
                    if fallback is not None and fallback != target:
                        raise ParameterError(f"{who}: '*' leads to both {fallback!r} and {target!r}")
                    fallback = target
                    continue
                action = action_index(ref, other, who)
                if given.get(action, target) != target:
                    raise ParameterError(f"{who}: observing {other[action]!r} leads to both "
                                         f"{given[action]!r} and {target!r}")
                given[action] = target
        if fallback is not None:
            following[:] = number[fallback]
        for action, target in given.items():
            following[action] = number[target]
        return np.repeat(following[None, :], own_count, axis=0)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "states": self.states,
                "transitions": [{"from": a, "on": list(on), "to": b} for a, on, b in self.transitions],
                "description": self.description}
