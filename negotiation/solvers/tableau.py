r"""A pivoting tableau in floats or in exact integers (fraction-free pivoting).

Exact pivoting keeps every entry an integer: the tableau stands for
:math:`T / d`, and a pivot on :math:`(r, c)` replaces every other row by
:math:`T_{ij} \leftarrow (T_{ij} T_{rc} - T_{ic} T_{rj}) / d`, with the
division exact, then sets :math:`d \leftarrow T_{rc}` (Bareiss;
Montante for Gauss–Jordan; Avis's lrs pivots this way). The entries stay
minors of the starting matrix, so they grow slowly, and there is no greatest
common divisor to compute, which makes it several times faster than Fractions.

Examples
--------
>>> import numpy as np
>>> from fractions import Fraction
>>> t = Tableau.exact([[Fraction(1, 2), 1, 1], [1, 3, 2]])
>>> t.pivot(0, 0); t.pivot(1, 1)
>>> [t.value(0), t.value(1)]
[Fraction(2, 1), Fraction(0, 1)]
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

import numpy as np

__all__ = ["Tableau", "NoPivot"]

#: Float pivots smaller than this count as zero.
PIVOT_EPS = 1e-12


class NoPivot(Exception):
    """No row can leave: an unbounded ray (in floats, usually a sign of rounding)."""


class Tableau:
    """Rows of equations with the right-hand side in the last column."""

    def __init__(self, rows: np.ndarray, exact: bool):
        self.T = rows
        self.exact = exact
        self.d = 1

    @classmethod
    def exact(cls, rows) -> "Tableau":
        """Scale each row by the least common multiple of its denominators, so every entry is an integer."""
        matrix = []
        for row in rows:
            fractions = [Fraction(v) for v in row]
            scale = lcm(*(f.denominator for f in fractions)) if fractions else 1
            matrix.append([int(f * scale) for f in fractions])
        return cls(np.array(matrix, dtype=object), exact=True)

    @classmethod
    def floats(cls, rows) -> "Tableau":
        return cls(np.array(rows, dtype=float), exact=False)

    def pivot(self, row: int, column: int) -> None:
        T = self.T
        if not self.exact:
            T[row] = T[row] / T[row, column]
            factors = T[:, column].copy()
            factors[row] = 0.0
            touched = np.flatnonzero(factors)  # sequence-form tableaux are sparse: most rows lack the column
            T[touched] -= np.outer(factors[touched], T[row])
            return
        p = T[row, column]
        keep = T[row].copy()
        T[:] = (T * p - np.outer(T[:, column], keep)) // self.d
        T[row] = keep
        self.d = p
        if p < 0:  # keep d positive, so signs of entries are signs of values
            self.T = -T
            self.d = -p

    def value(self, row: int, column: int = -1):
        """The entry as a number: a Fraction when exact."""
        return Fraction(self.T[row, column], self.d) if self.exact else float(self.T[row, column])

    def positive(self, column: int) -> np.ndarray:
        """Rows whose entry in ``column`` is positive (beyond rounding)."""
        entries = self.T[:, column]
        return np.array([v > 0 for v in entries]) if self.exact else entries > PIVOT_EPS

    def negative(self, column: int) -> np.ndarray:
        entries = self.T[:, column]
        return np.array([v < 0 for v in entries]) if self.exact else entries < -PIVOT_EPS

    def ratio(self, row: int, column: int, by: int):
        """``T[row, column] / T[row, by]``, exactly when exact (d cancels)."""
        if self.exact:
            return Fraction(self.T[row, column], self.T[row, by])
        return self.T[row, column] / self.T[row, by]

    def leaving_row(self, column: int, lex_columns, allowed) -> int:
        """The minimum-ratio row for ``column`` entering, ties broken lexicographically."""
        rows = np.flatnonzero(self.positive(column) & allowed)
        if rows.size == 0:
            raise NoPivot
        for k in [self.T.shape[1] - 1, *lex_columns]:
            if self.exact:
                ratios = [self.ratio(r, k, column) for r in rows]
                best = min(ratios)
                rows = rows[[q <= best for q in ratios]]
            else:
                ratios = self.T[rows, k] / self.T[rows, column]
                best = ratios.min()
                rows = rows[ratios <= best + PIVOT_EPS * max(1.0, abs(best))]
            if rows.size == 1:
                break
        return int(rows[0])

    def into_basis(self, basis) -> None:
        """Gauss–Jordan so that row k has ``basis[k]`` as its basic variable (rows are swapped as needed)."""
        for row, column in enumerate(basis):
            entries = self.T[row:, column]
            if self.exact:
                candidates = [k for k, v in enumerate(entries) if v != 0]
                pick = row + candidates[0] if candidates else None
            else:
                k = int(np.argmax(np.abs(entries)))
                pick = row + k if abs(entries[k]) > PIVOT_EPS else None
            if pick is None:
                raise NoPivot
            if pick != row:
                self.T[[row, pick]] = self.T[[pick, row]]
            self.pivot(row, column)
