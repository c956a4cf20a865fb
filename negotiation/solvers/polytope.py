r"""Vertices of the best-response polytopes of a bimatrix game, with labels.

For a two-player game with payoffs shifted to be positive, the polytopes are

.. math::

    P = \{x \in \mathbb{R}^m : x \ge 0,\ B^\top x \le 1\}, \qquad
    Q = \{y \in \mathbb{R}^n : A y \le 1,\ y \ge 0\}.

Each inequality carries a *label* ``0 .. m+n-1`` (row strategies first).
A pair of non-zero vertices whose tight labels together cover every label is
an extreme Nash equilibrium after normalising (von Stengel, *Computing
equilibria for two-person games*, 2002). Vertices come from scipy's Qhull on
the polar polytope, or, as a fallback for tiny or troublesome inputs, from
solving every square subsystem.

Exact vertices are rebuilt from a float vertex's tight constraints with
rational arithmetic and re-checked exactly, so an exact answer never relies
on a floating-point comparison.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from math import comb

import numpy as np

from ..errors import BudgetError, SolverError

__all__ = ["Polytope", "best_response_polytopes", "solve_exact"]

_TIGHT = 1e-9  # relative slack under which an inequality counts as tight
_BRUTE_FORCE_LIMIT = 2_000_000  # square subsystems we are willing to try


@dataclass(frozen=True)
class Polytope:
    """``{z : G z <= h}`` with the label of each row, and its non-zero vertices."""

    G: np.ndarray
    h: np.ndarray
    vertices: np.ndarray  # (k, d) float
    tight: np.ndarray  # (k, m+n) bool
    degenerate: bool  # some vertex has more tight labels than the dimension


def shift_positive(M: np.ndarray) -> np.ndarray:
    """``M`` mapped affinely into [1, 2]; equilibria do not change.

    Scaling as well as shifting makes every tolerance downstream independent
    of whether payoffs are in units or in trillions.
    """
    low, spread = M.min(), M.max() - M.min()
    return (M - low) / (spread if spread > 0 else 1.0) + 1


def best_response_polytopes(A: np.ndarray, B: np.ndarray) -> tuple[Polytope, Polytope]:
    """The polytopes P (row player, labelled by ``B``) and Q (column player, by ``A``)."""
    m, n = A.shape
    A, B = shift_positive(A), shift_positive(B)
    G_P = np.vstack([-np.eye(m), B.T])
    h_P = np.concatenate([np.zeros(m), np.ones(n)])
    G_Q = np.vstack([A, -np.eye(n)])
    h_Q = np.concatenate([np.ones(m), np.zeros(n)])
    return _polytope(G_P, h_P), _polytope(G_Q, h_Q)


def _polytope(G: np.ndarray, h: np.ndarray) -> Polytope:
    vertices, tight = _clean(G, h, raw_vertices(G, h))
    degenerate = bool(len(tight)) and int(tight.sum(axis=1).max()) > G.shape[1]
    return Polytope(G, h, vertices, tight, degenerate)


def raw_vertices(G: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Candidate vertices of ``{z : G z <= h}`` (uncleaned: degenerate vertices may repeat)."""
    vertices = _qhull_vertices(G, h) if G.shape[1] >= 2 else None
    return _brute_force_vertices(G, h) if vertices is None else vertices


def _interior_point(G: np.ndarray, h: np.ndarray) -> np.ndarray:
    # rows with h = 1 are the payoff rows (entries in [1, 2]); the rest are -I.
    # x0 = t * 1 with t below 1 / (largest payoff-row sum) keeps every row slack.
    t = 0.5 / G.sum(axis=1).max()
    return np.full(G.shape[1], t)


def _qhull_vertices(G: np.ndarray, h: np.ndarray) -> np.ndarray | None:
    from scipy.spatial import ConvexHull, QhullError

    x0 = _interior_point(G, h)
    slack = h - G @ x0
    dual = G / slack[:, None]
    try:
        hull = ConvexHull(dual)
    except (QhullError, ValueError):
        return None
    normals, offsets = hull.equations[:, :-1], hull.equations[:, -1]
    keep = offsets < -1e-300
    return x0 + normals[keep] / -offsets[keep, None]


def _brute_force_vertices(G: np.ndarray, h: np.ndarray) -> np.ndarray:
    rows, d = G.shape
    count = comb(rows, d)
    if count > _BRUTE_FORCE_LIMIT:
        raise SolverError(
            f"vertex enumeration failed in Qhull and the fallback would solve {count} systems"
        )
    subsets = np.array(list(itertools.combinations(range(rows), d)), dtype=np.intp)
    mats, rhs = G[subsets], h[subsets]
    det = np.linalg.det(mats)
    ok = np.abs(det) > 1e-12
    if not ok.any():
        return np.empty((0, d))
    return np.linalg.solve(mats[ok], rhs[ok][..., None])[..., 0]


