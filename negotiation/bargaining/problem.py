r"""Bargaining problems: a feasible set of payoff vectors and a disagreement point.

A bargaining problem :math:`(S, d)` lists what the sides can agree on
(:math:`S`, payoff vectors) and what each gets if talks fail (:math:`d`).
Here :math:`S` is either

* **convex**: the convex hull of finitely many points (a game's outcomes, or
  packages that may be mixed or phased), kept as its Pareto frontier, a chain
  of segments; or
* **discrete**: a finite list of labelled packages that cannot be mixed; or
* a **frontier function** :math:`u_2 = f(u_1)`, decreasing and concave.

The disagreement point may be given, or derived from a no-deal game (a Nash
equilibrium, or each side's minimax value) or a no-deal tree (its
subgame-perfect payoffs).

Examples
--------
>>> import negotiation as ng
>>> problem = ng.BargainingProblem.from_points([(0, 10), (10, 0)], disagreement=(2, 2))
>>> problem.frontier
((0.0, 10.0), (10.0, 0.0))
>>> problem.ideal_point
(8.0, 8.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np

from ..errors import GameError, LabelError, ShapeError
from ..games.arithmetic import MAX_PAYOFF, to_fraction

__all__ = ["BargainingProblem", "CONVEX", "DISCRETE", "FUNCTION"]

CONVEX, DISCRETE, FUNCTION = "convex", "discrete", "function"


@dataclass(frozen=True, eq=False)
class BargainingProblem:
    """Feasible payoffs, a disagreement point and the players' names.

    Build with :meth:`from_points`, :meth:`from_packages`,
    :meth:`from_frontier` or :meth:`from_game`.
    """

    kind: str
    players: tuple[str, ...]
    disagreement: tuple
    points: tuple = ()  # every feasible point given (convex or discrete)
    labels: tuple = ()  # package labels, parallel to points (discrete)
    frontier: tuple = ()  # convex: Pareto-frontier vertices, u1 increasing
    function: Callable | None = field(default=None, repr=False)
    domain: tuple = ()  # function: (lowest u1, highest u1)
    exact: bool = False

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_points(cls, points, disagreement, players=("Player 1", "Player 2")) -> "BargainingProblem":
        """The convex hull of payoff points (two players)."""
        players = _players(players, 2)
        pts, exact = _points(points, 2)
        d = _point(disagreement, 2, "disagreement point", exact)
        return cls(kind=CONVEX, players=players, disagreement=d, points=tuple(pts),
                   frontier=tuple(_pareto_hull(pts)), exact=exact)

    @classmethod
    def from_packages(cls, packages: dict, disagreement, players=("Player 1", "Player 2")) -> "BargainingProblem":
        """Finitely many labelled packages, ``{label: payoffs}``, which cannot be mixed."""
        if not isinstance(packages, dict) or not packages:
            raise ShapeError("packages must be a non-empty {label: payoffs} mapping")
        for label in packages:
            if not isinstance(label, str) or not label.strip():
                raise LabelError(f"package labels must be non-empty strings, got {label!r}")
        count = len(next(iter(packages.values())))
        players = _players(players, count)
        pts, exact = _points(list(packages.values()), count)
        d = _point(disagreement, count, "disagreement point", exact)
        return cls(kind=DISCRETE, players=players, disagreement=d, points=tuple(pts),
                   labels=tuple(packages), exact=exact)

    @classmethod
    def from_frontier(cls, frontier: Callable, u1_range, disagreement, players=("Player 1", "Player 2")):
        """A frontier ``u2 = frontier(u1)`` on ``u1_range``, decreasing and concave."""
        players = _players(players, 2)
        low, high = (float(v) for v in u1_range)
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise ShapeError(f"u1_range must be two finite numbers, low < high; got {u1_range!r}")
        d = _point(disagreement, 2, "disagreement point", False)
        grid = np.linspace(low, high, 201)
        values = np.array([float(frontier(u)) for u in grid])
        if not np.isfinite(values).all():
            raise GameError("the frontier function returned a value that is not finite")
        if np.any(np.diff(values) > 1e-9 * (1 + np.abs(values).max())):
            raise GameError("the frontier must be non-increasing in u1 (more for one side, less for the other)")
        return cls(kind=FUNCTION, players=players, disagreement=d, function=frontier, domain=(low, high))

    @classmethod
    def from_game(cls, game, disagreement: Any = "minimax") -> "BargainingProblem":
        """The convex hull of a two-player game's outcomes.

        ``disagreement`` is a point, ``"minimax"`` (each side's security
        level), or ``"nash"`` (the payoffs of the first equilibrium that
        :func:`~negotiation.solve` lists; pass a point to choose another).
        """
        from ..games.normal_form import NormalFormGame
        from ..solvers.solve import solve
        from ..solvers.zero_sum import solve_zero_sum

        game.require_players(2, "a bargaining problem from a game")
        A, B = game.payoffs
        points = [(A[c], B[c]) for c in np.ndindex(A.shape)]
        if isinstance(disagreement, str) and disagreement == "minimax":
            low = solve_zero_sum(NormalFormGame.zero_sum(A.astype(float))).value
            high = solve_zero_sum(NormalFormGame.zero_sum(B.T.astype(float))).value
            disagreement = (low, high)
        elif isinstance(disagreement, str) and disagreement == "nash":
            disagreement = solve(game)[0].payoffs
        return cls.from_points(points, disagreement, players=game.players)

    @classmethod
    def from_tree(cls, points, tree, players=None) -> "BargainingProblem":
        """Feasible ``points`` with the no-deal tree's subgame-perfect payoffs as disagreement."""
        from ..solvers.backward_induction import backward_induction

        value = backward_induction(tree)[0].payoffs
        return cls.from_points(points, value, players=players or tree.players)

    # ------------------------------------------------------------------ geometry
    @property
    def num_players(self) -> int:
        return len(self.players)

    def frontier_at(self, u1) -> Any:
        """Player 2's best payoff on the frontier when player 1 gets ``u1`` (two players)."""
        if self.kind == FUNCTION:
            return float(self.function(u1))
        if self.kind != CONVEX:
            raise GameError("frontier_at needs a convex or function problem")
        pts = self.frontier
        if u1 < pts[0][0] or u1 > pts[-1][0]:
            raise GameError(f"{self.players[0]} cannot get {u1}: the frontier spans {pts[0][0]}..{pts[-1][0]}")
        for a, b in zip(pts, pts[1:]):
            if a[0] <= u1 <= b[0]:
                if b[0] == a[0]:
                    return max(a[1], b[1])
                t = (u1 - a[0]) / (b[0] - a[0])
                return a[1] + t * (b[1] - a[1])
        return pts[-1][1]

    @property
    def ideal_point(self) -> tuple:
        """Each side's best payoff among the individually rational agreements."""
        d = self.disagreement
        if self.kind == DISCRETE:
            rational = [p for p in self.points if all(x >= y for x, y in zip(p, d))]
            if not rational:
                return tuple(d)
            return tuple(max(p[i] for p in rational) for i in range(self.num_players))
        low, high = self.u1_limits()
        return (high, self._u2(low))

    def u1_limits(self) -> tuple:
        """The range of player 1's payoff over individually rational frontier points."""
        d1, d2 = self.disagreement
        if self.kind == FUNCTION:
            low, high = self.domain
            best = max(low, float(d1))
            if self._u2(best) < d2:
                return best, best
            top = _bisect(lambda u: self._u2(u) - d2, best, high) if self._u2(high) < d2 else high
            return best, top
        pts = self.frontier
        low = max(d1, pts[0][0])
        high = low
        for a, b in zip(pts, pts[1:]):
            if b[1] >= d2:
                high = max(high, b[0])
            elif a[1] >= d2:  # the frontier crosses u2 = d2 inside this segment
                high = max(high, a[0] + (d2 - a[1]) * (b[0] - a[0]) / (b[1] - a[1]))
        if pts[0][1] >= d2:
            high = max(high, pts[0][0])
        return low, max(high, low)

    def _u2(self, u1):
        return self.frontier_at(u1)

    def has_agreement(self) -> bool:
        """Whether some feasible point gives every side at least its disagreement payoff."""
        d = self.disagreement
        if self.kind == DISCRETE:
            return any(all(x >= y for x, y in zip(p, d)) for p in self.points)
        low, high = self.u1_limits()
        u1 = max(low, float(d[0])) if self.kind == FUNCTION else max(low, d[0])
        try:
            return self._u2(u1) >= d[1] and u1 <= high
        except GameError:
            return False

    def _repr_html_(self) -> str:
        import html

        lines = [repr(self)]
        if self.kind == CONVEX:
            lines.append("Pareto frontier: " + ", ".join(f"({', '.join(_plain(v) for v in p)})" for p in self.frontier))
        elif self.kind == DISCRETE:
            lines += [f"{label}: ({', '.join(_plain(v) for v in p)})" for label, p in zip(self.labels, self.points)]
        return "<pre>" + html.escape("\n".join(lines)) + "</pre>"

    def __repr__(self) -> str:
        return f"<BargainingProblem {self.kind}: {', '.join(self.players)}, disagreement {self.disagreement}>"


