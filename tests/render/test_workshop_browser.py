"""The workshop page in a real headless Chromium: sliders moved by key presses show what the Python API gives."""

import pytest

import negotiation as ng
from negotiation import _format
from negotiation.render.marks import chosen_moves, equilibrium_path
from negotiation.render.outcomes import bottom_line, outcome, outcome_rows
from negotiation.render.workshop import workshop_data, workshop_page

VARY = ["backdown_cost", "china_supply_elasticity"]


@pytest.fixture(scope="module")
def standoff(tmp_path_factory):
    path = tmp_path_factory.mktemp("workshop") / "standoff.html"
    path.write_text(workshop_page("tariff_standoff", vary=VARY, points=7, progress=False), encoding="utf-8")
    return path


def _move(browser, slider: int, steps_from_start: int):
    """Press Home, then the right arrow: the way a facilitator moves a slider from the keyboard."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    element = browser.find_element(By.ID, f"s-{slider}")
    element.send_keys(Keys.HOME)
    for _ in range(steps_from_start):
        element.send_keys(Keys.ARROW_RIGHT)
    return element


def _shown(browser) -> dict:
    from selenium.webdriver.common.by import By

    rows = browser.find_elements(By.CSS_SELECTOR, "#verdicts tr")
    return {
        "outputs": [o.text for o in browser.find_elements(By.CSS_SELECTOR, ".slider output")],
        "bottom": browser.find_element(By.ID, "bottom-line").text,
        "verdicts": [(r.find_element(By.TAG_NAME, "th").text, r.find_element(By.TAG_NAME, "td").text) for r in rows],
        "cells": [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#matrix td")],
        "shaded": [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#matrix td[style]")],
        "leaves": browser.execute_script(  # one line per side in each leaf: join them
            "return Array.from(document.querySelectorAll('#tree text.payoff'))"
            ".map(t => Array.from(t.children).map(line => line.textContent).join(' '))"),
        "path": [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#tree .edge.path text")],
        "plan": [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#tree .edge.plan text")],
        "note": browser.find_element(By.ID, "grid-note").text,
    }


def _expected(values: dict) -> dict:
    """The same views, from the Python API directly."""
    report = ng.load_scenario("tariff_standoff", **values).report()
    game = report.sections["matrix game"]
    tree = report.sections["sequential moves"].tree
    chosen = chosen_moves(tree, report.sections["sequential moves"])
    path = equilibrium_path(tree, chosen)
    rows, columns = game.payoffs[0].shape
    cells = [", ".join(_format.number(a[r, c]) for a in game.payoffs) for r in range(rows) for c in range(columns)]
    leaves = [n for n in tree.nodes() if tree.kind(n) == "terminal"]
    return {
        "bottom": bottom_line(report),
        "verdicts": [tuple(row) for row in outcome_rows(report)],
        "cells": cells,
        "path": sorted(action for _, action in path),
        "plan": sorted(action for _, action in chosen - path),
        "leaves": sorted(" ".join(f"{p} {_format.number(v, 4)}" for p, v in zip(tree.players, tree.payoffs_of(n)))
                         for n in leaves),
    }


@pytest.mark.browser
def test_moving_each_slider_shows_what_the_api_gives(browser, standoff):
    data = workshop_data("tariff_standoff", vary=VARY, points=7, progress=False)
    sliders = data["sliders"]
    browser.get(standoff.as_uri())
    checked = 0
    for k, slider in enumerate(sliders):
        for position in (0, 2, slider["start"], len(slider["values"]) - 1):
            _move(browser, k, position)
            at = [int(browser.execute_script(f"return document.getElementById('s-{j}').value"))
                  for j in range(len(sliders))]
            assert at[k] == position
            values = {s["name"]: s["values"][i] for s, i in zip(sliders, at)}
            shown, expected = _shown(browser), _expected(values)
            assert shown["outputs"][k].startswith(f"{_format.number(slider['values'][position])} {slider['unit']}".strip())
            assert all(f"{name} = {_format.number(v)}" in shown["note"] for name, v in values.items())
            assert shown["bottom"] == expected["bottom"]
            assert shown["verdicts"] == expected["verdicts"]
            assert shown["cells"] == expected["cells"]
            assert sorted(shown["path"]) == expected["path"] and sorted(shown["plan"]) == expected["plan"]
            assert sorted(shown["leaves"]) == expected["leaves"]
            checked += 1
    assert checked == 8
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []


@pytest.mark.browser
def test_moving_a_slider_changes_the_verdict_where_the_api_says(browser, standoff):
    """With China's exporters able to sell elsewhere (the second slider at its top), backdown_cost decides
    whether the threat is credible: the page must show both answers, each where the API gives it."""
    browser.get(standoff.as_uri())
    data = workshop_data("tariff_standoff", vary=VARY, points=7, progress=False)
    top = len(data["sliders"][1]["labels"]) - 1
    _move(browser, 1, top)
    seen = set()
    for position in range(len(data["sliders"][0]["labels"])):
        _move(browser, 0, position)
        shown = dict(_shown(browser)["verdicts"])["threats"]
        values = {VARY[0]: float(data["sliders"][0]["labels"][position]),
                  VARY[1]: float(data["sliders"][1]["labels"][top])}
        assert shown == dict(_expected(values)["verdicts"])["threats"]
        seen.add(shown)
    assert seen == {"U.S.: Impose tariffs credible; China: Retaliate credible",
                    "U.S.: Impose tariffs NOT credible; China: Retaliate credible"}


@pytest.mark.browser
def test_reset_returns_to_the_scenarios_values(browser, standoff):
    from selenium.webdriver.common.by import By

    browser.get(standoff.as_uri())
    _move(browser, 0, 0)
    _move(browser, 1, 6)
    browser.find_element(By.ID, "reset").click()
    assert all(text.endswith("★") for text in _shown(browser)["outputs"])
    assert _shown(browser)["bottom"] == bottom_line(ng.load_scenario("tariff_standoff").report())


@pytest.mark.browser
def test_the_deal_range_follows_the_slider(browser, tmp_path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "pledges.html"
    path.write_text(workshop_page("purchase_pledges", vary=["divertible"], points=5, progress=False))
    data = workshop_data("purchase_pledges", vary=["divertible"], points=5, progress=False)
    browser.get(path.as_uri())
    for position, cap in enumerate(data["sliders"][0]["values"]):
        _move(browser, 0, position)
        zone = ng.load_scenario("purchase_pledges", divertible=cap).build("deal")
        assert browser.find_element(By.ID, "deal-text").text == f"Deal range: {outcome(zone)}"
        bars = browser.find_elements(By.CSS_SELECTOR, "#deal rect.deal")
        assert len(bars) == len(zone.intervals)
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


@pytest.mark.browser
def test_every_move_was_timed_and_a_screenshot_taken(browser, standoff, tmp_path):
    browser.get(standoff.as_uri())
    for position in range(7):
        _move(browser, 1, position)
    timings = browser.execute_script("return window.workshop.timings")
    assert len(timings) >= 8 and all(t >= 0 for t in timings)  # the benchmark reports the figures
    shot = tmp_path / "workshop.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000


@pytest.mark.browser
def test_every_scenarios_page_opens_without_errors(browser, tmp_path):
    """Each catalogue scenario, one slider of three points: its panels show and the console stays clean."""
    from selenium.webdriver.common.by import By

    for name in ng.list_scenarios():
        scenario = ng.get_scenario(name)
        first = next(p.name for p in scenario.parameters if p.low < p.high)
        path = tmp_path / f"{name}.html"
        path.write_text(workshop_page(name, vary=[first], points=2, progress=False), encoding="utf-8")
        browser.get(path.as_uri())
        _move(browser, 0, 1)
        shown = {p.get_attribute("id") for p in browser.find_elements(By.CSS_SELECTOR, "section.panel")
                 if p.is_displayed()}
        assert "verdicts-panel" in shown
        assert ("matrix-panel" in shown) == bool(scenario.matrix or scenario.bayesian), name
        assert ("tree-panel" in shown) == bool(scenario.tree), name
        assert browser.find_element(By.ID, "bottom-line").text, name
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == [], name
