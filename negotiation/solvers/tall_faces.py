r"""All extreme equilibria of a tall game, degenerate or exact, from the short side's polytope.

:mod:`~negotiation.solvers.short_side` pairs each vertex :math:`x` of the
short player's polytope with one forced partner, which needs a nondegenerate
game and floats. In general the partners of :math:`x` are the points of the
long player's polytope :math:`Q` that carry the labels :math:`x` lacks: they
make the short player indifferent over :math:`\operatorname{supp}(x)` and
use only best replies :math:`J` to :math:`x`. That set is a face of
:math:`Q`, and its vertices are vertices of :math:`Q`, so pairing every
vertex of the short polytope with every vertex of its face lists every
extreme equilibrium (von Stengel 2002, section 2.7). A face lives in
:math:`|J|` dimensions, the short side's size plus any ties, so its vertices
come from a few small systems (:mod:`~negotiation.solvers.strategy_polytope`),
exactly for exact payoffs, instead of from Qhull in the long side's dimension.

The game is degenerate when the short polytope has a vertex with extra
labels, a face is more than a point, or a partner has extra labels; failing
those, the long side is searched for degenerate strategies off every
equilibrium (:mod:`~negotiation.solvers.long_side`).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .long_side import LongSideCheck, long_side_degenerate
from .polytope import exact_system, exact_vertices, row_polytope, shift_positive
from .strategy_polytope import strategy_polytope

__all__ = ["tall_profiles", "long_side_check"]


def _oriented(payoffs):
    """(short player's index, its payoffs, the long player's), both as short × long matrices."""
    A, B = payoffs
    if A.shape[0] <= A.shape[1]:
        return 0, A, B
    return 1, B.T, A.T


def long_side_check(game) -> LongSideCheck:
    """:func:`~negotiation.solvers.long_side.long_side_degenerate` on ``game``'s long player's polytope."""
    _, own, _ = _oriented([np.asarray(a, float) for a in game.as_float().payoffs])
    exact = None
    if game.is_exact:
        _, exact_own, _ = _oriented(game.payoffs)
        low = min(exact_own.flat)
        exact = [[v - low + 1 for v in row] for row in exact_own.tolist()]
    return long_side_degenerate(shift_positive(own), exact)


def tall_profiles(game, exact: bool, slack: float, deadline):
    """``(profiles, degenerate, stopped)`` in :func:`~negotiation.all_equilibria`'s general form, or None.

    None means a face has too many corners to list by small systems; the
    general path takes over.
    """
    float_game = game.as_float()
    short, own, other = _oriented([np.asarray(a, float) for a in float_game.payoffs])
    m, n = own.shape
    P = row_polytope(other)
    if exact:
        _, exact_own, exact_other = _oriented(game.as_exact().payoffs)
        (G, h), _ = exact_system(exact_own, exact_other)  # P's rows are labelled by the long player
        payoffs = exact_own
        vertices = [found for tight in P.tight for found in exact_vertices(G, h, tight)]
    else:
        payoffs = own
        vertices = list(zip(P.vertices, P.tight))
    profiles, degenerate = [], P.degenerate
    with deadline.interruptible():
        for x, tight in vertices:
            if deadline.passed():
                break
            face = _face(payoffs, tight, m, slack, exact)
            if face is None:
                return None
            corners, extra = face
            degenerate |= int(np.sum(tight)) > m or len(corners) > 1 or extra
            profiles += [_profile(short, x, J, sigma, n, exact) for J, sigma in corners]
    return profiles, degenerate, deadline.reason


def _face(payoffs, tight, m, slack, exact):
    """The vertices of the face of partners of a short-side vertex, and whether one has extra labels."""
    tight = np.asarray(tight, dtype=bool)
    support = np.flatnonzero(~tight[:m])
    replies = np.flatnonzero(tight[m:])
    if len(support) == 0 or len(replies) == 0:
        return [], False
    first = payoffs[support[0], replies]
    equalities = [payoffs[s, replies] - first for s in support[1:]]
    rows = [payoffs[z, replies] - first for z in np.flatnonzero(tight[:m])]  # strategies x does not use
    corners = strategy_polytope(replies, equalities, rows, [0] * len(rows), slack, exact)
    if corners is None:
        return None
    extra = any(_extra_labels(payoffs[:, replies] @ sigma, sigma, slack) for sigma in corners)
    return [(replies, sigma) for sigma in corners], extra


def _extra_labels(values, sigma, slack):
    """More of the short player's best replies to ``sigma`` than strategies in its support."""
    best = max(values)
    return sum(1 for v in values if best - v <= slack) > sum(1 for p in sigma if p > 0)


def _profile(short, x, replies, sigma, n, exact):
    """``(P's vertex id, Q's vertex id, (row strategy, column strategy))`` with ids that compare across vertices."""
    zero = Fraction(0) if exact else 0.0
    y = np.array([zero] * n, dtype=object if exact else float)
    y[replies] = sigma
    total = sum(x)
    x = np.array([v / total for v in x], dtype=object if exact else float)
    key_x = tuple(x) if exact else tuple(np.round(x, 9))
    key_y = tuple(y) if exact else tuple(np.round(y, 9))
    pair = (x, y) if short == 0 else (y, x)
    return ("P", key_x), ("Q", key_y), pair
