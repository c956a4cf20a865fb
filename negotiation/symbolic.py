r"""Symbolic thresholds: for which parameter values does a deal exist, or a profile hold?

sympy is imported only when these functions run.

* :func:`symbolic_deal_range` gives the end points of a one-issue deal range
  as expressions in the parameters, the condition for the range to be
  non-empty, and that condition solved for a chosen parameter ("a deal exists
  iff capacity ≥ …"). Each side's payoff must be increasing or decreasing in
  the issue (linear payoffs are the usual case).
* :func:`equilibrium_conditions` gives, for a small symbolic game, the
  conditions under which each pure profile is a Nash equilibrium, and, for one
  parameter, the interval where it holds.
* :meth:`SymbolicDealRange.evaluate` turns the expressions into numpy
  functions, so a million parameter points take a fraction of a second.

Examples
--------
>>> import sympy, negotiation as ng
>>> pledge, capacity, demand = sympy.symbols("pledge capacity demand", positive=True)
>>> zone = ng.symbolic_deal_range(
...     {"U.S.": pledge - demand, "China": capacity - pledge},
...     disagreement={"U.S.": 0, "China": 0}, variable="pledge", solve_for="capacity")
>>> zone.low, zone.high
(demand, capacity)
>>> zone.solved
capacity >= demand
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from . import _format
from .errors import GameError, ParameterError

__all__ = ["SymbolicDealRange", "symbolic_deal_range", "equilibrium_conditions", "Threshold"]


@dataclass(frozen=True)
class SymbolicDealRange(_format.Displays):
    """A deal range whose end points and existence condition are sympy expressions."""

    variable: str
    low: Any  # largest of the lower bounds (sympy expression)
    high: Any  # smallest of the upper bounds
    bounds_by_side: dict  # side -> ("≥" or "≤", expression)
    condition: Any  # low <= high
    solved: Any = None  # the condition solved for `solve_for`
    solve_for: str | None = None
    parameters: tuple = field(default_factory=tuple)

    def evaluate(self, **arrays) -> dict:
        """Numeric end points and existence over arrays of parameter values (numpy broadcasting)."""
        import sympy

        missing = set(self.parameters) - set(arrays)
        if missing:
            raise ParameterError(f"values needed for {', '.join(sorted(missing))}")
        symbols = [sympy.Symbol(p, **_assumptions(self.low, self.high, p)) for p in self.parameters]
        low = sympy.lambdify(symbols, self.low, "numpy")
        high = sympy.lambdify(symbols, self.high, "numpy")
        values = [np.asarray(arrays[p], dtype=float) for p in self.parameters]
        lo = np.broadcast_to(np.asarray(low(*values), dtype=float), np.broadcast(*values).shape)
        hi = np.broadcast_to(np.asarray(high(*values), dtype=float), np.broadcast(*values).shape)
        return {"low": lo, "high": hi, "exists": lo <= hi, "width": np.maximum(hi - lo, 0)}

    def __str__(self) -> str:
        from .words import in_words, number_in_words

        condition = in_words(self.condition)
        text = (f"deal range for {self.variable}: from {number_in_words(self.low)} to {number_in_words(self.high)}; "
                f"a deal exists iff {condition}")
        if self.solved is not None and in_words(self.solved) != condition:
            text += f", that is, iff {in_words(self.solved)}"
        return text

    def to_dict(self) -> dict:
        from . import __version__
        from .words import in_words, number_in_words

        return {"method": "symbolic deal range (sympy)", "version": __version__, "variable": self.variable,
                "low": number_in_words(self.low), "high": number_in_words(self.high),
                "condition": in_words(self.condition),
                "solved": None if self.solved is None else in_words(self.solved), "solve_for": self.solve_for}


@dataclass(frozen=True)
class Threshold(_format.Displays):
    """When each statement holds, as a condition on one parameter (with its unit), in words.

    ``conditions`` maps a statement ("China concedes") to a sympy set of the
    parameter's values or a condition; :func:`in_words` writes it out.

    Examples
    --------
    >>> import sympy, negotiation as ng
    >>> cost = sympy.Symbol("cost")
    >>> print(ng.Threshold("cost", "$B/yr", {"China concedes": sympy.Interval(-sympy.oo, 42.5)}))
    China concedes iff cost ≤ 42.5 $B/yr
    """

    parameter: str | None
    unit: str
    conditions: dict

    @classmethod
    def of_equilibria(cls, conditions: dict, parameter: str, unit: str = "") -> "Threshold":
        """:func:`equilibrium_conditions` solved for ``parameter``, as statements about each profile."""
        return cls(parameter, unit, {f"({', '.join(map(str, profile))}) is an equilibrium": region
                                     for profile, region in conditions.items()})

    def words(self) -> dict:
        from .words import in_words

        return {statement: in_words(_as_set(value, self.parameter), self.parameter, self.unit)
                for statement, value in self.conditions.items()}

    def __str__(self) -> str:
        return "\n".join(_sentence(statement, words) for statement, words in self.words().items())

    def to_dict(self) -> dict:
        from . import __version__

        return {"method": "symbolic threshold (sympy)", "version": __version__, "parameter": self.parameter,
                "unit": self.unit, "conditions": self.words()}


def _sentence(statement: str, words: str) -> str:
    if words in ("never", "always"):
        return f"{statement}: {words}"
    if words.startswith("whatever"):
        return f"{statement}, {words}"
    return f"{statement} iff {words}"


def _as_set(value, parameter):
    """A condition on the parameter alone becomes the set of its values, so that it reads with the unit."""
    import sympy

    if parameter and isinstance(value, sympy.Basic) and not isinstance(value, sympy.Set) \
            and {str(s) for s in value.free_symbols} == {parameter}:
        simple = _bounds_set(value)
        if simple is not None:
            return simple
        try:
            return value.as_set()
        except (NotImplementedError, TypeError, ValueError):
            return value
    return value


def _bounds_set(condition):
    """``x >= 3``, ``x < 5`` and their conjunctions as intervals, without sympy's general (slow) ``as_set``.

    The same set as ``as_set`` gives (which ignores the symbol's
    assumptions); anything else returns None.
    """
    import sympy

    if isinstance(condition, sympy.And):
        parts = [_bounds_set(arg) for arg in condition.args]
        return None if any(p is None for p in parts) else sympy.Intersection(*parts)
    if not isinstance(condition, (sympy.Ge, sympy.Gt, sympy.Le, sympy.Lt)):
        return None
    lhs, rhs, kind = condition.lhs, condition.rhs, type(condition)
    if lhs.is_number and rhs.is_Symbol:  # 3 <= x is x >= 3
        lhs, rhs = rhs, lhs
        kind = {sympy.Ge: sympy.Le, sympy.Gt: sympy.Lt, sympy.Le: sympy.Ge, sympy.Lt: sympy.Gt}[kind]
    if not (lhs.is_Symbol and rhs.is_number and rhs.is_extended_real):
        return None
    oo = sympy.oo
    return {sympy.Ge: lambda b: sympy.Interval(b, oo), sympy.Gt: lambda b: sympy.Interval.open(b, oo),
            sympy.Le: lambda b: sympy.Interval(-oo, b), sympy.Lt: lambda b: sympy.Interval.open(-oo, b)}[kind](rhs)


def _assumptions(low, high, name):
    for expr in (low, high):
        for s in getattr(expr, "free_symbols", ()):
            if str(s) == name:
                return s.assumptions0
    return {}


def symbolic_deal_range(
    payoffs: Mapping[str, Any],
    disagreement: Mapping[str, Any],
    variable: str,
    solve_for: str | None = None,
) -> SymbolicDealRange:
    """End points of a one-issue deal range as expressions, and when the range is non-empty."""
    import sympy

    if set(payoffs) != set(disagreement):
        raise ParameterError("payoffs and disagreement must name the same sides")
    symbol = _find_symbol(payoffs.values(), variable)
    lows, highs, by_side = [], [], {}
    for side, payoff in payoffs.items():
        expr = _expression(payoff, f"the payoff of {side}") - _expression(disagreement[side], f"the disagreement value of {side}")
        if not expr.has(symbol):
            raise ParameterError(f"the payoff of {side} does not depend on {variable}")
        slope = sympy.diff(expr, symbol)
        roots = sympy.solve(sympy.Eq(expr, 0), symbol)
        if len(roots) != 1:
            raise GameError(f"the payoff of {side} must cross its disagreement value once in {variable}")
        root = sympy.simplify(roots[0])
        sign = _sign(slope)
        if sign > 0:
            lows.append(root)
            by_side[side] = ("≥", root)
        else:
            highs.append(root)
            by_side[side] = ("≤", root)
    low = sympy.Max(*lows) if lows else sympy.S.NegativeInfinity
    high = sympy.Min(*highs) if highs else sympy.S.Infinity
    pairs = [sympy.Le(a, b) for a in lows for b in highs]
    condition = sympy.simplify(sympy.And(*pairs)) if pairs else sympy.true
    parameters = tuple(sorted({str(s) for e in (low, high) for s in getattr(e, "free_symbols", ())}))
    solved = None
    if solve_for is not None:
        target = next((s for e in (low, high) for s in e.free_symbols if str(s) == solve_for), None)
        if target is None:
            raise ParameterError(f"{solve_for} does not appear in the deal range's end points")
        solved = sympy.And(*(_isolate(pair, target) for pair in pairs)) if pairs else sympy.true
    return SymbolicDealRange(
        variable=variable, low=low, high=high, bounds_by_side=by_side, condition=condition,
        solved=solved, solve_for=solve_for, parameters=parameters,
    )


def _isolate(relation, target):
    """``a <= b`` rewritten as a bound on ``target`` (linear in it), else sympy's answer."""
    import sympy

    if isinstance(relation, sympy.logic.boolalg.BooleanAtom):  # numbers on both sides: already true or false
        return relation
    difference = sympy.expand(relation.rhs - relation.lhs)  # the relation says difference >= 0
    slope = sympy.diff(difference, target)
    if difference.has(target) and not sympy.diff(slope, target).has(target) and slope.is_nonzero is not None:
        root = sympy.simplify(sympy.solve(sympy.Eq(difference, 0), target)[0])
        if slope.is_positive:
            return sympy.Ge(target, root)
        if slope.is_negative:
            return sympy.Le(target, root)
    return sympy.simplify(relation)