# ---------------------------------------------------------------------- helpers
def _plain(value) -> str:
    from .._format import number

    return number(value)


def _players(players, count) -> tuple[str, ...]:
    players = tuple(players)
    if len(players) != count:
        raise LabelError(f"{len(players)} player names for payoff vectors of length {count}")
    if len(set(players)) != count or not all(isinstance(p, str) and p.strip() for p in players):
        raise LabelError(f"player names must be distinct non-empty strings: {players}")
    return players


def _points(points, count) -> tuple[list[tuple], bool]:
    try:
        rows = [tuple(p) for p in points]
    except TypeError:
        raise ShapeError(f"the feasible points must be a sequence of payoff vectors, got {points!r}") from None
    if not rows:
        raise ShapeError("a bargaining problem needs at least one feasible point")
    for r in rows:
        if len(r) != count:
            raise ShapeError(f"every payoff vector needs {count} entries; got {r}")
    values = [v for r in rows for v in r]
    exact = all(isinstance(v, (int, Fraction)) and not isinstance(v, bool) for v in values) and any(
        isinstance(v, Fraction) for v in values
    )
    return [tuple(_number(v, exact) for v in r) for r in rows], exact


def _number(value, exact):
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, np.integer, np.floating)):
        if type(value).__module__.startswith("sympy"):
            return to_fraction(value) if exact else float(value)
        raise GameError(f"payoffs must be numbers, got {value!r}")
    if not (isinstance(value, float) and math.isnan(value)) and abs(value) > MAX_PAYOFF:
        raise GameError(f"payoff {float(value) if abs(value) < 1e308 else 'of over 1e308'} is beyond the limit ±{MAX_PAYOFF:g}")
    if exact:
        return to_fraction(value)
    value = float(value)
    if not math.isfinite(value):
        raise GameError(f"payoff {value} is not finite")
    return value


