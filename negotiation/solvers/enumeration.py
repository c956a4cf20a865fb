r"""Every extreme Nash equilibrium of a two-player game, by vertex enumeration.

The extreme equilibria of a bimatrix game are the complementary pairs of
non-zero vertices of the best-response polytopes (see
:mod:`negotiation.solvers.polytope`). In a nondegenerate game each pair is an
isolated equilibrium and the list is the whole equilibrium set. In a
degenerate game equilibria may form continua: the result is flagged
``degenerate`` and reports the connected components, each with its maximal
Nash subsets (sets of extreme equilibria whose row and column strategies may
be mixed freely), as Gambit's ``enummixed -c`` does.

With ``exact=True`` (or exact payoffs) every vertex is rebuilt in rational
arithmetic and every equilibrium is verified exactly.

Examples
--------
>>> import negotiation as ng
>>> from fractions import Fraction
>>> bos = ng.NormalFormGame.from_arrays(
...     [[2, 0], [0, 1]], [[1, 0], [0, 2]],
...     players=("U.S.", "China"),
...     strategies=(("Talks in DC", "Talks in Beijing"),) * 2)
>>> result = ng.all_equilibria(bos, exact=True)
>>> len(result), result.complete, result.degenerate
(3, True, False)
>>> result[1].strategy_of("U.S.")
{'Talks in DC': Fraction(2, 3), 'Talks in Beijing': Fraction(1, 3)}
"""

from __future__ import annotations

import warnings
from math import comb

import numpy as np

from ..budget import Deadline
from ..errors import BudgetError, DegenerateGameWarning
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .balanced_supports import SMALL, balanced_support_profiles, support_pair_count
from .polytope import best_response_polytopes, complementary_pairs, exact_system, exact_vertices
from .results import Component, EquilibriumSet, bimatrix_equilibria, make_equilibrium
from .short_side import short_side_profiles, short_side_work
from .tall_faces import long_side_check, tall_profiles

__all__ = ["all_equilibria", "enumeration_work", "upper_bound_vertices", "DEFAULT_MAX_WORK"]


#: Work allowed without an explicit ``max_work``: a 16×16 game (3.1e7) passes, a
#: 17×17 (7.4e7) or a 5×80 (1.8e8) does not. See :func:`enumeration_work`.
DEFAULT_MAX_WORK = 4e7
#: Games with one side at least this many times longer than the other take the short side's
#: polytope alone (both polytopes, needed only for degenerate games, would cost seconds).
TALL = 3


def enumeration_work(game: NormalFormGame) -> int:
    """An upper bound on the work of :func:`all_equilibria`, counted before any is done.

    The best-response polytopes of an m×n game have dimensions m and n and
    m + n facets; McMullen's upper bound theorem bounds their vertex counts,
    and each vertex costs about its dimension. The bound is the sum of both.
    It is loose for random games but never too small.

    Examples
    --------
    >>> import negotiation as ng
    >>> enumeration_work(ng.NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]]))
    16
    """
    m, n = game.shape
    return upper_bound_vertices(m, m + n) * m + upper_bound_vertices(n, m + n) * n


