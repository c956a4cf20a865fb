r"""All equilibria from the smaller player's polytope alone, for nondegenerate games.

Vertex enumeration (Avis, Rosenberg, Savani and von Stengel 2010) pairs the
vertices of two best-response polytopes,
:math:`P = \{x \ge 0 : B^\top x \le 1\}` and :math:`Q = \{y \ge 0 : A y \le 1\}`.
In a game with one short side (4×60, say) the long side's polytope lives in
60 dimensions and costs seconds to enumerate, though it is only needed to
check partners. Here only the short side's polytope is enumerated; for each
of its vertices :math:`x` the partner is forced: its support is the long
player's best responses :math:`J` to :math:`x`, and it must make the short
player indifferent over the support of :math:`x`,

.. math:: A_{\operatorname{supp}(x), J}\; y_J = \mathbf 1,

a square system when the game is nondegenerate. A solution with
:math:`y_J > 0` and :math:`A y \le 1` elsewhere completes an equilibrium.

Any sign of degeneracy (a vertex with extra labels, a singular or
ill-conditioned system, a partner with a zero or an extra tight row) returns
``None``, and :func:`~negotiation.all_equilibria` takes the general path,
which handles degenerate games and their components.
"""

from __future__ import annotations

import numpy as np

from .polytope import _TIGHT, _polytope, shift_positive

__all__ = ["short_side_profiles", "short_side_work"]

_CONDITION = 1e10  # beyond this the square system is too close to singular to trust in floating point


def short_side_work(m: int, n: int) -> int:
    """An upper bound on the vertices to visit (McMullen's bound for the smaller polytope) times its size."""
    from .enumeration import upper_bound_vertices

    short = min(m, n)
    return upper_bound_vertices(short, m + n) * short


def short_side_profiles(A: np.ndarray, B: np.ndarray):
    """Candidate equilibria ``[(vertex id, partner id, (x, y))]``, or None if the game looks degenerate."""
    m, n = A.shape
    swap = n < m
    if swap:  # enumerate the column player's polytope instead: the same game with the players swapped
        A, B = B.T, A.T
        m, n = n, m
    A, B = shift_positive(A), shift_positive(B)
    P = _polytope(np.vstack([-np.eye(m), B.T]), np.concatenate([np.zeros(m), np.ones(n)]))
    if P.degenerate:
        return None
    found = []
    for k, (x, tight) in enumerate(zip(P.vertices, P.tight)):
        partner = _partner(A, x, tight, m)
        if partner is None:
            return None
        if partner is False:
            continue
        y, best = partner
        x = x / x.sum()
        y = y / y.sum()
        found.append((("P", k), ("Q", best), (y, x) if swap else (x, y)))
    return found


def _partner(A: np.ndarray, x: np.ndarray, tight: np.ndarray, m: int):
    """The forced partner of vertex ``x``: ``(y, support)``, False if there is none, None if degenerate."""
    support = ~tight[:m]
    best = np.flatnonzero(tight[m:])
    if len(best) != support.sum():
        return None
    system = A[support][:, best]
    if np.linalg.cond(system) > _CONDITION:
        return None
    y_best = np.linalg.solve(system, np.ones(len(best)))
    if y_best.min() < -_TIGHT:
        return False
    if y_best.min() <= _TIGHT:
        return None
    y = np.zeros(A.shape[1])
    y[best] = y_best
    slack = 1 - A[~support] @ y
    if len(slack) and slack.min() < -_TIGHT:
        return False
    if len(slack) and slack.min() <= _TIGHT:
        return None
    return y, tuple(int(j) for j in best)
