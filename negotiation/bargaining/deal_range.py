r"""Deal ranges (zones of possible agreement) over one issue.

For one negotiable quantity :math:`P` (say, China's purchase pledge in $B a
year), each side :math:`i` has a payoff :math:`u_i(P)` and a disagreement
payoff :math:`d_i`. Side :math:`i` accepts :math:`A_i = \{P : u_i(P) \ge d_i\}`
and the deal range is :math:`\bigcap_i A_i` within the bounds given. When it
is empty the result says so, with what each side needs and the gap between.

Payoffs may be Python functions (solved numerically: a grid finds sign
changes, bisection refines them to machine precision) or sympy expressions in
the variable (solved exactly).

Examples
--------
>>> import negotiation as ng
>>> zone = ng.deal_range(
...     {"U.S.": lambda p: p - 200, "China": lambda p: 50 - p},
...     disagreement={"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge")
>>> zone.empty
True
>>> print(zone)
no deal: U.S. needs pledge ≥ 200, China accepts pledge ≤ 50: gap 150
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .. import __version__, _format
from ..errors import GameError, LabelError, ParameterError
from ..games.arithmetic import is_sympy
from .problem import _bisect

__all__ = ["DealRange", "deal_range"]

Interval = tuple  # (low, high), closed


@dataclass(frozen=True)
class DealRange(_format.Displays):
    """The values of one issue that every side prefers to no deal."""

    variable: str
    intervals: tuple[Interval, ...]  # where every side accepts
    acceptable: dict  # side -> intervals it accepts
    bounds: Interval
    exact: bool = False
    unit: str = ""

    @property
    def empty(self) -> bool:
        return not self.intervals

    @property
    def low(self):
        return self.intervals[0][0] if self.intervals else None

    @property
    def high(self):
        return self.intervals[-1][1] if self.intervals else None

    def reservation_values(self) -> dict:
        """For each side, the value of the issue at which it is just indifferent to no deal."""
        lo, hi = self.bounds
        values = {}
        for side, intervals in self.acceptable.items():
            ends = [v for a, b in intervals for v in (a, b) if v not in (lo, hi)]
            values[side] = tuple(ends)
        return values

    def demands(self) -> dict[str, str]:
        """What each side needs, in words: "≥ 200", "≤ 50", "between 10 and 40", "anything", "nothing"."""
        lo, hi = self.bounds
        words = {}
        for side, intervals in self.acceptable.items():
            if not intervals:
                words[side] = "nothing in range"
            elif len(intervals) > 1:
                words[side] = " or ".join(f"{self._n(a)}–{self._n(b)}" for a, b in intervals)
            else:
                a, b = intervals[0]
                if a == lo and b == hi:
                    words[side] = "anything in range"
                elif a == lo:
                    words[side] = f"≤ {self._n(b)}"
                elif b == hi:
                    words[side] = f"≥ {self._n(a)}"
                else:
                    words[side] = f"between {self._n(a)} and {self._n(b)}"
        return words

    @property
    def gap(self):
        """When two sides each accept one interval and these do not meet: the distance between them."""
        if not self.empty:
            return 0
        single = [iv[0] for iv in self.acceptable.values() if len(iv) == 1]
        if len(single) != len(self.acceptable) or not single:
            return None
        highest_low = max(a for a, _ in single)
        lowest_high = min(b for _, b in single)
        return highest_low - lowest_high if highest_low > lowest_high else None

    def _n(self, value) -> str:
        return f"{_format.number(value)}{self.unit}"

    def __str__(self) -> str:
        demands = self.demands()
        if self.empty:
            verbs = []
            for side, words in demands.items():
                if words == "nothing in range":
                    verbs.append(f"{side} accepts no {self.variable} in range")
                    continue
                if words == "anything in range":
                    verbs.append(f"{side} accepts any {self.variable} in range")
                    continue
                verb = "needs" if words.startswith("≥") else "accepts"
                verbs.append(f"{side} {verb} {self.variable} {words}")
            gap = self.gap
            tail = f": gap {_format.number(gap)}{self.unit}" if gap is not None else ""
            return "no deal: " + ", ".join(verbs) + tail
        ranges = " and ".join(f"{self._n(a)} to {self._n(b)}" for a, b in self.intervals)
        sides = "; ".join(f"{side}: {words}" for side, words in demands.items())
        return f"deal range for {self.variable}: {ranges} ({sides})"

    def to_dict(self) -> dict:
        return {
            "method": "deal range (exact)" if self.exact else "deal range (grid and bisection)",
            "version": __version__,
            "variable": self.variable,
            "intervals": [[_format.plain(a), _format.plain(b)] for a, b in self.intervals],
            "acceptable": {s: [[_format.plain(a), _format.plain(b)] for a, b in iv] for s, iv in self.acceptable.items()},
            "empty": self.empty,
            "gap": _format.plain(self.gap),
        }


def deal_range(
    payoffs: Mapping[str, Any],
    disagreement: Mapping[str, Any],
    bounds: tuple,
    variable: str = "x",
    unit: str = "",
    grid: int = 4001,
) -> DealRange:
    """The deal range over one issue.

    Parameters
    ----------
    payoffs : {side: function or sympy expression}
        Each side's payoff as a function of the issue's value.
    disagreement : {side: number}
        Each side's payoff with no deal.
    bounds : (low, high)
        The values the issue can take.
    variable : str
        The issue's name (and the sympy symbol, for expressions).
    grid : int
        Grid points used to find where a numeric payoff crosses its
        disagreement value; crossings closer together than one grid step may
        be missed (sympy expressions are solved exactly instead).

    Examples
    --------
    >>> import negotiation as ng
    >>> zone = ng.deal_range({"U.S.": lambda p: p - 40, "China": lambda p: 200 - p},
    ...                      {"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge", unit="B")
    >>> print(zone)
    deal range for pledge: 40B to 200B (U.S.: ≥ 40B; China: ≤ 200B)
    >>> import sympy
    >>> p = sympy.Symbol("pledge")
    >>> print(ng.deal_range({"U.S.": p - 250, "China": 200 - p}, {"U.S.": 0, "China": 0}, bounds=(0, 300),
    ...                     variable="pledge", unit="B"))
    no deal: U.S. needs pledge ≥ 250B, China accepts pledge ≤ 200B: gap 50B
    """
    if set(payoffs) != set(disagreement):
        raise LabelError(f"payoffs are given for {sorted(payoffs)} but disagreement for {sorted(disagreement)}")
    if len(payoffs) < 2:
        raise LabelError("a deal needs at least two sides")
    if isinstance(bounds, (str, bytes)) or not isinstance(bounds, Sequence) or len(bounds) != 2:
        raise ParameterError(f"bounds must be (low, high), got {bounds!r}")
    lo, hi = bounds
    if not all(_finite_number(v) for v in bounds) or not lo < hi:
        raise ParameterError(f"bounds must be finite numbers with low < high, got {bounds!r}")
    acceptable = {}
    exact = True
    for side, payoff in payoffs.items():
        if is_sympy(payoff):
            acceptable[side] = _exact_set(payoff, disagreement[side], variable, lo, hi)
        else:
            exact = False
            acceptable[side] = _numeric_set(payoff, disagreement[side], lo, hi, grid, side)
    intervals = _intersect_all(list(acceptable.values()))
    return DealRange(variable=variable, intervals=tuple(intervals), acceptable=acceptable, bounds=(lo, hi), exact=exact, unit=unit)


def _finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not (isinstance(value, (int, float, Fraction, np.number)) or is_sympy(value)):
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError, OverflowError):
        return False


def _numeric_set(payoff: Callable, d, lo, hi, grid, side) -> list[Interval]:
    xs = np.linspace(float(lo), float(hi), grid)
    values = _on_grid(payoff, xs, side) - float(d)
    if not np.isfinite(values).all():
        bad = xs[np.flatnonzero(~np.isfinite(values))[0]]
        raise GameError(f"the payoff of {side} is not finite at {bad:g}")
    ok = values >= 0
    f = lambda x: float(payoff(x)) - float(d)  # noqa: E731
    intervals = []
    k = 0
    while k < grid:
        if not ok[k]:
            k += 1
            continue
        start = xs[k] if k == 0 else _bisect(f, xs[k - 1], xs[k])
        j = k
        while j + 1 < grid and ok[j + 1]:
            j += 1
        end = xs[j] if j == grid - 1 else _bisect(f, xs[j], xs[j + 1])
        # a root at a grid point comes back from bisection a few ulps off it (3.6e-16 for 0): snap it back
        tiny = 1e-12 * max(float(hi) - float(lo), 1.0)
        start = xs[k] if abs(start - xs[k]) <= tiny else start
        end = xs[j] if abs(end - xs[j]) <= tiny else end
        intervals.append((float(lo) if k == 0 else start, float(hi) if j == grid - 1 else end))
        k = j + 1
    return intervals


def _on_grid(payoff: Callable, xs: np.ndarray, side: str) -> np.ndarray:
    """The payoff at every grid point: one vectorised call if the function takes arrays."""
    values = _vectorised(payoff, xs)
    if values is not None:
        return values
    try:
        return np.array([float(payoff(x)) for x in xs])
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as exc:
        raise GameError(f"the payoff of {side} could not be evaluated: {exc}") from None


def _vectorised(payoff: Callable, xs: np.ndarray) -> np.ndarray | None:
    """``payoff(xs)`` if the function accepts an array and returns one value per point, else None."""
    try:
        with np.errstate(all="ignore"):
            values = np.asarray(payoff(xs), dtype=float)
    except Exception:  # noqa: BLE001 - a function written for scalars: evaluate point by point
        return None
    return values if values.shape == xs.shape else None


def _exact_set(expression, d, variable, lo, hi) -> list[Interval]:
    import sympy

    symbol = sympy.Symbol(variable, real=True)
    expr = expression.xreplace({s: symbol for s in expression.free_symbols if str(s) == variable})
    others = expr.free_symbols - {symbol}
    if others:
        raise ParameterError(
            f"the payoff depends on {', '.join(sorted(map(str, others)))} besides {variable}; "
            "substitute them, or use negotiation.symbolic.symbolic_deal_range for thresholds"
        )
    domain = sympy.Interval(sympy.nsimplify(lo), sympy.nsimplify(hi))
    solution = sympy.solveset(sympy.Ge(expr, sympy.nsimplify(d)), symbol, domain)
    return [(_plain(a), _plain(b)) for a, b in _intervals_of(solution)]


def _intervals_of(solution):
    import sympy

    if solution.is_empty:
        return []
    if isinstance(solution, sympy.Interval):
        return [(solution.start, solution.end)]
    if isinstance(solution, sympy.FiniteSet):
        return [(p, p) for p in sorted(solution)]
    if isinstance(solution, sympy.Union):
        return [iv for part in solution.args for iv in _intervals_of(part)]
    raise GameError(f"cannot read the solution set {solution}")


def _plain(value):
    if getattr(value, "is_Rational", False):
        return Fraction(int(value.p), int(value.q))
    return float(value)


def _intersect_all(sets: list[list[Interval]]) -> list[Interval]:
    result = sets[0]
    for other in sets[1:]:
        result = [
            (max(a, c), min(b, e))
            for a, b in result
            for c, e in other
            if max(a, c) <= min(b, e)
        ]
    return sorted(result)

