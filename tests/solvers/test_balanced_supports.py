"""Small games solved support pair by support pair, in one batch: the same equilibria as the exact polytope path."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.profiles import regret
from negotiation.solvers.balanced_supports import SMALL, balanced_support_profiles, support_pair_count
from negotiation.solvers.polytope import best_response_polytopes, shift_positive
from negotiation.solvers.short_side import short_side_profiles


def _as_set(X, Y, digits=8):
    return {tuple(np.round(np.concatenate([x, y]), digits)) for x, y in zip(X, Y)}


def _exact_set(game, digits=8):
    return {tuple(np.round(np.concatenate([np.asarray(v, float) for v in eq.profile]), digits))
            for eq in ng.all_equilibria(game, exact=True)}


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 5), st.integers(0, 10**6), st.booleans())
def test_every_equilibrium_of_a_small_game_is_found(m, n, seed, integer):
    rng = np.random.default_rng(seed)
    if integer:
        A, B = rng.integers(-20, 20, (m, n)), rng.integers(-20, 20, (m, n))
    else:
        A, B = rng.random((m, n)), rng.random((m, n))
    game = ng.NormalFormGame.from_arrays(A, B)
    found = balanced_support_profiles(np.asarray(A, float), np.asarray(B, float))
    P, Q = best_response_polytopes(np.asarray(A, float), np.asarray(B, float))
    degenerate = P.degenerate or Q.degenerate  # as the float polytope path flags it: any degenerate vertex
    if found is None:  # deferred: only for a degenerate game or a singular square subsystem
        assert integer and (degenerate or _has_singular_subsystem(A, B))
        return
    assert not degenerate
    X, Y = found
    assert np.allclose(X.sum(axis=1), 1, atol=1e-12) and np.allclose(Y.sum(axis=1), 1, atol=1e-12)
    assert _as_set(X, Y) == _exact_set(game)
    assert all(regret(game.as_float(), (x, y)) <= 1e-12 for x, y in zip(X, Y))


def _has_singular_subsystem(A, B):
    """Some square subsystem of the payoffs as the solver sees them (mapped into [1, 2]) is singular."""
    A, B = shift_positive(np.asarray(A, float)), shift_positive(np.asarray(B, float))
    m, n = A.shape
    for s in range(1, min(m, n) + 1):
        for S in itertools.combinations(range(m), s):
            for T in itertools.combinations(range(n), s):
                idx = np.ix_(S, T)
                if min(np.linalg.matrix_rank(A[idx], tol=1e-9), np.linalg.matrix_rank(B[idx], tol=1e-9)) < s:
                    return True
    return False


def test_it_agrees_with_the_short_side_on_random_games():
    rng = np.random.default_rng(3)
    for _ in range(200):
        m, n = rng.integers(1, 5, 2)
        A, B = rng.random((m, n)), rng.random((m, n))
        X, Y = balanced_support_profiles(A, B)
        X2, Y2 = short_side_profiles(A, B)
        assert _as_set(X, Y) == _as_set(X2, Y2)


def test_degenerate_games_are_deferred():
    # the column player is indifferent between its two strategies against the row player's first
    A = np.array([[1.0, 0.0], [0.0, 1.0]])
    B = np.array([[1.0, 1.0], [0.0, 2.0]])
    assert balanced_support_profiles(A, B) is None
    with pytest.warns(ng.errors.DegenerateGameWarning):
        assert ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B)).degenerate


def test_only_small_games_take_this_path():
    assert support_pair_count(4, 4) == 69 <= SMALL
    assert support_pair_count(5, 5) == 251 > SMALL
    assert support_pair_count(2, 12) == 90 <= SMALL


def test_a_harmless_tie_is_still_reported_as_degenerate():
    """The tariff standoff's normal form: backing down ties for China, though the one equilibrium is isolated."""
    A = np.array([[50.0, 7.65, 12.9], [50.0, -5.0, -5.0]])
    B = np.array([[-70.0, -11.5, -15.8], [-70.0, 0.0, 0.0]])
    assert balanced_support_profiles(A, B) is None
    with pytest.warns(ng.errors.DegenerateGameWarning):
        result = ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B))
    assert result.degenerate and len(result) == 1
