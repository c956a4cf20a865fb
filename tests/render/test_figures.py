"""Figures: each renders to PNG, SVG and PDF, and draws what it claims."""

from fractions import Fraction as F

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
def test_tree_figure_tells_the_path_from_the_plan_off_it(tmp_path, build):
    tree = build()
    figure = saved(figures.tree_figure(tree), tmp_path, build.__name__)
    chosen = chosen_moves(tree)
    path = figures.equilibrium_path(tree, chosen)
    lines = figure.axes[0].lines
    red = [line for line in lines if line.get_color() == figures.CHOSEN]
    dotted = [line for line in lines if line.get_color() == figures.PLANNED]
    assert len(red) == len(path) > 0
    assert len(dotted) == len(chosen - path)
    assert all(line.get_linestyle() == ":" for line in dotted)
    dashed = [line for line in lines if line.get_linestyle() == "--"]
    assert len(dashed) == sum(1 for m in tree.infosets().values() if len(m) > 1)
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "equilibrium path" in legend
    assert ("planned off the path" in legend) == bool(chosen - path)


def test_equilibrium_path_follows_the_choices_from_the_root():
    tree = trees.entry_deterrence()
    chosen = chosen_moves(tree)
    # SPE: Enter, Accommodate; both are on the path, nothing is planned off it
    assert figures.equilibrium_path(tree, chosen) == chosen
    centipede = trees.centipede(stages=4)
    path = figures.equilibrium_path(centipede, chosen_moves(centipede))
    assert len(path) == 1 and next(iter(path))[1] == "Take"


def test_leaves_say_whose_payoff_is_whose():
    figure = figures.tree_figure(trees.entry_deterrence())
    leaves = [t.get_text() for t in figure.axes[0].texts if "\n" in t.get_text()]
    assert "Entrant -1\nIncumbent -1" in leaves
    big = binary_tree(5)  # 32 leaves: payoff pairs with a key in the legend instead
    assert figures.tree_figure(big).legends[0].get_title().get_text() == "leaves: (U.S., China)"


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


def legible(figure):
    assert figures.overlapping_texts(figure) == []
    assert figures.texts_outside(figure) == []
    return figure


def test_the_overlap_check_can_fail():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 2))
    axes = figure.subplots()
    axes.text(0.5, 0.5, "Impose tariffs")
    axes.text(0.52, 0.5, "Back down")
    axes.axis("off")
    axes.text(0.98, 0.1, "runs off the edge of the canvas")
    assert figures.overlapping_texts(figure) == [("Impose tariffs", "Back down")]
    assert figures.texts_outside(figure) == ["runs off the edge of the canvas"]


@pytest.mark.parametrize("tree", [binary_tree(5), trees.centipede(stages=29)], ids=["binary-63", "centipede-59"])
def test_tree_figure_of_sixty_nodes_keeps_labels_apart(tmp_path, tree):
    assert 55 <= tree.num_nodes <= 65
    legible(saved(figures.tree_figure(tree), tmp_path, "big"))


def random_tree(seed, max_nodes=60):
    """Up to ``max_nodes`` nodes, two or three players, long and short action names, chance moves."""
    rng = np.random.default_rng(seed)
    names = ("U.S.", "China", "Rest of the world")[: int(rng.integers(2, 4))]
    words = ["Hold", "Escalate tariffs", "Concede", "Back down", "Retaliate on soybeans", "Wait", "Offer $50B"]
    tree = ng.GameTree(names)
    count = [1]

    def build(node, depth):
        width = int(rng.integers(2, 4))
        if depth >= 5 or count[0] + width > max_nodes or rng.random() < 0.25 * depth:
            tree.add_terminal(node, [int(v) for v in rng.integers(-150, 150, len(names))])
            return
        count[0] += width
        actions = list(rng.choice(words, size=width, replace=False))
        if rng.random() < 0.15:
            tree.add_chance(node)
            for k, action in enumerate(actions):
                tree.add_move(node, f"{node}/{k}", action, probability=F(1, width))
        else:
            tree.add_decision(node, int(rng.integers(0, len(names))))
            for k, action in enumerate(actions):
                tree.add_move(node, f"{node}/{k}", action)
        for k in range(width):
            build(f"{node}/{k}", depth + 1)

    build("root", 0)
    return tree.check()


@pytest.mark.parametrize("seed", range(8))
def test_random_trees_up_to_sixty_nodes_have_no_overlapping_text(seed):
    tree = random_tree(seed)
    assert tree.num_nodes <= 60
    legible(figures.tree_figure(tree))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(8, 40))
def test_more_random_trees_have_no_overlapping_text(seed):
    legible(figures.tree_figure(random_tree(seed)))


