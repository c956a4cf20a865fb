"""The `negotiation` command, called in-process and as the installed console script."""

import json
import shutil
import subprocess
import sys

import pytest

from negotiation import cli, examples
from negotiation.io import json_format


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for word in ("solve", "examples", "demo", "list", "show", "compare"):
        assert word in out


def test_demo(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "U.S. eliminates No tariffs" in out and "Tariffs on $150B" in out


def test_solve_file_exact_and_json(capsys, tmp_path):
    path = tmp_path / "bos.json"
    json_format.dump(examples.battle_of_the_sexes(), path)
    code, out, _ = run(capsys, "solve", str(path), "--exact")
    assert code == 0 and "Opera 2/3, Football 1/3" in out
    code, out, _ = run(capsys, "solve", str(path), "--json")
    data = json.loads(out)
    assert data["result"]["method"] == "vertex enumeration"
    assert len(data["result"]["equilibria"]) == 3


@pytest.mark.parametrize("method", ["all", "pure", "lemke-howson", "dominance"])
def test_methods(capsys, method):
    code, out, _ = run(capsys, "solve", "--example", "prisoners-dilemma", "--method", method)
    assert code == 0 and "Defect" in out


def test_zero_sum_method(capsys):
    code, out, _ = run(capsys, "solve", "--example", "matching-pennies", "--method", "zero-sum")
    assert code == 0 and "value 0" in out


def test_errors_are_one_clear_line(capsys, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{}")
    code, _, err = run(capsys, "solve", str(path))
    assert code == 2 and err.startswith("negotiation: error:") and "format" in err
    code, _, err = run(capsys, "solve", "--example", "nope")
    assert code == 2 and "prisoners-dilemma" in err


def test_examples_listing(capsys):
    code, out, _ = run(capsys, "examples")
    assert code == 0 and "battle-of-the-sexes" in out


def test_console_script_is_installed():
    exe = shutil.which("negotiation")
    if exe is None:  # running from a source tree without the entry point
        exe_cmd = [sys.executable, "-m", "negotiation.cli"]
    else:
        exe_cmd = [exe]
    done = subprocess.run(exe_cmd + ["solve", "--example", "chicken", "--exact"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Swerve 9/10, Straight 1/10" in done.stdout


def test_scenario_commands(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "purchase_pledges" in out
    code, out, _ = run(capsys, "show", "purchase_pledges")
    assert code == 0 and "divertible" in out and "000_43b5ebd69bb5c81e.txt" in out
    code, out, _ = run(capsys, "solve", "tariff_standoff", "--set", "backdown_cost=40")
    assert code == 0 and "credible" in out
    code, out, _ = run(capsys, "compare", "purchase_pledges", "--set", "us_reservation=50,100")
    assert code == 0 and "us_reservation=50" in out and "no deal" in out


def test_solve_all_json(capsys):
    code, out, _ = run(capsys, "solve", "--all", "--json")
    data = json.loads(out)
    assert code == 0 and {d["scenario"] for d in data} >= {"tariff_standoff", "enforcement"}


def test_bad_parameter_is_one_line(capsys):
    code, _, err = run(capsys, "solve", "tariff_standoff", "--set", "backdown_cost=400")
    assert code == 2 and "plausible range 0..60" in err
    code, _, err = run(capsys, "solve", "tariff_standoff", "--set", "backdown_cost=abc")
    assert code == 2 and "must be a number" in err


@pytest.mark.parametrize("fmt, marker", [("text", "players and moves:"), ("markdown", "## Parameters"),
                                         ("latex", r"\begin{game}"), ("html", "<!DOCTYPE html>")])
def test_show_formats(capsys, fmt, marker):
    code, out, _ = run(capsys, "show", "tariff_standoff", "--format", fmt)
    assert code == 0 and marker in out


def test_show_with_overrides_solves_at_those_values(capsys):
    code, out, _ = run(capsys, "show", "purchase_pledges", "--format", "markdown", "--set", "us_reservation=40")
    assert code == 0 and "| us_reservation | 40 |" in out and "deal range for pledge: 40B" in out


@pytest.mark.parametrize("kind", ["matrix", "tree", "regions"])
def test_plot_writes_the_figure(capsys, tmp_path, kind):
    pytest.importorskip("matplotlib")
    path = tmp_path / f"{kind}.svg"
    code, out, _ = run(capsys, "plot", "tariff_standoff", "--kind", kind, "-o", str(path), "--points", "5")
    assert code == 0 and path.read_text().lstrip().startswith("<?xml")


def test_plot_regions_by_a_named_metric_and_the_kinds_list_advertises(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "shares.png"
    code, _, _ = run(capsys, "plot", "march_deadline", "--kind", "regions", "--by", "china_share", "--points", "4",
                     "-o", str(path))
    assert code == 0 and path.read_bytes().startswith(b"\x89PNG")
    code, _, err = run(capsys, "plot", "march_deadline", "--kind", "regions", "--by", "nope", "-o", str(path))
    assert code == 2 and "no metric 'nope'; its metrics are extension_is_equilibrium, china_keeps_buying" in err
    code, out, _ = run(capsys, "list")
    row = next(line for line in out.splitlines() if line.startswith("march_deadline"))
    assert row.rstrip().endswith("tree, regions")


def test_plot_errors_are_clear(capsys, tmp_path):
    code, _, err = run(capsys, "plot", "semiconductors", "--kind", "tree", "-o", str(tmp_path / "x.png"))
    assert code == 2 and "has no tree figure; it has: deal" in err
    code, _, err = run(capsys, "plot", "tariff_standoff", "-o", str(tmp_path / "x.gif"))
    assert code == 2 and ".png, .svg, .pdf" in err


def test_export_round_trips_through_gambit_and_json(capsys, tmp_path):
    import negotiation as ng
    from negotiation.io import gambit

    instance = ng.load_scenario("tariff_standoff")
    for fmt, form in (("nfg", "matrix"), ("efg", "tree"), ("json", "matrix")):
        path = tmp_path / f"standoff.{fmt}"
        code, _, _ = run(capsys, "export", "tariff_standoff", "--format", fmt, "-o", str(path))
        assert code == 0
        loaded = json_format.load(path) if fmt == "json" else gambit.load(path)
        if form == "matrix":
            assert loaded == instance.build("matrix")
        else:
            assert loaded.num_nodes == instance.build("tree").num_nodes
    code, out, _ = run(capsys, "export", "chicken", "--example", "--format", "efg")
    assert code == 0 and out.startswith('EFG 2 R "Chicken"')
    code, _, err = run(capsys, "export", "purchase_pledges", "--format", "nfg")
    assert code == 2 and "has no matrix form" in err


def test_report_command(capsys, tmp_path):
    path = tmp_path / "r.html"
    code, _, _ = run(capsys, "report", "north_korea", "-o", str(path), "--no-figures")
    page = path.read_text()
    assert code == 0 and 'id="north_korea"' in page and "<svg" not in page
