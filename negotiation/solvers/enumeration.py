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

import numpy as np

from ..errors import BudgetError, DegenerateGameWarning
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .polytope import best_response_polytopes, complementary_pairs, exact_system, exact_vertices
from .results import Component, EquilibriumSet, make_equilibrium

__all__ = ["all_equilibria"]


#: Largest smaller dimension enumerated without an explicit ``max_size``: the
#: number of vertices grows roughly like C(m + n, min(m, n)), so a random
#: 15×15 game takes about a second and a 25×25 one would take hours.
DEFAULT_MAX_SIZE = 16


def all_equilibria(
    game: NormalFormGame, exact: bool = False, tol: float | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> EquilibriumSet:
    """Every extreme Nash equilibrium of a two-player game.

    Parameters
    ----------
    game : NormalFormGame
        Two players, numeric payoffs.
    exact : bool
        Return Fractions, verified exactly. Implied when the payoffs are exact.
    tol : float, optional
        Largest regret accepted for float results, relative to the payoff scale
        (default 1e-9).
    max_size : int
        Refuse (with :class:`~negotiation.errors.BudgetError`) games whose
        smaller side has more strategies than this, rather than run for hours;
        raise it deliberately, or use :func:`~negotiation.lemke_howson`.

    Returns
    -------
    EquilibriumSet
        ``complete`` is True when every candidate passed verification.
        ``degenerate`` is True for degenerate games, with ``components``.

    Examples
    --------
    >>> import negotiation as ng
    >>> rps = ng.NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> [round(float(p), 6) for p in ng.all_equilibria(rps)[0].profile[0]]
    [0.333333, 0.333333, 0.333333]
    """
    game.require_numeric("all_equilibria")
    game.require_players(2, "all_equilibria (vertex enumeration)")
    if min(game.shape) > max_size:
        raise BudgetError(
            f"all_equilibria on a {game.shape[0]}×{game.shape[1]} game could enumerate up to "
            f"C({sum(game.shape)}, {min(game.shape)}) vertices; pass max_size={min(game.shape)} to try anyway, "
            "or use lemke_howson(game) for one equilibrium"
        )
    exact = exact or game.is_exact
    A, B = game.as_float().payoffs
    P, Q = best_response_polytopes(np.asarray(A, float), np.asarray(B, float))
    pairs = complementary_pairs(P, Q)
    degenerate = P.degenerate or Q.degenerate
    if exact:
        profiles, degenerate_exact = _exact_profiles(game, P, Q, pairs)
        degenerate = bool(degenerate or degenerate_exact)
    else:
        profiles = [
            (("P", int(i)), ("Q", int(j)), (_normalise(P.vertices[i]), _normalise(Q.vertices[j])))
            for i, j in pairs
        ]
    equilibria, vertex_ids, rejected = _verified(game, profiles, exact, tol)
    components = _components(vertex_ids) if degenerate else tuple(
        Component(extreme=(k,), nash_subsets=((k,),)) for k in range(len(equilibria))
    )
    message = ""
    if rejected:
        message = (
            f"{rejected} candidate(s) failed verification in floating point and were dropped; "
            "the game may be nearly degenerate: try exact=True"
        )
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
        options={"exact": exact, "tol": tol},
        complete=not rejected,
        degenerate=degenerate,
        components=components,
        message=message,
    )


def _normalise(vertex):
    if isinstance(vertex, np.ndarray):
        return vertex / vertex.sum()
    total = sum(vertex)
    return [v / total for v in vertex]


def _exact_profiles(game, P, Q, pairs):
    (G_P, h_P), (G_Q, h_Q) = exact_system(*game.as_exact().payoffs)
    m, n = game.shape
    cache_p, cache_q = {}, {}
    profiles, seen, degenerate = [], set(), False
    for i, j in pairs:
        if i not in cache_p:
            cache_p[i] = exact_vertices(G_P, h_P, P.tight[i])
        if j not in cache_q:
            cache_q[j] = exact_vertices(G_Q, h_Q, Q.tight[j])
        for x, tight_x in cache_p[i]:
            for y, tight_y in cache_q[j]:
                degenerate |= tight_x.sum() > m or tight_y.sum() > n
                key = (tuple(x), tuple(y))
                if key in seen or not (tight_x | tight_y).all():
                    continue
                seen.add(key)
                profiles.append((("P", key[0]), ("Q", key[1]), (_normalise(x), _normalise(y))))
    return profiles, degenerate


def _verified(game, profiles, exact, tol):
    """Equilibria sorted for reading, the vertex ids of each, and the rejects."""
    bound = 0 if exact else (DEFAULT_TOL if tol is None else tol) * payoff_scale(game)
    kept = []
    rejected = 0
    for vid_p, vid_q, vectors in profiles:
        eq = make_equilibrium(game, vectors, exact=exact)
        if eq.regret > bound:
            rejected += 1
            continue
        kept.append((eq, vid_p, vid_q))
    kept.sort(key=lambda item: item[0]._key(), reverse=True)
    equilibria = tuple(item[0] for item in kept)
    return equilibria, [(item[1], item[2]) for item in kept], rejected


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
