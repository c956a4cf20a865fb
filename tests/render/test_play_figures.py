"""Figures of tournaments, evolution, payoff sets and offers: drawn, legible, and saying what they show."""

import numpy as np
import pytest

import negotiation as ng

pytest.importorskip("matplotlib")

from negotiation.render import play_figures  # noqa: E402

PD = ng.examples.prisoners_dilemma()
SPLIT = ng.offer_space({f"U.S. gets {k}": (k, 10 - k) for k in range(11)}, reservation=(0, 0),
                       sides=("U.S.", "China"), unit="$B/yr")


@pytest.fixture(scope="module")
def repeated():
    return ng.tournament(PD, ["cooperator", "defector", "tit_for_tat", "grudger", "generous_tit_for_tat",
                              "win_stay_lose_shift", "alternator", "random"], turns=50, repetitions=6, noise=0.05,
                         seed=2)


@pytest.fixture(scope="module")
def agents():
    return ng.agent_tournament(SPLIT, ["boulware", "conceder", "tit_for_tat", "hard_liner", "nash"],
                               deadline=20, repetitions=2, seed=1)


def text_inside_figure(figure):
    """Every title, label, annotation and legend entry lies within the canvas: nothing is cut off."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas_agg = FigureCanvasAgg(figure)
    canvas_agg.draw()
    renderer = canvas_agg.get_renderer()
    canvas = figure.bbox
    texts = [figure._suptitle] if figure._suptitle else []
    for axes in figure.axes:
        texts += [axes.title, axes.xaxis.label, axes.yaxis.label, *axes.texts]
        texts += [t for t in axes.get_xticklabels() if _in_view(t.get_position()[0], axes.get_xlim())]
        texts += [t for t in axes.get_yticklabels() if _in_view(t.get_position()[1], axes.get_ylim())]
        if axes.get_legend():
            texts += axes.get_legend().get_texts()
    for text in texts:
        if not text.get_text() or not text.get_visible():
            continue
        box = text.get_window_extent(renderer)
        assert box.x0 >= canvas.x0 - 1 and box.x1 <= canvas.x1 + 1, text.get_text()
        assert box.y0 >= canvas.y0 - 1 and box.y1 <= canvas.y1 + 1, text.get_text()


def _in_view(value, limits):
    low, high = sorted(limits)
    return low - 1e-9 <= value <= high + 1e-9


def test_ranking_boxplot_puts_the_winner_on_top(repeated, tmp_path):
    figure = play_figures.ranking_boxplot(repeated)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    ticks = figure.axes[0].get_yticks()
    assert labels[int(np.argmax(ticks))] == repeated.ranking[0]
    text_inside_figure(figure)
    figure.savefig(tmp_path / "ranking.png")


def test_pairwise_heatmap_prints_each_mean(repeated, agents):
    figure = play_figures.pairwise_heatmap(repeated)
    cells = [t.get_text() for t in figure.axes[0].texts]
    assert len(cells) == 64 and f"{repeated.mean_payoffs[2, 1]:.2f}" in cells
    text_inside_figure(figure)
    assert "gain share" in play_figures.pairwise_heatmap(agents).axes[0].get_title()


def test_shares_over_generations_end_where_the_dynamics_end(repeated):
    evolution = ng.replicator_dynamics(repeated, generations=300)
    figure = play_figures.shares_figure(evolution)
    stacks = figure.axes[0].collections
    assert len(stacks) == len(repeated.strategies)
    text_inside_figure(figure)


def test_outcomes_are_drawn_inside_the_payoff_set(repeated):
    payoff_set = ng.equilibrium_payoff_set(PD, 0.75)
    figure = play_figures.payoff_set_figure(payoff_set, repeated)
    labels = [h.get_label() for h in figure.axes[0].collections]
    assert "cooperator" in labels and "stage-game outcomes" in labels
    # mutual tit-for-tat with little noise stays near (3, 3), inside the set
    assert payoff_set.contains(repeated.outcomes[2, 2], tol=0.5)
    text_inside_figure(figure)


def test_offer_traces_show_both_sides_and_the_deal(agents):
    negotiation = agents.negotiation("boulware", "conceder")
    assert negotiation.agreement_label == agents.pairings[1]["agreement"]
    figure = play_figures.offer_trace_figure(negotiation)
    labels = [line.get_label() for line in figure.axes[0].get_lines()]
    assert "offers by U.S. (boulware)" in labels and "offers by China (conceder)" in labels
    assert "B/yr)" in figure.axes[0].get_xlabel()  # the dollar is escaped so it prints literally
    text_inside_figure(figure)


def test_every_tournament_figure_at_once(repeated, agents):
    assert set(play_figures.tournament_figures(repeated)) == {"ranking", "pairwise", "evolution", "payoff-set"}
    assert set(play_figures.tournament_figures(agents)) == {"ranking", "pairwise", "evolution", "offers"}


def test_too_many_entries_are_refused_with_the_reason():
    names = [f"always:action={k % 2}" for k in range(2)] + [f"generous_tit_for_tat:forgive={k / 100}"
                                                              for k in range(1, 41)]
    result = ng.tournament(PD, names, turns=5, repetitions=1)
    with pytest.raises(ng.errors.ParameterError, match="too many to draw"):
        play_figures.ranking_boxplot(result)
