"""Gambit .nfg/.efg files: round trips over every fixture, Gambit-style files, and errors with lines."""

from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import examples
from negotiation.errors import FileFormatError, UnsupportedGameError
from negotiation.io import gambit
from tests import trees
from tests.known_games import KNOWN
from tests.strategies import games, nplayer_games

DATA = Path(__file__).parent.parent / "data" / "gambit"
TREES = [trees.entry_deterrence, trees.centipede, trees.ultimatum, trees.selten_horse, trees.chance_tree]


def tree_signature(tree):
    """Everything a tree means, independent of node ids: by history from the root."""
    nodes = set()
    for node in tree.nodes():
        kind = tree.kind(node)
        detail = ()
        if kind == "terminal":
            detail = tuple(tree.payoffs_of(node))
        elif kind == "decision":
            detail = (tree.player_of(node), tree.actions(node))
        else:
            detail = tuple(tree.probabilities(node).items())
        nodes.add((tree.history(node), kind, detail))
    shared = {
        frozenset(tree.history(n) for n in members)
        for members in tree.infosets().values()
        if len(members) > 1
    }
    return tree.players, tree.title, frozenset(nodes), frozenset(shared)


def scenario_forms(form):
    built = []
    for name in ng.list_scenarios():
        scenario = ng.get_scenario(name)
        if getattr(scenario, form) is not None:
            built.append(pytest.param(scenario.bind().build(form), id=name))
    return built


MATRICES = (
    [pytest.param(build(), id=name) for name, build in sorted(examples.EXAMPLES.items())]
    + [pytest.param(factory(), id=name) for name, (factory, _, _) in KNOWN.items()]
    + scenario_forms("matrix")
)


@pytest.mark.parametrize("outcomes", [False, True], ids=["payoff-form", "outcome-form"])
@pytest.mark.parametrize("game", MATRICES)
def test_normal_form_round_trip(game, outcomes):
    text = gambit.dumps(game, outcomes=outcomes)
    back = gambit.loads(text)
    assert back == game
    assert back.title == game.title
    assert back.is_exact == game.is_exact


@pytest.mark.parametrize("tree", [pytest.param(f(), id=f.__name__) for f in TREES] + scenario_forms("tree"))
def test_tree_round_trip(tree):
    back = gambit.loads(gambit.dumps(tree))
    assert tree_signature(back) == tree_signature(tree)
    assert gambit.dumps(back) == gambit.dumps(tree)


@settings(max_examples=60, deadline=None)
@given(trees.random_trees())
def test_random_trees_round_trip(tree):
    assert tree_signature(gambit.loads(gambit.dumps(tree))) == tree_signature(tree)


@settings(max_examples=60, deadline=None)
@given(st.one_of(games(), nplayer_games()), st.booleans())
def test_random_games_round_trip(game, outcomes):
    assert gambit.loads(gambit.dumps(game, outcomes=outcomes)) == game


def test_floats_round_trip_bit_for_bit():
    game = ng.NormalFormGame.from_arrays([[0.1, 1e-12], [1e12, -2.0]], [[1 / 3, 2.0], [3.5, -7e-9]])
    back = gambit.loads(gambit.dumps(game))
    assert back == game and back.kind == "float"


def test_outcome_form_file():
    game = gambit.load(DATA / "outcome_form.nfg")
    assert game.strategies == (("Heads", "Tails"), ("Heads", "Tails"))
    # outcomes 1 2 2 1, first player fastest: (H,H)=win (T,H)=lose (H,T)=lose (T,T)=win
    assert game.payoff_of(("Tails", "Heads")) == (-1, 1)
    assert game.payoff_of(("Tails", "Tails")) == (1, -1)
    profile = ng.all_equilibria(game, exact=True)[0].profile
    assert [list(p) for p in profile] == [[F(1, 2), F(1, 2)], [F(1, 2), F(1, 2)]]


def test_payoff_form_with_counts_and_mixed_numbers():
    game = gambit.load(DATA / "three_players.nfg")
    assert game.players == ("A", "B", "C")
    assert game.strategies[0] == ("1", "2")
    # the fourth profile is (2, 2, 1) and the seventh (1, 2, 2): the first player changes fastest
    assert game.payoff_of(("2", "2", "1")) == (0.5, 0.5, 0)
    assert game.payoff_of(("1", "2", "2")) == (0.25, 0.75, 1)


