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


def test_three_players_pure_and_the_logit_limit():
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame([rng.integers(0, 3, size=(8, 8, 8)) for _ in range(3)])  # too big to enumerate
    result = ng.solve(game)
    assert not result.complete and "every pure equilibrium" in result.message
    assert len(result.pure) == len(ng.pure_equilibria(game))
    assert all(ng.is_nash(game, eq.profile) for eq in result)


def test_three_player_pennies_gets_its_mixed_equilibrium():
    """No pure equilibrium; the logit limit is the unique (uniform) equilibrium."""
    def payoff(match):
        return np.array([[[1.0 if match(i, j, k) else -1.0 for k in range(2)] for j in range(2)] for i in range(2)])

    game = ng.NormalFormGame([payoff(lambda i, j, k: i == j), payoff(lambda i, j, k: j == k),
                              payoff(lambda i, j, k: k != i)])
    result = ng.solve(game)
    assert len(result) == 1 and result.complete and "support enumeration" in result.message
    assert all(np.allclose(v, 0.5, atol=1e-12) for v in result[0].profile)
    big = ng.NormalFormGame([np.tile(a, (4, 4, 4)) for a in game.payoffs])  # the same game, each move 4 times
    assert ng.solve(big).message.count("the limit of the logit") == 1
