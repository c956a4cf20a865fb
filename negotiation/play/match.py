r"""Matches of a repeated game, simulated as arrays: every match advances at once.

Each match is a pair of :class:`~negotiation.play.machine.Machine` objects,
one per side. All machines of a side are stacked into one state table, so a
turn of every match of a tournament (all pairs, all repetitions) is a handful
of array operations, whatever the number of matches. Per turn, for every match:

1. each side draws its action from its state's distribution;
2. with probability ``noise`` the action slips to another action, uniformly
   (an implementation error: the side meant one thing and did another);
3. each side observes the other's action, wrongly with probability
   ``observation_noise`` (a uniformly drawn other action);
4. each side moves to its next state, given its own action as played and
   the other's action as observed.

Payoffs are averaged per turn. With a discount factor :math:`\delta` turn
:math:`t` is weighted by :math:`\delta^t`, and the weights are normalised, so
the figure stays a per-turn payoff. With a turnover ``hazard`` :math:`h` the
match ends after each turn with probability :math:`h` (a government changes),
and at ``turns`` at the latest.

Examples
--------
>>> import negotiation as ng
>>> match = ng.play_match(ng.examples.prisoners_dilemma(), "tit_for_tat", "alternator", turns=6)
>>> match.actions[0]
('Cooperate', 'Cooperate', 'Defect', 'Cooperate', 'Defect', 'Cooperate')
>>> match.mean_payoffs   # 13/6 and 18/6
(2.1666666666666665, 3.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import _format
from ..errors import ParameterError
from .machine import Machine
from .strategies import resolve_strategy

__all__ = ["Match", "play_match", "simulate", "MAX_TURNS", "check_settings"]

MAX_TURNS = 1_000_000


@dataclass(frozen=True)
class Match(_format.Displays):
    """One match, move by move (the first repetition's history)."""

    players: tuple[str, str]
    strategies: tuple[str, str]
    actions: tuple[tuple[str, ...], tuple[str, ...]]
    mean_payoffs: tuple[float, float]
    cooperation: tuple[float, float]
    turns: int

    def __str__(self) -> str:
        lines = [f"{self.strategies[0]} ({self.players[0]}) against {self.strategies[1]} ({self.players[1]}), "
                 f"{self.turns} turns; mean payoffs per turn {_format.number(self.mean_payoffs[0])}, "
                 f"{_format.number(self.mean_payoffs[1])}"]
        shown = min(self.turns, 20)
        rows = [[str(t + 1), self.actions[0][t], self.actions[1][t]] for t in range(shown)]
        lines.append(_format.text_table(["turn", self.players[0], self.players[1]], rows))
        if shown < self.turns:
            lines.append(f"… {self.turns - shown} more turns")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"players": list(self.players), "strategies": list(self.strategies),
                "actions": [list(a) for a in self.actions], "mean_payoffs": list(self.mean_payoffs),
                "cooperation": list(self.cooperation), "turns": self.turns}


class _Side:
    """All machines of one side, stacked: global state numbers, cumulative policies, transitions."""

    def __init__(self, machines: list[Machine]):
        sizes = [len(m.states) for m in machines]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.starts = self.offsets + np.array([m.start for m in machines])
        policy = np.concatenate([m.policy for m in machines])
        self.actions = policy.shape[1]
        self.cumulative = np.cumsum(policy, axis=1)[:, :-1]
        self.deterministic = not any(m.stochastic for m in machines)
        self.pure = policy.argmax(axis=1)
        # transitions to global state numbers, flattened for one take() per turn
        table = np.concatenate([m.transitions + off for m, off in zip(machines, self.offsets)])
        self.table = table.reshape(-1)
        self.stride = table.shape[1] * table.shape[2]
        self.other_actions = table.shape[2]

    def draw(self, states, rng):
        if self.deterministic:
            return self.pure[states]
        uniform = rng.random(states.shape[0])
        return (uniform[:, None] >= self.cumulative[states]).sum(axis=1)

    def advance(self, states, own, observed):
        return self.table[states * self.stride + own * self.other_actions + observed]


