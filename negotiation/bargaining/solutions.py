r"""Bargaining solutions: Nash, Kalai–Smorodinsky, egalitarian, utilitarian, variable threats.

For a problem :math:`(S, d)` with ideal point :math:`I` (each side's best
individually rational payoff):

* **Nash** (1950): maximise :math:`\prod_i (u_i - d_i)^{w_i}` over the
  individually rational part of :math:`S` (asymmetric with weights ``w``);
* **Kalai–Smorodinsky** (1975): the Pareto point on the segment from
  :math:`d` to :math:`I`, where gains are proportional to potential gains;
* **egalitarian** (Kalai 1977): the Pareto point with equal gains
  :math:`u_i - d_i` (on a discrete set: the package with the largest smallest gain);
* **utilitarian**: maximise :math:`\sum_i u_i` among individually rational points;
* **Nash's variable-threat solution** (1953): each side first commits to a
  threat strategy of a game; the threats fix the disagreement point, and the
  Nash solution follows.

On convex two-player problems the Nash, KS and egalitarian points are found in
closed form on each segment of the Pareto frontier, so exact input (Fractions)
gives exact answers for symmetric weights.

Examples
--------
>>> import negotiation as ng
>>> from fractions import Fraction as F
>>> problem = ng.BargainingProblem.from_points([(0, F(10)), (10, 0)], disagreement=(2, 0))
>>> ng.nash_bargaining(problem).point
(Fraction(6, 1), Fraction(4, 1))
>>> ng.kalai_smorodinsky(problem).point  # ideal point (10, 8): gains in ratio 8:8
(Fraction(6, 1), Fraction(4, 1))
>>> ng.utilitarian(problem).point
(Fraction(2, 1), Fraction(8, 1))
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Sequence

import numpy as np

from .. import __version__, _format
from ..errors import GameError, UnsupportedGameError
from .problem import DISCRETE, FUNCTION, BargainingProblem, _bisect

__all__ = [
    "BargainingSolution",
    "nash_bargaining",
    "kalai_smorodinsky",
    "egalitarian",
    "utilitarian",
    "variable_threat",
    "is_individually_rational",
    "is_pareto_optimal",
]

_TOL = 1e-9


@dataclass(frozen=True, eq=False)
class BargainingSolution(_format.Displays):
    """A proposed deal: the payoff point, its package label (if discrete) and checks."""

    point: tuple
    method: str
    problem: BargainingProblem = field(repr=False)
    label: str | None = None
    agreement: bool = True
    weights: tuple | None = None
    threats: tuple | None = None  # variable-threat solution: each side's threat strategy
    message: str = ""

    @property
    def gains(self) -> tuple:
        return tuple(u - d for u, d in zip(self.point, self.problem.disagreement))

    @property
    def individually_rational(self) -> bool:
        return is_individually_rational(self.problem, self.point)

    @property
    def pareto_optimal(self) -> bool:
        return is_pareto_optimal(self.problem, self.point)

    def __str__(self) -> str:
        if not self.agreement:
            return f"{self.method}: no agreement is better for every side than no deal ({self.message})"
        who = ", ".join(f"{p} {_format.number(u)}" for p, u in zip(self.problem.players, self.point))
        what = f" (package {self.label!r})" if self.label else ""
        return f"{self.method}: {who}{what}"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "version": __version__,
            "point": {p: _format.plain(u) for p, u in zip(self.problem.players, self.point)},
            "label": self.label,
            "agreement": self.agreement,
            "weights": _format.plain(self.weights) if self.weights else None,
            "message": self.message,
        }


# ---------------------------------------------------------------------- checkers
def is_individually_rational(problem: BargainingProblem, point: Sequence, tol: float = _TOL) -> bool:
    """Every side gets at least its disagreement payoff (within ``tol`` × scale)."""
    slack = 0 if problem.exact and tol == _TOL else tol * _scale(problem)
    return all(u >= d - slack for u, d in zip(point, problem.disagreement))


def is_pareto_optimal(problem: BargainingProblem, point: Sequence, tol: float = _TOL) -> bool:
    """No feasible point gives every side at least as much and someone more."""
    slack = 0 if problem.exact and tol == _TOL else tol * _scale(problem)
    if problem.kind == DISCRETE:
        if not any(all(abs(a - b) <= slack for a, b in zip(point, p)) for p in problem.points):
            return False
        return not any(
            all(a >= b - slack for a, b in zip(p, point)) and any(a > b + slack for a, b in zip(p, point))
            for p in problem.points
        )
    u1, u2 = point
    lo, hi = (problem.domain if problem.kind == FUNCTION else (problem.frontier[0][0], problem.frontier[-1][0]))
    if u1 < lo - slack or u1 > hi + slack:
        return False
    on_frontier = abs(problem.frontier_at(min(max(u1, lo), hi)) - u2) <= slack
    # a point above the frontier is infeasible, below it is dominated
    return on_frontier


def _scale(problem: BargainingProblem) -> float:
    if problem.kind == FUNCTION:
        lo, hi = problem.domain
        values = [lo, hi, problem.frontier_at(lo), problem.frontier_at(hi), *problem.disagreement]
    else:
        values = [float(v) for p in problem.points for v in p] + [float(v) for v in problem.disagreement]
    spread = max(values) - min(values)
    return spread if spread > 0 else 1.0


# ---------------------------------------------------------------------- the solutions
def nash_bargaining(problem: BargainingProblem, weights: Sequence[float] | None = None) -> BargainingSolution:
    """The (asymmetric) Nash bargaining solution; ``weights`` default to equal."""
    count = problem.num_players
    w = tuple(weights) if weights is not None else (1,) * count
    if len(w) != count or any(not (isinstance(x, (int, float, Fraction)) and x > 0) for x in w):
        raise GameError(f"weights must be {count} positive numbers, got {weights!r}")
    name = "Nash bargaining" if weights is None else "asymmetric Nash bargaining"
    if not problem.has_agreement():
        return _none(problem, name)
    d = problem.disagreement
    if problem.kind == DISCRETE:
        def score(p):
            gains = [u - x for u, x in zip(p, d)]
            if any(g < 0 for g in gains):
                return -math.inf
            if any(g == 0 for g in gains):
                return -1e300
            return sum(float(wi) * math.log(float(g)) for wi, g in zip(w, gains))

        return _best_package(problem, score, name, weights=w)
    _two_players(problem, name)
    if problem.kind == FUNCTION:
        low, high = problem.u1_limits()
        objective = lambda u: -(float(w[0]) * _log(u - d[0]) + float(w[1]) * _log(problem.frontier_at(u) - d[1]))  # noqa: E731
        u1 = _maximise(objective, low, high)
        return BargainingSolution((u1, problem.frontier_at(u1)), name, problem, weights=w)
    best, best_value = None, -math.inf
    for a, b in _ir_segments(problem):
        candidate = _nash_on_segment(a, b, d, w)
        value = _nash_log(candidate, d, w)
        if value > best_value:
            best, best_value = candidate, value
    return BargainingSolution(tuple(best), name, problem, weights=w)


def _nash_on_segment(a, b, d, w):
    """Maximiser of the weighted Nash product on the segment a→b (closed form)."""
    d1, d2 = b[0] - a[0], b[1] - a[1]
    w1, w2 = w
    denominator = (w1 + w2) * d1 * d2
    if denominator == 0:  # an axis-parallel segment, or one so short its product underflows
        return max((a, b), key=lambda p: _nash_log(p, d, w))
    t = -(w1 * d1 * (a[1] - d[1]) + w2 * d2 * (a[0] - d[0])) / denominator
    t = min(max(t, 0), 1)
    return (a[0] + t * d1, a[1] + t * d2)


def _nash_log(p, d, w) -> float:
    gains = [float(u - x) for u, x in zip(p, d)]
    if any(g < 0 for g in gains):
        return -math.inf
    return sum(float(wi) * _log(g) for wi, g in zip(w, gains))


def _log(x: float) -> float:
    return math.log(x) if x > 0 else -1e300


def kalai_smorodinsky(problem: BargainingProblem) -> BargainingSolution:
    """The Kalai–Smorodinsky solution: gains in proportion to each side's best possible gain."""
    name = "Kalai-Smorodinsky"
    if not problem.has_agreement():
        return _none(problem, name)
    d, ideal = problem.disagreement, problem.ideal_point
    if problem.kind == DISCRETE:
        def score(p):
            ratios = [(u - x) / (i - x) if i != x else math.inf for u, x, i in zip(p, d, ideal)]
            return -math.inf if any(u < x for u, x in zip(p, d)) else min(float(r) for r in ratios)

        return _best_package(problem, score, name)
    _two_players(problem, name)
    return BargainingSolution(_ray(problem, (ideal[0] - d[0], ideal[1] - d[1])), name, problem)


