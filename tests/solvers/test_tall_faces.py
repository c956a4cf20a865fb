"""Degenerate and exact tall games from the short side's polytope and the faces of partners, against the
general path (both polytopes) and a brute-force degeneracy check."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.solvers import enumeration
from negotiation.solvers.long_side import long_side_degenerate
from negotiation.solvers.polytope import shift_positive
from tests import brute


def solve(game, exact, general=False):
    with warnings.catch_warnings(), pytest.MonkeyPatch.context() as patch:
        warnings.simplefilter("ignore", ng.errors.DegenerateGameWarning)
        if general:  # no game counts as tall: both polytopes are enumerated
            patch.setattr(enumeration, "TALL", 10**9)
        return ng.all_equilibria(game, exact=exact)


def key(eq):
    return tuple(round(float(p), 9) + 0.0 for v in eq.profile for p in v)


def structure(result):
    """The equilibria, and the components and Nash subsets as sets of them: order does not matter."""
    def members(indices):
        return frozenset(key(result[k]) for k in indices)
    return ({key(eq) for eq in result},
            {(members(c.extreme), frozenset(members(s) for s in c.nash_subsets)) for c in result.components})


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 4), st.integers(9, 13), st.sampled_from([2, 4, 50]), st.integers(0, 10**6),
       st.booleans(), st.booleans())
def test_tall_games_agree_with_both_polytopes(short, long, spread, seed, transpose, exact):
    rng = np.random.default_rng(seed)
    shape = (long, short) if transpose else (short, long)
    game = ng.NormalFormGame.from_arrays(*(rng.integers(-spread, spread + 1, shape) for _ in range(2)))
    tall, general = solve(game, exact), solve(game, exact, general=True)
    assert structure(tall) == structure(general)
    assert (tall.degenerate, tall.complete) == (general.degenerate, general.complete)
    assert all(eq.regret == 0 for eq in tall) if exact else tall.max_regret <= 1e-9 * ng.payoff_scale(game)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 3), st.integers(6, 9), st.integers(0, 10**6))
def test_the_degenerate_flag_matches_brute_force(short, long, seed):
    rng = np.random.default_rng(seed)
    A, B = (rng.integers(-3, 4, (short, long)) for _ in range(2))
    expected = brute.is_degenerate(A.tolist(), B.tolist())
    game = ng.NormalFormGame.from_arrays(A, B)
    assert solve(game, exact=False).degenerate is solve(game, exact=True).degenerate is expected


def mixed_tie_game():
    """The column player's 50-50 mix of its first two strategies leaves the row player three best replies."""
    rng = np.random.default_rng(0)
    A = np.column_stack([rng.choice(40, 3, replace=False) * -10 + 7 for _ in range(12)])  # no column ties
    A[:, :2] = [[30, 10], [20, 20], [10, 30]]
    B = rng.integers(-40, 40, (3, 12)) * 10 + 3
    B[:, :2] = [[-1000, -1001], [-1002, -1003], [-1004, -1005]]  # dominated: never played in equilibrium
    return A, B


def test_a_tie_among_three_replies_to_a_mixture_off_every_equilibrium_is_seen():
    A, B = mixed_tie_game()
    assert not any(len(set(col)) < len(col) for col in A.T)  # no pure strategy of the long side has a tie
    assert brute.is_degenerate(A.tolist(), B.tolist())
    game = ng.NormalFormGame.from_arrays(A, B)
    for exact in (False, True):
        result = solve(game, exact)
        assert result.degenerate and result.complete
        assert not any(set(eq.support[1]) == {"s1", "s2"} for eq in result)  # off every equilibrium
    check = long_side_degenerate(shift_positive(A.astype(float)))
    assert check.degenerate and check.checked == 2


def test_a_near_tie_that_is_not_exact_is_not_degenerate_in_exact_arithmetic():
    A, B = mixed_tie_game()
    exact_A = [[Fraction(int(v)) + (Fraction(1, 10**12) if (r, c) == (1, 0) else 0) for c, v in enumerate(row)]
               for r, row in enumerate(A.tolist())]
    low = min(min(row) for row in exact_A)
    shifted = [[v - low + 1 for v in row] for row in exact_A]
    floats = shift_positive(np.array(exact_A, dtype=float))
    assert long_side_degenerate(floats).degenerate  # 1e-12 is a tie in floating point
    assert not long_side_degenerate(floats, shifted).degenerate


def test_a_check_cut_short_by_its_budget_says_how_far_it_got():
    rng = np.random.default_rng(1)
    game = ng.NormalFormGame.from_arrays(rng.random((6, 40)), rng.random((6, 40)),
                                         players=("Short", "Long"))
    result = ng.all_equilibria(game)
    assert not result.degenerate and result.complete
    assert "Long's mixtures of more than 3 strategies were not checked" in result.message


def test_degenerate_tall_games_are_solved_without_the_long_polytope():
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.from_arrays(rng.integers(-50, 50, (4, 60)), rng.integers(-50, 50, (4, 60)))
    with pytest.MonkeyPatch.context() as patch:
        def refuse(*args, **kwargs):
            raise AssertionError("the general path ran")
        patch.setattr(enumeration, "_general_profiles", refuse)
        float_result, exact_result = solve(game, False), solve(game, True)
    assert float_result.degenerate and exact_result.degenerate
    assert {key(eq) for eq in float_result} == {key(eq) for eq in exact_result}
    assert all(eq.regret == 0 for eq in exact_result)
