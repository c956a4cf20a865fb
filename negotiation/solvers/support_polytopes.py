r"""Equilibria on a support profile where at most two players mix: linear systems.

If only players :math:`i` and :math:`j` mix and everyone else plays one
strategy, :math:`i`'s indifference and best-response conditions are linear in
:math:`\sigma_j`, and :math:`j`'s in :math:`\sigma_i`. The mixed strategies
that satisfy them form two polytopes, :math:`P_i` and :math:`P_j`, and the
candidates are :math:`P_i \times P_j`. In a nondegenerate game each polytope
is a single point. In a degenerate game it may be an interval or more: its
vertices are enumerated (exactly, for exact payoffs) and, as in the two-player
case, any mixture of them is again an equilibrium (a *Nash subset*) provided
the players who do not mix still best-respond. Their conditions are bilinear
in :math:`(\sigma_i, \sigma_j)`. When one of the two polytopes is a single
point they are linear in the other strategy, and are cut into its polytope,
whose vertices are then exactly the subset's corners. When both vary, passing
at every pair of vertices means passing on the whole product; otherwise the
set is curved, and only the pairs that pass are listed.

When one player mixes alone, its polytope also carries the pure players'
conditions, which are then linear.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .polytope import solve_exact

__all__ = ["linear_support", "NashSubset"]

#: Active sets tried per polytope before giving up on listing its vertices.
MAX_ACTIVE_SETS = 20_000


@dataclass
class NashSubset:
    """Full profiles (one vector per player) whose mixtures are all equilibria when ``whole`` is True."""

    profiles: list
    whole: bool


def linear_support(payoffs, supports, slack, exact):
    """The Nash subsets on ``supports`` (at most two mixing players); [] when there are none.

    ``payoffs`` are float arrays (``slack`` > 0) or object arrays of Fractions
    (``slack`` = 0, ``exact``).
    """
    n = len(payoffs)
    mixing = [i for i in range(n) if len(supports[i]) > 1]
    fixed = {p: supports[p][0] for p in range(n) if p not in mixing}
    if len(mixing) == 1:
        (i,) = mixing
        if not _constant_conditions_hold(payoffs[i], i, supports, fixed, slack):
            return []
        rows, bounds = _pure_players_rows(payoffs, i, supports, fixed)
        vertices = _strategy_polytope(supports[i], [], rows, bounds, slack, exact)
        profiles = [_profile(payoffs, supports, fixed, {i: v}) for v in vertices]
        return [NashSubset(profiles, whole=True)] if profiles else []
    i, j = mixing
    conditions = {j: _partner_conditions(payoffs[i], i, j, supports, fixed),
                  i: _partner_conditions(payoffs[j], j, i, supports, fixed)}
    P = {}
    for p in (j, i):
        P[p] = _strategy_polytope(supports[p], *conditions[p], slack, exact)
        if not P[p]:
            return []
    if len(P[i]) == 1 or len(P[j]) == 1:
        # One mixing player's strategy is pinned, so the pure players' conditions are linear in the
        # other's: cut them into its polytope and its vertices are exactly the subset's corners.
        pinned, free = (j, i) if len(P[j]) == 1 else (i, j)
        equalities, rows, bounds = conditions[free]
        extra, zeros = _pure_players_rows(payoffs, free, supports, fixed, {pinned: P[pinned][0]})
        P[free] = _strategy_polytope(supports[free], equalities, rows + extra, bounds + zeros, slack, exact)
        profiles = [_profile(payoffs, supports, fixed, {free: v, pinned: P[pinned][0]}) for v in P[free]]
        return [NashSubset(profiles, whole=True)] if profiles else []
    # Both strategies vary: the pure players' conditions are bilinear, so where they cut the product
    # the subset is curved and only the vertex pairs that pass are listed.
    kept, whole = [], True
    for a, b in itertools.product(P[i], P[j]):
        if _pure_players_ok(payoffs, supports, fixed, {i: a, j: b}, slack):
            kept.append(_profile(payoffs, supports, fixed, {i: a, j: b}))
        else:
            whole = False
    return [NashSubset(kept, whole=whole)] if kept else []


def _value(U, choice):
    """``U`` restricted to one strategy list per player, flattened over the free players."""
    return U[np.ix_(*choice)].reshape(-1)


def _choice(supports, fixed, override):
    return [override.get(p, [fixed[p]] if p in fixed else list(supports[p])) for p in range(len(supports))]


def _constant_conditions_hold(U, i, supports, fixed, slack):
    """Player i, alone in mixing, is indifferent on its support and does no better outside it."""
    values = _value(U, _choice(supports, fixed, {i: list(range(U.shape[i]))}))
    inside = [values[s] for s in supports[i]]
    best = max(values)
    return all(best - v <= slack for v in inside)


def _pure_players_rows(payoffs, i, supports, fixed, pinned=None):
    """Linear conditions on σ_i that keep every pure player's strategy a best response.

    ``pinned`` gives the other mixing player's strategy, {j: σ_j}, when there is one.
    """
    rows, bounds = [], []
    for p, s in fixed.items():
        U = payoffs[p]
        own = _value(U, _choice(supports, fixed, {}))
        for t in range(U.shape[p]):
            if t != s:
                rows.append(_against(_value(U, _choice(supports, fixed, {p: [t]})) - own, i, pinned))
                bounds.append(0)
    return rows, bounds


def _against(values, i, pinned):
    """Flattened payoff differences over the mixing players, as a row in σ_i once σ_j is known."""
    if not pinned:
        return values
    ((j, b),) = pinned.items()
    table = values.reshape(-1, len(b)) if i < j else values.reshape(len(b), -1).T
    return table @ b


def _partner_conditions(U, i, j, supports, fixed):
    """Conditions on σ_j (equalities, rows, bounds) that make i indifferent on its support and no better off outside it."""
    base = _value(U, _choice(supports, fixed, {i: [supports[i][0]]}))
    equalities = [_value(U, _choice(supports, fixed, {i: [r]})) - base for r in supports[i][1:]]
    outside = [t for t in range(U.shape[i]) if t not in supports[i]]
    rows = [_value(U, _choice(supports, fixed, {i: [t]})) - base for t in outside]
    return equalities, rows, [0] * len(rows)


def _strategy_polytope(support, equalities, rows, bounds, slack, exact):
    """Vertices of {σ ≥ 0 on the support, Σσ = 1, equalities·σ = 0, rows·σ ≤ bounds}."""
    k = len(support)
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    E = [list(r) for r in equalities] + [[one] * k]
    e = [zero] * len(equalities) + [one]
    G = [list(r) for r in rows] + [[-one if c == d else zero for c in range(k)] for d in range(k)]
    h = list(bounds) + [zero] * k
    free = k - _rank(E, exact)
    vertices, seen = [], set()
    for count, active in enumerate(itertools.combinations(range(len(G)), free)):
        if count >= MAX_ACTIVE_SETS:
            break
        x = _unique_solution(E + [G[a] for a in active], e + [h[a] for a in active], k, exact)
        if x is None or not _feasible(G, h, x, slack, exact):
            continue
        key = tuple(x) if exact else tuple(np.round(x, 9))
        if key not in seen:
            seen.add(key)
            vertices.append(x)
    return vertices


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


def _pure_players_ok(payoffs, supports, fixed, mixed, slack):
    """Every pure player still best-responds to the mixing players' strategies."""
    (i, a), (j, b) = sorted(mixed.items())
    for p, s in fixed.items():
        U = payoffs[p]
        here = U[np.ix_(*_choice(supports, fixed, {}))].reshape(len(a), len(b))
        for t in range(U.shape[p]):
            if t != s:
                there = U[np.ix_(*_choice(supports, fixed, {p: [t]}))].reshape(len(a), len(b))
                if a @ (there - here) @ b > slack:
                    return False
    return True


def _profile(payoffs, supports, fixed, mixed):
    """Full probability vectors for every player."""
    exact = any(isinstance(v, np.ndarray) and v.dtype == object for v in mixed.values())
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    vectors = []
    for p, U in enumerate(payoffs):
        vector = np.array([zero] * U.shape[p], dtype=object if exact else float)
        if p in fixed:
            vector[fixed[p]] = one
        else:
            for s, prob in zip(supports[p], mixed[p]):
                vector[s] = prob
        vectors.append(vector)
    return tuple(vectors)