def egalitarian(problem: BargainingProblem) -> BargainingSolution:
    """Equal gains over the disagreement point, as large as possible."""
    name = "egalitarian"
    if not problem.has_agreement():
        return _none(problem, name)
    d = problem.disagreement
    if problem.kind == DISCRETE:
        def score(p):
            gains = sorted(float(u - x) for u, x in zip(p, d))
            return tuple(gains) if gains[0] >= 0 else (-math.inf,)

        return _best_package(problem, score, name)
    _two_players(problem, name)
    return BargainingSolution(_ray(problem, (1, 1)), name, problem)


def utilitarian(problem: BargainingProblem) -> BargainingSolution:
    """The individually rational point with the largest total payoff."""
    name = "utilitarian"
    if not problem.has_agreement():
        return _none(problem, name)
    d = problem.disagreement
    if problem.kind == DISCRETE:
        def score(p):
            return -math.inf if any(u < x for u, x in zip(p, d)) else float(sum(p))

        return _best_package(problem, score, name)
    _two_players(problem, name)
    if problem.kind == FUNCTION:
        low, high = problem.u1_limits()
        u1 = _maximise(lambda u: -(u + problem.frontier_at(u)), low, high)
        return BargainingSolution((u1, problem.frontier_at(u1)), name, problem)
    vertices = [p for segment in _ir_segments(problem) for p in segment]
    best = max(vertices, key=lambda p: p[0] + p[1])
    return BargainingSolution(tuple(best), name, problem)