@pytest.mark.parametrize("name", [n for n in ng.list_scenarios() if "tree" in ng.get_scenario(n).forms])
def test_catalogue_trees_are_legible(name):
    legible(figures.scenario_figure(ng.load_scenario(name), "tree"))


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


@pytest.mark.parametrize("name,kind", [(n, k) for n in ng.list_scenarios()
                                       for k in figures.figure_kinds(ng.get_scenario(n))])
def test_every_advertised_kind_draws_legibly(tmp_path, name, kind):
    figure = figures.scenario_figure(ng.load_scenario(name), kind, points=6)
    assert figures.texts_outside(figure) == []
    saved(figure, tmp_path, kind)


def test_kinds_that_cannot_be_drawn_are_not_advertised():
    assert figures.figure_kinds(ng.get_scenario("leader_type")) == ("tree", "regions")
    # three players: no heatmap (rows and columns only), the region map instead
    assert figures.figure_kinds(ng.get_scenario("three_countries")) == ("regions",)
    assert figures.figure_kinds(ng.get_scenario("march_deadline")) == ("tree", "regions")
    assert "regions" not in figures.figure_kinds(ng.get_scenario("multi_issue_talks"))  # no metrics


def test_alternating_offers_draw_as_shares():
    result = ng.rubinstein(0.9, 0.95, players=("U.S.", "China"))
    figure = figures.deal_figure(result)
    bars = figure.axes[0].patches
    assert bars[0].get_width() == pytest.approx(float(result.shares[0]), abs=1e-9)
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()][0] == "Rubinstein (1982)"


def test_region_map_default_axes_are_where_the_verdict_changes():
    instance = ng.load_scenario("tariff_standoff")
    axes = figures.region_axes(instance)
    # the first yes/no metric that changes is the commitment problem: the U.S. would re-impose after a deal
    # only while China's exporters bear much of the tariff (a low supply elasticity)
    assert axes[0] == "china_supply_elasticity"
    figure = figures.scenario_figure(instance, "regions", points=7)
    assert figure.axes[0].get_xlabel() == "china_supply_elasticity"  # a pure number: no unit
    image = figure.axes[0].images[0].get_array()
    assert len(np.unique(image.compressed())) == 2
    star = [line for line in figure.axes[0].lines if line.get_marker() == "*"]
    assert star and star[0].get_xdata()[0] == pytest.approx(float(instance.values["china_supply_elasticity"]))


def test_region_map_of_a_numeric_metric_uses_a_colour_scale():
    figure = figures.scenario_figure(ng.load_scenario("march_deadline"), "regions", points=5, by="us_share")
    assert len(figure.axes) == 2 and figure.axes[1].get_ylabel() == "us_share"  # a colour bar, not a legend
    assert figure.axes[0].get_legend() is None


def test_a_constant_map_says_so():
    table = ng.sweep(lambda a, b: {"deal": "no"}, grid={"a": [0, 1, 2], "b": [0, 1]}, progress=False)
    assert figures.region_map(table, "a", "b").axes[0].get_title().endswith("no everywhere on this map")


def test_region_map_names_unknown_metrics():
    with pytest.raises(ParameterError, match="no metric 'nope'"):
        figures.scenario_figure(ng.load_scenario("tariff_standoff"), "regions", points=3, by="nope")


@pytest.mark.parametrize("shape,label", [((4, 2), "Escalate if dealmaker; Agree if hardliner"), ((2, 12), "S"),
                                         ((14, 14), "Tariff rung"), ((30, 30), "x")])
def test_heatmaps_stay_readable_for_tall_wide_and_long_labelled_games(shape, label):
    rng = np.random.default_rng(1)
    a, b = (rng.integers(-50, 50, shape) / 7 for _ in range(2))
    game = ng.NormalFormGame.from_arrays(a, b, strategies=([f"{label} {k}" for k in range(shape[0])],
                                                           [f"{label} {k}" for k in range(shape[1])]))
    figure = figures.payoff_heatmap(game)
    assert figures.overlapping_texts(figure) == []
    assert figures.texts_outside(figure) == []
    # each cell is at least as wide as its printed payoff
    renderer = figure.canvas.get_renderer()
    cell = figure.axes[0].get_window_extent(renderer).width / shape[1]
    widest = max(t.get_window_extent(renderer).width for t in figure.axes[0].texts)
    assert widest < cell


def test_scenario_without_the_form_says_which_it_has():
    with pytest.raises(ParameterError, match="has no tree figure; it has: deal"):
        figures.scenario_figure(ng.load_scenario("semiconductors"), "tree")
