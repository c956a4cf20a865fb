"""Beamer slides compile with a real pdflatex, and what they show stays on the slide."""

import subprocess

import numpy as np
import pytest

import negotiation as ng
from negotiation.render import beamer, render
from tests import trees
from tests.render.test_text_formats import _compile
from tests.tools import require_tool


def test_frames_are_fragile_and_scaled():
    frame = render(ng.examples.battle_of_the_sexes(), "latex", beamer=True)
    assert frame.startswith(r"\begin{frame}[fragile]")  # sgame's & needs it
    assert r"\begin{adjustbox}{" in frame and r"max width=\textwidth" in frame
    assert r"\begin{game}" in frame


def test_beamer_needs_latex():
    with pytest.raises(ng.errors.ParameterError, match="beamer slides are LaTeX"):
        render(ng.examples.battle_of_the_sexes(), "html", beamer=True)


def _pages(pdf, tmp_path):
    (pdftoppm,) = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-r", "30", "-gray", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    return sorted(tmp_path.glob("page-*.pgm"))


def _pixels(path):
    """A binary PGM (P5) as an array: pdftoppm's grey output, read without extra libraries."""
    data = path.read_bytes()
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    width, height = int(fields[1]), int(fields[2])
    return np.frombuffer(data[position + 1:position + 1 + width * height], dtype=np.uint8).reshape(height, width)


def _assert_inside_the_slide(pdf, tmp_path):
    """Nothing is drawn in the slide's bottom 4% or right 2%: content that ran off would be there."""
    pages = _pages(pdf, tmp_path)
    assert pages
    for page in pages:
        pixels = _pixels(page)
        height, width = pixels.shape
        assert pixels[int(0.96 * height):].min() > 200, f"{page.name}: something runs off the bottom"
        assert pixels[:, int(0.98 * width):].min() > 200, f"{page.name}: something runs off the right"


@pytest.mark.latex
def test_every_scenario_compiles_as_slides_that_fit(tmp_path):
    frames = []
    for name in ng.list_scenarios():
        frames += beamer.scenario_slides(ng.load_scenario(name).report())
    pdf = _compile(tmp_path, beamer.slides(*frames, title="Every scenario"), "slides")
    assert len(_pages(pdf, tmp_path)) == len(frames) + 1
    _assert_inside_the_slide(pdf, tmp_path)


@pytest.mark.latex
def test_a_wide_game_and_a_big_tree_are_scaled_onto_the_slide(tmp_path):
    rng = np.random.default_rng(3)
    wide = ng.NormalFormGame.from_arrays(rng.integers(-99, 99, (6, 12)), rng.integers(-99, 99, (6, 12)),
                                         strategies=([f"Tariff rung {k}" for k in range(6)],
                                                     [f"Retaliation list {k}" for k in range(12)]))
    frames = [beamer.frame(wide, "A wide game"), beamer.frame(trees.centipede(stages=12), "A deep tree")]
    pdf = _compile(tmp_path, beamer.slides(*frames), "wide")
    _assert_inside_the_slide(pdf, tmp_path)


@pytest.mark.latex
def test_show_beamer_from_the_terminal(tmp_path, capsys):
    from negotiation.cli import main

    assert main(["show", "tariff_standoff", "--format", "latex", "--beamer"]) == 0
    source = capsys.readouterr().out
    assert source.startswith(r"\documentclass[aspectratio=169]{beamer}")
    _compile(tmp_path, source, "standoff")
    assert main(["show", "tariff_standoff", "--beamer"]) == 2
    assert "--beamer needs --format latex" in capsys.readouterr().err
