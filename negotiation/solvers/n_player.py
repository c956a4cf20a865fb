r"""Every Nash equilibrium of a small game with three or more players, by support enumeration.

Each support profile that survives dominance pruning
(:mod:`~negotiation.solvers.supports`) is solved for the mixed strategies
that make every player indifferent on its support:

* no player mixing: the pure equilibria, from one best-response mask;
* one or two players mixing: linear systems, solved exactly for exact payoffs
  (:mod:`~negotiation.solvers.support_polytopes`), which also describe the
  continua of degenerate games;
* three or more mixing: polynomial systems. With three players they are
  solved by elimination where the roots can be certified complete
  (:mod:`~negotiation.solvers.hidden_player`); otherwise every isolated root
  is found by a linear-product homotopy (:mod:`~negotiation.solvers.homotopy`).

Every candidate is verified by its regret in the whole game (exactly for exact
payoffs: a root that is rational is recovered as Fractions and checked
exactly; an irrational one stays a float and is said so).

A nondegenerate game has an odd number of equilibria (Wilson 1971;
Harsanyi 1973). The result reports the count's parity; an even count in a game
that looks nondegenerate triggers a second homotopy with fresh random
constants before the result is called complete.

Examples
--------
>>> import negotiation as ng
>>> coordination = ng.NormalFormGame.from_arrays(
...     [[[1, 0], [0, 0]], [[0, 0], [0, 1]]], [[[1, 0], [0, 0]], [[0, 0], [0, 1]]],
...     [[[1, 0], [0, 0]], [[0, 0], [0, 1]]], players=("U.S.", "China", "EU"))
>>> result = ng.all_equilibria(coordination, exact=True)
>>> len(result), result.complete, result.method
(3, True, 'support enumeration')
>>> result[1].strategy_of("EU")  # all three at A, the mixed one (each indifferent at 1/2), all at B
{'s1': Fraction(1, 2), 's2': Fraction(1, 2)}
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np

from ..budget import Deadline
from ..errors import BudgetError, DegenerateGameWarning
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale, payoff_vector
from .hidden_player import hidden_player_roots, solvable
from .homotopy import real_positions, start_count, track_paths
from .indifference import jacobian_condition, multilinear_tensors, padded_tensors
from .pure import pure_equilibrium_mask
from .results import Component, EquilibriumSet, make_equilibrium
from .strategy_polytope import MAX_ACTIVE_SETS
from .support_polytopes import linear_support
from .supports import support_count, support_profiles

__all__ = ["support_enumeration", "DEFAULT_MAX_SUPPORTS", "ROUTINE_SUPPORTS"]

#: Support profiles allowed without an explicit ``max_work``: 6×6×6 (250,047) passes, 7×7×7 does not.
DEFAULT_MAX_SUPPORTS = 3e5
#: Support profiles that ``solve`` and subgame perfection enumerate as a matter of course (5×5×5 has 29,791).
ROUTINE_SUPPORTS = 30_000
#: Paths tracked in one batch (memory grows with batch × unknowns²).
BATCH = 20_000
#: Largest probability gap at which a homotopy root is taken for an equilibrium already found.
ROOT_MERGE = 1e-6


def support_enumeration(
    game: NormalFormGame,
    exact: bool = False,
    tol: float | None = None,
    max_work: float | None = None,
    timeout: float | None = None,
) -> EquilibriumSet:
    """Every equilibrium of ``game`` (any number of players): isolated ones, and the extreme points of continua.

    ``max_work`` bounds the number of support profiles (:func:`~negotiation.solvers.supports.support_count`),
    ``timeout`` the seconds spent; either way the equilibria found so far are returned, marked incomplete
    (the budget is checked before any work, and raises :class:`~negotiation.errors.BudgetError`).
    """
    game.require_numeric("all_equilibria")
    exact = exact or game.is_exact
    limit = DEFAULT_MAX_SUPPORTS if max_work is None else max_work
    work = support_count(game.shape)
    if work > limit:
        shape = "×".join(map(str, game.shape))
        raise BudgetError(
            f"all_equilibria on a {shape} game: {work:.3g} support profiles to solve, above max_work={limit:.3g}; "
            f"pass max_work={work:.3g} (and perhaps a timeout) to try anyway, or use logit_equilibrium(game) "
            "for one equilibrium"
        )
    deadline = Deadline(timeout)
    found = _Collector(game, exact, tol)
    with deadline.interruptible():
        polynomial = _pure_and_linear(game, found, deadline)
        _polynomial(game, polynomial, found, deadline, seed=0)
        if not deadline.reason and not found.degenerate and len(found) % 2 == 0 and polynomial:
            found.notes.append("an even count in a game that looks nondegenerate: the homotopy was run again "
                               "with fresh random constants")
            _polynomial(game, polynomial, found, deadline, seed=1)
    return found.result(deadline.reason, {"exact": exact, "tol": tol, "max_work": max_work, "timeout": timeout})


def _pure_and_linear(game, found, deadline):
    """Add the pure equilibria and those of supports with at most two mixing players; return the rest by sizes."""
    for cell in np.argwhere(pure_equilibrium_mask(game.as_exact() if found.exact else game)):
        found.add(_pure_profile(game, cell, found.exact))
    payoffs = found.payoffs
    polynomial: dict[tuple, list] = {}
    for supports in support_profiles(payoffs, found.slack):
        if deadline.passed():
            break
        mixing = sum(len(s) > 1 for s in supports)
        if mixing == 0:
            continue
        if mixing <= 2:
            for subset in linear_support(payoffs, supports, found.slack, found.exact):
                found.add_subset(subset)
            continue
        polynomial.setdefault(tuple(len(s) for s in supports), []).append(supports)
    return polynomial


def _polynomial(game, polynomial, found, deadline, seed):
    """Track the homotopy paths of every support where three or more players mix, all sizes in one batch.

    The batch's layout gives every player as many strategies as the largest
    strategy set (the padding has zero payoffs and is never played).
    """
    payoffs = [np.asarray(a, dtype=float) for a in game.as_float().payoffs]
    full = (max(game.shape),) * game.num_players
    padded = [np.zeros(full) for _ in payoffs]
    for array, real in zip(padded, payoffs):
        array[tuple(slice(0, k) for k in game.shape)] = real
    queue = []
    for sizes, supports_list in polynomial.items():
        if start_count(sizes) == 0:  # unbalanced: more conditions than unknowns for some players
            found.unbalanced += len(supports_list)
            continue
        if deadline.passed():
            return
        if seed == 0 and solvable(_mixing(sizes)):  # the re-run for an even count keeps to the independent homotopy
            supports_list = _eliminated(sizes, supports_list, payoffs, found)
        queue += [(sizes, supports) for supports in supports_list]
    at = 0
    while at < len(queue):
        if deadline.passed():
            return
        chunk, paths = [], 0
        while at < len(queue) and (not chunk or paths + start_count(queue[at][0]) <= BATCH):
            chunk.append(queue[at])
            paths += start_count(queue[at][0])
            at += 1
        batch = [(sizes, padded_tensors(padded, supports, found.scale)) for sizes, supports in chunk]
        x, owner, status = track_paths(full, batch, seed=seed, deadline=deadline)
        found.failed_paths += int((status == "failed").sum())
        for point, k, state in zip(x, owner, status):
            if state != "infinite":
                sizes, supports = chunk[k]
                found.add_root(supports, point[real_positions(sizes, full)],
                               lambda supports=supports: multilinear_tensors(payoffs, supports, found.scale))


def _eliminated(sizes, supports_list, payoffs, found):
    """Add the roots of the supports the hidden-player elimination certifies; return the others."""
    tensors = [multilinear_tensors(payoffs, supports, found.scale) for supports in supports_list]
    roots, complete = hidden_player_roots(_mixing(sizes), tensors)
    for supports, own, points, done in zip(supports_list, tensors, roots, complete):
        for point in points if done else ():
            found.add_root(supports, point, lambda own=own: own)
    return [supports for supports, done in zip(supports_list, complete) if not done]


def _mixing(sizes):
    """The support sizes of the players who mix: with four or more players, three may mix and the rest stay pure.

    The pure players' axes are already dropped from the support's tensors, and they have no unknowns, so
    such a support is a three-player one to the elimination (their best replies are checked on verifying).
    """
    return tuple(k for k in sizes if k > 1)


def _pure_profile(game, cell, exact):
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    vectors = []
    for m, s in zip(game.shape, cell):
        v = np.array([zero] * m, dtype=object if exact else float)
        v[s] = one
        vectors.append(v)
    return tuple(vectors)


class _Collector:
    """Verified, de-duplicated equilibria, the Nash subsets they form, and what was noticed on the way."""

    def __init__(self, game, exact, tol):
        self.game, self.exact = game, exact
        self.scale = payoff_scale(game)
        self.slack = 0 if exact else (DEFAULT_TOL if tol is None else tol) * self.scale
        self.bound = (DEFAULT_TOL if tol is None else tol) * self.scale
        self.float_game = game.as_float()
        self.exact_game = game.as_exact() if exact else None
        self.payoffs = self.exact_game.payoffs if exact else [np.asarray(a, float) for a in self.float_game.payoffs]
        self.equilibria, self.index, self.subsets, self.points = [], {}, [], []
        self.degenerate, self.partial_continuum = False, False
        self.rejected = self.unbalanced = self.failed_paths = self.unlisted = 0
        self.irrational: set[int] = set()
        self.notes: list[str] = []

    def __len__(self):
        return len(self.equilibria)

    def add(self, vectors):
        """Verify one profile; return its index, or None when it is not an equilibrium."""
        exact = self.exact and all(v.dtype == object for v in vectors)
        key = tuple(np.round(np.concatenate([np.asarray(v, float) for v in vectors]), 8))
        if key in self.index:
            return self.index[key]
        eq = make_equilibrium(self.game, vectors, exact=exact)
        if eq.regret > (0 if exact else self.bound):
            # A root that misses only by rounding is worth a warning; most roots miss because a strategy
            # outside the support pays more, which is the normal way a support fails.
            self.rejected += not exact and eq.regret <= 1e-6 * self.scale
            return None
        self.index[key] = len(self.equilibria)
        self.equilibria.append(eq)
        self.points.append(key)
        self.degenerate |= not self._quasi_strict(eq, exact)
        return self.index[key]

    def add_subset(self, subset):
        if not subset.listed:
            self.degenerate, self.unlisted = True, self.unlisted + 1
            return
        members = {k for k in (self.add(p) for p in subset.profiles) if k is not None}
        if len(members) > 1:
            self.degenerate = True
            if subset.whole:  # a curved piece's mixtures need not all be equilibria: not a Nash subset
                self.subsets.append(frozenset(members))
        if not subset.whole:
            self.partial_continuum = True

    def add_root(self, supports, x, tensors):
        """A root of a support's equations: keep it if it is real and a probability profile, then verify.

        ``tensors()`` gives the support's equations, needed only to judge an equilibrium's regularity.
        """
        if np.abs(x.imag).max() > 1e-7:
            return
        real = x.real
        vectors, at = [], 0
        for p, support in enumerate(supports):
            v = np.zeros(self.game.shape[p])
            share = real[at:at + len(support) - 1]
            v[list(support)] = np.concatenate([[1 - share.sum()], share])
            at += len(support) - 1
            if v.min() < -1e-7:
                return
            v = np.clip(v, 0, None)
            vectors.append(v / v.sum())
        index = self._near(vectors)
        if index is None:
            rational = self._rational(vectors) if self.exact else None
            index = None if rational is None else self.add(rational)  # verified exactly
        if index is None:
            index = self.add(tuple(vectors))
        if index is None:
            return
        if jacobian_condition(tuple(len(s) for s in supports), tensors(), real) > 1e9:
            self.degenerate = True  # a singular root: not a regular equilibrium
        if self.exact and not self.equilibria[index].exact:
            self.irrational.add(index)

    def _near(self, vectors):
        """The equilibrium already found within ROOT_MERGE of this root, if any.

        A singular root (a degenerate game's) is accurate to about the square root of the
        machine epsilon, so rounding alone can list it twice beside the exact point.
        """
        if not self.points:
            return None
        gaps = np.abs(np.array(self.points) - np.concatenate(vectors)).max(axis=1)
        nearest = int(gaps.argmin())
        return nearest if gaps[nearest] <= ROOT_MERGE else None

    @staticmethod
    def _rational(vectors):
        """The profile as Fractions when its probabilities look rational and sum to one, else None."""
        out = []
        for v in vectors:
            q = [Fraction(float(p)).limit_denominator(10**6) for p in v]
            if sum(q) != 1:
                return None
            out.append(np.array(q, dtype=object))
        return tuple(out)

    def _quasi_strict(self, eq, exact):
        """Every pure best response is in the support (true of each equilibrium of a nondegenerate game)."""
        # An exact profile is judged on the exact game: float payoffs can break a tie by one ulp.
        slack, game = (0, self.exact_game) if exact else (self.bound, self.float_game)
        for i in range(game.num_players):
            values = payoff_vector(game, i, eq.profile)
            best = max(values)
            responses = sum(1 for v in values if best - v <= slack)
            if responses > sum(1 for p in eq.profile[i] if p > 0):
                return False
        return True

    def result(self, stopped, options):
        order = sorted(range(len(self.equilibria)),
                       key=lambda k: tuple(np.concatenate([np.asarray(v, float) for v in self.equilibria[k].profile])),
                       reverse=True)
        rank = {k: r for r, k in enumerate(order)}
        equilibria = tuple(self.equilibria[k] for k in order)
        subsets = [frozenset(rank[k] for k in s) for s in self.subsets]
        components = _components(len(equilibria), subsets)
        incomplete = self._incompleteness(stopped)
        if self.degenerate:
            warnings.warn("the game is degenerate: equilibria may form continua; see result.components",
                          DegenerateGameWarning, stacklevel=4)
        return EquilibriumSet(
            equilibria=equilibria, game=self.game, method="support enumeration", options=options,
            complete=not incomplete, degenerate=self.degenerate, components=components,
            message="\n".join([self._parity(), *self.notes, *self._irrational(), *incomplete]),
        )

    def _parity(self):
        count = len(self.equilibria)
        if self.degenerate:
            parity = "odd" if count % 2 else "even"
            return f"{count} extreme equilibria ({parity}); the game is degenerate, so the count need not be odd"
        if count % 2:
            return f"{count} equilibria: an odd number, as every nondegenerate game has"
        return (f"{count} equilibria: an even number, which a nondegenerate game cannot have; "
                "an equilibrium may have been missed")

    def _incompleteness(self, stopped):
        reasons = []
        if stopped:
            reasons.append(f"{stopped}: the equilibria found so far are shown, and there may be more")
        if not self.degenerate and len(self.equilibria) % 2 == 0:
            reasons.append("the count is even in a nondegenerate game, so the list is not known to be complete")
        if self.degenerate and self.partial_continuum:
            reasons.append("a continuum of equilibria is curved (players who do not mix constrain those who do); "
                           "only its corner points are listed")
        if self.unlisted:
            reasons.append(f"{self.unlisted} continu{'um has' if self.unlisted == 1 else 'a have'} too many corners "
                           f"to list (more than {MAX_ACTIVE_SETS:,} choices of tight conditions each)")
        if self.degenerate and (self.unbalanced or self.failed_paths):
            reasons.append("in a degenerate game, continua where three or more players mix are not enumerated")
        if self.rejected and not self.exact:
            reasons.append(f"{self.rejected} candidate(s) failed verification in floating point; "
                           "the game may be nearly degenerate: try exact=True")
        return reasons

    def _irrational(self):
        """A note, not a gap: the list is whole, but these members are verified to the float tolerance only."""
        count = len(self.irrational)
        return [f"{count} equilibri{'um is' if count == 1 else 'a are'} irrational: "
                "shown as floats, verified to the float tolerance"] if count else []


def _components(count, subsets):
    """Connected components of equilibria linked by shared Nash subsets, with the maximal subsets."""
    parent = list(range(count))

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for s in subsets:
        first, *rest = sorted(s)
        for k in rest:
            parent[find(k)] = find(first)
    groups: dict[int, list[int]] = {}
    for k in range(count):
        groups.setdefault(find(k), []).append(k)
    maximal = [s for s in set(subsets) if not any(s < t for t in subsets)]
    components = []
    for members in sorted(groups.values()):
        inside = sorted(tuple(sorted(s)) for s in maximal if s <= set(members))
        components.append(Component(extreme=tuple(members), nash_subsets=tuple(inside) or (tuple(members),)))
    return tuple(components)