def variable_threat(game) -> BargainingSolution:
    """Nash's (1953) variable-threat solution of a two-player game.

    The feasible set is the convex hull of the game's outcomes. On the part of
    the Pareto frontier with slope :math:`-s`, the threat game is the zero-sum
    game with payoffs :math:`sA - B` to the first player; its optimal
    strategies are the threats, their payoffs the disagreement point, and the
    Nash solution of that problem the agreement. Each frontier segment is
    tried until the answer lies on it.
    """
    from ..games.normal_form import NormalFormGame
    from ..solvers.zero_sum import solve_zero_sum

    game.require_players(2, "variable_threat")
    A, B = (np.asarray(a, dtype=float) for a in game.as_float().payoffs)
    base = BargainingProblem.from_points([(A[c], B[c]) for c in np.ndindex(A.shape)], (0.0, 0.0), players=game.players)
    frontier = base.frontier
    if len(frontier) == 1:
        point = frontier[0]
        return BargainingSolution(tuple(point), "variable threat", base, message="a single Pareto-optimal outcome")
    for a, b in zip(frontier, frontier[1:]):
        slope = (a[1] - b[1]) / (b[0] - a[0])  # the frontier falls by `slope` per unit of u1
        threat = solve_zero_sum(NormalFormGame.zero_sum(slope * A - B))
        x, y = threat.equilibrium.profile
        d = (float(x @ A @ y), float(x @ B @ y))
        problem = BargainingProblem.from_points(base.points, d, players=game.players)
        solution = nash_bargaining(problem)
        p = solution.point
        if min(a[0], b[0]) - 1e-9 <= p[0] <= max(a[0], b[0]) + 1e-9:
            labelled = (
                {s: float(q) for s, q in zip(game.strategies[0], x) if q > 1e-12},
                {s: float(q) for s, q in zip(game.strategies[1], y) if q > 1e-12},
            )
            return BargainingSolution(p, "variable threat", problem, threats=labelled)
    raise GameError("no frontier segment is consistent with its optimal threats; check the game")


# ---------------------------------------------------------------------- geometry helpers
def _ir_segments(problem: BargainingProblem) -> list[tuple]:
    """Segments of the Pareto frontier clipped to the individually rational region."""
    d1, d2 = problem.disagreement
    low, high = problem.u1_limits()
    pts = problem.frontier
    if len(pts) == 1 or low == high:
        u = (low, problem.frontier_at(low))
        return [(u, u)]
    chain = [(low, problem.frontier_at(low))]
    chain += [p for p in pts if low < p[0] < high]
    chain.append((high, problem.frontier_at(high)))
    return list(zip(chain, chain[1:]))


def _ray(problem: BargainingProblem, direction: tuple) -> tuple:
    """Where the ray from the disagreement point in ``direction`` leaves the feasible set."""
    d1, d2 = problem.disagreement
    r1, r2 = direction
    if problem.kind == FUNCTION:
        low, high = problem.u1_limits()
        if r1 == 0:
            return (d1, problem.frontier_at(d1))
        g = lambda u: problem.frontier_at(u) - (d2 + (u - d1) * r2 / r1)  # noqa: E731
        u1 = low if g(low) <= 0 else (high if g(high) >= 0 else _bisect(g, low, high))
        return (u1, problem.frontier_at(u1))
    for a, b in _ir_segments(problem):
        # solve a + t(b - a) = d + s r for t in [0, 1]
        e1, e2 = b[0] - a[0], b[1] - a[1]
        det = e1 * (-r2) - e2 * (-r1)
        if det == 0:
            if (a[0] - d1) * r2 == (a[1] - d2) * r1:  # collinear: the far end
                return max((a, b), key=lambda p: (p[0] - d1) * r1 + (p[1] - d2) * r2)
            continue
        t = ((d1 - a[0]) * (-r2) - (d2 - a[1]) * (-r1)) / det
        if 0 <= t <= 1:
            return (a[0] + t * e1, a[1] + t * e2)
    segments = _ir_segments(problem)
    return segments[-1][1]


def _maximise(objective, low, high) -> float:
    from scipy.optimize import minimize_scalar

    if high - low <= 0:
        return low
    result = minimize_scalar(objective, bounds=(low, high), method="bounded", options={"xatol": 1e-12 * max(1, abs(high))})
    candidates = [low, high, float(result.x)]
    return min(candidates, key=objective)


def _best_package(problem, score, name, weights=None) -> BargainingSolution:
    scores = [score(p) for p in problem.points]
    k = max(range(len(scores)), key=lambda i: scores[i])
    return BargainingSolution(problem.points[k], name, problem, label=problem.labels[k], weights=weights)


def _none(problem, name) -> BargainingSolution:
    return BargainingSolution(
        tuple(problem.disagreement), name, problem, agreement=False,
        message="no feasible point gives every side at least its disagreement payoff",
    )


def _two_players(problem, name) -> None:
    if problem.num_players != 2:
        raise UnsupportedGameError(f"{name} on a convex set is implemented for two players; use packages")

