"""Figures of strategies played (the ``plot`` extra): tournaments, evolution, payoff sets and offer traces.

* :func:`ranking_boxplot`: each strategy's or agent's scores over the
  repetitions, best first, with the median's 95% interval;
* :func:`pairwise_heatmap`: the mean payoff (or gain share) of each row
  against each column;
* :func:`shares_figure`: strategy shares over generations (replicator or Moran);
* :func:`payoff_set_figure`: the subgame-perfect payoff set of the repeated
  game, with a tournament's average outcomes drawn inside it;
* :func:`offer_trace_figure`: a negotiation's offers in the utility plane,
  with the packages, the Pareto frontier and the Nash and Kalai–Smorodinsky
  packages;
* :func:`tournament_figures`: all of a tournament's figures at once.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import play_figures
>>> result = ng.tournament(ng.examples.prisoners_dilemma(), ["tit_for_tat", "defector", "cooperator"],
...                        turns=20, repetitions=3, seed=1)
>>> play_figures.ranking_boxplot(result).axes[0].get_xlabel()
'score (mean payoff per turn against the others)'
"""

from __future__ import annotations

import numpy as np

from ..errors import ParameterError
from .figures.base import PALETTE as _PALETTE, literal_dollars as _literal_dollars, new_figure as _figure

__all__ = ["ranking_boxplot", "pairwise_heatmap", "shares_figure", "payoff_set_figure", "offer_trace_figure",
           "tournament_figures", "MAX_ENTRIES"]

MAX_ENTRIES = 40  # strategies or agents in one figure; beyond this the labels cannot be read


def _entries(result) -> tuple:
    names = result.strategies
    if len(names) > MAX_ENTRIES:
        raise ParameterError(f"{len(names)} entries are too many to draw legibly (at most {MAX_ENTRIES}); "
                             "the tables (to_csv, --json) hold them all")
    return names


def _is_agents(result) -> bool:
    return hasattr(result, "agreement_rate")


def _score_label(result) -> str:
    return ("score (mean gain share against the others)" if _is_agents(result)
            else "score (mean payoff per turn against the others)")


def ranking_boxplot(result):
    """Scores over the repetitions, one box per strategy, best at the top; the bar is the median's 95% interval."""
    names = _entries(result)
    order = [names.index(n) for n in result.ranking]
    figure = _figure(8, min(1.6 + 0.42 * len(names), 16))
    axes = figure.subplots()
    positions = np.arange(len(order))[::-1]
    axes.boxplot([result.scores[:, i] for i in order], positions=positions, widths=0.55, **_horizontal(axes),
                 patch_artist=True, boxprops={"facecolor": "#dbe4f0", "edgecolor": "#4c72b0"},
                 medianprops={"color": "#1f3b6f", "linewidth": 2}, flierprops={"markersize": 3})
    for y, i in zip(positions, order):
        low, high = result.interval[i]
        axes.plot([low, high], [y + 0.36, y + 0.36], color="#b22222", linewidth=2, solid_capstyle="butt")
    axes.set_yticks(positions, [names[i] for i in order])
    axes.set_xlabel(_score_label(result))
    axes.grid(axis="x", color="#e5e5e5")
    axes.set_axisbelow(True)
    repetitions = result.settings["repetitions_done"]
    axes.set_title(f"Ranking over {repetitions} repetitions (red: 95% interval of the median)", fontsize=11)
    return _literal_dollars(figure)


def _horizontal(axes) -> dict:
    """Horizontal boxes: ``orientation`` since matplotlib 3.10, ``vert`` before."""
    import inspect

    return ({"orientation": "horizontal"} if "orientation" in inspect.signature(axes.boxplot).parameters
            else {"vert": False})


def pairwise_heatmap(result):
    """Mean payoff (or gain share) of the row strategy against the column strategy."""
    names = _entries(result)
    values = np.asarray(result.mean_payoffs, float)
    count = len(names)
    side = min(3 + 0.55 * count, 18)
    figure = _figure(side + 1.5, side)
    axes = figure.subplots()
    image = axes.imshow(np.ma.masked_invalid(values), cmap="RdYlGn", aspect="equal")
    label = "mean gain share" if _is_agents(result) else "mean payoff per turn"
    figure.colorbar(image, ax=axes, shrink=0.8, label=f"row's {label}")
    if count <= 15:
        finite = values[np.isfinite(values)]
        middle = (finite.min() + finite.max()) / 2 if len(finite) else 0
        for r in range(count):
            for c in range(count):
                if np.isfinite(values[r, c]):
                    axes.text(c, r, f"{values[r, c]:.2f}", ha="center", va="center", fontsize=8,
                              color="black" if abs(values[r, c] - middle) < 0.35 * np.ptp(finite) + 1e-12
                              else "white")
    axes.set_xticks(range(count), names, rotation=40, ha="right")
    axes.set_yticks(range(count), names)
    axes.set_xlabel("against (column)")
    axes.set_ylabel("row")
    axes.set_title(f"Row's {label} against each column", fontsize=11)
    return _literal_dollars(figure)


