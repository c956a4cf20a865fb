"""backward_induction: textbook answers, ties, and checks against is_subgame_perfect and the normal form."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import negotiation as ng
from negotiation import errors
from tests import trees


def test_entry_deterrence():
    """The incumbent would accommodate after entry, so the entrant enters."""
    result = trees.entry_deterrence().pipe if False else ng.backward_induction(trees.entry_deterrence())
    (eq,) = result
    assert eq.choices == {"": "Enter", "Enter": "Accommodate"}
    assert eq.payoffs == (1.0, 1.0)
    assert result.complete and not result.ties


def test_centipede_takes_at_once():
    """Backward from the end, each mover prefers to take: the game ends at the first node."""
    (eq,) = ng.backward_induction(trees.centipede(6))
    assert [a for _, a, _ in eq.path] == ["Take"]
    assert all(choice == "Take" for choice in eq.choices.values())


def test_ultimatum_has_two_spe_from_the_tie():
    """At offer 0 the responder is indifferent: accepting gives SPE 'offer 0',
    rejecting gives SPE 'offer 1'. Every other choice is forced."""
    result = ng.backward_induction(trees.ultimatum(4))
    assert len(result) == 2 and result.complete
    assert result.ties == ("Offer 0",)
    offers = sorted(eq.path[0][1] for eq in result)
    assert offers == ["Offer 0", "Offer 1"]


def test_limit_marks_incomplete_with_a_bound():
    # every terminal ties for the single mover: 3 x 3 choices below, all indifferent
    tree = ng.GameTree.from_nested(("A",), ng.decision("A", {
        f"x{i}": ng.decision("A", {f"y{j}": ng.outcome(0) for j in range(3)}) for i in range(3)}))
    result = ng.backward_induction(tree, limit=5)
    assert not result.complete and len(result) == 5
    assert result.count_bound >= 81


def test_chance_nodes_take_expectations_exactly():
    result = ng.backward_induction(trees.chance_tree())
    (eq,) = result
    # hawkish China retaliates (1 > -1): U.S. talks (1 > -2); dovish China concedes: U.S. tariffs (3 > 1)
    assert eq.choices["China hawkish"] == "Talk" and eq.choices["China dovish"] == "Tariff"
    from fractions import Fraction as F

    assert eq.payoffs == (F(1, 3) * 1 + F(2, 3) * 3, F(1, 3) * 1 + F(2, 3) * -1)


def test_imperfect_information_is_refused():
    with pytest.raises(errors.UnsupportedGameError, match="subgame_perfect_equilibria"):
        ng.backward_induction(trees.selten_horse())


def _nf_profile(tree, game, behaviour):
    """The reduced pure strategy of each player that agrees with a pure behaviour profile."""
    from negotiation.games.tree_normal_form import reduced_strategies

    profile = []
    for i in range(len(tree.players)):
        for label, plan in reduced_strategies(tree, i):
            if all(behaviour[s] == {a: 1} for s, a in plan.items()):
                profile.append(label)
                break
    return profile


@given(trees.random_trees())
@settings(max_examples=60)
def test_every_spe_is_subgame_perfect_and_nash(tree):
    result = ng.backward_induction(tree, limit=50)
    game = tree.to_normal_form()
    for eq in result:
        assert ng.is_subgame_perfect(tree, eq.behaviour)
        assert ng.tree_payoffs(tree, eq.behaviour) == pytest.approx(eq.payoffs, abs=1e-12)
        assert eq.values[tree.root] == eq.payoffs
        profile = _nf_profile(tree, game, eq.behaviour)
        assert ng.is_nash(game, profile, tol=1e-9)


@given(trees.random_trees(max_depth=3))
@settings(max_examples=40)
def test_agrees_with_subgame_decomposition(tree):
    ours = ng.backward_induction(tree, limit=200)
    other = ng.subgame_perfect_equilibria(tree, limit=200)
    if ours.complete and other.complete:
        key = lambda r: sorted(tuple(sorted((s, a) for s, c in e.behaviour.items() for a in c)) for e in r)  # noqa: E731
        assert key(ours) == key(other)


def test_ties_in_floats_use_a_relative_tolerance():
    """The scale is the payoff range (1e12 here), so a gap of 1e-3 is a tie."""
    tree = ng.GameTree.from_nested(("A",), ng.decision("A", {
        "x": ng.outcome(1e12), "y": ng.outcome(1e12 + 1e-3), "z": ng.outcome(0.0)}))
    assert len(ng.backward_induction(tree)) == 2
    assert len(ng.backward_induction(tree, tol=0)) == 1


def test_rendering():
    result = ng.backward_induction(trees.entry_deterrence())
    text = str(result)
    assert "Enter → Accommodate" in text and "Incumbent" in text
    assert result.to_dict()["equilibria"][0]["behaviour"] == {"start": {"Enter": 1}, "Enter": {"Accommodate": 1}}
    assert "<table>" in result._repr_html_()
    assert np.isfinite(result[0].payoffs).all()


@settings(max_examples=300, deadline=None)
@given(trees.random_trees(), st.sampled_from([0.0, 1e-9, 0.5]))
def test_the_small_tree_loop_agrees_with_the_level_by_level_solver(tree, slack):
    """Below SMALL_TREE nodes the float solver loops over nodes; it must give the vectorised answer exactly."""
    from negotiation.solvers.backward_induction import _solve_float_levels, _solve_float_small

    c = tree.compiled()
    small, levels = _solve_float_small(c, slack), _solve_float_levels(c, slack)
    assert np.allclose(small[0], levels[0], rtol=0, atol=1e-12)
    assert small[1].tolist() == levels[1].tolist()
    assert small[2].tolist() == levels[2].tolist()


def test_both_float_solvers_sum_a_chance_move_alike_so_a_zero_slack_tie_breaks_alike():
    """0.2·(−2) + 0.2·1 + 0.6·2 is 1.0 summed in order and 0.9999999999999999 in another order: with slack 0
    that decides whether the lottery ties the sure 1 (found by hypothesis when numpy reordered the sum)."""
    from fractions import Fraction as F

    from negotiation.solvers.backward_induction import _solve_float_levels, _solve_float_small

    tree = ng.GameTree.from_nested(("A", "B"), ng.decision("B", {
        "Gamble": ng.chance({"low": (F(1, 5), ng.outcome(0, -2)), "mid": (F(1, 5), ng.outcome(0, 1)),
                             "high": (F(3, 5), ng.outcome(0, 2))}),
        "Sure": ng.outcome(0, 1),
        "Other": ng.outcome(1, 1),
    }))
    c = tree.compiled()
    small, levels = _solve_float_small(c, 0.0), _solve_float_levels(c, 0.0)
    assert small[0].tolist() == levels[0].tolist() and small[1].tolist() == levels[1].tolist()
    assert small[2].tolist() == levels[2].tolist()
