"""Strategy files: what they hold, and clear errors with line numbers for bad ones."""

import pathlib

import pytest

import negotiation as ng
from negotiation.errors import FileFormatError, ParameterError
from negotiation.io import strategy_file

DATA = pathlib.Path(__file__).parent.parent / "data" / "strategies"
PD = ng.examples.prisoners_dilemma()


def test_the_example_plays_as_written():
    firm = strategy_file.loads(strategy_file.EXAMPLE)
    match = ng.play_match(PD, firm, "defector", turns=5)
    assert match.actions[0] == ("Cooperate", "Defect", "Cooperate", "Defect", "Cooperate")


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_shipped_files_load_and_play(path):
    from tests.play.test_strategies import ladder

    strategy = strategy_file.load(path)
    assert strategy_file.is_strategy_file(str(path))
    ng.tournament(ladder(3), [strategy, "tit_for_tat"], turns=20, repetitions=2, seed=0)


def test_a_three_level_file_climbs_the_ladder():
    from tests.play.test_strategies import ladder

    matcher = strategy_file.load(DATA / "ladder_matcher.json")
    match = ng.play_match(ladder(3), matcher, "defector", turns=3)
    assert match.actions[0] == ("0%", "25%", "25%")


BAD = {
    'format = "negotiation/scenario"\nversion = 1\n': ("format", 1),
    strategy_file.EXAMPLE.replace('version = 1', 'version = 2'): ("version 1", 2),
    strategy_file.EXAMPLE.replace('start = "calm"', 'start = "sleepy"'): ("start state 'sleepy'", 5),
    strategy_file.EXAMPLE.replace('to = "calm"', 'to = "nowhere"'): ("unknown state 'nowhere'", 23),
    strategy_file.EXAMPLE.replace('play = "defect"', 'play = {cooperate = 0.5, defect = 0.6}'):
        ("sum to 1.1", 13),
    strategy_file.EXAMPLE.replace('play = "defect"', 'play = true'): ("expected text", 13),
    strategy_file.EXAMPLE.replace('on = ["defect"]', 'on = []'): ("at least one", 17),
    "execute = \"__import__('os')\"\n" + strategy_file.EXAMPLE: ("unknown field 'execute'", 1),
    strategy_file.EXAMPLE.replace('name = "firm_but_fair"', 'name = "1 bad name"'): ("a name starts", 3),
    strategy_file.EXAMPLE.replace('[[states]]\nname = "angry"', '[[states]]\nname = "calm"'): ("twice", 12),
}


@pytest.mark.parametrize("text", list(BAD), ids=[v[0] for v in BAD.values()])
def test_bad_files_name_the_line_and_field(text):
    message, line = BAD[text]
    with pytest.raises(FileFormatError) as error:
        strategy_file.loads(text, source="bad.toml")
    assert message in str(error.value)
    assert f"line {line}" in str(error.value)


def test_unknown_actions_surface_when_bound_to_a_game():
    text = strategy_file.EXAMPLE.replace('play = "defect"', 'play = "Retaliate"')
    strategy = strategy_file.loads(text)
    with pytest.raises(ParameterError, match="unknown action 'Retaliate'"):
        strategy.machine(PD, 0)


def test_invalid_toml_and_json_are_reported_with_lines():
    with pytest.raises(FileFormatError, match="not valid TOML"):
        strategy_file.loads("name = \n")
    with pytest.raises(FileFormatError, match="not valid JSON"):
        strategy_file.loads("{\"format\": }", source="x.json")
