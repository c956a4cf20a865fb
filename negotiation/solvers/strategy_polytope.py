r"""Vertices of a set of mixed strategies cut out by linear conditions, by active sets.

The strategies :math:`\sigma` on a support that satisfy equalities
:math:`E\sigma = 0` and inequalities :math:`G\sigma \le h` form a polytope
in the simplex. A vertex makes as many constraints tight as the polytope has
free dimensions, so every such choice of constraints is solved, exactly for
Fraction inputs, and kept when feasible. The count of choices is known in
advance: beyond :data:`MAX_ACTIVE_SETS` the answer is None, never a partial
list.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb

import numpy as np

from .polytope import solve_exact

__all__ = ["strategy_polytope", "active_set_count", "MAX_ACTIVE_SETS"]

#: Active sets tried per polytope at most; beyond it the vertices are not listed.
MAX_ACTIVE_SETS = 20_000


def strategy_polytope(support, equalities, rows, bounds, slack, exact, limit=MAX_ACTIVE_SETS):
    """Vertices of {σ ≥ 0 on the support, Σσ = 1, equalities·σ = 0, rows·σ ≤ bounds}; None past ``limit``."""
    k = len(support)
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    E = [list(r) for r in equalities] + [[one] * k]
    e = [zero] * len(equalities) + [one]
    G = [list(r) for r in rows] + [[-one if c == d else zero for c in range(k)] for d in range(k)]
    h = list(bounds) + [zero] * k
    free = k - _rank(E, exact)
    if active_set_count(len(G), free) > limit:
        return None
    vertices, seen = [], set()
    for active in itertools.combinations(range(len(G)), free):
        x = _unique_solution(E + [G[a] for a in active], e + [h[a] for a in active], k, exact)
        if x is None or not _feasible(G, h, x, slack, exact):
            continue
        key = tuple(x) if exact else tuple(np.round(x, 9))
        if key not in seen:
            seen.add(key)
            vertices.append(x)
    return vertices


def active_set_count(constraints: int, free: int) -> int:
    """Choices of ``free`` tight constraints among ``constraints``: the systems a polytope costs."""
    return comb(constraints, free)


def _rank(rows, exact):
    if not exact:
        return int(np.linalg.matrix_rank(np.array(rows, dtype=float), tol=1e-10))
    matrix = [list(r) for r in rows]
    rank = 0
    for c in range(len(matrix[0])):
        pivot = next((k for k in range(rank, len(matrix)) if matrix[k][c] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for k in range(rank + 1, len(matrix)):
            factor = matrix[k][c] / matrix[rank][c]
            matrix[k] = [a - factor * b for a, b in zip(matrix[k], matrix[rank])]
        rank += 1
    return rank


def _unique_solution(rows, rhs, k, exact):
    if exact:
        x = solve_exact(rows, rhs, k)
        return None if x is None else np.array(x, dtype=object)
    M, b = np.array(rows, dtype=float), np.array(rhs, dtype=float)
    x, _, rank, _ = np.linalg.lstsq(M, b, rcond=1e-12)
    if rank < k or np.abs(M @ x - b).max() > 1e-9 * (1 + np.abs(M).max()):
        return None
    return x


def _feasible(G, h, x, slack, exact):
    if exact:
        return all(sum((g * v for g, v in zip(row, x)), Fraction(0)) <= bound for row, bound in zip(G, h))
    values = np.array(G, dtype=float) @ x
    return bool((values <= np.array(h, dtype=float) + max(slack, 1e-12)).all())
