"""solve(): the method it picks, and that it says which."""

import numpy as np

import negotiation as ng
from negotiation import examples


def test_small_games_enumerate():
    result = ng.solve(examples.chicken())
    assert result.method == "vertex enumeration" and result.complete and len(result) == 3


def test_large_zero_sum_uses_linear_programming():
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.zero_sum(rng.random((40, 40)))
    result = ng.solve(game)
    assert "linear programming" in result.method and "zero-sum" in result.message
    assert ng.is_nash(game, result[0].profile, tol=1e-7)


def test_large_general_game_uses_lemke_howson():
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.from_arrays(rng.random((30, 30)), rng.random((30, 30)))
    result = ng.solve(game)
    assert result.method == "Lemke-Howson" and not result.complete


def test_three_players_pure_only():
    game = ng.NormalFormGame([np.eye(2)[:, :, None] * np.ones(2)] * 3)
    result = ng.solve(game)
    assert not result.complete and "pure equilibria only" in result.message