def _expression(value, what: str):
    """A sympy expression or number as sympy; text is refused, never parsed (parsing text can run code)."""
    import sympy

    if isinstance(value, (str, bytes)):
        raise ParameterError(f"{what} is text ({str(value)[:40]!r}); build it from sympy symbols instead, "
                             "e.g. pledge = sympy.Symbol('pledge')")
    try:
        return sympy.sympify(value, strict=True)
    except (sympy.SympifyError, TypeError, ValueError):
        raise ParameterError(f"{what} must be a number or a sympy expression, got {type(value).__name__}") from None


def _find_symbol(expressions, name):

    for expr in expressions:
        for s in _expression(expr, "a payoff").free_symbols:
            if str(s) == name:
                return s
    raise ParameterError(f"no payoff depends on {name}")


def _sign(slope) -> int:
    """+1 or -1 if the slope's sign is known (from the symbols' assumptions), else an error."""
    if slope.is_positive:
        return 1
    if slope.is_negative:
        return -1
    raise GameError(
        f"cannot tell whether the payoff rises or falls with the issue (slope {slope}); "
        "declare parameters positive=True, or substitute values"
    )


def equilibrium_conditions(game, solve_for: str | None = None) -> dict:
    """For each pure profile of a symbolic game, the condition for it to be a Nash equilibrium.

    Returns ``{profile labels: condition}``; with ``solve_for`` (one
    parameter) each condition is solved to a set of values of it.

    Examples
    --------
    >>> import sympy, negotiation as ng
    >>> cost = sympy.Symbol("cost")
    >>> game = ng.NormalFormGame.from_arrays([[2 - cost, 3], [1, 2]], [[1, 0], [0, 1]],
    ...     strategies=(("Tariff", "Hold"), ("Retaliate", "Pledge")))
    >>> ng.equilibrium_conditions(game, solve_for="cost")[("Tariff", "Retaliate")]
    Interval(-oo, 1)
    """
    import itertools

    import sympy

    if not game.is_symbolic:
        game = type(game)(
            [np.vectorize(sympy.nsimplify, otypes=[object])(np.asarray(a, dtype=object)) for a in game.payoffs],
            players=game.players, strategies=game.strategies,
        )
    target = None
    if solve_for is not None:
        target = next((s for a in game.payoffs for v in a.flat for s in sympy.sympify(v).free_symbols if str(s) == solve_for), None)
        if target is None:
            raise ParameterError(f"the game has no parameter {solve_for}")
    result = {}
    for cell in itertools.product(*(range(k) for k in game.shape)):
        gains = []  # what each player gains by staying rather than deviating: all must be >= 0
        for i, payoff in enumerate(game.payoffs):
            for k in range(game.shape[i]):
                if k == cell[i]:
                    continue
                other = list(cell)
                other[i] = k
                gains.append(payoff[cell] - payoff[tuple(other)])
        label = tuple(game.strategies[i][k] for i, k in enumerate(cell))
        if target is not None:
            result[label] = _solved(gains, target)
        else:
            result[label] = sympy.simplify(sympy.And(*(sympy.Ge(g, 0) for g in gains)))
    return result


