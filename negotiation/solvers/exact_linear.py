"""Exact solutions of linear systems, by sparse fraction-free elimination.

Each equation is scaled to integers (by the least common multiple of its
denominators) and stored as its non-zero entries only. Eliminating a column
touches just the rows that hold it: a row becomes ``row * p - f * pivot_row``
in integers, divided by the greatest common divisor of its entries so the
numbers stay as small as the equation allows. The pivot is the shortest row
holding the column, which keeps fill-in low. The systems the solvers build
(sequence-form bases, polytope vertices) are sparse, so this is far faster
than Gauss–Jordan on a dense table of Fractions: a 330-unknown sequence-form
basis took 7 s that way.

Examples
--------
>>> from fractions import Fraction
>>> solve_exact([[1, 1], [1, -1], [2, 0]], [3, Fraction(1, 2), Fraction(7, 2)], 2)
[Fraction(7, 4), Fraction(5, 4)]
>>> solve_exact([[1, 1], [2, 2]], [1, 3], 2) is None  # rank 1
True
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm

__all__ = ["solve_exact"]


def solve_exact(rows, rhs, d: int) -> list[Fraction] | None:
    """The unique solution of a consistent system in ``d`` unknowns with rank ``d``, else None.

    ``rows`` are the coefficient rows (ints, Fractions, anything Fraction
    accepts), ``rhs`` the right-hand sides; there may be more rows than
    unknowns, and they must then agree.
    """
    equations = [_integer_row(row, b, d) for row, b in zip(rows, rhs)]
    pivot_of = {}
    free = set(range(len(equations)))
    for column in range(d):
        holders = [k for k in free if column in equations[k]]
        if not holders:
            return None  # the column is zero in every unused equation: rank below d
        r = min(holders, key=lambda k: len(equations[k]))
        free.discard(r)
        pivot_of[column] = r
        pivot = equations[r]
        for k, equation in enumerate(equations):
            if k != r and column in equation:
                equations[k] = _eliminate(equation, pivot, column)
    if any(equations[k] for k in free):  # a leftover equation 0 = b with b ≠ 0
        return None
    return [Fraction(equations[r].get(d, 0), equations[r][c]) for c, r in sorted(pivot_of.items())]


def _integer_row(row, b, d):
    """The equation's non-zero entries as integers (the right-hand side under key ``d``)."""
    entries = {j: Fraction(v) for j, v in enumerate(row) if v != 0}
    if b != 0:
        entries[d] = Fraction(b)
    scale = lcm(*(f.denominator for f in entries.values())) if entries else 1
    return _reduced({j: int(f * scale) for j, f in entries.items()})


def _eliminate(equation, pivot, column):
    """``equation * p - f * pivot``, which is zero in ``column``, reduced."""
    p, f = pivot[column], equation[column]
    combined = {j: v * p for j, v in equation.items()}
    for j, v in pivot.items():
        combined[j] = combined.get(j, 0) - f * v
    return _reduced({j: v for j, v in combined.items() if v})


def _reduced(equation):
    """The equation divided by the greatest common divisor of its entries."""
    divisor = gcd(*equation.values()) if equation else 1
    return equation if divisor == 1 else {j: v // divisor for j, v in equation.items()}
