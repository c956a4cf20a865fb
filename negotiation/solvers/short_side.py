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

a square system when the game is nondegenerate. The systems of all vertices
are solved as one batch, padded to a common size. A solution with
:math:`y_J > 0` and :math:`A y \le 1` elsewhere completes an equilibrium.

Any sign of degeneracy (a vertex with extra labels, a singular or
ill-conditioned system, a partner with a zero or an extra tight row) returns
``None``, and :func:`~negotiation.all_equilibria` takes the general path,
which handles degenerate games and their components.
"""

from __future__ import annotations

import numpy as np

from .padded import padded_right_hand_sides, solve_padded
from .polytope import _TIGHT, raw_vertices, shift_positive

__all__ = ["short_side_profiles", "short_side_work"]


def short_side_work(m: int, n: int) -> int:
    """An upper bound on the vertices to visit (McMullen's bound for the smaller polytope) times its size."""
    from .enumeration import upper_bound_vertices

    short = min(m, n)
    return upper_bound_vertices(short, m + n) * short


def short_side_profiles(A: np.ndarray, B: np.ndarray):
    """Candidate equilibria as two arrays of mixed strategies ``(X, Y)``, or None if the game looks degenerate."""
    m, n = A.shape
    swap = n < m
    if swap:  # enumerate the column player's polytope instead: the same game with the players swapped
        A, B = B.T, A.T
        m, n = n, m
    A, B = shift_positive(A), shift_positive(B)
    vertices = _simple_vertices(B)
    if vertices is None:
        return None
    X, zero, best = vertices
    partners = _partners(A, zero, best)
    if partners is None:
        return None
    ids, Y = partners
    X = X[ids] / X[ids].sum(axis=1, keepdims=True)
    Y = Y / Y.sum(axis=1, keepdims=True)
    return (Y, X) if swap else (X, Y)


def _simple_vertices(B: np.ndarray):
    """The non-zero vertices of P = {x >= 0 : B^T x <= 1}, with their zero coordinates and tight columns.

    None when P is degenerate (a vertex with more than m tight rows): the
    general path, which handles degenerate games, takes over.
    """
    m = B.shape[0]
    G = np.vstack([-np.eye(m), B.T])
    h = np.concatenate([np.zeros(m), np.ones(B.shape[1])])
    vertices = raw_vertices(G, h)
    slack = h - vertices @ G.T
    feasible = slack.min(axis=1) >= -_TIGHT  # Qhull's points all are; the brute-force fallback's need not be
    vertices, tight = vertices[feasible], slack[feasible] <= _TIGHT
    if (tight.sum(axis=1) != m).any():
        return None
    nonzero = ~tight[:, :m].all(axis=1)
    vertices, tight = vertices[nonzero], tight[nonzero]
    vertices[tight[:, :m]] = 0.0  # a tight bound is exactly zero, not 1e-17
    return vertices, tight[:, :m], tight[:, m:]


def _partners(A: np.ndarray, zero: np.ndarray, best: np.ndarray):
    """Each vertex's forced partner, every vertex's system solved in one batch.

    ``zero[v]`` marks the coordinates of vertex ``v`` at zero and ``best[v]``
    the column player's best responses to it. Returns ``(vertex ids, partners)``
    for the vertices that have a partner, or None if any system is degenerate.
    """
    support = ~zero
    sizes = support.sum(axis=1)  # equal to the best responses' count at a simple vertex
    count, m = support.shape
    # Each system is padded to m×m: its support rows and best columns first, then z_r = 0 below.
    rows = np.argsort(zero, axis=1, kind="stable")
    cols = np.argsort(~best, axis=1, kind="stable")[:, :m]
    inside = np.arange(m) < sizes[:, None]
    block = inside[:, :, None] & inside[:, None, :]
    systems = np.where(block, A[rows[:, :, None], cols[:, None, :]], np.eye(m))
    solved = solve_padded(systems, padded_right_hand_sides(inside), 2 * m)  # entries in [1, 2]
    if solved is None:
        return None
    y = np.zeros((count, A.shape[1]))
    np.put_along_axis(y, cols, solved, axis=1)
    verdict = _check(np.where(inside, solved, np.inf), 1 - y @ A.T, support)
    if verdict is None:
        return None
    return np.flatnonzero(verdict), y[verdict]


def _check(solved: np.ndarray, slack: np.ndarray, support: np.ndarray):
    """Which partners are feasible (a mask), or None when one sits on a boundary (degenerate).

    ``solved`` holds the weights on each partner's support (inf elsewhere);
    ``slack`` is the row player's slack, which must be positive off the row support.
    """
    low = solved.min(axis=1)
    off = np.where(support, np.inf, slack).min(axis=1)
    weights_fail = low < -_TIGHT
    if ((low <= _TIGHT) & ~weights_fail).any() or ((np.abs(off) <= _TIGHT) & (low > _TIGHT)).any():
        return None
    return (low > _TIGHT) & (off > _TIGHT)