def check_settings(turns, noise, observation_noise, discount, hazard) -> None:
    """Clear errors for the settings shared by matches and tournaments."""
    if isinstance(turns, bool) or not isinstance(turns, (int, np.integer)) or not 1 <= turns <= MAX_TURNS:
        raise ParameterError(f"turns must be a whole number from 1 to {MAX_TURNS:,}, got {turns!r}")
    for name, value in (("noise", noise), ("observation_noise", observation_noise), ("hazard", hazard)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1 or math.isnan(value):
            raise ParameterError(f"{name} must be a probability in [0, 1), got {value!r}")
    if discount is not None and (isinstance(discount, bool) or not isinstance(discount, (int, float))
                                 or not 0 < discount <= 1):
        raise ParameterError(f"discount must be a discount factor in (0, 1], got {discount!r}")


def _slip(actions, probability, size, rng):
    """Each action becomes a uniformly drawn other action with the given probability."""
    if probability == 0 or size < 2:
        return actions
    slipped = rng.random(actions.shape[0]) < probability
    return np.where(slipped, (actions + rng.integers(1, size, actions.shape[0])) % size, actions)


def simulate(payoffs, rows: list[Machine], columns: list[Machine], row_of, column_of, turns: int,
             noise=0.0, observation_noise=0.0, discount=None, hazard=0.0, rng=None, record=False) -> dict:
    """Play matches ``row_of[k]`` against ``column_of[k]`` for every k at once.

    Returns per-match arrays: mean payoffs per turn of each side, cooperation
    rates (the first action), escalation rates (turns where a side raised its
    level), the number of turns played and, with ``record``, the actions.
    """
    A, B = (np.asarray(p, dtype=float) for p in payoffs)
    rng = np.random.default_rng(rng)
    row, column = _Side(rows), _Side(columns)
    count = len(row_of)
    state_r = row.starts[np.asarray(row_of)]
    state_c = column.starts[np.asarray(column_of)]
    length = np.full(count, turns) if hazard == 0 else np.minimum(rng.geometric(hazard, count), turns)
    sums = {key: np.zeros(count) for key in ("row", "column", "weight", "coop_r", "coop_c", "esc_r", "esc_c")}
    history = np.zeros((2, turns, count), dtype=np.int16) if record else None
    previous = None
    weight = 1.0
    for t in range(int(length.max())):  # every match has ended after its longest
        a = _slip(row.draw(state_r, rng), noise, row.actions, rng)
        b = _slip(column.draw(state_c, rng), noise, column.actions, rng)
        seen_by_row = _slip(b, observation_noise, column.actions, rng)
        seen_by_column = _slip(a, observation_noise, row.actions, rng)
        state_r = row.advance(state_r, a, seen_by_row)
        state_c = column.advance(state_c, b, seen_by_column)
        active = t < length
        w = np.where(active, weight, 0.0) if hazard else weight
        sums["row"] += w * A[a, b]
        sums["column"] += w * B[a, b]
        sums["weight"] += w
        sums["coop_r"] += w * (a == 0)
        sums["coop_c"] += w * (b == 0)
        if previous is not None:
            sums["esc_r"] += active & (a > previous[0])
            sums["esc_c"] += active & (b > previous[1])
        previous = (a, b)
        if record:
            history[0, t], history[1, t] = a, b
        if discount is not None:
            weight *= discount
    steps = np.maximum(length - 1, 1)
    result = {
        "row": sums["row"] / sums["weight"], "column": sums["column"] / sums["weight"],
        "cooperation": (sums["coop_r"] / sums["weight"], sums["coop_c"] / sums["weight"]),
        "escalation": (np.where(length > 1, sums["esc_r"] / steps, 0.0), np.where(length > 1, sums["esc_c"] / steps, 0.0)),
        "turns": length,
    }
    if record:
        result["history"] = history
    return result


def play_match(game, row_strategy, column_strategy, turns: int = 200, noise: float = 0.0,
               observation_noise: float = 0.0, discount=None, hazard: float = 0.0, seed=None) -> Match:
    """Play one match of the repeated ``game`` and return it move by move.

    ``row_strategy`` plays the first player, ``column_strategy`` the second;
    each is a name (see :func:`negotiation.strategies`), ``"name:key=value"``
    or a strategy object.
    """
    check_settings(turns, noise, observation_noise, discount, hazard)
    game.require_numeric("a repeated game")
    game.require_players(2, "a repeated game")
    first, second = resolve_strategy(row_strategy), resolve_strategy(column_strategy)
    machines = first.machine(game, 0), second.machine(game, 1)
    out = simulate(game.as_float().payoffs, [machines[0]], [machines[1]], [0], [0], turns, noise,
                   observation_noise, discount, hazard, np.random.default_rng(seed), record=True)
    played = int(out["turns"][0])
    labels = [tuple(game.strategies[side][i] for i in out["history"][side, :played, 0]) for side in (0, 1)]
    return Match(tuple(game.players), (machines[0].name, machines[1].name), tuple(labels),
                 (float(out["row"][0]), float(out["column"][0])),
                 (float(out["cooperation"][0][0]), float(out["cooperation"][1][0])), played)