def shares_figure(evolution):
    """Each strategy's share of the population over generations."""
    if len(evolution.strategies) > MAX_ENTRIES:
        raise ParameterError(f"{len(evolution.strategies)} strategies are too many to draw (at most {MAX_ENTRIES})")
    shares = np.asarray(evolution.shares, float)
    figure = _figure(8.5, 4.6)
    axes = figure.subplots()
    generations = np.arange(len(shares))
    colours = [_PALETTE[i % len(_PALETTE)] for i in range(shares.shape[1])]
    axes.stackplot(generations, shares.T, labels=evolution.strategies, colors=colours, alpha=0.9)
    axes.set_xlim(0, max(len(shares) - 1, 1))
    axes.set_ylim(0, 1)
    axes.set_xlabel("generation")
    axes.set_ylabel("share of the population" + (" (mean over runs)" if evolution.method != "replicator" else ""))
    what = "Replicator dynamics" if evolution.method == "replicator" else "Moran process"
    title = f"{what}: shares over {len(shares) - 1} generations"
    if evolution.survivors and len(evolution.survivors) < len(evolution.strategies):
        left = ", ".join(evolution.survivors)
        title += "\nsurvivors: " + (left if len(left) <= 70 else f"{len(evolution.survivors)} strategies")
    axes.set_title(title, fontsize=11)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return _literal_dollars(figure)


def payoff_set_figure(payoff_set, result=None):
    """The subgame-perfect payoff set of the repeated game; ``result`` adds each pairing's average outcome."""
    figure = _figure(7.2, 6)
    from matplotlib.patches import Polygon

    axes = figure.subplots()
    vertices = np.asarray(payoff_set.vertices, float)
    if len(vertices) >= 3:
        axes.add_patch(Polygon(vertices, closed=True, facecolor="#dbe4f0", edgecolor="#4c72b0", linewidth=1.5,
                               label=f"subgame-perfect payoffs, δ = {payoff_set.delta:g}"))
    elif len(vertices):
        axes.plot(vertices[:, 0], vertices[:, 1], "o-", color="#4c72b0",
                  label=f"subgame-perfect payoffs, δ = {payoff_set.delta:g}")
    game = payoff_set.game
    if game is not None:
        A, B = (np.asarray(p, float) for p in game.as_float().payoffs)
        axes.scatter(A.ravel(), B.ravel(), s=40, marker="+", color="black", linewidth=1, zorder=3,
                     label="stage-game outcomes")
    axes.scatter([payoff_set.punishment[0]], [payoff_set.punishment[1]], marker="x", s=60, color="black",
                 zorder=4, label="worst equilibrium payoffs")
    if result is not None:
        _draw_outcomes(axes, result, payoff_set)
    axes.set_xlabel(f"payoff per period to {payoff_set.players[0]}")
    axes.set_ylabel(f"payoff per period to {payoff_set.players[1]}")
    axes.set_title("Which strategies reach what theory allows", fontsize=11)
    axes.autoscale_view()
    axes.margins(0.08)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    figure.set_size_inches(9.5, 6)
    return _literal_dollars(figure)


def _draw_outcomes(axes, result, payoff_set):
    """One dot per pairing at (this strategy's payoff, its opponent's); hollow where it falls outside the set."""
    names = _entries(result)
    outcomes, played = _pair_outcomes(result)
    outside_shown = False
    for i, name in enumerate(names):
        points = outcomes[i][played[i]]
        if not len(points):
            continue
        inside = np.array([payoff_set.contains(p, tol=1e-6) for p in points])
        colour = _PALETTE[i % len(_PALETTE)]
        label = name if result.symmetric else f"{name} as {payoff_set.players[0]}"
        axes.scatter(points[inside, 0], points[inside, 1], s=34, color=colour, zorder=5, label=label)
        axes.scatter(points[~inside, 0], points[~inside, 1], s=34, facecolors="none", edgecolors=colour, zorder=5,
                     label=None if inside.any() else label)
        outside_shown |= bool((~inside).any())
    if outside_shown:
        axes.scatter([], [], s=34, facecolors="none", edgecolors="black", label="hollow: outside the set")


