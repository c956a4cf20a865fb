r"""Two-player zero-sum games: the value and optimal strategies by linear programming.

For a zero-sum game with row payoffs :math:`A` the value is

.. math:: v = \max_{x \in \Delta_m} \min_{j} (x^\top A)_j
            = \min_{y \in \Delta_n} \max_{i} (A y)_i ,

and each side's optimal (maximin) strategies solve a linear programme. Both
programmes are solved with scipy's HiGHS; the pair of strategies is returned
as an equilibrium with its regret, and the duality gap is reported.

Examples
--------
>>> import negotiation as ng
>>> rps = ng.NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
>>> result = ng.solve_zero_sum(rps)
>>> round(result.value, 9)
0.0
>>> [round(float(p), 6) for p in result.equilibrium.profile[1]]
[0.333333, 0.333333, 0.333333]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import _format
from ..errors import NotZeroSumError, SolverError
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .results import Equilibrium, make_equilibrium

__all__ = ["ZeroSumSolution", "solve_zero_sum", "is_zero_sum"]


@dataclass(frozen=True, eq=False)
class ZeroSumSolution(_format.Displays):
    """The value of a zero-sum game and an optimal strategy for each player."""

    value: float
    equilibrium: Equilibrium
    duality_gap: float
    game: NormalFormGame = field(repr=False)
    method: str = "linear programming (HiGHS)"

    @property
    def success(self) -> bool:
        return True

    def __str__(self) -> str:
        return (
            f"value {_format.number(self.value)} to {self.game.players[0]} "
            f"(duality gap {_format.number(self.duality_gap, 3)})\n{self.equilibrium.describe()}"
        )

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "value": self.value,
            "duality_gap": self.duality_gap,
            "equilibrium": self.equilibrium.to_dict(),
        }


def is_zero_sum(game: NormalFormGame, tol: float | None = None) -> bool:
    """Whether a two-player game's payoffs sum to zero in every cell (within ``tol``)."""
    game.require_numeric("the zero-sum test")
    if game.num_players != 2:
        return False
    A, B = game.payoffs
    if game.is_exact and tol is None:
        return bool(((A + B) == 0).all())
    bound = (DEFAULT_TOL if tol is None else tol) * payoff_scale(game)
    return bool(np.abs(A.astype(float) + B.astype(float)).max() <= bound)


def solve_zero_sum(game: NormalFormGame, tol: float | None = None) -> ZeroSumSolution:
    """Value and optimal strategies of a two-player zero-sum game.

    Raises :class:`~negotiation.errors.NotZeroSumError` if the payoffs do not
    sum to zero.
    """
    game.require_numeric("solve_zero_sum")
    game.require_players(2, "solve_zero_sum")
    if not is_zero_sum(game, tol):
        A, B = game.as_float().payoffs
        cell = np.unravel_index(np.argmax(np.abs(A + B)), A.shape)
        labels = (game.strategies[0][cell[0]], game.strategies[1][cell[1]])
        raise NotZeroSumError(
            f"the payoffs at {labels} sum to {A[cell] + B[cell]:g}, not 0; "
            "use all_equilibria or lemke_howson for general games"
        )
    A = np.asarray(game.as_float().payoffs[0], dtype=float)
    # HiGHS works to absolute tolerances: solve the game rescaled into [0, 1]
    # (same optimal strategies), then read the value off the original payoffs
    spread = float(A.max() - A.min()) or 1.0
    unit = (A - A.min()) / spread
    x = _maximin(unit)
    y = _maximin(-unit.T)
    lower, upper = float((x @ A).min()), float((A @ y).max())
    eq = make_equilibrium(game, (x, y))
    return ZeroSumSolution(value=(lower + upper) / 2, equilibrium=eq, duality_gap=upper - lower, game=game)


def _maximin(A: np.ndarray) -> np.ndarray:
    """Row player's maximin strategy of ``A``."""
    from scipy.optimize import linprog

    m, n = A.shape
    # variables (x_1..x_m, v): maximise v s.t. (x^T A)_j >= v, sum x = 1, x >= 0
    cost = np.zeros(m + 1)
    cost[-1] = -1.0
    upper = np.hstack([-A.T, np.ones((n, 1))])
    equality = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    bounds = [(0, None)] * m + [(None, None)]
    result = linprog(
        cost, A_ub=upper, b_ub=np.zeros(n), A_eq=equality, b_eq=[1.0], bounds=bounds, method="highs"
    )
    if result.status != 0:
        raise SolverError(f"the zero-sum linear programme failed: {result.message}")
    x = np.clip(result.x[:m], 0.0, None)
    return x / x.sum()
