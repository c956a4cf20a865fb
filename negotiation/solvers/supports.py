r"""Support profiles worth solving in an n-player game, pruned by dominance.

A support profile names, for each player, the strategies played with positive
probability. An equilibrium with support :math:`S = (S_1, \dots, S_n)` can
only use strategies that are not strictly dominated once every other player is
restricted to :math:`S_{-i}` (*conditional dominance*, Porter, Nudelman and
Shoham 2008). Which strategies survive depends on :math:`S_{-i}` alone, so it
is computed once for each of the others' support profiles and each candidate
profile is then checked with bit masks.

Strategies strictly dominated in the whole game (iteratively) are removed
first; they are in no equilibrium.

Examples
--------
>>> import numpy as np
>>> from negotiation.solvers.supports import support_profiles
>>> pd = [np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]])]
>>> list(support_profiles(pd, slack=0))
[((1,), (1,))]
"""

from __future__ import annotations

import itertools
from math import prod

import numpy as np

__all__ = ["support_profiles", "support_count", "undominated"]


def support_count(shape) -> int:
    """How many support profiles a game of this shape has (the work unit of the n-player enumeration)."""
    return prod(2**m - 1 for m in shape)


def undominated(payoffs, slack) -> list[list[int]]:
    """Each player's strategies that survive iterated strict dominance by pure strategies.

    ``slack`` is the margin a dominating strategy must beat by (0 compares
    exactly, for exact payoffs).
    """
    alive = [list(range(m)) for m in payoffs[0].shape]
    changed = True
    while changed:
        changed = False
        for i, payoff in enumerate(payoffs):
            keep = _not_dominated(payoff, i, alive, alive[i], slack)
            if len(keep) < len(alive[i]):
                alive[i], changed = keep, True
    return alive


def support_profiles(payoffs, slack, alive=None):
    """Support profiles (tuples of strategy-index tuples) that survive conditional dominance.

    Smaller supports come first. ``payoffs`` are one array per player (float,
    or object arrays of Fractions with ``slack=0``).
    """
    alive = undominated(payoffs, slack) if alive is None else alive
    subsets = [_subsets(strategies) for strategies in alive]
    allowed = [_allowed_masks(payoffs, i, alive, subsets, slack) for i in range(len(payoffs))]
    for profile in itertools.product(*(range(len(s)) for s in subsets)):
        supports = tuple(subsets[i][k] for i, k in enumerate(profile))
        if all(_mask(supports[i]) & ~allowed[i][_others(profile, i)] == 0 for i in range(len(payoffs))):
            yield supports


def _subsets(strategies):
    """Non-empty subsets, smallest first."""
    return [combo for size in range(1, len(strategies) + 1) for combo in itertools.combinations(strategies, size)]


def _mask(support) -> int:
    return sum(1 << s for s in support)


def _others(profile, i):
    return profile[:i] + profile[i + 1:]


def _allowed_masks(payoffs, i, alive, subsets, slack):
    """For each of the others' support profiles, the bit mask of player i's undominated strategies.

    An array indexed by the others' subset indices, in player order. Strategy s
    is dominated on a box of the others' strategies when some t beats it in
    every cell of the box, that is when the box holds no cell where t fails to
    beat s: those cells are counted for every box at once, one player's
    membership matrix at a time.
    """
    block = np.moveaxis(np.asarray(payoffs[i])[np.ix_(*alive)], i, 0)
    fails = (~(block[None, :] - block[:, None] > slack)).astype(float)  # [s, t, cells]: t does not beat s there
    for j in range(len(payoffs)):
        if j != i:  # the next of the others' axes is always axis 2; its boxes go last
            fails = np.tensordot(fails, _membership(subsets[j], alive[j]), axes=([2], [1]))
    beaten = fails == 0
    beaten[np.arange(len(alive[i])), np.arange(len(alive[i]))] = False  # no strategy dominates itself
    survives = ~beaten.any(axis=1)  # [s, boxes]
    bits = np.array([1 << s for s in alive[i]], dtype=np.int64)
    return np.tensordot(bits, survives.astype(np.int64), axes=([0], [0]))


def _membership(subsets, strategies):
    """A 0/1 matrix: row k marks which of ``strategies`` the k-th subset holds."""
    position = {s: k for k, s in enumerate(strategies)}
    matrix = np.zeros((len(subsets), len(strategies)))
    for k, subset in enumerate(subsets):
        matrix[k, [position[s] for s in subset]] = 1
    return matrix


def _not_dominated(payoff, i, alive, candidates, slack):
    """The candidates of player i not strictly dominated (by more than ``slack``) by another alive strategy."""
    block = payoff[np.ix_(*alive)]
    block = np.moveaxis(block, i, 0).reshape(len(alive[i]), -1)
    keep = []
    for s in candidates:
        row = block[alive[i].index(s)]
        beaten = any(
            (block[t] - row > slack).all() for t in range(block.shape[0]) if alive[i][t] != s
        )
        if not beaten:
            keep.append(s)
    return keep
