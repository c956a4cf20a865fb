"""One equilibrium of a two-player tree on the sequence form (Lemke; LP for zero-sum)."""

import io
import os
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.errors import UnsupportedGameError
from negotiation.games.tree_normal_form import reduced_strategies
from negotiation.games.tree_profiles import subgame_deviations
from negotiation.solvers.sequence_form import SequenceForm

from ..trees import centipede, chance_tree, entry_deterrence, imperfect_tree, selten_horse, ultimatum


def root_deviations(tree, eq):
    """Profitable deviations in the whole game, by the tree checker (independent of the sequence form)."""
    return [d for d in subgame_deviations(tree, dict(eq)) if d[0] == tree.root]


def as_mixed(tree, behaviour):
    """Kuhn: the probability of each reduced pure strategy is the product of its choices' probabilities."""
    mixed = []
    for player in tree.players:
        weights = []
        for _, plan in reduced_strategies(tree, player):
            w = F(1)
            for infoset, action in plan.items():
                w *= F(behaviour[infoset].get(action, 0))
            weights.append(w)
        mixed.append(weights)
    return mixed


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 4))
def test_random_imperfect_information_trees_exact_regret_zero(seed, depth):
    tree = imperfect_tree(seed, depth=depth, exact=True)
    eq = ng.sequence_form_equilibrium(tree, exact=True)
    assert eq.exact and eq.regret == 0
    assert np.allclose(ng.tree_payoffs(tree, eq), [float(v) for v in eq.payoffs], rtol=0, atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6))
def test_float_trees_are_equilibria_by_the_tree_checker(seed):
    tree = imperfect_tree(seed, depth=3, exact=False)
    eq = ng.sequence_form_equilibrium(tree)
    assert eq.regret <= 1e-9 * 11
    assert root_deviations(tree, eq) == []


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6))
def test_the_normal_form_agrees(seed):
    tree = imperfect_tree(seed, depth=3, exact=True, max_actions=2)
    eq = ng.sequence_form_equilibrium(tree, exact=True)
    game = tree.to_normal_form()
    assert ng.is_nash(game, as_mixed(tree, eq))


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6))
def test_zero_sum_trees_have_the_normal_form_value(seed):
    tree = imperfect_tree(seed, depth=3, zero_sum=True, exact=False, max_actions=2)
    eq = ng.sequence_form_equilibrium(tree)
    assert eq.method.endswith("zero-sum)")
    value = ng.solve_zero_sum(tree.to_normal_form()).value
    assert abs(eq.value - value) <= 1e-8 * 11
    assert abs(eq.payoffs[0] - value) <= 1e-8 * 11
    exact_tree = imperfect_tree(seed, depth=3, zero_sum=True, exact=True, max_actions=2)
    exact = ng.sequence_form_equilibrium(exact_tree, exact=True)
    assert exact.regret == 0 and exact.value == exact.payoffs[0]
    assert abs(float(exact.value) - ng.solve_zero_sum(exact_tree.to_normal_form()).value) <= 1e-8 * 10


def test_textbook_trees():
    for tree in (entry_deterrence(), centipede(), ultimatum(), chance_tree()):
        eq = ng.sequence_form_equilibrium(tree, exact=True)
        assert eq.regret == 0 and root_deviations(tree, eq) == []
    # Perfect information: on the equilibrium path the choices are those of backward induction here.
    eq = ng.sequence_form_equilibrium(entry_deterrence(), exact=True)
    assert ng.is_subgame_perfect(entry_deterrence(), eq)


def bayesian_bargaining(types=5, offers=(4, 6, 8), counters=(3, 5, 7), value=10):
    """A seller of private cost makes an offer; the buyer accepts or counters; the seller accepts or not."""
    tree = ng.GameTree(("Seller", "Buyer"))
    tree.add_chance("root")
    for c in range(types):
        seller = f"cost {c}"
        tree.add_move("root", seller, f"cost {c}", F(1, types))
        tree.add_decision(seller, "Seller")
        for p in offers:
            ask = f"{seller}/ask {p}"
            tree.add_move(seller, ask, f"ask {p}")
            tree.add_decision(ask, "Buyer", infoset=f"asked {p}")
            tree.add_move(ask, f"{ask}/yes", "accept")
            tree.add_terminal(f"{ask}/yes", (p - c, value - p))
            tree.add_move(ask, f"{ask}/no", "counter")
            tree.add_decision(f"{ask}/no", "Buyer", infoset=f"counter after {p}")
            for q in counters:
                bid = f"{ask}/no/bid {q}"
                tree.add_move(f"{ask}/no", bid, f"bid {q}")
                tree.add_decision(bid, "Seller")
                tree.add_move(bid, f"{bid}/yes", "take")
                tree.add_terminal(f"{bid}/yes", (F(9, 10) * (q - c), F(9, 10) * (value - q)))
                tree.add_move(bid, f"{bid}/no", "walk")
                tree.add_terminal(f"{bid}/no", (0, 0))
    return tree


def reduced_count(tree, player):
    """Reduced pure strategies of a player whose information sets are all singletons (sum at own nodes)."""
    c = tree.compiled()
    i = tree.player_index(player)
    count = [1] * len(c.order)
    for k in reversed(range(len(c.order))):
        if c.kind[k] == 0:
            continue
        kids = [count[j] for j in range(c.first_child[k], c.first_child[k] + c.num_children[k])]
        count[k] = sum(kids) if c.kind[k] == 1 and c.player[k] == i else int(np.prod(kids))
    return count[0]


def test_a_bayesian_bargaining_tree_with_millions_of_strategies():
    tree = bayesian_bargaining()
    assert reduced_count(tree, "Seller") > 10**6  # the normal form is out of reach
    form = SequenceForm.from_tree(tree)
    assert sum(form.shape) < 200
    eq = ng.sequence_form_equilibrium(tree)
    assert eq.regret <= 1e-9 * 10
    exact = ng.sequence_form_equilibrium(tree, exact=True)
    assert exact.regret == 0


def test_results_read_as_behaviour_profiles():
    eq = ng.sequence_form_equilibrium(chance_tree(), exact=True)
    assert set(eq) == set(chance_tree().infosets())
    text = str(eq)
    assert "sequence form" in text and "object at" not in text and "Fraction" not in text
    assert eq.to_dict()["method"] == eq.method


def test_three_players_or_imperfect_recall_are_refused_by_name():
    with pytest.raises(UnsupportedGameError, match="two players"):
        ng.sequence_form_equilibrium(selten_horse())


def test_gambit_lcp_on_zero_sum_trees_gives_the_same_value():
    if os.environ.get("NEGOTIATION_REQUIRE_GAMBIT"):
        import pygambit as gbt
    else:
        gbt = pytest.importorskip("pygambit")
    from negotiation.io import gambit

    for seed in range(8):
        tree = imperfect_tree(seed, depth=3, zero_sum=True, exact=True)
        game = gbt.read_efg(io.StringIO(gambit.dumps(tree)))
        value = gbt.nash.lcp_solve(game, rational=True).equilibrium.payoffs[list(game.players)[0]]
        ours = ng.sequence_form_equilibrium(tree, exact=True)
        assert F(str(value)) == ours.payoffs[0], seed