def _pair_outcomes(result):
    """Mean outcomes per ordered pairing and which were played; symmetric games are mirrored to both orders."""
    outcomes = np.array(result.outcomes, float)
    count = len(result.strategies)
    if result.symmetric:
        upper = np.triu(np.ones((count, count), bool), k=0 if result.self_play else 1)
        lower = upper.T & ~np.eye(count, dtype=bool)
        outcomes[lower] = outcomes.transpose(1, 0, 2)[lower][:, ::-1]
        played = upper | lower
    else:
        played = np.ones((count, count), bool)
        if not result.self_play:
            np.fill_diagonal(played, False)
    return outcomes, played


def offer_trace_figure(negotiation):
    """The offers each side made, as paths in the utility plane, over the packages and the frontier."""
    space = negotiation.space
    u = space.utilities
    figure = _figure(9.5, 6)
    axes = figure.subplots()
    axes.scatter(u[:, 0], u[:, 1], s=16, color="#c8c8c8", zorder=2, label="packages")
    if len(space.frontier):
        front = u[space.frontier][np.argsort(u[space.frontier, 0])]
        axes.plot(front[:, 0], front[:, 1], "-", color="#55a868", linewidth=7, alpha=0.35, zorder=1,
                  solid_capstyle="round", label="Pareto frontier of the deal range")
        axes.scatter(*space.nash, marker="D", s=60, color="#8172b3", zorder=6, label="Nash bargaining package")
        axes.scatter(*space.kalai, marker="s", s=150, facecolors="none", edgecolors="#8172b3", zorder=6,
                     label="Kalai–Smorodinsky package")
    axes.axvline(space.reservation[0], color="#999999", linestyle=":", linewidth=1)
    axes.axhline(space.reservation[1], color="#999999", linestyle=":", linewidth=1)
    axes.scatter(*space.reservation, marker="x", s=50, color="black", zorder=6, label="no deal")
    for side in (0, 1):
        made = [k for _, s, k in negotiation.offers if s == side and k is not None]
        if made:
            path = u[made]
            axes.plot(path[:, 0], path[:, 1], "o-", markersize=4, linewidth=1.2, alpha=0.8, zorder=4,
                      color=_PALETTE[side], label=f"offers by {space.sides[side]} ({negotiation.agents[side]})")
    if negotiation.agreement is not None:
        axes.scatter(*negotiation.outcome, marker="*", s=220, color="#b22222", zorder=7,
                     label=f"deal in round {negotiation.round} (after discounting)")
    unit = f" ({space.unit})" if space.unit else ""
    axes.set_xlabel(f"utility to {space.sides[0]}{unit}")
    axes.set_ylabel(f"utility to {space.sides[1]}{unit}")
    verdict = ("no deal" if negotiation.agreement is None else f"deal in round {negotiation.round}")
    axes.set_title(f"Offers over {negotiation.settings['deadline']} rounds: {verdict}", fontsize=11)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return _literal_dollars(figure)


def tournament_figures(result, delta: float | None = None) -> dict:
    """Every figure a tournament has, by file stem: ranking, pairwise, evolution, and the payoff set or offers.

    The payoff set is drawn at ``delta`` (default: the tournament's discount
    factor, else 0.9); the offers are those of the two best-ranked agents.
    """
    from ..errors import NegotiationError

    figures = {"ranking": ranking_boxplot(result), "pairwise": pairwise_heatmap(result)}
    if result.self_play:
        from ..play.evolution import replicator_dynamics

        figures["evolution"] = shares_figure(replicator_dynamics(result, generations=1000))
    if _is_agents(result):
        figures["offers"] = offer_trace_figure(_top_pairing(result))
    else:
        from ..repeated.payoff_set import equilibrium_payoff_set

        delta = delta or result.settings.get("discount") or 0.9
        try:
            figures["payoff-set"] = payoff_set_figure(equilibrium_payoff_set(result.game, delta), result)
        except NegotiationError:
            pass  # no pure-strategy equilibrium payoffs at this δ: nothing to draw
    return figures


def _top_pairing(result):
    """The negotiation between the two best-ranked agents, the best one on the first side."""
    first, second = result.ranking[:2]
    return result.negotiation(first, second)
