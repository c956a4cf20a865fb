"""``negotiation tournament`` end to end: text, JSON, files, strategy files and errors."""

import json
import pathlib

import pytest

from negotiation import cli

DATA = pathlib.Path(__file__).parent / "data" / "strategies"


def run(capsys, *argv):
    status = cli.main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_ranked_table_in_text(capsys):
    status, out, _ = run(capsys, "tournament", "prisoners-dilemma", "--strategies", "tit_for_tat", "defector",
                         "grudger", "--seed", "1", "--repetitions", "3")
    assert status == 0
    assert "rank  strategy" in out and "95% interval" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_json_has_the_documented_keys_and_is_reproducible(capsys):
    args = ("tournament", "prisoners_dilemma", "--strategies", "tit_for_tat", "random", "--noise", "0.1",
            "--seed", "3", "--json")
    first = run(capsys, *args)[1]
    second = run(capsys, *args)[1]
    data = json.loads(first)
    assert first == second
    assert {"strategies", "mean_payoffs", "ranking"} <= set(data)


def test_strategy_files_and_outputs_by_suffix(capsys, tmp_path):
    for suffix in (".csv", ".md", ".html", ".json", ".txt"):
        target = tmp_path / f"out{suffix}"
        status, out, _ = run(capsys, "tournament", "chicken", "--strategies", str(DATA / "firm_but_fair.toml"),
                             "tit_for_tat", "--repetitions", "2", "-o", str(target))
        assert status == 0 and target.exists() and "firm_but_fair" in target.read_text()


def test_scenarios_with_a_matrix_game_can_be_played(capsys):
    status, out, _ = run(capsys, "tournament", "enforcement", "--strategies", "tit_for_tat", "defector",
                         "--repetitions", "2")
    assert status == 0 and "tit_for_tat" in out


def test_list_names_every_strategy(capsys):
    status, out, _ = run(capsys, "tournament", "--list")
    assert status == 0 and "generous_tit_for_tat" in out and "grudger" in out


@pytest.mark.parametrize("argv, message", [
    (["tournament", "nowhere"], "no example or scenario called 'nowhere'"),
    (["tournament", "chicken", "--strategies", "tit_for_tit", "defector"], "unknown strategy 'tit_for_tit'"),
    (["tournament", "chicken", "--noise", "1.5"], "noise must be a probability"),
    (["tournament", "chicken", "--turns", "0"], "turns must be"),
    (["tournament", "chicken", "-o", "out.pdf"], "must end in"),
    (["tournament", "chicken", "--strategies", "x.toml", "defector"], "x.toml"),
])
def test_errors_are_one_line(capsys, argv, message):
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert message in err and "Traceback" not in err


def test_figures_go_into_a_folder_made_if_missing(capsys, tmp_path):
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    folder = tmp_path / "new" / "figures"
    status, _, err = run(capsys, "tournament", "chicken", "--strategies", "tit_for_tat", "defector",
                         "--repetitions", "2", "--seed", "1", "--figures", str(folder))
    assert status == 0
    assert {p.name for p in folder.iterdir()} >= {"ranking.png"} and "ranking figure written" in err
    afile = tmp_path / "afile"
    afile.write_text("x")
    status, _, err = run(capsys, "tournament", "chicken", "--figures", str(afile))
    assert status == 2 and "is a file" in err and "Traceback" not in err


def test_timeout_keeps_partial_results(capsys):
    status, out, err = run(capsys, "tournament", "prisoners-dilemma", "--turns", "20000", "--repetitions",
                           "5000", "--noise", "0.01", "--timeout", "1", "--seed", "1")
    assert status == 3
    assert "incomplete" in err and "rank" in out


def test_agents_negotiate_over_a_scenarios_deal(capsys):
    status, out, _ = run(capsys, "tournament", "zte_linkage", "--agents", "boulware", "nash", "tit_for_tat",
                         "--deadline", "30", "--discount", "0.99", "--repetitions", "2", "--seed", "1")
    assert status == 0
    assert "Negotiation tournament over 120 packages between U.S. and China" in out and "rank  agent" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    # a scenario with a deal and no matrix game plays agents without being told
    status, again, _ = run(capsys, "tournament", "zte_linkage", "--agents", "--deadline", "30", "--json",
                           "--repetitions", "1")
    data = json.loads(again)
    assert status == 0 and data["kind"] == "agent tournament" and "rubinstein" in data["strategies"]


def test_list_names_every_agent(capsys):
    status, out, _ = run(capsys, "tournament", "--list")
    assert status == 0 and "Negotiation agents (--agents):" in out and "boulware" in out and "``" not in out


@pytest.mark.parametrize("argv, message", [
    (["tournament", "zte_linkage", "--agents", "bolware", "nash"], "unknown agent 'bolware'"),
    (["tournament", "zte_linkage", "--agents", "nash", "linear", "--first", "Brazil"], "first must name a side"),
    (["tournament", "zte_linkage", "--agents", "--strategies", "tit_for_tat"], "not both"),
    (["tournament", "enforcement", "--agents"], "has no deal to negotiate over"),
])
def test_agent_errors_are_one_line(capsys, argv, message):
    status, _, err = run(capsys, *argv)
    assert status == 2 and message in err and "Traceback" not in err
