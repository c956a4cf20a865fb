r"""All equilibria of a small nondegenerate bimatrix game, every support pair in one batch.

In a nondegenerate game an equilibrium's two supports :math:`S` and :math:`T`
have the same size, and the equilibrium solves two square systems
(payoffs shifted into [1, 2] and the strategies scaled, as in
:mod:`~negotiation.solvers.polytope`):

.. math:: A_{S,T}\, y_T = \mathbf 1, \qquad B_{S,T}^\top x_S = \mathbf 1,

with :math:`x, y > 0` on the supports and no better reply elsewhere:
:math:`(A y)_i < 1` off :math:`S`, :math:`(x^\top B)_j < 1` off :math:`T`.
A :math:`k \times k` game has :math:`\binom{2k}{k} - 1` such pairs (69 for
4×4). For games this small, solving them all as one padded stack
(:mod:`~negotiation.solvers.padded`) costs less than building a polytope.

The pairs whose :math:`x` side alone is feasible are the vertices of the row
player's best-response polytope, and likewise for :math:`y`. So any vertex
on a boundary (a weight or a slack within rounding of zero: a degenerate
vertex), or a near-singular system, returns None, and the general path takes
over: the game is flagged degenerate exactly when the polytopes would be.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from math import comb

import numpy as np

from .padded import padded_right_hand_sides, solve_padded
from .polytope import _TIGHT, shift_positive

__all__ = ["balanced_support_profiles", "support_pair_count", "SMALL"]

#: Games with at most this many support pairs are solved here (4×4 has 69, 5×5 has 251).
SMALL = 100


def balanced_support_profiles(A: np.ndarray, B: np.ndarray):
    """Candidate equilibria as two arrays of mixed strategies ``(X, Y)``, or None if the game looks degenerate."""
    m, n = A.shape
    A, B = shift_positive(A), shift_positive(B)
    pairs = _support_pairs(m, n)
    count = len(pairs.rows)
    systems = np.concatenate([A[pairs.rows[:, :, None], pairs.cols[:, None, :]],
                              B[pairs.rows[:, None, :], pairs.cols[:, :, None]]])
    z = solve_padded(np.where(pairs.block, systems, pairs.eye), pairs.rhs, 2 * pairs.size)  # entries in [1, 2]
    if z is None:
        return None
    y, x = np.zeros((count, n)), np.zeros((count, m))
    y[pairs.at, pairs.cols] = z[:count]  # padded unknowns are exactly zero
    x[pairs.at, pairs.rows] = z[count:]
    weights = (z + pairs.padding).min(axis=1)  # on the supports
    low_y = np.minimum(weights[:count], (1 - y @ A.T + pairs.row_support).min(axis=1))  # and slack off S
    low_x = np.minimum(weights[count:], (1 - x @ B + pairs.col_support).min(axis=1))  # and slack off T
    # Either side alone on a boundary is a degenerate vertex of its best-response polytope.
    if (np.abs(low_x) <= _TIGHT).any() or (np.abs(low_y) <= _TIGHT).any():
        return None
    keep = (low_x > _TIGHT) & (low_y > _TIGHT)
    x, y = x[keep], y[keep]
    return x / x.sum(axis=1, keepdims=True), y / y.sum(axis=1, keepdims=True)


def support_pair_count(m: int, n: int) -> int:
    """How many equal-size support pairs an m×n game has."""
    return comb(m + n, m) - 1


class _Pairs:
    """Index tables for every support pair of an m×n game, padded to size min(m, n)."""

    def __init__(self, m: int, n: int):
        size = min(m, n)
        rows, cols = [], []
        for s in range(1, size + 1):
            for S in combinations(range(m), s):
                for T in combinations(range(n), s):
                    # padding indices are distinct from the support's, so scattering them writes zeros elsewhere
                    rows.append(list(S) + [i for i in range(m) if i not in S][: size - s])
                    cols.append(list(T) + [j for j in range(n) if j not in T][: size - s])
        self.size = size
        self.rows, self.cols = np.array(rows), np.array(cols)
        count = len(rows)
        self.at = np.arange(count)[:, None]
        sizes = np.array([s for s in range(1, size + 1) for _ in range(comb(m, s) * comb(n, s))])
        inside = np.arange(size) < sizes[:, None]
        block = inside[:, :, None] & inside[:, None, :]
        self.block = np.concatenate([block, block])
        self.eye = np.eye(size)
        self.rhs = padded_right_hand_sides(np.concatenate([inside, inside]))
        self.padding = np.where(np.concatenate([inside, inside]), 0.0, np.inf)
        on_rows, on_cols = np.zeros((count, m)), np.zeros((count, n))
        on_rows[self.at, self.rows] = np.where(inside, np.inf, 0.0)
        on_cols[self.at, self.cols] = np.where(inside, np.inf, 0.0)
        self.row_support, self.col_support = on_rows, on_cols
        for array in vars(self).values():
            if isinstance(array, np.ndarray):
                array.setflags(write=False)


@lru_cache(maxsize=32)
def _support_pairs(m: int, n: int) -> _Pairs:
    return _Pairs(m, n)
