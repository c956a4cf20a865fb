"""lemke_howson: every path ends at a verified equilibrium, found by enumeration too."""

import warnings

import numpy as np
import pytest
from hypothesis import given

import negotiation as ng
from negotiation import errors, examples
from tests.strategies import games


def _keys(result, digits=6):
    return {tuple(np.round(np.concatenate(eq.profile), digits)) for eq in result}


@given(games(max_size=6))
def test_every_label_reaches_an_extreme_equilibrium(game):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", errors.DegenerateGameWarning)
        everything = ng.all_equilibria(game)
    found = ng.lemke_howson(game, initial_label="all")
    assert len(found) >= 1 and not found.complete
    for eq in found:
        assert ng.is_nash(game, eq.profile, tol=1e-9)
    if not everything.degenerate:
        assert _keys(found) <= _keys(everything)


def test_labels_by_name():
    game = examples.battle_of_the_sexes()
    by_index = ng.lemke_howson(game, initial_label=2)
    by_pair = ng.lemke_howson(game, initial_label=("Column", "Opera"))
    assert _keys(by_index) == _keys(by_pair)
    with pytest.raises(errors.LabelError, match="both players"):
        ng.lemke_howson(game, initial_label="Opera")
    with pytest.raises(errors.LabelError, match="out of range"):
        ng.lemke_howson(game, initial_label=9)


def test_degenerate_game_does_not_cycle():
    game = ng.NormalFormGame.from_arrays(np.ones((6, 6)), np.ones((6, 6)))
    result = ng.lemke_howson(game, initial_label="all")
    assert all(ng.is_nash(game, eq.profile) for eq in result)


def test_pivot_budget_is_enforced():
    rng = np.random.default_rng(1)
    game = ng.NormalFormGame.from_arrays(rng.random((30, 30)), rng.random((30, 30)))
    with pytest.raises(errors.SolverError, match="within 1 pivots"):
        ng.lemke_howson(game, max_pivots=1)


@pytest.mark.parametrize("size, seed", [(100, 0), (200, 0)])
def test_large_random_games_finish(size, seed):
    rng = np.random.default_rng(seed)
    game = ng.NormalFormGame.from_arrays(rng.random((size, size)), rng.random((size, size)))
    result = ng.lemke_howson(game)
    assert ng.is_nash(game, result[0].profile, tol=1e-9)


def test_near_degenerate_game_falls_back_to_exact_pivoting():
    """Found by hypothesis: payoffs differing by 1e-12 make float pivoting
    revisit a basis; the path is then redone in exact arithmetic, where the
    lexicographic rule cannot cycle."""
    A = [[0.0] * 6, [0, 0, 0, 0, 0, 1e-12]] + [[0.0] * 6] * 4
    B = [[-73.0, 0, 0, 0, 1, -1e-12], [1.0, 0, 0, 0, 0, 1e-9]] + [[0.0] * 6] * 4
    game = ng.NormalFormGame.from_arrays(A, B)
    result = ng.lemke_howson(game, initial_label="all")
    assert len(result) >= 1
    assert all(ng.is_nash(game, eq.profile, tol=1e-9) for eq in result)
