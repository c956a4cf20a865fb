r"""Games of incomplete information: types, a common prior, and the Harsanyi transformation.

Each player :math:`i` has a finite set of *types* :math:`T_i` (what the others
do not know: resolve, costs, intentions), drawn from a common prior
:math:`p(t)` over type profiles. For each type profile there is a payoff
table over actions. A strategy of player :math:`i` chooses an action for each
of their types; its ex-ante payoff is the prior-weighted payoff. The result is
a :class:`NormalFormGame` (the Harsanyi transformation) whose Nash equilibria
are the Bayesian Nash equilibria.

Examples
--------
>>> import negotiation as ng
>>> # the U.S. leader is a dealmaker with probability 2/3, a hardliner with 1/3
>>> from fractions import Fraction as F
>>> game = ng.BayesianGame(
...     players=("U.S.", "China"),
...     actions=(("Agree", "Escalate"), ("Concede", "Hold firm")),
...     types=(("dealmaker", "hardliner"), ("China",)),
...     prior={("dealmaker", "China"): F(2, 3), ("hardliner", "China"): F(1, 3)},
...     payoffs={
...         ("dealmaker", "China"): ([[3, 2], [1, 0]], [[1, 2], [0, -1]]),
...         ("hardliner", "China"): ([[1, 0], [3, 1]], [[1, 2], [-1, -2]])})
>>> normal = game.to_normal_form()
>>> normal.strategies[0]
('Agree if dealmaker; Agree if hardliner', 'Agree if dealmaker; Escalate if hardliner', 'Escalate if dealmaker; Agree if hardliner', 'Escalate if dealmaker; Escalate if hardliner')
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import GameError, LabelError, ShapeError
from .arithmetic import to_fraction
from .normal_form import NormalFormGame

__all__ = ["BayesianGame"]


class BayesianGame:
    """Players with private types, a common prior, and a payoff table per type profile."""

    def __init__(
        self,
        players: Sequence[str],
        actions: Sequence[Sequence[str]],
        types: Sequence[Sequence[str]],
        prior: Mapping[tuple, Any],
        payoffs: Mapping[tuple, Sequence[Any]],
        title: str = "",
    ):
        self.players = tuple(players)
        self.actions = tuple(tuple(a) for a in actions)
        self.types = tuple(tuple(t) for t in types)
        self.title = title
        count = len(self.players)
        if len(self.actions) != count or len(self.types) != count:
            raise ShapeError(f"actions and types need one list per player ({count})")
        for player, labels in zip(self.players, self.types):
            if not labels or len(set(labels)) != len(labels):
                raise LabelError(f"{player} needs at least one type, each named once")
        profiles = list(itertools.product(*self.types))
        unknown = [k for k in prior if tuple(k) not in set(profiles)]
        if unknown:
            raise LabelError(f"the prior names type profiles that do not exist: {unknown[:3]}")
        for key, p in prior.items():
            if isinstance(p, bool) or not isinstance(p, (int, float, Fraction)) or (
                    isinstance(p, float) and math.isnan(p)) or not 0 <= p <= 1:
                raise GameError(f"the prior probability of {key} must be a number in [0, 1], got {p!r}")
        exact = all(isinstance(p, (int, Fraction)) for p in prior.values())
        self.prior = {t: (to_fraction(prior.get(t, 0)) if exact else float(prior.get(t, 0))) for t in profiles}
        if any(p < 0 for p in self.prior.values()):
            raise GameError("prior probabilities must be non-negative")
        total = sum(self.prior.values())
        if (exact and total != 1) or (not exact and abs(total - 1) > 1e-9):
            raise GameError(f"the prior sums to {total}, not 1")
        self.tables = {}
        for t in profiles:
            if self.prior[t] == 0:
                continue
            if t not in payoffs:
                raise LabelError(f"no payoffs for the type profile {t}")
            table = payoffs[t]
            if isinstance(table, (str, bytes)) or not isinstance(table, (Sequence, np.ndarray)):
                raise ShapeError(f"the payoffs for {t} must be one array per player, got {table!r}")
            self.tables[t] = NormalFormGame(list(table), players=self.players, strategies=self.actions)

    def to_normal_form(self) -> NormalFormGame:
        """The Harsanyi transformation: strategies are type-contingent plans."""
        plans = [list(itertools.product(range(len(a)), repeat=len(t))) for a, t in zip(self.actions, self.types)]
        shape = tuple(len(p) for p in plans)
        exact = all(g.is_exact or g.kind == "float" for g in self.tables.values()) and all(
            isinstance(p, Fraction) for p in self.prior.values()
        )
        arrays = [np.zeros(shape, dtype=object) for _ in self.players]
        for cell in itertools.product(*(range(n) for n in shape)):
            total = [Fraction(0) if exact else 0.0 for _ in self.players]
            for t, game in self.tables.items():
                chosen = tuple(
                    plans[i][cell[i]][self.types[i].index(t[i])] for i in range(len(self.players))
                )
                weight = self.prior[t]
                for i, table in enumerate(game.payoffs):
                    value = to_fraction(table[chosen]) if exact else float(table[chosen])
                    total[i] += weight * value
            for i in range(len(self.players)):
                arrays[i][cell] = total[i]
        labels = [
            [self._label(i, plan) for plan in plans[i]] for i in range(len(self.players))
        ]
        return NormalFormGame(arrays, players=self.players, strategies=labels, title=self.title)

    def _label(self, i: int, plan: tuple) -> str:
        if len(self.types[i]) == 1:
            return self.actions[i][plan[0]]
        return "; ".join(f"{self.actions[i][a]} if {t}" for a, t in zip(plan, self.types[i]))

    def __repr__(self) -> str:
        return f"<BayesianGame {', '.join(self.players)}; types {self.types}>"