def _solved(gains, target):
    """The values of ``target`` where every gain is >= 0."""
    import sympy

    linear = _linear_solution(gains, target)
    if linear is not None:
        return linear
    condition = sympy.And(*(sympy.Ge(g, 0) for g in gains))
    return sympy.solveset(condition, target, sympy.S.Reals) if condition is not sympy.true else sympy.S.Reals


def _linear_solution(gains, target):
    """The solution set when every gain is linear in ``target`` with numeric coefficients, else None.

    Each ``a*t + b >= 0`` is a half-line, so the set is their intersection:
    the same set as ``solveset`` gives, without its general (and slow)
    inequality machinery. Anything else (another symbol, a curve, a
    coefficient of unknown sign) returns None for ``solveset`` to handle.
    """
    import sympy

    solution = sympy.S.Reals
    for gain in gains:
        gain = sympy.expand(sympy.sympify(gain))  # a cell with no symbol may hold a Fraction
        if not gain.free_symbols <= {target}:
            return None
        slope, rest = (gain.coeff(target, 1), gain.coeff(target, 0)) if gain.free_symbols else (sympy.S.Zero, gain)
        if (slope * target + rest - gain).expand() != 0:  # not linear in target
            return None
        if slope.is_zero and rest.is_nonnegative is not None:
            part = sympy.S.Reals if rest.is_nonnegative else sympy.S.EmptySet
        elif slope.is_positive:
            part = sympy.Interval(-rest / slope, sympy.oo)
        elif slope.is_negative:
            part = sympy.Interval(-sympy.oo, -rest / slope)
        else:
            return None
        solution = solution.intersect(part)
    return solution
