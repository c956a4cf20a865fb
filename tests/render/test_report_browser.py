"""The HTML report, opened in a real headless Chromium (Debian's, installed by .ci/run)."""

import pytest

import negotiation as ng
from negotiation.cli import main
from negotiation.render.report import comparison, html_report


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    code = main(["report", "tariff_standoff", "purchase_pledges", "-o", str(path),
                 "--set", "backdown_cost=5,40"])
    assert code == 0
    return path


@pytest.mark.browser
def test_report_loads_without_console_errors(browser, report_file):
    browser.get(report_file.as_uri())
    assert browser.title == "Negotiation report"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []


@pytest.mark.browser
def test_report_has_the_expected_sections(browser, report_file):
    from selenium.webdriver.common.by import By

    browser.get(report_file.as_uri())
    sections = browser.find_elements(By.CSS_SELECTOR, "section.scenario")
    assert [s.get_attribute("id") for s in sections] == ["tariff_standoff", "purchase_pledges"]
    standoff = sections[0]
    for part in ("div.parameters table", "div.sources li", "div.results table", "div.questions dt"):
        assert standoff.find_elements(By.CSS_SELECTOR, part), part
    kinds = [f.get_attribute("class") for f in standoff.find_elements(By.CSS_SELECTOR, "figure")]
    assert kinds == ["figure-matrix", "figure-tree", "figure-deal", "figure-who-gains"]
    svg = standoff.find_element(By.CSS_SELECTOR, "figure.figure-tree svg")
    assert svg.size["width"] > 200 and svg.size["height"] > 100  # really laid out, not an empty box
    compare = browser.find_element(By.CSS_SELECTOR, "section.comparison")
    header = [th.text for th in compare.find_elements(By.CSS_SELECTOR, "thead th")]
    assert header == ["outcome", "backdown_cost=5", "backdown_cost=40"]
    changed = [td.text for td in compare.find_elements(By.CSS_SELECTOR, "td.changed")]
    assert changed and all(text.startswith(("U.S.:", "Yes")) for text in changed)
    assert compare.find_element(By.CSS_SELECTOR, "td.changed").value_of_css_property("background-color") \
        != compare.find_element(By.CSS_SELECTOR, "td:not(.changed)").value_of_css_property("background-color")
    links = [a.get_attribute("href").split("#")[1] for a in browser.find_elements(By.CSS_SELECTOR, "nav a")]
    assert links == ["tariff_standoff", "purchase_pledges", "compare-tariff_standoff", "glossary"]


@pytest.mark.browser
def test_report_screenshot(browser, report_file, tmp_path):
    browser.get(report_file.as_uri())
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_report_is_self_contained():
    page = html_report([ng.load_scenario("north_korea").report()],
                       comparisons=[comparison("north_korea", {})])
    assert "<svg" in page
    for outside in ("src=\"http", "href=\"http", "<script", "<link"):
        assert outside not in page
