"""Numerical edge cases: payoff scales 1e-12..1e12, near-ties, integer ties, dominance everywhere."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from tests.strategies import games

SCALES = [1e-12, 1e-6, 1.0, 1e6, 1e12]


def _profiles(result):
    return sorted(tuple(np.round(np.concatenate([np.asarray(p, float) for p in eq.profile]), 9)) for eq in result)


@given(games(max_size=5, integers=True, low=-9, high=9), st.sampled_from(SCALES))
def test_equilibria_do_not_depend_on_the_payoff_scale(game, scale):
    scaled = ng.NormalFormGame.from_arrays(*(np.asarray(a, float) * scale for a in game.payoffs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exact = ng.all_equilibria(game, exact=True)
        found = ng.all_equilibria(scaled)
    assert _profiles(found) == _profiles(exact)
    for eq in found:
        assert eq.regret <= 1e-9 * ng.payoff_scale(scaled)  # regret judged relative to the scale
    assert _profiles(ng.pure_equilibria(scaled)) == _profiles(ng.pure_equilibria(game))


@pytest.mark.parametrize("scale", SCALES)
def test_lemke_howson_and_dominance_at_every_scale(scale):
    A = np.array([[3, 0, 2], [5, 1, 0], [0, 2, 4]], float) * scale
    B = np.array([[3, 5, 1], [0, 1, 2], [2, 0, 3]], float) * scale
    game = ng.NormalFormGame.from_arrays(A, B)
    for eq in ng.lemke_howson(game, initial_label="all"):
        assert ng.is_nash(game, eq.profile)
    base = ng.iterated_elimination(ng.NormalFormGame.from_arrays(A / scale, B / scale))
    assert ng.iterated_elimination(game).surviving == base.surviving


def test_near_ties_are_flagged_and_exact_mode_is_offered():
    game = ng.NormalFormGame.from_arrays([[1, 0], [1 + 1e-13, 2]], [[1, 0], [0, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        floating = ng.all_equilibria(game)
        exact = ng.all_equilibria(game.as_exact())
    assert "exact=True" in floating.message and "1e-13" in floating.message
    assert len(exact) == 1 and len(floating) == 3  # the float answer really is different


def test_clear_gaps_raise_no_flag():
    game = ng.NormalFormGame.from_arrays([[1, 0], [1 + 1e-6, 2]], [[1, 0], [0, 1]])
    assert "exact=True" not in ng.all_equilibria(game).message


@given(st.integers(1, 6), st.integers(1, 6), st.integers(-3, 3))
def test_all_payoffs_equal(m, n, value):
    game = ng.NormalFormGame.from_arrays(np.full((m, n), value), np.full((m, n), value))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = ng.all_equilibria(game, exact=True)
    assert result.degenerate == (m * n > 1) and len(result) == m * n  # every pure profile is extreme
    assert len(result.components) == 1


@given(st.integers(2, 7), st.integers(2, 7))
def test_dominated_strategies_everywhere(m, n):
    # each later strategy is strictly worse for its player: only (first, first) survives
    A = -np.add.outer(np.arange(m), np.zeros(n)) * 3 + np.add.outer(np.zeros(m), np.arange(n))
    B = -np.add.outer(np.zeros(m), np.arange(n)) * 3 + np.add.outer(np.arange(m), np.zeros(n))
    game = ng.NormalFormGame.from_arrays(A, B)
    survivors = ng.iterated_elimination(game).surviving
    assert survivors == ((game.strategies[0][0],), (game.strategies[1][0],))
    (eq,) = ng.all_equilibria(game)
    assert eq.support == survivors


def test_limits_of_magnitude_are_clear():
    with pytest.raises(ng.errors.PayoffValueError, match="beyond the limit"):
        ng.NormalFormGame.from_arrays([[1e101]], [[0]])
    with pytest.raises(ng.errors.PayoffValueError, match="beyond the limit"):
        ng.NormalFormGame.from_arrays([[10 ** 400]], [[0]])
