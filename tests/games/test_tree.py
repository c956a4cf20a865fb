"""GameTree: building, the graph, validation errors, and the two views of one model."""

from fractions import Fraction as F

import numpy as np
import pytest

import negotiation as ng
from negotiation import errors
from negotiation.games.tree import ROOT
from tests import trees


def test_nested_builder_and_graph():
    tree = trees.entry_deterrence()
    assert tree.num_nodes == 5
    assert tree.graph.number_of_edges() == 4  # the networkx graph is exposed
    assert tree.children("Enter") == (("Fight", "Enter/Fight"), ("Accommodate", "Enter/Accommodate"))
    assert tree.player_of("Enter") == "Incumbent"
    assert tree.payoffs_of("Stay out") == (0.0, 2.0)
    assert tree.history("Enter/Fight") == ("Enter", "Fight")
    assert tree.is_perfect_information
    assert "Incumbent moves" in str(tree)


def test_node_by_node_builder():
    tree = ng.GameTree(("A", "B"))
    tree.add_decision("root", "A")
    tree.add_terminal("x", (1, 2))
    tree.add_terminal("y", (F(1, 2), 0))
    tree.add_move("root", "x", "left")
    tree.add_move("root", "y", "right")
    assert tree.check().root == "root"


def test_twenty_node_tree_in_a_few_lines():
    respond = lambda a, b: ng.decision("China", {"Retaliate": ng.outcome(a - 2, b - 1), "Accept": ng.outcome(a, b)})  # noqa: E731
    tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
        **{f"Tariff {rate}%": ng.decision("China", {
            "Pledge": respond(rate, -rate), "Refuse": respond(rate // 2, 0), "Stall": ng.outcome(0, 0)})
        for rate in (10, 25, 50)}, "No tariff": ng.outcome(0, 0)}))
    assert tree.num_nodes == 26  # 1 + 3 × 8 + 1


class TestValidation:
    def test_cycle(self):
        tree = ng.GameTree(("A",))
        tree.add_decision("r", "A")
        tree.add_decision("s", "A")
        tree.add_move("r", "s", "go")
        tree.add_move("s", "r", "back")
        with pytest.raises(errors.GameError, match="cycle|root"):
            tree.check()

    def test_unreachable_node(self):
        tree = ng.GameTree(("A",))
        tree.add_decision("r", "A")
        tree.add_terminal("t", (1,))
        tree.add_move("r", "t", "go")
        tree.add_terminal("island", (0,))
        with pytest.raises(errors.GameError, match="unreachable.*'island'"):
            tree.check()

    def test_terminal_without_payoffs(self):
        with pytest.raises(errors.GameError, match="'t'.*never defined"):
            tree = ng.GameTree(("A",))
            tree.add_decision("r", "A")
            tree.add_move("r", "t", "go")
            tree.check()

    def test_wrong_number_of_payoffs(self):
        with pytest.raises(errors.ShapeError, match="1 payoffs; the game has 2 players"):
            ng.GameTree.from_nested(("A", "B"), ng.decision("A", {"x": ng.outcome(1)}))

    def test_non_numeric_payoff(self):
        with pytest.raises(errors.PayoffValueError):
            ng.GameTree.from_nested(("A",), ng.decision("A", {"x": ng.outcome(float("nan"))}))

    def test_infoset_with_two_players(self):
        with pytest.raises(errors.GameError, match="mixes players"):
            ng.GameTree.from_nested(("A", "B"), ng.decision("A", {
                "x": ng.decision("B", {"u": ng.outcome(0, 0)}, infoset="I"),
                "y": ng.decision("A", {"u": ng.outcome(0, 0)}, infoset="I")}))

    def test_infoset_with_different_actions(self):
        with pytest.raises(errors.GameError, match="different actions"):
            ng.GameTree.from_nested(("A", "B"), ng.decision("A", {
                "x": ng.decision("B", {"u": ng.outcome(0, 0)}, infoset="I"),
                "y": ng.decision("B", {"v": ng.outcome(0, 0)}, infoset="I")}))

    @pytest.mark.parametrize("probabilities", [(F(1, 2), F(1, 3)), (0.5, 0.6)])
    def test_probabilities_must_sum_to_one(self, probabilities):
        with pytest.raises(errors.GameError, match="sum to"):
            ng.GameTree.from_nested(("A",), ng.chance({
                "h": (probabilities[0], ng.outcome(1)), "t": (probabilities[1], ng.outcome(0))}))

    def test_probability_out_of_range(self):
        with pytest.raises(errors.GameError, match="outside"):
            ng.GameTree.from_nested(("A",), ng.chance({"h": (1.5, ng.outcome(1)), "t": (-0.5, ng.outcome(0))}))

    def test_imperfect_recall_is_refused_where_needed(self):
        # A forgets her own first move: both second-stage nodes are one set
        tree = ng.GameTree.from_nested(("A",), ng.decision("A", {
            "x": ng.decision("A", {"u": ng.outcome(1), "v": ng.outcome(0)}, infoset="forgot"),
            "y": ng.decision("A", {"u": ng.outcome(0), "v": ng.outcome(1)}, infoset="forgot")}))
        with pytest.raises(errors.GameError, match="perfect recall"):
            ng.subgame_perfect_equilibria(tree)

    def test_duplicate_action_and_unknown_player(self):
        tree = ng.GameTree(("A",))
        tree.add_decision("r", "A")
        tree.add_terminal("t", (1,))
        tree.add_move("r", "t", "go")
        with pytest.raises(errors.LabelError, match="two moves labelled 'go'"):
            tree.add_move("r", "t2", "go")
        with pytest.raises(errors.LabelError, match="unknown player"):
            tree.add_decision("s", "B")


