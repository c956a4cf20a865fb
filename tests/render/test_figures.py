"""Figures: each renders to PNG, SVG and PDF, and draws what it claims."""

import numpy as np
import pytest

import negotiation as ng
from negotiation import examples
from negotiation.errors import ParameterError, UnsupportedGameError
from negotiation.render import figures
from negotiation.render.marks import chosen_moves, pure_equilibrium_cells
from tests import trees

pytest.importorskip("matplotlib")


def saved(figure, tmp_path, name):
    """Save in all three formats and check each file is what its name says."""
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    for suffix, head in magic.items():
        path = tmp_path / f"{name}.{suffix}"
        figure.savefig(path)
        data = path.read_bytes()
        assert data.startswith(head) and len(data) > 1000
    return figure


def test_heatmap_frames_each_pure_equilibrium(tmp_path):
    game = examples.battle_of_the_sexes()
    figure = saved(figures.payoff_heatmap(game, ng.all_equilibria(game)), tmp_path, "heatmap")
    frames = [p for p in figure.axes[0].patches if p.get_linewidth() > 2]
    assert len(frames) == int(pure_equilibrium_cells(game).sum()) == 2
    assert "2 pure equilibria (framed), 1 mixed" in figure._suptitle.get_text()
    texts = {t.get_text() for t in figure.axes[0].texts}
    assert {"2", "1", "0"} <= texts


def test_heatmap_refuses_three_players():
    game = ng.NormalFormGame.from_arrays(*np.ones((3, 2, 2, 2)))
    with pytest.raises(UnsupportedGameError, match="two players"):
        figures.payoff_heatmap(game)


@pytest.mark.parametrize("build", [trees.entry_deterrence, trees.selten_horse, trees.chance_tree],
                         ids=lambda f: f.__name__)
def test_tree_figure_highlights_the_subgame_perfect_choices(tmp_path, build):
    tree = build()
    figure = saved(figures.tree_figure(tree), tmp_path, build.__name__)
    red = [line for line in figure.axes[0].lines if line.get_color() == figures._CHOSEN]
    assert len(red) == len(chosen_moves(tree)) > 0
    dashed = [line for line in figure.axes[0].lines if line.get_linestyle() == "--"]
    assert len(dashed) == sum(1 for m in tree.infosets().values() if len(m) > 1)


def binary_tree(depth):
    tree = ng.GameTree(("U.S.", "China"))
    leaves = iter(range(2 ** depth))

    def build(node, level):
        if level == depth:
            k = next(leaves)
            tree.add_terminal(node, (k % 7 - 3, 3 - k % 5))
            return
        tree.add_decision(node, level % 2)
        for action in ("Hold", "Escalate"):
            child = f"{node}/{action}" if node else action
            tree.add_move(node, child, action)
            build(child, level + 1)

    build("", 0)
    return tree.check()


@pytest.mark.parametrize("tree", [binary_tree(5), trees.centipede(stages=29)], ids=["binary-63", "centipede-59"])
def test_tree_figure_of_sixty_nodes_keeps_labels_apart(tmp_path, tree):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    assert 55 <= tree.num_nodes <= 65
    figure = saved(figures.tree_figure(tree), tmp_path, "big")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
    overlaps = [(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:] if a.overlaps(b)]
    assert overlaps == []


def test_deal_range_figure_shows_each_side_and_the_overlap(tmp_path):
    zone = ng.deal_range({"U.S.": lambda x: x - 40, "China": lambda x: 200 - x}, {"U.S.": 0, "China": 0},
                         bounds=(0, 300), variable="pledge", unit="$B")
    figure = saved(figures.deal_figure(zone), tmp_path, "zone")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["U.S. accepts", "China accepts", "deal range"]
    overlap = figure.axes[0].patches[-1]
    assert overlap.get_x() == pytest.approx(40, abs=0.5) and overlap.get_width() == pytest.approx(160, abs=1)


def test_bargaining_figure_marks_the_four_solutions(tmp_path):
    problem = ng.BargainingProblem.from_points([(0, 10), (6, 6), (10, 0)], (0, 0), players=("U.S.", "China"))
    figure = saved(figures.deal_figure(problem), tmp_path, "problem")
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert any(text.startswith("Nash (") for text in legend)
    assert any(text.startswith("Kalai–Smorodinsky") for text in legend)
    assert "no deal (disagreement)" in legend


def test_region_map_colours_each_outcome(tmp_path):
    table = ng.sweep(lambda a, b: {"deal": "yes" if a < b else "no"},
                     grid={"a": np.linspace(0, 1, 11), "b": np.linspace(0, 1, 11)}, progress=False)
    figure = saved(figures.region_map(table, "a", "b"), tmp_path, "regions")
    image = figure.axes[0].images[0].get_array()
    assert image.shape == (11, 11)
    # category 1 is "yes" (sorted: no, yes); it holds strictly above the diagonal (rows are b)
    assert all(image[i, j] == (1 if j < i else 0) for i in range(11) for j in range(11))
    with pytest.raises(ParameterError, match="not a swept parameter"):
        figures.region_map(table, "c")


@pytest.mark.parametrize("kind", figures.KINDS)
def test_scenario_figures(tmp_path, kind):
    name = {"matrix": "tariff_standoff", "tree": "north_korea", "deal": "zte_linkage", "regions": "purchase_pledges"}
    figure = figures.scenario_figure(ng.load_scenario(name[kind]), kind, points=6)
    saved(figure, tmp_path, kind)


def test_scenario_without_the_form_says_which_it_has():
    with pytest.raises(ParameterError, match="has no tree figure; it has: deal"):
        figures.scenario_figure(ng.load_scenario("semiconductors"), "tree")