def _clean(G: np.ndarray, h: np.ndarray, vertices: np.ndarray):
    """Drop infeasible, zero and duplicate points; compute each vertex's tight labels.

    Payoffs lie in [1, 2] (see :func:`shift_positive`), so a non-zero vertex
    has coordinates summing to between 1/2 and 1 and every term is of order
    one: an absolute tolerance is a relative one here.
    """
    d = G.shape[1]
    if len(vertices) == 0:
        return np.empty((0, d)), np.empty((0, len(h)), dtype=bool)
    slack = h - vertices @ G.T
    tight = slack <= _TIGHT
    counts = tight.sum(axis=1)
    keep = (slack.min(axis=1) >= -_TIGHT) & (vertices.sum(axis=1) > 0.25) & (counts >= d)
    vertices, tight = vertices[keep], tight[keep]
    # a coordinate whose nonnegativity bound is tight is exactly zero, not 1e-17
    vertices[vertices <= _TIGHT] = 0.0
    if len(vertices) == 0 or counts[keep].max() == d:
        return vertices, tight  # simple polytope: one facet of the polar per vertex
    # Degenerate polytopes give one Qhull facet per simplex of a vertex's cone.
    _, first = np.unique(np.round(vertices, 9), axis=0, return_index=True)
    first.sort()
    return vertices[first], tight[first]


def complementary_pairs(P: Polytope, Q: Polytope) -> np.ndarray:
    """Index pairs ``(i, j)`` of vertices of P and Q whose labels cover all labels."""
    if len(P.vertices) == 0 or len(Q.vertices) == 0:
        return np.empty((0, 2), dtype=np.intp)
    if not (P.degenerate or Q.degenerate):
        # each vertex has exactly d labels: the partner's labels are the complement
        keys_q, wanted = _label_keys(Q.tight), _label_keys(~P.tight)
        order = np.argsort(keys_q)
        sorted_q = keys_q[order]
        at = np.minimum(np.searchsorted(sorted_q, wanted), len(sorted_q) - 1)
        hit = sorted_q[at] == wanted
        return np.column_stack([np.flatnonzero(hit), order[at[hit]]]).astype(np.intp)
    missing_p = (~P.tight).astype(np.float32)
    missing_q = (~Q.tight).astype(np.float32)
    work = missing_p.shape[0] * missing_q.shape[0]
    if work > 5 * 10**8:
        raise BudgetError(
            f"matching {missing_p.shape[0]} × {missing_q.shape[0]} vertices of a degenerate game "
            "is too much work"
        )
    overlap = missing_p @ missing_q.T
    return np.argwhere(overlap == 0)


def _label_keys(tight: np.ndarray) -> np.ndarray:
    """One sortable key per label set: the bitmask as an exact float, or raw bytes."""
    if tight.shape[1] <= 52:  # sums of distinct powers of two below 2**53 are exact
        return tight @ (2.0 ** np.arange(tight.shape[1]))
    packed = np.packbits(tight, axis=1)
    return packed.view(f"V{packed.shape[1]}").ravel()


# ---------------------------------------------------------------------- exact arithmetic
def solve_exact(rows: list[list[Fraction]], rhs: list[Fraction], d: int) -> list[Fraction] | None:
    """The unique solution of a consistent system with rank ``d``, else None."""
    matrix = [list(r) + [b] for r, b in zip(rows, rhs)]
    r = 0
    for c in range(d):
        pivot = next((k for k in range(r, len(matrix)) if matrix[k][c] != 0), None)
        if pivot is None:
            return None
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        inv = 1 / matrix[r][c]
        matrix[r] = [v * inv for v in matrix[r]]
        for k in range(len(matrix)):
            if k != r and matrix[k][c] != 0:
                f = matrix[k][c]
                matrix[k] = [a - f * b for a, b in zip(matrix[k], matrix[r])]
        r += 1
    if any(row[-1] != 0 for row in matrix[r:]):
        return None
    return [matrix[k][-1] for k in range(d)]


def exact_vertices(G: list[list[Fraction]], h: list[Fraction], tight: np.ndarray) -> list:
    """Rebuild vertices exactly from a float vertex's tight rows.

    Returns a list of ``(vertex, exact tight set)``. Usually the whole tight
    system is consistent and gives one vertex; when a float comparison called
    a nearly tight row tight, every square subsystem of the tight rows is
    tried instead, so no exact vertex is lost to rounding.
    """
    d = len(G[0])
    idx = list(np.flatnonzero(tight))
    found = _exact_candidate(G, h, idx, d)
    if found is not None:
        return [found]
    results, seen = [], set()
    for count, subset in enumerate(itertools.combinations(idx, d)):
        if count > 10_000:
            break
        found = _exact_candidate(G, h, list(subset), d)
        if found is not None and tuple(found[0]) not in seen:
            seen.add(tuple(found[0]))
            results.append(found)
    return results


def _exact_candidate(G, h, idx, d):
    x = solve_exact([G[k] for k in idx], [h[k] for k in idx], d)
    if x is None:
        return None
    lhs = [sum((g * v for g, v in zip(row, x)), Fraction(0)) for row in G]
    if any(value > bound for value, bound in zip(lhs, h)) or not any(x):
        return None
    return x, np.array([value == bound for value, bound in zip(lhs, h)])


def exact_system(A_exact: np.ndarray, B_exact: np.ndarray):
    """The inequality systems of P and Q in Fractions (same labels as the float ones)."""
    m, n = A_exact.shape
    A = A_exact - min(A_exact.flat) + 1
    B = B_exact - min(B_exact.flat) + 1
    zero, one = Fraction(0), Fraction(1)
    G_P = [[-one if i == k else zero for k in range(m)] for i in range(m)]
    G_P += [[B[i, j] for i in range(m)] for j in range(n)]
    h_P = [zero] * m + [one] * n
    G_Q = [[A[i, j] for j in range(n)] for i in range(m)]
    G_Q += [[-one if j == k else zero for k in range(n)] for j in range(n)]
    h_Q = [one] * m + [zero] * n
    return (G_P, h_P), (G_Q, h_Q)
