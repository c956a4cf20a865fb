"""The workshop page without a browser: its grid, its data against the Python API, its size and its errors."""

import json
import re

import pytest

import negotiation as ng
from negotiation.cli import main
from negotiation.errors import ParameterError
from negotiation.io.scenario_file import EXAMPLE, loads
from negotiation.render.outcomes import bottom_line, outcome_rows
from negotiation.render.workshop import page as page_module
from negotiation.render.workshop import page_grid, widest_parameters, workshop_data, workshop_page
from negotiation.render.workshop.frames import grid_values
from negotiation.render.workshop.tree_svg import tree_template


def _embedded(page: str) -> dict:
    text = re.search(r'<script type="application/json" id="workshop-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(text.replace("<\\/", "</"))


@pytest.fixture(scope="module")
def standoff_page():
    return workshop_page("tariff_standoff", vary=["backdown_cost", "china_supply_elasticity"], points=6, progress=False)


def test_the_page_is_one_file_with_nothing_fetched(standoff_page):
    body = standoff_page.replace("http://www.w3.org/2000/svg", "")  # the SVG namespace is a name, not a fetch
    assert "http" not in body and "//" not in re.sub(r"(?m)^\s*//.*$", "", body.split("<script>")[0])
    for outside in ("<script src", "<link", "@import", "url(", "<iframe", "fetch(", "XMLHttpRequest"):
        assert outside not in body, outside
    assert len(standoff_page.encode()) <= page_module.MAX_BYTES


def test_every_grid_point_holds_what_the_api_gives_there(standoff_page):
    data = _embedded(standoff_page)
    strings = data["strings"]
    sliders = data["sliders"]
    sizes = [len(s["values"]) for s in sliders]
    assert len(data["points"]) == sizes[0] * sizes[1]
    scenario = ng.get_scenario("tariff_standoff")
    for i in range(sizes[0]):
        for j in (0, sizes[1] // 2, sizes[1] - 1):
            point = data["points"][i * sizes[1] + j]  # row-major: the first slider moves slowest
            values = {sliders[0]["name"]: sliders[0]["values"][i], sliders[1]["name"]: sliders[1]["values"][j]}
            report = scenario.bind(**values).report()
            assert [[strings[a], strings[b]] for a, b in point["verdicts"]] == [list(r) for r in outcome_rows(report)]
            assert strings[point["bottom"]] == bottom_line(report)
            assert strings[point["matrix"]] == report.sections["matrix game"]._repr_html_()
            spe = report.sections["sequential moves"].equilibria[0]
            template = tree_template(report.sections["sequential moves"].tree)
            on_path = [template.edges[k][1] for k in point["tree"]["path"]]
            assert sorted(on_path) == sorted(action for _, action, _ in spe.path)


def test_each_slider_starts_at_the_scenarios_value_and_holds_the_others():
    data = workshop_data("tariff_standoff", vary=["backdown_cost"], points=4, progress=False,
                         us_supply_elasticity=2)
    (slider,) = data["sliders"]
    assert slider["values"][slider["start"]] == 5  # the default, added between the even steps
    assert slider["values"] == [0, 5, 20, 40, 60]
    held = {name: value for name, value, _ in data["held"]}
    assert held["us_supply_elasticity"] == "2" and "backdown_cost" not in held


def test_counts_step_by_whole_numbers():
    weeks = ng.get_scenario("multi_issue_talks").parameter("weeks")
    assert weeks.whole
    values = grid_values(weeks, 1000, weeks.default)
    assert values == list(range(int(weeks.low), int(weeks.high) + 1))
    assert all(isinstance(v, int) for v in values)
    with pytest.raises(ParameterError, match="whole number"):
        ng.load_scenario("multi_issue_talks", weeks=weeks.default + 0.5)
    drawn = ng.monte_carlo("multi_issue_talks", {"weeks": ("uniform", weeks.low, weeks.high)}, draws=30,
                           progress=False)
    assert all(float(v).is_integer() for v in drawn.table.column("weeks"))
    assert ng.get_scenario("tariff_standoff").parameter("backdown_cost").steps(4) == [0.0, 20.0, 40.0, 60.0]


def test_scenario_files_can_declare_a_count():
    text = EXAMPLE.replace('reason = "what backing down', 'whole = true\nreason = "what backing down')
    assert loads(text).parameter("backdown_cost").whole
    with pytest.raises(ng.errors.NegotiationError, match="whole"):
        loads(text.replace("default = 5", "default = 5.5"))


def test_the_screen_ranks_a_parameter_that_changes_nothing_last():
    text = EXAMPLE.replace("[tree]", '''[[parameters]]
name = "unused"
default = 1
unit = "$B/yr"
low = 0
high = 10
source = "test"
reason = "appears in no payoff"

[[parameters]]
name = "war_cost"
default = 27.5
unit = "$B/yr"
low = 0
high = 60
source = "test"
reason = "what imposing costs the U.S."

[tree]''').replace('payoffs = ["-27.5", "-42.5"]', 'payoffs = ["-war_cost", "-42.5"]')
    scenario = loads(text)
    ranked = widest_parameters(scenario, count=3)
    assert ranked[-1] == "unused"
    assert set(ranked[:2]) == {"backdown_cost", "war_cost"}


def test_the_default_sliders_are_the_widest_two():
    standoff = ng.get_scenario("tariff_standoff")
    widest = widest_parameters(standoff)
    assert list(page_grid(standoff)) == widest
    # the first changes a verdict in words between the ends of its range
    p = standoff.parameter(widest[0])
    low, high = (ng.load_scenario("tariff_standoff", **{p.name: v}).report() for v in (p.low, p.high))
    assert dict(outcome_rows(low)) != dict(outcome_rows(high))


@pytest.mark.parametrize("kwargs, message", [
    ({"vary": ["nope"]}, "no parameter 'nope'"),
    ({"vary": ["backdown_cost"] * 2}, "named twice"),
    ({"vary": ["backdown_cost", "us_supply_elasticity", "face_cost", "demand_value"]}, "1 to 3"),
    ({"vary": ["backdown_cost"], "points": 1}, "from 2 to 201"),
    ({"vary": ["backdown_cost"], "points": 2.5}, "from 2 to 201"),
    ({"vary": ["backdown_cost", "us_supply_elasticity", "face_cost"], "points": 30}, "more than a page holds"),
])
def test_bad_requests_are_refused_before_any_work(kwargs, message):
    with pytest.raises(ParameterError, match=message):
        page_grid(ng.get_scenario("tariff_standoff"), **kwargs)


def test_a_page_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(page_module, "MAX_BYTES", 10_000)
    with pytest.raises(ParameterError, match=r"MB.*fewer points"):
        workshop_page("tariff_standoff", vary=["backdown_cost"], points=5, progress=False)


def test_the_deal_range_is_on_one_axis_for_every_point():
    data = workshop_data("purchase_pledges", vary=["divertible"], points=5, progress=False)
    low, high = data["scales"]["deal"]
    for point in data["points"]:
        deal = point["deal"]
        assert low <= deal["bounds"][0] <= deal["bounds"][1] <= high
        assert data["strings"][deal["text"]] in ("no deal",) or "to" in data["strings"][deal["text"]]


def test_the_command_writes_the_page(tmp_path, capsys):
    path = tmp_path / "standoff.html"
    assert main(["workshop", "tariff_standoff", "-o", str(path), "--vary", "backdown_cost", "--points", "3",
                 "--set", "us_supply_elasticity=2"]) == 0
    assert "written to" in capsys.readouterr().out
    data = _embedded(path.read_text())
    assert [s["name"] for s in data["sliders"]] == ["backdown_cost"]
    assert main(["workshop", "tariff_standoff", "-o", str(tmp_path / "x.txt")]) == 2
    assert "must end in .html" in capsys.readouterr().err
    assert main(["workshop", "tariff_standoff", "-o", str(path), "--vary", "nope"]) == 2
    assert "no parameter 'nope'" in capsys.readouterr().err


def test_the_report_links_each_scenarios_workshop_page(tmp_path):
    path = tmp_path / "report.html"
    assert main(["report", "tariff_standoff", "north_korea", "-o", str(path), "--no-figures", "--workshop"]) == 0
    page = path.read_text()
    for name in ("tariff_standoff", "north_korea"):
        linked = f"report-{name}-workshop.html"
        assert f'<a href="{linked}">' in page
        assert _embedded((tmp_path / linked).read_text())["scenario"]["name"] == name
    plain = tmp_path / "plain.html"
    assert main(["report", "tariff_standoff", "-o", str(plain), "--no-figures"]) == 0
    assert "negotiation workshop tariff_standoff -o tariff_standoff-workshop.html" in plain.read_text()
