r"""Whether the long side's polytope of a tall game is degenerate, without enumerating it.

A game is degenerate when some mixed strategy with :math:`k` strategies in
its support has more than :math:`k` pure best replies. The short-side paths
(:mod:`~negotiation.solvers.short_side`, :mod:`~negotiation.solvers.tall_faces`)
enumerate only the short player's polytope, so they see the long player's
degenerate strategies only where they meet an equilibrium. This module looks
for the others directly.

With the short player's payoffs :math:`A` (:math:`m \times n`, :math:`m < n`)
shifted positive, a degenerate vertex of
:math:`Q = \{y \ge 0 : A y \le 1\}` has a support :math:`S` of :math:`k < m`
columns and at least :math:`k+1` tight rows :math:`T`:
:math:`A_{T,S}\, y_S = \mathbf 1` is then an over-determined system that is
consistent, so :math:`\det [A_{T,S} \mid \mathbf 1] = 0`. Every pair
:math:`(T, S)` is tested by that determinant in batches; the few that pass
are solved and kept when :math:`y_S > 0` and :math:`A y \le 1`. Exact payoffs
confirm each candidate in Fractions.

There are :math:`\sum_k \binom{m}{k+1}\binom{n}{k}` pairs: 41,660 for 4×60
but 1.4 million for 6×40. Sizes :math:`k` are checked in increasing order
while they fit :data:`MAX_SYSTEMS`, and the answer says how far it got.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from math import comb

import numpy as np

from .polytope import _TIGHT, solve_exact

__all__ = ["LongSideCheck", "long_side_degenerate", "MAX_SYSTEMS"]

#: Over-determined systems tested at most (each a small determinant).
MAX_SYSTEMS = 200_000
#: Systems whose determinants are taken in one numpy call.
_CHUNK = 20_000


@dataclass(frozen=True)
class LongSideCheck:
    """``degenerate``: a degenerate vertex was found; ``checked``: supports up to this size were all tested."""

    degenerate: bool
    checked: int
    complete: bool

    def note(self, player: str) -> str:
        """Words for a partial check that found nothing ('' otherwise)."""
        if self.degenerate or self.complete:
            return ""
        return (f"ties among the best replies of {player}'s mixtures of more than {self.checked} strategies "
                "were not checked, so the game may be degenerate there (it changes no equilibrium listed)")


def long_side_degenerate(A: np.ndarray, exact_A=None) -> LongSideCheck:
    """Search ``Q = {y >= 0 : A y <= 1}`` (A: short × long, entries in [1, 2]) for a degenerate vertex.

    ``exact_A``, the same matrix in Fractions, makes every candidate be confirmed exactly.
    """
    m, n = A.shape
    used = 0
    for k in range(1, m):
        cost = comb(m, k + 1) * comb(n, k)
        if used + cost > MAX_SYSTEMS:
            return LongSideCheck(False, k - 1, False)
        used += cost
        if _degenerate_at(A, exact_A, k):
            return LongSideCheck(True, k, True)
    return LongSideCheck(False, m - 1, True)


def _degenerate_at(A, exact_A, k):
    # det [A_TS | 1] = ± det of the rows' differences from T's first row: k×k instead of (k+1)×(k+1)
    rows, cols = _combinations(A.shape[0], k + 1), _combinations(A.shape[1], k)
    differences = A[rows[:, 1:]] - A[rows[:, :1]]  # (row sets, k, long side)
    step = max(1, _CHUNK // len(rows))
    for start in range(0, len(cols), step):
        chunk = cols[start:start + step]
        blocks = np.moveaxis(differences[:, :, chunk], 2, 1)  # (row sets, column sets, k, k)
        for r, c in np.argwhere(np.abs(np.linalg.det(blocks)) <= _TIGHT):
            T, S = rows[r], chunk[c]
            if _is_vertex(A, T, S) and (exact_A is None or _is_vertex_exactly(exact_A, T, S)):
                return True
    return False


@lru_cache(maxsize=64)
def _combinations(size, k):
    return np.array(list(itertools.combinations(range(size), k)), dtype=np.intp).reshape(-1, k)


def _is_vertex(A, T, S):
    """``A_{T,S} y = 1`` has a solution with ``y > 0`` that keeps every row of ``A y`` at most 1."""
    y, _, rank, _ = np.linalg.lstsq(A[np.ix_(T, S)], np.ones(len(T)), rcond=None)
    if rank < len(S) or np.abs(A[np.ix_(T, S)] @ y - 1).max() > _TIGHT or y.min() <= _TIGHT:
        return False
    return bool((A[:, S] @ y).max() <= 1 + _TIGHT)


def _is_vertex_exactly(exact_A, T, S):
    rows = [[exact_A[t][s] for s in S] for t in T]
    y = solve_exact(rows, [1] * len(T), len(S))
    if y is None or min(y) <= 0:
        return False
    return all(sum(exact_A[r][s] * v for s, v in zip(S, y)) <= 1 for r in range(len(exact_A)))