class TestBothViews:
    def test_reduced_normal_form_names(self):
        game = trees.entry_deterrence().to_normal_form()
        assert game.strategies == (("Enter", "Stay out"), ("Fight", "Accommodate"))
        assert game.payoff_of(("Stay out", "Fight")) == (0.0, 2.0)

    def test_reduction_merges_plans_after_stopping(self):
        game = trees.centipede(4).to_normal_form()
        # Ann: Take at start, or Pass then Take / Pass at her second node: 3 reduced strategies
        assert len(game.strategies[0]) == 3
        assert "Take" in game.strategies[0]

    def test_plans_read_as_sentences(self):
        tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("China", {
            "Pledge": ng.decision("U.S.", {"Tariff": ng.decision("China", {"Accept": ng.outcome(0, 1), "Retaliate": ng.outcome(-1, -1)}),
                                           "Lift": ng.outcome(2, 2)}),
            "Refuse": ng.outcome(-1, 0)}))
        labels = tree.to_normal_form().strategies[1]
        assert "Pledge; Accept if Pledge, Tariff" in labels
        assert "Refuse" in labels

    def test_matrix_to_tree_and_back(self):
        game = ng.examples.battle_of_the_sexes() if hasattr(ng, "examples") else None
        from negotiation import examples

        game = examples.battle_of_the_sexes()
        tree = ng.GameTree.from_normal_form(game)
        assert not tree.is_perfect_information
        back = tree.to_normal_form()
        assert back.strategies == game.strategies
        assert all(np.array_equal(a, b) for a, b in zip(back.payoffs, game.payoffs))

    def test_simultaneous_game_as_tree_has_the_same_equilibria(self):
        from negotiation import examples

        game = examples.chicken()
        tree = ng.GameTree.from_normal_form(game)
        spe = ng.subgame_perfect_equilibria(tree)
        direct = ng.all_equilibria(game)
        assert sorted(tuple(np.round([float(v) for v in e.payoffs], 9)) for e in spe) == sorted(
            tuple(np.round(e.payoffs, 9)) for e in direct)

    def test_exact_tree_gives_exact_normal_form(self):
        game = trees.chance_tree().to_normal_form()
        assert game.is_exact
        assert ROOT == ""


class TestFromArrays:
    ARRAYS = dict(
        parent=[-1, 0, 0, 1, 1], action=["", "Enter", "Stay out", "Fight", "Accommodate"],
        player=[0, 1, -1, -1, -1], payoffs=[[0, 0], [0, 0], [0, 2], [-1, -1], [1, 1]],
    )

    def test_same_answers_as_the_nested_builder(self):
        bulk = ng.GameTree.from_arrays(("Entrant", "Incumbent"), **self.ARRAYS,
                                       node_ids=["", "Enter", "Stay out", "Enter/Fight", "Enter/Accommodate"])
        nested = trees.entry_deterrence()
        assert ng.backward_induction(bulk)[0].behaviour == ng.backward_induction(nested)[0].behaviour
        assert bulk.to_normal_form() == nested.to_normal_form()

    def test_graph_is_built_on_first_use(self):
        tree = ng.GameTree.from_arrays(("A", "B"), **self.ARRAYS)
        assert tree.graph.number_of_edges() == 4
        assert tree.graph.nodes["3"]["payoffs"] == (-1.0, -1.0)
        assert tree.graph.edges["", "1"]["action"] == "Enter"

    @pytest.mark.parametrize(
        "change, message",
        [
            ({"parent": [-1, -1, 0, 1, 1]}, "exactly one root"),
            ({"parent": [-1, 3, 0, 1, 1]}, "unreachable from the root or lie on a cycle"),
            ({"parent": [-1, 0, 0, 1, 9]}, "out of range"),
            ({"action": ["", "Enter", "Enter", "Fight", "Accommodate"]}, "two moves labelled 'Enter'"),
            ({"payoffs": [[0, 0], [0, 0], [0, float("nan")], [-1, -1], [1, 1]]}, "not finite"),
            ({"payoffs": [[0, 0, 0]] * 5}, "shape"),
            ({"player": [0, 5, -1, -1, -1]}, "player index 5"),
            ({"player": [0, -1, -1, -1, -1]}, "needs probabilities"),
            ({"parent": [-1.0, 0, 0, 1, 1]}, "integer array"),
        ],
    )
    def test_bad_arrays(self, change, message):
        with pytest.raises(errors.NegotiationError, match=message):
            ng.GameTree.from_arrays(("A", "B"), **{**self.ARRAYS, **change})

    def test_chance_probabilities_are_checked(self):
        arrays = {**self.ARRAYS, "player": [0, -1, -1, -1, -1]}
        with pytest.raises(errors.GameError, match="sum to 0.9"):
            ng.GameTree.from_arrays(("A", "B"), **arrays, probability=[0, 0, 0, 0.5, 0.4])
        arrays["payoffs"] = [[0, 0], [0, 0], [-0.5, 2], [-1, -1], [1, 1]]
        tree = ng.GameTree.from_arrays(("A", "B"), **arrays, probability=[0, 0, 0, 0.5, 0.5])
        (eq,) = ng.backward_induction(tree)
        assert eq.payoffs == (0.0, 0.0)  # the lottery's 0 beats staying out at -0.5
