r"""Iterated elimination of dominated strategies, with the trace shown step by step.

Strategy :math:`s_i` of player :math:`i` is *strictly dominated* by a mixed
strategy :math:`\sigma_i` if :math:`u_i(\sigma_i, s_{-i}) > u_i(s_i, s_{-i})`
for every profile :math:`s_{-i}` of the others' remaining strategies, and
*weakly dominated* if :math:`\ge` holds everywhere and :math:`>` somewhere.
Domination by a mixed strategy is decided by a linear programme (scipy's
HiGHS); domination by a pure strategy is checked directly, exactly for exact
games.

Iterated strict dominance gives the same survivors in any order. Iterated
weak dominance does not: the result says so (``order_dependent``), and
eliminates one strategy per step in a fixed order (players in order, then
strategies in order) so the trace is reproducible.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.NormalFormGame.from_arrays(
...     [[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     players=("U.S.", "China"),
...     strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> result = ng.iterated_elimination(pd)
>>> result.surviving
(('Defect',), ('Defect',))
>>> print(result.steps[0])
round 1: U.S. eliminates Cooperate, strictly dominated by Defect
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import __version__, _format
from ..errors import ProfileError
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale

__all__ = ["EliminationStep", "EliminationResult", "iterated_elimination"]


@dataclass(frozen=True)
class EliminationStep:
    """One elimination: who drops which strategy, dominated by what."""

    round: int
    player: str
    strategy: str
    dominator: dict  # {strategy label: probability}
    strict: bool
    margin: Any  # smallest payoff advantage of the dominator

    def __str__(self) -> str:
        how = "strictly" if self.strict else "weakly"
        if len(self.dominator) == 1:
            by = next(iter(self.dominator))
        else:
            by = "the mix " + ", ".join(
                f"{label} {_format.number(p)}" for label, p in self.dominator.items()
            )
        return f"round {self.round}: {self.player} eliminates {self.strategy}, {how} dominated by {by}"


@dataclass(frozen=True, eq=False)
class EliminationResult:
    """The surviving strategies, the reduced game and the elimination trace."""

    game: NormalFormGame = field(repr=False)
    reduced: NormalFormGame = field(repr=False)
    surviving: tuple[tuple[str, ...], ...]
    steps: tuple[EliminationStep, ...]
    strict: bool
    mixed: bool
    order_dependent: bool
    method: str = "iterated elimination"

    @property
    def solved(self) -> bool:
        """True when each player has exactly one surviving strategy."""
        return all(len(s) == 1 for s in self.surviving)

    def __str__(self) -> str:
        kind = "strict" if self.strict else "weak"
        lines = [f"iterated {kind} dominance ({'pure and mixed' if self.mixed else 'pure'} dominators)"]
        lines += [f"  {step}" for step in self.steps] or ["  nothing is dominated"]
        for player, labels in zip(self.game.players, self.surviving):
            lines.append(f"{player} keeps: {', '.join(labels)}")
        if self.order_dependent:
            lines.append("note: weak dominance is order-dependent; another order may keep other strategies")
        return "\n".join(lines)

    def _rows(self):
        return ["round", "player", "eliminated", "dominated by"], [
            [str(s.round), s.player, s.strategy, str(s).split(" dominated by ")[1]] for s in self.steps
        ]

    def _repr_html_(self) -> str:
        return _format.html_table(*self._rows(), caption="iterated elimination")

    def _repr_latex_(self) -> str:
        return "$$" + _format.latex_table(*self._rows()).replace("\n", " ") + "$$"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "version": __version__,
            "strict": self.strict,
            "mixed": self.mixed,
            "order_dependent": self.order_dependent,
            "surviving": {p: list(s) for p, s in zip(self.game.players, self.surviving)},
            "steps": [
                {
                    "round": s.round,
                    "player": s.player,
                    "strategy": s.strategy,
                    "dominator": _format.plain(s.dominator),
                    "strict": s.strict,
                    "margin": _format.plain(s.margin),
                }
                for s in self.steps
            ],
        }


def iterated_elimination(
    game: NormalFormGame, strict: bool = True, mixed: bool = True, tol: float | None = None
) -> EliminationResult:
    """Iteratively remove dominated strategies and record every step.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players, numeric payoffs.
    strict : bool
        Strict dominance (default). ``strict=False`` uses weak dominance,
        which is order-dependent; the result is flagged.
    mixed : bool
        Also test domination by mixed strategies (linear programming).
    tol : float, optional
        Margin that counts as "better", relative to the payoff scale, for float
        games (default 1e-9). Exact games compare exactly.

    Examples
    --------
    >>> import negotiation as ng
    >>> from negotiation import examples
    >>> result = ng.iterated_elimination(examples.prisoners_dilemma())
    >>> result.surviving
    (('Defect',), ('Defect',))
    >>> print(result.steps[0])
    round 1: Row eliminates Cooperate, strictly dominated by Defect
    """
    game.require_numeric("iterated_elimination")
    exact = game.is_exact and tol is None
    margin_tol = 0 if exact else (DEFAULT_TOL if tol is None else tol) * payoff_scale(game)
    if margin_tol < 0:
        raise ProfileError(f"tol must be non-negative, got {tol!r}")
    alive = [list(range(k)) for k in game.shape]
    steps: list[EliminationStep] = []
    round_number = 0
    while True:
        round_number += 1
        found = _dominated_this_round(game, alive, strict, mixed, exact, margin_tol)
        if not found:
            break
        for i, k, dominator, margin in found:
            alive[i].remove(k)
            steps.append(
                EliminationStep(
                    round=round_number,
                    player=game.players[i],
                    strategy=game.strategies[i][k],
                    dominator={game.strategies[i][j]: p for j, p in dominator.items()},
                    strict=strict,
                    margin=margin,
                )
            )
    reduced = NormalFormGame(
        [a[np.ix_(*alive)] for a in game.payoffs],
        players=game.players,
        strategies=[[game.strategies[i][k] for k in keep] for i, keep in enumerate(alive)],
        title=game.title,
    )
    return EliminationResult(
        game=game,
        reduced=reduced,
        surviving=reduced.strategies,
        steps=tuple(steps),
        strict=strict,
        mixed=mixed,
        order_dependent=not strict,
    )


def _dominated_this_round(game, alive, strict, mixed, exact, margin_tol):
    """Dominated strategies in the current reduced game.

    Strict dominance removes everything dominated at once; weak dominance
    removes one strategy, since two identical strategies dominate each other.
    """
    found = []
    for i in range(game.num_players):
        if len(alive[i]) < 2:
            continue
        table = _own_payoffs(game, i, alive, exact)
        for row, k in enumerate(alive[i]):
            hit = _pure_dominator(table, row, strict, margin_tol)
            if hit is None and mixed and len(alive[i]) > 2:
                hit = _mixed_dominator(table, row, strict, margin_tol, exact)
            if hit is not None:
                weights, margin = hit
                found.append((i, k, {alive[i][r]: p for r, p in weights.items()}, margin))
                if not strict:
                    return found
    return found


def _own_payoffs(game, i, alive, exact):
    """Player i's payoffs in the reduced game, as (own strategies) × (others' profiles)."""
    block = game.payoffs[i][np.ix_(*alive)]
    block = np.moveaxis(block, i, 0).reshape(len(alive[i]), -1)
    return block if exact else block.astype(float)


def _pure_dominator(table, row, strict, margin_tol):
    target = table[row]
    for other in range(table.shape[0]):
        if other == row:
            continue
        diff = table[other] - target
        low = min(diff)
        if strict and low > margin_tol:
            return {other: 1}, low
        if not strict and low >= -margin_tol and max(diff) > margin_tol:
            return {other: 1}, low
    return None


def _mixed_dominator(table, row, strict, margin_tol, exact):
    from scipy.optimize import linprog

    others = [r for r in range(table.shape[0]) if r != row]
    U = np.asarray(table[others], dtype=float)
    target = np.asarray(table[row], dtype=float)
    k, c = U.shape
    if strict:
        # maximise e s.t. sigma @ U - target >= e (every column), sigma in the simplex
        cost = np.zeros(k + 1)
        cost[-1] = -1.0
        upper = np.hstack([-U.T, np.ones((c, 1))])
        bounds = [(0, None)] * k + [(None, None)]
        eq = np.hstack([np.ones((1, k)), np.zeros((1, 1))])
    else:
        # maximise the total advantage s.t. every advantage >= 0
        cost = -U.sum(axis=1)
        upper = -U.T
        bounds = [(0, None)] * k
        eq = np.ones((1, k))
    result = linprog(
        cost, A_ub=upper, b_ub=-target, A_eq=eq, b_eq=[1.0], bounds=bounds, method="highs"
    )
    if result.status != 0:
        return None
    sigma = np.clip(result.x[:k], 0, None)
    sigma /= sigma.sum()
    weights = {others[j]: float(p) for j, p in enumerate(sigma) if p > 1e-12}
    if exact:
        weights = _exact_weights(weights)
        values = [sum((p * table[r][col] for r, p in weights.items()), Fraction(0)) for col in range(c)]
        diff = [v - table[row][col] for col, v in enumerate(values)]
    else:
        diff = list(sigma @ U - target)
    low = min(diff)
    if strict and low > margin_tol:
        return weights, low
    if not strict and low >= -margin_tol and max(diff) > margin_tol:
        return weights, low
    return None


def _exact_weights(weights: dict) -> dict:
    """Rational probabilities near the LP's, summing exactly to 1."""
    fractions = {r: Fraction(p).limit_denominator(10**6) for r, p in weights.items()}
    last = max(fractions, key=fractions.get)
    fractions[last] += 1 - sum(fractions.values())
    return {r: p for r, p in fractions.items() if p > 0}
