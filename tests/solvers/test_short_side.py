"""The short-side path for tall games: the same equilibria as the general (exact) path, degenerate games deferred."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation.solvers.short_side import short_side_profiles


def _profiles(result):
    return [np.concatenate([np.asarray(v, float) for v in eq.profile]) for eq in result]


def _same_sets(first, second, tol=1e-9):
    """Equal as sets of profiles, to ``tol`` (rounding to digits splits values like 77/512 = 0.150390625)."""
    def covered(a, b):
        return all(min((np.abs(x - y).max() for y in b), default=np.inf) <= tol for x in a)
    return len(first) == len(second) and covered(first, second) and covered(second, first)


@given(st.integers(2, 4), st.integers(12, 30), st.integers(0, 10**6), st.booleans())
def test_tall_games_agree_with_the_exact_general_path(short, long, seed, transpose):
    rng = np.random.default_rng(seed)
    shape = (long, short) if transpose else (short, long)
    A, B = rng.integers(-50, 50, shape), rng.integers(-50, 50, shape)
    game = ng.NormalFormGame.from_arrays(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = ng.all_equilibria(game)
        exact = ng.all_equilibria(game, exact=True)
    if exact.degenerate:
        assert fast.degenerate  # a degenerate game never takes the short side
    assert _same_sets(_profiles(fast), _profiles(exact))
    assert all(ng.is_nash(game, eq.profile, tol=1e-9) for eq in fast)


def test_degenerate_games_are_deferred_to_the_general_path():
    A = np.array([[3.0, 1, 0, 2, 0, 1, 2, 0], [0, 2, 3, 1, 2, 0, 1, 1]])
    B = np.zeros((2, 8))
    B[0, :2] = 1  # the column player has two best responses to a pure strategy: degenerate
    B[1, 2] = 1
    assert short_side_profiles(A, B) is None
    with pytest.warns(ng.errors.DegenerateGameWarning):
        result = ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B))
    assert result.degenerate and result.complete


def test_tall_random_games_find_an_odd_number():
    rng = np.random.default_rng(5)
    for _ in range(20):
        game = ng.NormalFormGame.from_arrays(rng.random((4, 60)), rng.random((4, 60)))
        result = ng.all_equilibria(game)
        assert len(result) % 2 == 1 and not result.degenerate
