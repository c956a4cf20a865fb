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
from functools import lru_cache
from math import comb

import numpy as np

from ..errors import BudgetError, SolverError
from .exact_linear import solve_exact

__all__ = ["Polytope", "best_response_polytopes", "row_polytope", "solve_exact"]

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
    _, bounds_n, _, h_Q = _blocks(m, n)
    return row_polytope(B), _polytope(np.concatenate((shift_positive(A), bounds_n)), h_Q)


def row_polytope(B: np.ndarray) -> Polytope:
    """P alone: the row player's strategies, labelled by the column player's payoffs ``B`` (unshifted)."""
    bounds_m, _, h_P, _ = _blocks(*B.shape)
    return _polytope(np.concatenate((bounds_m, shift_positive(B).T)), h_P)


@lru_cache(maxsize=64)
def _blocks(m: int, n: int):
    """The constant parts of P's and Q's systems: the bounds ``-I`` and the right-hand sides."""
    blocks = -np.eye(m), -np.eye(n), np.repeat([0.0, 1.0], (m, n)), np.repeat([1.0, 0.0], (m, n))
    for block in blocks:
        block.setflags(write=False)
    return blocks


def _polytope(G: np.ndarray, h: np.ndarray) -> Polytope:
    return Polytope(G, h, *_clean(G, h, raw_vertices(G, h)))


def raw_vertices(G: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Candidate vertices of ``{z : G z <= h}`` (uncleaned: degenerate vertices may repeat)."""
    vertices = _qhull_vertices(G, h) if G.shape[1] >= 2 else None
    return _brute_force_vertices(G, h) if vertices is None else vertices


def _qhull_vertices(G: np.ndarray, h: np.ndarray) -> np.ndarray | None:
    # The polar of the polytope about an interior point x0 = t * 1. Rows with h = 1 are payoff
    # rows (entries in [1, 2], so summing to at most 2d) and the rest are -I: t = 1 / (4d) leaves
    # every payoff row a slack of at least 1/2 and every bound a slack of t.
    x0 = 0.25 / G.shape[1]
    slack = h - x0 * G.sum(axis=1)
    equations = hull_equations(G / slack[:, None])
    if equations is None:
        return None
    if not equations[:, -1].max(initial=-1.0) < 0:  # a facet through the origin has no vertex (not seen:
        equations = equations[equations[:, -1] < 0]   # x0 is inside), but rounding must not divide by 0
    return x0 - equations[:, :-1] / equations[:, -1:]


def hull_equations(points: np.ndarray) -> np.ndarray | None:
    """The facet equations ``[normal, offset]`` of the convex hull of ``points`` (None if Qhull refuses).

    Qhull is called through scipy's low-level wrapper when it is there:
    ``ConvexHull`` also computes the hull's volume and area, which we never
    use and which cost about a fifth of the time. Any change in that private
    interface falls back to ``ConvexHull`` itself.
    """
    from scipy.spatial import QhullError

    points = np.ascontiguousarray(points, dtype=float)
    try:
        return _raw_hull_equations(points)
    except (QhullError, ValueError):
        return None
    except (ImportError, AttributeError, TypeError):
        from scipy.spatial import ConvexHull

        try:
            return ConvexHull(points).equations
        except (QhullError, ValueError):
            return None


def _raw_hull_equations(points: np.ndarray) -> np.ndarray:
    from scipy.spatial._qhull import _Qhull

    options = b"Qx" if points.shape[1] > 4 else b""  # ConvexHull's defaults
    hull = _Qhull(b"i", points, options, required_options=b"Qt")
    try:
        hull.triangulate()
        return hull.get_simplex_facet_array()[2]
    finally:
        hull.close()


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
    """The non-zero vertices, each once, their tight labels, and whether one has more than the dimension.

    Payoffs lie in [1, 2] (see :func:`shift_positive`), so a non-zero vertex
    has coordinates summing to between 1/2 and 1 and every term is of order
    one: an absolute tolerance is a relative one here.
    """
    d = G.shape[1]
    slack = h - vertices @ G.T
    tight = slack <= _TIGHT
    counts = tight @ np.ones(len(h))  # row reductions of short rows are slow in numpy; products are not
    if slack.min(initial=0.0) >= -_TIGHT and counts.max(initial=d) == d:
        keep = vertices @ np.ones(d) > 0.25  # all feasible and simple (Qhull's usual answer): drop 0
        degenerate = False
    else:
        keep = (slack.min(axis=1) >= -_TIGHT) & (vertices.sum(axis=1) > 0.25) & (counts >= d)
        degenerate = bool(counts[keep].max(initial=d) > d)
    vertices, tight = vertices[keep], tight[keep]
    # a coordinate whose nonnegativity bound is tight is exactly zero, not 1e-17
    vertices[vertices <= _TIGHT] = 0.0
    if not degenerate:
        return vertices, tight, False  # simple polytope: one facet of the polar per vertex
    # Degenerate polytopes give one Qhull facet per simplex of a vertex's cone.
    _, first = np.unique(np.round(vertices, 9), axis=0, return_index=True)
    first.sort()
    return vertices[first], tight[first], True


def complementary_pairs(P: Polytope, Q: Polytope) -> np.ndarray:
    """Index pairs ``(i, j)`` of vertices of P and Q whose labels cover all labels."""
    if len(P.vertices) == 0 or len(Q.vertices) == 0:
        return np.empty((0, 2), dtype=np.intp)
    if not (P.degenerate or Q.degenerate):
        # each vertex has exactly d labels: the partner's labels are the complement
        keys_q, wanted = _label_keys(Q.tight), _complement_keys(P.tight)
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


def _complement_keys(tight: np.ndarray) -> np.ndarray:
    """:func:`_label_keys` of the complementary label sets."""
    if tight.shape[1] <= 52:
        return (2.0 ** tight.shape[1] - 1) - _label_keys(tight)
    return _label_keys(~tight)


def _label_keys(tight: np.ndarray) -> np.ndarray:
    """One sortable key per label set: the bitmask as an exact float, or raw bytes."""
    if tight.shape[1] <= 52:  # sums of distinct powers of two below 2**53 are exact
        return tight @ (2.0 ** np.arange(tight.shape[1]))
    packed = np.packbits(tight, axis=1)
    return packed.view(f"V{packed.shape[1]}").ravel()


# ---------------------------------------------------------------------- exact arithmetic
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
