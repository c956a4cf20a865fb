"""The JSON game format: round trips, and a clear error for every malformed file."""

import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors, examples
from negotiation.io import json_format
from tests.strategies import games

GOOD = {
    "format": "negotiation/normal-form",
    "version": 1,
    "players": ["U.S.", "China"],
    "strategies": [["Tariff", "Hold"], ["Retaliate", "Pledge"]],
    "payoffs": [[[2, 4], [1, 3]], [[2, 1], [4, 3]]],
}


def text(**changes):
    data = {**GOOD, **changes}
    return json.dumps({k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize("name", sorted(examples.EXAMPLES))
def test_round_trip_examples(name, tmp_path):
    game = examples.get(name)
    path = tmp_path / f"{name}.json"
    json_format.dump(game, path)
    assert json_format.load(path) == game


def test_exact_round_trip():
    game = examples.battle_of_the_sexes().as_exact()
    back = json_format.loads(json_format.dumps(game))
    assert back == game and back.is_exact


@given(games(max_size=4))
def test_round_trip_random(game):
    assert json_format.loads(json_format.dumps(game)) == game


def test_outcomes_form():
    data = {k: v for k, v in GOOD.items() if k != "payoffs"}
    data["outcomes"] = [
        {"profile": ["Tariff", "Retaliate"], "payoffs": [2, 2]},
        {"profile": ["Tariff", "Pledge"], "payoffs": [4, 1]},
        {"profile": ["Hold", "Retaliate"], "payoffs": [1, 4]},
        {"profile": ["Hold", "Pledge"], "payoffs": ["3", "7/2"]},
    ]
    game = json_format.loads(json.dumps(data))
    assert game.payoff_of(("Hold", "Pledge")) == (Fraction(3), Fraction(7, 2))


@pytest.mark.parametrize(
    "source, message",
    [
        ("{", "line 1"),
        ("[]", "top level must be a JSON object"),
        (text(format="gambit"), '"format" must be'),
        (text(version=2), '"version" must be 1'),
        (text(extra=1), "unknown field"),
        (text(players="U.S."), '"players" must be a list'),
        (text(strategies=[["a", "b"], "xy"]), '"strategies" must be'),
        (text(payoffs=None), 'exactly one of "payoffs" and "outcomes"'),
        (text(payoffs=[[[2, 4], [1, "x"]], [[2, 1], [4, 3]]]), r"payoffs\[0\]\[1\]\[1\]"),
        (text(payoffs=[[[2, 4], [1, True]], [[2, 1], [4, 3]]]), "got true"),
        (text(payoffs=[[[2, 4], [1, None]], [[2, 1], [4, 3]]]), "got null"),
        (text(payoffs=[[[2, 4], [1, "1/0"]], [[2, 1], [4, 3]]]), "not a valid rational"),
        (text(payoffs=[[[2, 4], [1, "__import__('os')"]], [[2, 1], [4, 3]]]), "rational string"),
        (text(payoffs=[[[2, 4], [1]], [[2, 1], [4, 3]]]), "different lengths"),
        (text(payoffs=[[[2, 4], [1, 3]], [[2, 1, 0], [4, 3, 0]]]), "shape"),
        (text(strategies=[["a", "a"], ["x", "y"]]), "appears twice"),
        (text(title=5), '"title" must be a string'),
        (text(payoffs="oops"), '"payoffs" must be a list'),
        (GOOD and json.dumps(GOOD).replace("[1, 3]", "[1, NaN]"), "NaN is not allowed"),
        (json.dumps(GOOD).replace("[1, 3]", "[1, Infinity]"), "Infinity is not allowed"),
        ('{"format": 1, "format": 2}', "appears twice"),
        ("[" * 100000 + "]" * 100000, "nest deeper than"),
    ],
)
def test_malformed_files_name_the_problem(source, message):
    with pytest.raises(errors.FileFormatError, match=message):
        json_format.loads(source, source="game.json")


def test_error_names_file_and_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "negotiation/normal-form",\n  "version": 1,\n  oops\n}')
    with pytest.raises(errors.FileFormatError, match=r"bad.json, line 4"):
        json_format.load(path)


def test_missing_file_and_non_utf8(tmp_path):
    with pytest.raises(errors.FileFormatError, match="cannot read"):
        json_format.load(tmp_path / "nope.json")
    path = tmp_path / "latin.json"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(errors.FileFormatError, match="UTF-8"):
        json_format.load(path)


def test_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(json_format, "MAX_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(" " * 200 + "{}")
    with pytest.raises(errors.FileFormatError, match="limit is 100"):
        json_format.load(path)


@given(st.text(max_size=200))
def test_arbitrary_text_gives_a_package_error(source):
    """Any text either parses to a game or raises a FileFormatError: never another exception."""
    try:
        game = json_format.loads(source)
    except errors.FileFormatError as exc:
        assert str(exc).startswith("<string>")
    else:
        assert isinstance(game, ng.NormalFormGame)


def test_symbolic_game_cannot_be_written():
    import sympy

    game = ng.NormalFormGame.from_arrays([[sympy.Symbol("p")]], [[1]])
    with pytest.raises(errors.FileFormatError, match="substitute"):
        json_format.dumps(game)
