"""The corpus of bad inputs in tests/data/bad/: each file must give its expected error, and nothing else."""

import json
import pathlib

import pytest

from negotiation import cli, errors
from negotiation.io import gambit, json_format, scenario_file

BAD = pathlib.Path(__file__).parent / "data" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


def load_any(path: pathlib.Path):
    """Read a file the way `negotiation solve` would."""
    if path.suffix in (".nfg", ".efg"):
        return gambit.load(path)
    if scenario_file.is_scenario_file(str(path)):
        return scenario_file.load(path)
    return json_format.load(path)


def test_the_corpus_is_complete():
    files = sorted(p.name for p in BAD.iterdir() if p.name != "expected.json")
    assert files == sorted(EXPECTED)
    assert len(files) >= 60
    assert {pathlib.Path(f).suffix for f in files} == {".json", ".toml", ".nfg", ".efg"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_its_error(name):
    expected = EXPECTED[name]
    path = BAD / name
    with pytest.raises(getattr(errors, expected["error"]), match=expected["match"]) as caught:
        load_any(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    if expected["line"] is not None:
        assert caught.value.line == expected["line"], message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_command_line_reports_one_line(name, capsys):
    code = cli.main(["solve", str(BAD / name)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("negotiation: error: ") and err.count("\n") == 1
    assert len(err) < 600, "messages are capped and never echo the file"


def test_hostile_expressions_run_nothing(tmp_path):
    marker = pathlib.Path("/tmp/pwned")
    marker.unlink(missing_ok=True)
    for name in ("scenario-import.toml", "scenario-lambda.toml", "scenario-call.toml", "scenario-attribute.toml",
                 "scenario-import.json", "scenario-dunder.json"):
        with pytest.raises(errors.FileFormatError):
            scenario_file.load(BAD / name)
    assert not marker.exists()
