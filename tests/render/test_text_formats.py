"""Text, Markdown and LaTeX renderers; LaTeX compiled by a real pdflatex."""

import subprocess

import numpy as np
import pytest
from hypothesis import given, settings

import negotiation as ng
from negotiation import examples
from negotiation.errors import ParameterError
from negotiation.render import latex, markdown, render
from negotiation.render.layout import tree_layout
from negotiation.render.marks import (
    best_response_cells,
    chosen_moves,
    pure_equilibrium_cells,
)
from tests import trees
from tests.strategies import games
from tests.tools import require_tool

TREES = [trees.entry_deterrence, trees.centipede, trees.ultimatum, trees.selten_horse, trees.chance_tree]


@settings(max_examples=80, deadline=None)
@given(games(max_size=5))
def test_marked_cells_are_exactly_the_pure_equilibria(game):
    marked = {tuple(int(k) for k in cell) for cell in zip(*np.nonzero(pure_equilibrium_cells(game)))}
    found = {tuple(int(np.argmax(p)) for p in eq.profile) for eq in ng.pure_equilibria(game)}
    assert marked == found


def test_best_responses_are_underlined_in_sgame():
    game = examples.prisoners_dilemma()
    text = latex.game_latex(game)
    marks = best_response_cells(game)
    assert text.count(r"\underline") == sum(int(m.sum()) for m in marks)
    assert text.startswith(r"\begin{game}{2}{2}[Row][Column]")


def test_mixed_equilibria_are_listed_with_fractions():
    game = examples.battle_of_the_sexes()
    text = latex.game_latex(game, ng.all_equilibria(game, exact=True))
    assert r"Mixed: (Opera $\tfrac{2}{3}$, Football $\tfrac{1}{3}$" in text


@pytest.mark.parametrize("build", TREES, ids=lambda f: f.__name__)
def test_tree_layout_puts_parents_over_their_children(build):
    tree = build()
    positions = tree_layout(tree)
    assert set(positions) == set(tree.nodes())
    leaves = sorted(x for node, (x, _) in positions.items() if tree.kind(node) == "terminal")
    assert leaves == list(range(len(leaves)))
    for node in tree.nodes():
        children = [child for _, child in tree.children(node)] if tree.kind(node) != "terminal" else []
        if children:
            xs = [positions[c][0] for c in children]
            assert min(xs) <= positions[node][0] <= max(xs)
            assert all(positions[c][1] == positions[node][1] + 1 for c in children)


@pytest.mark.parametrize("build", TREES, ids=lambda f: f.__name__)
def test_tikz_draws_every_move_and_the_subgame_perfect_choices(build):
    tree = build()
    text = latex.tree_latex(tree)
    moves = sum(len(tree.children(n)) for n in tree.nodes() if tree.kind(n) != "terminal")
    assert text.count(r"\draw[move]") + text.count(r"\draw[chosen]") == moves
    assert text.count(r"\draw[chosen]") == len(chosen_moves(tree))
    shared = [m for m in tree.infosets().values() if len(m) > 1]
    assert text.count(r"\draw[infoset]") == len(shared)


def test_markdown_table_marks_best_responses():
    text = markdown.game_markdown(examples.prisoners_dilemma())
    assert text.splitlines()[1] == "|---|---|---|"
    assert "pure equilibria: (Defect, Defect)" in text


def test_render_rejects_unknown_formats():
    with pytest.raises(ParameterError, match="unknown format 'pptx'"):
        render(examples.chicken(), "pptx")


@pytest.mark.parametrize("name", ng.list_scenarios())
def test_every_scenario_renders_in_every_format(name):
    report = ng.load_scenario(name).report()
    for fmt in ("text", "markdown", "html"):
        assert ng.get_scenario(name).title in render(report, fmt)
    assert render(report, "latex").rstrip().endswith(r"\end{document}")


def _compile(tmp_path, text, name="doc"):
    source = tmp_path / f"{name}.tex"
    source.write_text(text, encoding="utf-8")
    (pdflatex,) = require_tool("pdflatex")
    run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error", source.name],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:]
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Missing character" not in (tmp_path / f"{name}.log").read_text(errors="replace")
    return pdf


@pytest.mark.latex
def test_pdflatex_compiles_games_and_trees(tmp_path):
    parts = []
    for name, build in sorted(examples.EXAMPLES.items()):
        game = build()
        parts.append(latex.game_latex(game, ng.all_equilibria(game, exact=game.is_exact)))
    parts += [latex.tree_latex(build()) for build in TREES]
    parts.append(latex._profile_table(ng.NormalFormGame.from_arrays(*np.ones((3, 2, 2, 2)))))
    _compile(tmp_path, latex.document(*parts, title="Games & trees: 100% compiled"))


@pytest.mark.latex
@pytest.mark.parametrize("name", ng.list_scenarios())
def test_pdflatex_compiles_every_scenario_report(tmp_path, name):
    _compile(tmp_path, render(ng.load_scenario(name).report(), "latex"), name)


def test_html_tables_mark_best_responses_and_equilibria():
    game = ng.examples.prisoners_dilemma()
    page = game._repr_html_()
    assert '<td style="background:#dff0d8"><strong>1</strong>, <strong>1</strong></td>' in page
    assert "<td>3, 3</td>" in page  # neither a best response nor an equilibrium
    assert "pure equilibria shaded: (Defect, Defect)" in page
    three = ng.NormalFormGame.from_arrays(*(np.zeros((2, 2, 2)) for _ in range(3)))
    assert three._repr_html_().count("background") == 8  # all ties: every cell an equilibrium