def _point(value, count, what, exact) -> tuple:
    try:
        values = tuple(value)
    except TypeError:
        raise ShapeError(f"the {what} must be a sequence of {count} numbers, got {value!r}") from None
    if len(values) != count:
        raise ShapeError(f"the {what} needs {count} entries, got {values}")
    # an exact problem keeps rational entries exact; anything else becomes a float
    return tuple(_number(v, exact and isinstance(v, (int, Fraction))) for v in values)


def _pareto_hull(points: Sequence[tuple]) -> list[tuple]:
    """Vertices of the upper-right (Pareto) boundary of the convex hull, u1 increasing."""
    unique = sorted(set(points))
    if len(unique) == 1:
        return unique
    # Andrew's monotone chain for the upper hull
    upper: list[tuple] = []
    for p in reversed(unique):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    upper.reverse()  # from the leftmost point to the rightmost, over the top
    # keep the part where u2 does not increase: from the highest-u2 point rightwards
    top = max(range(len(upper)), key=lambda k: (upper[k][1], upper[k][0]))
    chain = upper[top:]
    # drop a final vertical drop (same u1, lower u2): it is not Pareto optimal
    while len(chain) >= 2 and chain[-1][0] == chain[-2][0]:
        chain.pop()
    return chain


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _bisect(function, low, high, steps=200):
    f_low = function(low)
    for _ in range(steps):
        mid = (low + high) / 2
        if (function(mid) >= 0) == (f_low >= 0):
            low = mid
        else:
            high = mid
        if high - low <= 1e-15 * max(1.0, abs(high)):
            break
    return (low + high) / 2
