"""subgame_perfect_equilibria: Selten's horse, simultaneous stages, and the SPE marks among Nash equilibria."""

import numpy as np

import negotiation as ng
from tests import brute, trees


def test_selten_horse_pure_and_mixed_equilibria():
    """Only the root is a proper subgame (player 3's set spans both branches),
    so the SPE are the Nash equilibria. The pure ones, by brute force on the
    normal form, are (C, c, R), (C, d, R) (player 2 is indifferent) and
    (D, c, L). By hand, the equilibria form two segments: C and R with player 2
    mixing freely, and D and L with player 2 playing d with probability at most
    2/3 (else 1 would rather play C). Their end points are what the three-mover
    subgame's support enumeration returns."""
    tree = trees.selten_horse()
    result = ng.subgame_perfect_equilibria(tree)
    pure = {(e.choices[""], e.choices["C"], e.choices["3"]) for e in result if isinstance(e.choices["C"], str)}
    game = tree.to_normal_form()
    cells = brute.pure_equilibria(game.as_float().payoffs)
    assert pure == {tuple(game.strategies[i][k] for i, k in enumerate(cell)) for cell in cells}
    assert pure == {("C", "c", "R"), ("C", "d", "R"), ("D", "c", "L")}
    mixed = [e for e in result if not isinstance(e.choices["C"], str)]
    assert len(mixed) == 1 and abs(mixed[0].behaviour["C"]["d"] - 2 / 3) <= 1e-12
    assert all(ng.is_subgame_perfect(tree, e.behaviour) for e in result)
    assert "three or more movers" in result.message
    assert result.subgames == ("",)


def test_simultaneous_stage_inside_a_sequential_game():
    stage = lambda: ng.decision("U.S.", {  # noqa: E731
        "Tariff": ng.decision("China", {"Retaliate": ng.outcome(1, 1), "Pledge": ng.outcome(3, 0)}, infoset="blind"),
        "Hold": ng.decision("China", {"Retaliate": ng.outcome(0, 3), "Pledge": ng.outcome(2, 2)}, infoset="blind")},
        infoset="talks")
    tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {"Talk": stage(), "Walk": ng.outcome(0.5, 0.5)}))
    assert ng.subgame_roots(tree) == ["", "Talk"]
    (eq,) = ng.subgame_perfect_equilibria(tree)
    assert eq.choices == {"": "Talk", "talks": "Tariff", "blind": "Retaliate"}
    assert ng.is_subgame_perfect(tree, eq.behaviour)


def test_mixed_equilibrium_in_a_subgame():
    pennies = lambda: ng.decision("A", {  # noqa: E731
        "H": ng.decision("B", {"H": ng.outcome(1, -1), "T": ng.outcome(-1, 1)}, infoset="B guesses"),
        "T": ng.decision("B", {"H": ng.outcome(-1, 1), "T": ng.outcome(1, -1)}, infoset="B guesses")}, infoset="A hides")
    tree = ng.GameTree.from_nested(("A", "B"), ng.decision("B", {"Play": pennies(), "Pay 0.5": ng.outcome(0.5, -0.5)}))
    (eq,) = ng.subgame_perfect_equilibria(tree)
    assert eq.choices[""] == "Play"  # value 0 for B beats paying 0.5
    assert eq.behaviour["A hides"]["H"] == 0.5
    assert ng.is_subgame_perfect(tree, eq.behaviour)


def test_tree_nash_marks_the_subgame_perfect_one():
    result = ng.tree_nash_equilibria(trees.entry_deterrence())
    pure = {eq.support: mark for eq, mark in zip(result.equilibria, result.subgame_perfect) if eq.is_pure}
    assert pure[(("Enter",), ("Accommodate",))] is True
    assert pure[(("Stay out",), ("Fight",))] is False
    assert "subgame perfect" in str(result)


def test_values_at_every_node():
    (eq,) = ng.subgame_perfect_equilibria(trees.entry_deterrence())
    assert eq.values["Enter"] == (1.0, 1.0)
    assert np.allclose(eq.values[""], (1.0, 1.0))


def test_exact_ties_through_chance_nodes_survive_decomposition():
    """Found by hypothesis: integer payoffs with Fraction probabilities are exact;
    -3/5 - 3/5 + 1/5 = -1 ties with -1 only if the subgame pieces stay exact."""
    from fractions import Fraction as F

    tree = ng.GameTree.from_nested(("P1", "P2"), ng.decision("P2", {
        "a0": ng.chance({"c0": (F(1), ng.outcome(0, -1))}),
        "a1": ng.chance({"c0": (F(1, 5), ng.outcome(0, -3)), "c1": (F(3, 5), ng.outcome(0, -1)),
                         "c2": (F(1, 5), ng.outcome(0, 1))})}))
    assert len(ng.subgame_perfect_equilibria(tree)) == 2 == len(ng.backward_induction(tree))


def test_exact_values_of_nested_subgames_stay_exact_above_a_chance_move():
    """Found by hypothesis: a subgame with integer payoffs only was solved in floats, so the chance move
    above it summed 1/5·3 + 2/5·3 + 2/5·3 to 3.0000000000000004 and broke the root's exact tie with 3."""
    from fractions import Fraction as F

    tree = ng.GameTree.from_nested(("P1", "P2"), ng.decision("P1", {
        "Deal": ng.decision("P1", {"Sign": ng.outcome(3, 0), "Walk": ng.outcome(0, 0)}),
        "Gamble": ng.chance({
            "c0": (F(1, 5), ng.outcome(3, 0)),
            "c1": (F(2, 5), ng.decision("P1", {"Sign": ng.outcome(3, 0), "Walk": ng.outcome(0, 0)})),
            "c2": (F(2, 5), ng.outcome(3, 0)),
        }),
    }))
    ours = ng.subgame_perfect_equilibria(tree)
    assert {next(iter(eq.behaviour[""])) for eq in ours} == {"Deal", "Gamble"}
    assert len(ours) == 2 == len(ng.backward_induction(tree))
    assert all(eq.payoffs[0] == 3 for eq in ours)  # exactly
