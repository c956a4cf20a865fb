"""iterated_elimination: traces, mixed dominators, weak dominance, and equilibria survive."""

import warnings
from fractions import Fraction

import numpy as np
from hypothesis import given

import negotiation as ng
from negotiation import errors, examples
from tests.strategies import games, nplayer_games


def test_prisoners_dilemma_trace():
    result = ng.iterated_elimination(examples.prisoners_dilemma())
    assert result.solved
    assert [(s.player, s.strategy) for s in result.steps] == [("Row", "Cooperate"), ("Column", "Cooperate")]
    assert "round 1: Row eliminates Cooperate, strictly dominated by Defect" in str(result)


def test_mixed_domination_exact():
    # B is dominated by no pure strategy, but by the half-half mix of T and M
    game = ng.NormalFormGame.from_arrays(
        [[Fraction(3), 0], [0, 3], [1, 1]], [[0, 1], [0, 1], [0, 1]], strategies=(("T", "M", "B"), ("L", "R"))
    )
    result = ng.iterated_elimination(game)
    first = result.steps[0]
    assert first.strategy == "B" and first.dominator == {"T": Fraction(1, 2), "M": Fraction(1, 2)}
    assert first.margin == Fraction(1, 2)
    assert result.surviving == (("M",), ("R",))
    pure_only = ng.iterated_elimination(game, mixed=False)
    assert "B" in pure_only.surviving[0] or pure_only.steps[0].strategy != "B"


def test_weak_dominance_is_flagged_order_dependent():
    game = ng.NormalFormGame.from_arrays([[1, 1], [1, 0]], [[1, 1], [1, 0]])
    result = ng.iterated_elimination(game, strict=False)
    assert result.order_dependent and "order-dependent" in str(result)
    assert len(result.steps) >= 1


def test_identical_strategies_do_not_dominate_each_other():
    """Weak dominance needs a strict gain somewhere, so duplicates both survive."""
    game = ng.NormalFormGame.from_arrays([[1, 1], [1, 1], [1, 0]], [[0, 0], [0, 0], [0, 0]])
    result = ng.iterated_elimination(game, strict=False)
    assert result.surviving[0] == ("s1", "s2")


def test_nothing_dominated():
    result = ng.iterated_elimination(examples.matching_pennies())
    assert result.steps == () and "nothing is dominated" in str(result)


@given(games(max_size=5))
def test_equilibria_survive_strict_elimination(game):
    """Strictly dominated strategies are never played in equilibrium."""
    result = ng.iterated_elimination(game)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", errors.DegenerateGameWarning)
        equilibria = ng.all_equilibria(game)
    for eq in equilibria:
        for player, support in zip(game.players, eq.support):
            assert set(support) <= set(result.surviving[game.player_index(player)])


@given(nplayer_games(max_players=3, max_size=3))
def test_eliminated_strategies_really_are_dominated(game):
    result = ng.iterated_elimination(game, mixed=False)
    for step in result.steps:
        assert step.margin > 0
    # pure equilibria all survive
    for eq in ng.pure_equilibria(game):
        for i, support in enumerate(eq.support):
            assert support[0] in result.surviving[i]


def test_reduced_game_keeps_labels():
    result = ng.iterated_elimination(examples.tariff_standoff())
    assert result.reduced.strategies == (("Tariffs on $150B",), ("Retaliate",))
    assert result.to_dict()["surviving"] == {"U.S.": ["Tariffs on $150B"], "China": ["Retaliate"]}
    assert np.isclose(result.reduced.payoffs[0][0, 0], 2.0, atol=0)
