"""The report as a handout: printed by a real headless Chromium to A4 and Letter, no near-empty pages, nothing cut off."""

import re
import subprocess

import pytest

from negotiation.cli import main
from tests.render.test_beamer import _pixels
from tests.tools import require_tool

SCENARIOS = ["tariff_standoff", "purchase_pledges", "north_korea", "tariff_ladder"]
PAPER_POINTS = {"A4": (595, 842), "Letter": (612, 792)}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_tool("chromium")
    folder = tmp_path_factory.mktemp("print")
    pdfs = {}
    for paper in PAPER_POINTS:
        pdfs[paper] = folder / f"report-{paper}.pdf"
        assert main(["report", *SCENARIOS, "-o", str(folder / "report.html"), "--set", "backdown_cost=5,40",
                     "--pdf", str(pdfs[paper]), "--paper", paper]) == 0
    return folder, pdfs


def _pages(pdf, folder):
    (pdftoppm,) = require_tool("pdftoppm")
    stem = folder / pdf.stem
    subprocess.run([pdftoppm, "-r", "20", "-gray", str(pdf), str(stem)], check=True, timeout=120)
    return sorted(folder.glob(f"{pdf.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


@pytest.mark.browser
@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_the_pdf_is_on_the_paper_asked_for(printed, paper):
    folder, pdfs = printed
    data = pdfs[paper].read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = {tuple(round(float(v)) for v in box) for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)}
    assert boxes == {PAPER_POINTS[paper]}


@pytest.mark.browser
@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_no_page_is_nearly_empty(printed, paper):
    folder, pdfs = printed
    pages = _pages(pdfs[paper], folder)
    assert len(pages) >= len(SCENARIOS) + 1  # each scenario and the comparison start a page
    for page in pages[:-1]:
        pixels = _pixels(page)
        inked = [row for row in range(pixels.shape[0]) if pixels[row].min() < 200]
        assert inked and inked[-1] > 0.25 * pixels.shape[0], f"{page.name} is nearly empty"
    first = _pixels(pages[0])
    assert (first[first.shape[0] // 2:] < 200).any()  # page 1 holds more than the title and contents


@pytest.mark.browser
def test_nothing_is_cut_off_in_print_layout(browser, printed):
    folder, _ = printed
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 690, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    try:
        browser.get((folder / "report.html").as_uri())
        clipped = browser.execute_script("""
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('pre, table, figure, svg, p, dl')]
              .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1)
              .map(e => e.tagName + ': ' + e.textContent.slice(0, 60));
        """)
        assert clipped == []
        assert browser.execute_script("return document.querySelectorAll('pre').length") > 0
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_report_has_bottom_lines_who_gains_and_a_glossary(tmp_path):
    path = tmp_path / "r.html"
    assert main(["report", "tariff_standoff", "-o", str(path), "--set", "backdown_cost=5,40"]) == 0
    page = path.read_text(encoding="utf-8")
    assert page.count('class="bottom-line"') == 1
    assert "Played move by move, the game goes: Refuse then Impose tariffs then Retaliate" in page
    assert 'class="figure-who-gains"' in page and 'class="figure-who-gains-compared"' in page
    glossary = page[page.index('id="glossary"'):]
    for term in ("max regret", "subgame-perfect", "credible", "connected component"):
        assert f"<dt>{term}</dt>" in glossary
    assert "<dt>Rubinstein</dt>" not in glossary  # only the terms the page uses


def test_pdf_without_chromium_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    code = main(["report", "tariff_standoff", "--no-figures", "-o", str(tmp_path / "r.html"),
                 "--pdf", str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err
    assert code != 0 and "PDF output needs Chromium" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()  # checked before any work