def upper_bound_vertices(dimension: int, facets: int) -> int:
    """McMullen's bound on the vertices of a ``dimension``-polytope with ``facets`` facets."""
    d, f = dimension, facets
    if f <= d:
        return 1
    return comb(f - (d + 1) // 2, f - d) + comb(f - d // 2 - 1, f - d)


def all_equilibria(
    game: NormalFormGame,
    exact: bool = False,
    tol: float | None = None,
    max_work: float | None = None,
    timeout: float | None = None,
) -> EquilibriumSet:
    """Every extreme Nash equilibrium of a game.

    Two-player games are solved by vertex enumeration; games with three or
    more players by support enumeration (:mod:`~negotiation.solvers.n_player`),
    with a polynomial homotopy where three or more players mix.

    Parameters
    ----------
    game : NormalFormGame
        Two or more players, numeric payoffs.
    exact : bool
        Return Fractions, verified exactly. Implied when the payoffs are exact.
    tol : float, optional
        Largest regret accepted for float results, relative to the payoff scale
        (default 1e-9).
    max_work : float, optional
        Refuse (with :class:`~negotiation.errors.BudgetError`) games whose
        estimated work exceeds this, rather than run for hours; raise it
        deliberately, or use :func:`~negotiation.lemke_howson` (two players) or
        :func:`~negotiation.logit_equilibrium` for one equilibrium. Two
        players: :func:`enumeration_work`, default :data:`DEFAULT_MAX_WORK`.
        More: the number of support profiles, default 3e5 (6×6×6 passes).
    timeout : float, optional
        Seconds after which to stop verifying candidates and return those found
        so far, marked incomplete. Checked between steps: the vertex
        enumeration itself (Qhull) runs to its end.

    Returns
    -------
    EquilibriumSet
        ``complete`` is True when every candidate was verified and none failed.
        ``degenerate`` is True for degenerate games, with ``components``.
        Interrupted with Ctrl-C while verifying, it returns the equilibria found
        so far, marked incomplete.

    Examples
    --------
    >>> import negotiation as ng
    >>> rps = ng.NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> [round(float(p), 6) for p in ng.all_equilibria(rps)[0].profile[0]]
    [0.333333, 0.333333, 0.333333]
    """
    game.require_numeric("all_equilibria")
    if game.num_players >= 3:
        from .n_player import support_enumeration

        return support_enumeration(game, exact=exact, tol=tol, max_work=max_work, timeout=timeout)
    game.require_players(2, "all_equilibria (vertex enumeration)")
    max_work = DEFAULT_MAX_WORK if max_work is None else max_work
    deadline = Deadline(timeout)
    exact = exact or game.is_exact
    scale = payoff_scale(game)
    bound = 0 if exact else (DEFAULT_TOL if tol is None else tol) * scale  # the largest regret accepted
    A, B = (np.asarray(a, float) for a in game.as_float().payoffs)
    # Float answers to small games first try every support pair in one batch, and tall games the
    # short side's polytope alone; a degenerate game, or an exact request, takes the general path.
    # (Square games keep both polytopes: the flag `degenerate` then sees a degenerate vertex of
    # either, as the batch does, where the short side sees only its own and the partners'.)
    tall = max(game.shape) >= TALL * min(game.shape)
    if not tall:
        _check_budget(game, max_work)
    fast = faces = None
    one_polytope = False  # the long side's polytope was never enumerated
    if not exact and support_pair_count(*game.shape) <= SMALL:
        fast = balanced_support_profiles(A, B)
    elif tall and short_side_work(*game.shape) <= max_work:
        fast = None if exact else short_side_profiles(A, B)
        if fast is None:  # degenerate or exact: every vertex's face of partners
            faces = tall_profiles(game, exact, bound, deadline)
        one_polytope = fast is not None or faces is not None
    notes = []
    if fast is not None:
        equilibria, rejected = _verified_together(game, *fast, bound)
        degenerate, stopped = False, ""
    else:
        profiles, degenerate, stopped = faces or _general_profiles(game, A, B, exact, max_work, deadline)
        if exact or degenerate or faces is not None:
            equilibria, vertex_ids, rejected, stopped_verifying = _verified(game, profiles, exact, bound, deadline)
            stopped = stopped or stopped_verifying
        else:  # no components to build: verify every candidate in one batch
            equilibria, rejected = _verified_together(game, *profiles, bound)
    components = _components(vertex_ids) if degenerate else tuple(
        Component(extreme=(k,), nash_subsets=((k,),)) for k in range(len(equilibria))
    )
    if one_polytope and not degenerate:
        degenerate = _long_side_degenerate(game, exact, stopped, notes)
    if rejected:
        notes.append(
            f"{rejected} candidate(s) failed verification in floating point and were dropped; "
            "the game may be nearly degenerate: try exact=True"
        )
    if stopped:
        notes.append(f"{stopped}: the equilibria found so far are shown, and there may be more")
    if not exact:
        near = near_ties(game, scale=scale)
        if near:
            notes.append(f"{near}; in floating point they count as ties: for a trustworthy answer use exact=True")
    message = "\n".join(notes)
    if degenerate:
        warnings.warn(
            "the game is degenerate: equilibria may form continua; see result.components",
            DegenerateGameWarning,
            stacklevel=2,
        )
    return EquilibriumSet(
        equilibria=equilibria,
        game=game,
        method="vertex enumeration",
        options={"exact": exact, "tol": tol, "max_work": max_work, "timeout": timeout},
        complete=not rejected and not stopped,
        degenerate=degenerate,
        components=components,
        message=message,
    )


def _long_side_degenerate(game, exact, stopped, notes):
    """A short-side path saw one polytope: look for the long player's degenerate strategies off the equilibria.

    Found or not, the equilibria and components stand: a face that is a single point has no continuum.
    """
    if stopped:
        return False
    check = long_side_check(game.as_exact() if exact else game.as_float())
    if note := check.note(game.players[int(game.shape[0] <= game.shape[1])]):
        notes.append(note)
    return check.degenerate


def _general_profiles(game, A, B, exact, max_work, deadline):
    """Both polytopes' vertices, paired: every game, degenerate or not, exact or not.

    The profiles come with the vertex ids of each, for components, except
    those of a nondegenerate float game: two arrays of mixed strategies.
    """
    _check_budget(game, max_work)
    P, Q = best_response_polytopes(A, B)
    pairs = complementary_pairs(P, Q)
    if exact:
        # Exact labels decide: float polytopes see ties where payoffs differ by 1e-13.
        profiles, degenerate, stopped = _exact_profiles(game, P, Q, pairs, deadline)
        return profiles, bool(degenerate), stopped
    X, Y = _normalise(P.vertices[pairs[:, 0]]), _normalise(Q.vertices[pairs[:, 1]])
    if not (P.degenerate or Q.degenerate):
        return (X, Y), False, ""
    return [(("P", int(i)), ("Q", int(j)), (x, y)) for (i, j), x, y in zip(pairs.tolist(), X, Y)], True, ""


def _check_budget(game, max_work):
    """Refuse, before any work, a game whose two polytopes would take too long."""
    work = enumeration_work(game)
    if work > max_work:
        raise BudgetError(
            f"all_equilibria on a {game.shape[0]}×{game.shape[1]} game: the estimated work is {work:.3g}, "
            f"above max_work={max_work:.3g}; pass max_work={work:.3g} (and perhaps a timeout) to try anyway, "
            "or use lemke_howson(game) for one equilibrium"
        )


def near_ties(game: NormalFormGame, tol: float | None = None, scale: float | None = None) -> str:
    """Words for payoffs a player compares that differ, but by less than the float tolerance ('' if none).

    Such gaps are below what floating-point verification can resolve, so the
    float answer may differ from the exact one. ``scale`` is the game's
    :func:`~negotiation.games.profiles.payoff_scale`, if already known.
    """
    scale = payoff_scale(game) if scale is None else scale
    slack = (DEFAULT_TOL if tol is None else tol) * scale
    for i, array in enumerate(game.payoffs):
        gaps = np.diff(np.sort(np.asarray(array, dtype=float), axis=i), axis=i)  # a player compares along its own axis
        close = np.where(gaps > 0, gaps, np.inf).min(initial=np.inf)
        if close <= slack:
            return (f"some payoffs of {game.players[i]} differ by as little as {close:.2g} "
                    f"(the payoff scale is {scale:.3g})")
    return ""


def _normalise(vertices):
    """Vertices scaled to probabilities: the rows of a float array, or one exact vertex (a list)."""
    if isinstance(vertices, np.ndarray):
        return vertices / vertices.sum(axis=-1, keepdims=True)
    total = sum(vertices)
    return [v / total for v in vertices]


def _exact_profiles(game, P, Q, pairs, deadline):
    (G_P, h_P), (G_Q, h_Q) = exact_system(*game.as_exact().payoffs)
    cache_p, cache_q = {}, {}
    profiles, seen = [], set()
    with deadline.interruptible():
        for i, j in pairs:
            if deadline.passed():
                break
            _exact_pair(G_P, h_P, G_Q, h_Q, P, Q, i, j, cache_p, cache_q, seen, profiles)
        # Every vertex counts, in an equilibrium or not (a pure strategy with two best replies, say).
        degenerate = _exactly_degenerate(P, G_P, h_P, cache_p) or _exactly_degenerate(Q, G_Q, h_Q, cache_q)
    return profiles, degenerate, deadline.reason


def _exactly_degenerate(polytope, G, h, cache):
    """Whether a vertex has more tight labels than the dimension, in exact arithmetic.

    An exactly tight row is tight in floats too, so only vertices with too many float labels are
    rebuilt (``cache`` holds those already rebuilt for the pairs).
    """
    d = len(G[0])
    for i in np.flatnonzero(polytope.tight.sum(axis=1) > d).tolist():
        if i not in cache:
            cache[i] = exact_vertices(G, h, polytope.tight[i])
        if any(t.sum() > d for _, t in cache[i]):
            return True
    return False


def _exact_pair(G_P, h_P, G_Q, h_Q, P, Q, i, j, cache_p, cache_q, seen, profiles):
    """Add the exact profiles of one complementary vertex pair (a float vertex may split exactly)."""
    if i not in cache_p:
        cache_p[i] = exact_vertices(G_P, h_P, P.tight[i])
    if j not in cache_q:
        cache_q[j] = exact_vertices(G_Q, h_Q, Q.tight[j])
    for x, tight_x in cache_p[i]:
        for y, tight_y in cache_q[j]:
            key = (tuple(x), tuple(y))
            if key in seen or not (tight_x | tight_y).all():
                continue
            seen.add(key)
            profiles.append((("P", key[0]), ("Q", key[1]), (_normalise(x), _normalise(y))))


def _verified(game, profiles, exact, bound, deadline):
    """Equilibria sorted for reading, the vertex ids of each, the rejects, and why it stopped early."""
    kept = []
    rejected = 0
    with deadline.interruptible():
        for vid_p, vid_q, vectors in profiles:
            if deadline.passed():
                break
            eq = make_equilibrium(game, vectors, exact=exact)
            if eq.regret > bound:
                rejected += 1
                continue
            kept.append((eq, vid_p, vid_q))
    kept.sort(key=lambda item: item[0]._key(), reverse=True)
    equilibria = tuple(item[0] for item in kept)
    return equilibria, [(item[1], item[2]) for item in kept], rejected, deadline.reason


def _verified_together(game, X, Y, bound):
    """The float candidates of a nondegenerate game verified in one batch: equilibria sorted for reading, rejects."""
    candidates = bimatrix_equilibria(game, X, Y)
    keys = np.round(np.hstack([X, Y]), 9).tolist()
    kept = sorted((k for k, eq in enumerate(candidates) if eq.regret <= bound), key=keys.__getitem__, reverse=True)
    return tuple(candidates[k] for k in kept), len(candidates) - len(kept)


def _components(vertex_ids) -> tuple[Component, ...]:
    """Connected components of the bipartite vertex graph, with maximal Nash subsets."""
    parent: dict = {}

    def find(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for p, q in vertex_ids:
        parent[find(p)] = find(q)
    groups: dict = {}
    for k, (p, _) in enumerate(vertex_ids):
        groups.setdefault(find(p), []).append(k)
    components = []
    for members in sorted(groups.values()):
        components.append(
            Component(extreme=tuple(members), nash_subsets=_maximal_subsets(members, vertex_ids))
        )
    return tuple(components)


def _maximal_subsets(members, vertex_ids):
    """Maximal bicliques (X, Y) of row and column vertices, as equilibrium indices."""
    neighbours: dict = {}
    for k in members:
        p, q = vertex_ids[k]
        neighbours.setdefault(p, set()).add(q)
    closed = set()
    frontier = {frozenset(ys) for ys in neighbours.values()}
    while frontier and len(closed) < 10_000:
        closed |= frontier
        frontier = {
            a & b for a in frontier for b in closed if a & b and (a & b) not in closed
        }
    subsets = []
    for ys in closed:
        xs = {p for p, nbrs in neighbours.items() if ys <= nbrs}
        index = tuple(k for k in members if vertex_ids[k][0] in xs and vertex_ids[k][1] in ys)
        subsets.append(index)
    maximal = [s for s in subsets if not any(set(s) < set(t) for t in subsets)]
    return tuple(sorted(set(maximal)))
