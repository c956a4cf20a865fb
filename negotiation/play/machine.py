r"""Strategies as finite-state machines, so that many matches run as arrays.

Every strategy a match can play is, once bound to one side of a stage game, a
:class:`Machine`: a finite set of states, a start state, a probability
distribution over the side's own actions in each state, and a transition
table ``next[state, own action played, other side's action as observed]``.
Tit-for-tat, grim trigger, win-stay-lose-shift, generous and random
strategies all fit, and so does any strategy a workshop writes as a file.
Because a machine is three small arrays, a tournament stacks the machines of
all strategies and advances every match of every pair and repetition with
one array lookup per turn (:mod:`negotiation.play.match`).

Actions are referred to by *level*: 0 is the first action of the side ("the
most cooperative"), the last is "defect" (the most hostile). A reference may
be an index, an action label, ``"cooperate"`` or ``"defect"``.

A Python strategy implements :class:`StrategyBase`: a ``start`` state and
two methods, ``play(state)`` and ``next(state, own, other)``. Its machine is
found by exploring the states reachable from the start.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.play.machine import StrategyBase
>>> class FirmButFair(StrategyBase):
...     '''Cooperate; after a defection, defect once, then forgive.'''
...     name = "firm_but_fair"
...     start = "calm"
...     def play(self, state):
...         return "cooperate" if state == "calm" else "defect"
...     def next(self, state, own, other):
...         return "angry" if other > 0 and state == "calm" else "calm"
>>> machine = FirmButFair().machine(ng.examples.prisoners_dilemma(), 0)
>>> machine.states
('calm', 'angry')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Mapping

import numpy as np

from ..errors import ParameterError

__all__ = ["Machine", "StrategyBase", "action_index", "MAX_STATES"]

MAX_STATES = 10_000  # a strategy with more states is almost certainly a mistake
_TOL = 1e-9


@dataclass(frozen=True, eq=False)
class Machine:
    """A strategy bound to one side of a stage game.

    ``policy[s]`` is the distribution over own actions in state ``s`` (shape
    states × own actions); ``transitions[s, a, b]`` is the next state after
    playing ``a`` and observing the other side play ``b``.
    """

    name: str
    states: tuple[str, ...]
    start: int
    policy: np.ndarray
    transitions: np.ndarray
    description: str = ""
    stochastic: bool = field(init=False)

    def __post_init__(self):
        policy = np.asarray(self.policy, dtype=float)
        transitions = np.asarray(self.transitions)
        count = len(self.states)
        if count == 0 or count > MAX_STATES:
            raise ParameterError(f"strategy {self.name!r} has {count} states; it needs 1 to {MAX_STATES}")
        if policy.ndim != 2 or policy.shape[0] != count:
            raise ParameterError(f"strategy {self.name!r}: the policy must have one row per state ({count})")
        if not np.all(np.isfinite(policy)) or (policy < -_TOL).any() or not np.allclose(policy.sum(axis=1), 1, atol=1e-9):
            raise ParameterError(f"strategy {self.name!r}: each state's action probabilities must be ≥ 0 and sum to 1")
        if transitions.ndim != 3 or transitions.shape[:2] != (count, policy.shape[1]):
            raise ParameterError(f"strategy {self.name!r}: transitions must be states × own actions × other's actions")
        if not np.issubdtype(transitions.dtype, np.integer) or transitions.min() < 0 or transitions.max() >= count:
            raise ParameterError(f"strategy {self.name!r}: every transition must lead to one of its {count} states")
        if not 0 <= self.start < count:
            raise ParameterError(f"strategy {self.name!r}: the start state must be one of its states")
        policy = np.clip(policy, 0, None)
        object.__setattr__(self, "policy", policy / policy.sum(axis=1, keepdims=True))
        object.__setattr__(self, "transitions", transitions.astype(np.int64))
        object.__setattr__(self, "stochastic", bool(((policy > _TOL) & (policy < 1 - _TOL)).any()))

    @property
    def actions(self) -> int:
        return self.policy.shape[1]

    def __repr__(self) -> str:
        return f"Machine({self.name!r}, {len(self.states)} states)"


def action_index(ref: Any, labels: tuple[str, ...], who: str) -> int:
    """The level named by ``ref``: an index, a label, "cooperate" (first) or "defect" (last)."""
    if isinstance(ref, (bool, np.bool_)):
        raise ParameterError(f"{who}: an action must be an index or a label, not {ref!r}")
    if isinstance(ref, (int, np.integer)):
        if 0 <= ref < len(labels):
            return int(ref)
        raise ParameterError(f"{who}: action index {ref} is outside 0..{len(labels) - 1}")
    if isinstance(ref, str):
        if ref in labels:
            return labels.index(ref)
        if ref == "cooperate":
            return 0
        if ref == "defect":
            return len(labels) - 1
        raise ParameterError(f"{who}: unknown action {ref!r}; the actions are "
                             + ", ".join(repr(a) for a in labels) + ' (or "cooperate", "defect")')
    raise ParameterError(f"{who}: an action must be an index or a label, not {type(ref).__name__}")


def distribution(ref: Any, labels: tuple[str, ...], who: str) -> np.ndarray:
    """An action, or a mapping from actions to probabilities, as a probability vector."""
    vector = np.zeros(len(labels))
    if isinstance(ref, Mapping):
        for action, probability in ref.items():
            if isinstance(probability, bool) or not isinstance(probability, (int, float)) or not 0 <= probability <= 1:
                raise ParameterError(f"{who}: the probability of {action!r} must be a number in [0, 1]")
            vector[action_index(action, labels, who)] += probability
        if abs(vector.sum() - 1) > 1e-9:
            raise ParameterError(f"{who}: action probabilities sum to {vector.sum():g}, not 1")
        return vector
    vector[action_index(ref, labels, who)] = 1
    return vector


class StrategyBase:
    """The interface for a strategy written in Python.

    Set ``name`` and ``start`` (any hashable state) and write two methods:

    * ``play(state)`` returns an action (index, label, ``"cooperate"`` or
      ``"defect"``) or a mapping from actions to probabilities;
    * ``next(state, own, other)`` returns the next state, given the action
      this side played and the other side's action as observed, both as
      levels (0 is the first action, "cooperate").

    The machine is built by visiting every state reachable from ``start``,
    so both methods must be deterministic functions of their arguments.
    """

    name = "custom"
    start: Hashable = "start"
    description = ""

    def play(self, state):
        """The action (index or label) this strategy plays in ``state``."""
        raise ParameterError(f"strategy {self.name!r} defines no play(state): a subclass of StrategyBase "
                             "defines play and next")

    def next(self, state, own, other):
        """The state after this side played ``own`` and saw the other side play ``other``."""
        raise ParameterError(f"strategy {self.name!r} defines no next(state, own, other): a subclass of "
                             "StrategyBase defines play and next")

    def machine(self, game, side: int) -> Machine:
        own_labels, other_labels = _side_labels(game, side)
        index = {self.start: 0}
        order = [self.start]
        policy, rows = [], []
        position = 0
        while position < len(order):
            state = order[position]
            position += 1
            policy.append(distribution(self.play(state), own_labels, f"strategy {self.name!r} in state {state!r}"))
            row = np.empty((len(own_labels), len(other_labels)), dtype=np.int64)
            for a in range(len(own_labels)):
                for b in range(len(other_labels)):
                    following = self.next(state, a, b)
                    if following not in index:
                        if len(order) >= MAX_STATES:
                            raise ParameterError(f"strategy {self.name!r} reaches more than {MAX_STATES} states")
                        index[following] = len(order)
                        order.append(following)
                    row[a, b] = index[following]
            rows.append(row)
        return Machine(self.name, tuple(str(s) for s in order), 0, np.array(policy), np.array(rows),
                       description=self.description or (type(self).__doc__ or "").strip())

    def __repr__(self) -> str:
        return f"<strategy {self.name}>"


def _side_labels(game, side: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if game.num_players != 2:
        raise ParameterError(f"a repeated game needs a two-player stage game, not {game.num_players} players")
    return tuple(game.strategies[side]), tuple(game.strategies[1 - side])
