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

from .strategy_polytope import strategy_polytope

__all__ = ["linear_support", "NashSubset", "UNLISTED"]


@dataclass
class NashSubset:
    """Full profiles (one vector per player) whose mixtures are all equilibria when ``whole`` is True."""

    profiles: list
    whole: bool
    listed: bool = True  # False: a continuum with too many corners to list (none are given)


#: What a support gives when one of its polytopes has too many corners to list.
UNLISTED = [NashSubset([], whole=False, listed=False)]


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
        vertices = strategy_polytope(supports[i], [], rows, bounds, slack, exact)
        if vertices is None:
            return UNLISTED
        profiles = [_profile(payoffs, supports, fixed, {i: v}) for v in vertices]
        return [NashSubset(profiles, whole=True)] if profiles else []
    i, j = mixing
    conditions = {j: _partner_conditions(payoffs[i], i, j, supports, fixed),
                  i: _partner_conditions(payoffs[j], j, i, supports, fixed)}
    P = {}
    for p in (j, i):
        P[p] = strategy_polytope(supports[p], *conditions[p], slack, exact)
        if P[p] is None:
            return UNLISTED
        if not P[p]:
            return []
    if len(P[i]) == 1 or len(P[j]) == 1:
        # One mixing player's strategy is pinned, so the pure players' conditions are linear in the
        # other's: cut them into its polytope and its vertices are exactly the subset's corners.
        pinned, free = (j, i) if len(P[j]) == 1 else (i, j)
        equalities, rows, bounds = conditions[free]
        extra, zeros = _pure_players_rows(payoffs, free, supports, fixed, {pinned: P[pinned][0]})
        P[free] = strategy_polytope(supports[free], equalities, rows + extra, bounds + zeros, slack, exact)
        if P[free] is None:
            return UNLISTED
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
