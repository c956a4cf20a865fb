"""pure_equilibria: labels, exactness, N players, against a loop-based brute force."""

from fractions import Fraction

import numpy as np
from hypothesis import given

import negotiation as ng
from negotiation import examples
from tests import brute
from tests.strategies import nplayer_games


def test_prisoners_dilemma_labels():
    result = ng.pure_equilibria(examples.prisoners_dilemma())
    assert [eq.support for eq in result] == [(("Defect",), ("Defect",))]
    assert result.complete


def test_matching_pennies_has_none_and_says_so():
    result = ng.pure_equilibria(examples.matching_pennies())
    assert len(result) == 0
    assert "no pure-strategy equilibrium" in result.message


def test_exact_game_gives_exact_profiles():
    game = examples.battle_of_the_sexes().as_exact()
    result = ng.pure_equilibria(game)
    assert len(result) == 2
    assert all(isinstance(p, Fraction) for eq in result for v in eq.profile for p in v)


def test_tolerance_merges_near_ties_only_when_asked():
    game = ng.NormalFormGame.from_arrays([[1.0, 0], [1.0 - 1e-6, 0]], [[1, 0], [1, 0]])
    assert len(ng.pure_equilibria(game)) == 1
    assert len(ng.pure_equilibria(game, tol=1e-3)) == 2


@given(nplayer_games())
def test_matches_loop_brute_force(game):
    result = ng.pure_equilibria(game)
    cells = {tuple(int(np.argmax(v)) for v in eq.profile) for eq in result}
    assert cells == brute.pure_equilibria(game.payoffs)
    for eq in result:
        assert eq.regret == 0


def test_large_game_is_vectorised():
    rng = np.random.default_rng(0)
    A, B = rng.random((600, 600)), rng.random((600, 600))
    result = ng.pure_equilibria(ng.NormalFormGame.from_arrays(A, B))
    mask = (A == A.max(axis=0)) & (B == B.max(axis=1, keepdims=True))
    assert len(result) == int(mask.sum())


@given(nplayer_games(max_players=3, max_size=4))
def test_compact_regrets_equal_each_equilibriums_own(game):
    result = ng.pure_equilibria(game)
    regrets = result.equilibria.regrets()
    assert len(regrets) == len(result)
    for k, eq in enumerate(result):
        assert abs(float(regrets[k]) - float(eq.regret)) <= 1e-12
        assert result.equilibria.labels(k) == tuple(s[0] for s in eq.support)


def test_many_ties_stay_compact_and_print_briefly():
    rng = np.random.default_rng(1)
    game = ng.NormalFormGame.from_arrays(rng.integers(0, 2, (300, 300)), rng.integers(0, 2, (300, 300)))
    result = ng.pure_equilibria(game)
    assert len(result) > 1000  # many ties: tens of thousands of pure equilibria
    brute_cells = {tuple(c) for c in np.argwhere(ng.solvers.pure.pure_equilibrium_mask(game))}
    assert {tuple(c) for c in result.equilibria.cells} == brute_cells
    text = str(result)
    assert f"and {len(result) - 20} more" in text and len(text.splitlines()) < 40
    assert result.max_regret == 0
    assert result[5].is_pure and result[-1].support == tuple((s,) for s in result.equilibria.labels(-1))