def test_gambit_style_tree_with_inner_outcomes_and_omitted_lists():
    tree = gambit.load(DATA / "signalling.efg")
    assert tree.players == ("Sender", "Receiver")
    # the Sender's cost (-1, 0) on the inner node adds to the payoffs below it
    assert tree.payoffs_of("Strong/Beer/Fight") == (-1, -1)
    assert tree.payoffs_of("Strong/Beer/Yield") == (1, 0)
    assert tree.payoffs_of("Weak/Quiche/Yield") == (2, 0)
    infosets = {name: set(nodes) for name, nodes in tree.infosets().items() if len(nodes) > 1}
    assert infosets["beer seen"] == {"Strong/Beer", "Weak/Beer"}
    assert infosets["quiche seen"] == {"Strong/Quiche", "Weak/Quiche"}
    assert tree.probabilities(tree.root) == {"Strong": F(1, 3), "Weak": F(2, 3)}
    assert ng.subgame_perfect_equilibria(tree).complete


def test_symbolic_games_are_refused():
    import sympy

    x = sympy.Symbol("x")
    game = ng.NormalFormGame.from_arrays([[x, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(UnsupportedGameError, match="substitute values .*x"):
        gambit.dumps(game)


BAD = [
    ("", 1, "the file ends"),
    ("GAME 1", 1, "starts with NFG or EFG"),
    ('NFG 2 R "" { "A" } { 1 }\n1', 1, "only version 1"),
    ('NFG 1 X "" { "A" } { 1 }\n1', 1, "R .* or D"),
    ('NFG 1 R "open { "A" }', 1, "not closed"),
    ('NFG 1 R "" { "A" "B" } { 2 }\n1 2', 1, "2 players but 1 strategy"),
    ('NFG 1 R "" { "A" "B" } { 2 2 }\n\n1 2 3', 3, "ends where a payoff"),
    ('NFG 1 R "" { "A" "B" } { 1 1 }\n\n1 two', 3, "expected a payoff"),
    ('NFG 1 R "" { "A" "B" } { 1 1 }\n\n1 2 3', 3, "after the last payoff"),
    ('NFG 1 R "" { "A" "B" } { 1 1 }\n1 1/0', 2, "divides by zero"),
    ('NFG 1 R "" { "A" "B" } { 100000 100000 }\n', 1, "limit is"),
    ('NFG 1 R "" { "A" "B" } { { "x" "x" } { "y" } }\n1 1 1 1', 1, "unique"),
    ('NFG 1 R "" { "A" "B" } { { "x" } { "y" } } ""\n{ { "o" 1 } }\n1', 2, "needs 2 payoffs"),
    ('NFG 1 R "" { "A" "B" } { { "x" } { "y" } } ""\n{ { "o" 1 2 } }\n\n2', 4, "must be 0..1"),
    ('EFG 2 R "" { "A" }\n""\n', 2, "no nodes"),
    ('EFG 2 R "" { "A" }\np "" 2 1 "" { "a" } 0\nt "" 1 "" { 1 }', 2, "player number .* 1..1"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" "b" } 0\nt "" 1 "" { 1 }', 3, "ends before all moves"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" 0\nt "" 1 "" { 1 }', 2, "must list its actions"),
    ('EFG 2 R "" { "A" }\nc "" 1 "" { "h" 1/2 "t" 1/3 } 0\nt "" 1 "" { 1 }\nt "" 1', 2, "add up to 5/6"),
    ('EFG 2 R "" { "A" }\nc "" 1 "" { "h" 3/2 "t" -1/2 } 0', 2, "lie in \\[0, 1\\]"),
    ('EFG 2 R "" { "A" "B" }\np "" 1 1 "" { "a" } 0\nt "" 1 "" { 1 }', 3, "needs 2 payoffs"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" } 0\nt "" 7', 3, "outcome 7 is used before"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" } 0\nq "" 1 "" { 1 }', 3, "node type p, c or t"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" } 0\nt "" 1 "" { 1 }\nt "" 1', 4, "after the last node"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" "a" } 0\nt "" 1 "" { 1 }\nt "" 1', 2, "two moves labelled"),
    ('EFG 2 R "" { "A" }\np "" 1 1 "" { "a" "b" } 0\np "" 1 1 "" { "a" } 0\nt "" 1 "" { 1 }\nt "" 1',
     3, "has 2 actions on line 2 but 1"),
]


@pytest.mark.parametrize("text, line, message", BAD)
def test_malformed_files_name_the_line(text, line, message):
    with pytest.raises(FileFormatError, match=message) as caught:
        gambit.loads(text, source="bad.efg")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"bad.efg, line {line}: ")


def test_missing_file_is_a_file_format_error(tmp_path):
    with pytest.raises(FileFormatError, match="cannot read"):
        gambit.load(tmp_path / "nowhere.nfg")


def test_written_file_loads_from_disk(tmp_path):
    tree = trees.selten_horse()
    gambit.dump(tree, tmp_path / "horse.efg")
    assert tree_signature(gambit.load(tmp_path / "horse.efg")) == tree_signature(tree)
