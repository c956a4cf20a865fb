"""Deals drawn: a deal range, a bargaining problem, a deal space of packages, or who gets what by when.

* a deal range: what each side accepts, and the overlap;
* a two-player bargaining problem: feasible set, Pareto frontier, disagreement
  point and the Nash, Kalai–Smorodinsky, egalitarian and utilitarian solutions;
* a two-sided deal space: the packages, those both accept, and the frontier;
* alternating offers: each rule's split of the surplus and its round of agreement.
"""

from __future__ import annotations

from typing import Any

import textwrap

import numpy as np

from ..._format import number
from ...errors import UnsupportedGameError
from .base import PALETTE, literal_dollars, new_figure, wrap_title

__all__ = ["deal_figure", "shares_figure"]

_LEGEND_WIDTH = 70  # characters of a solution's package label per legend line
_AXES_WIDTH = 6  # inches of an 8-inch deal-range figure left to the axes, beside the row labels


def deal_figure(deal: Any):
    """A deal range, a two-player bargaining problem, a two-sided deal space or alternating-offers shares, drawn."""
    from ...bargaining.alternating import AlternatingOffersResult
    from ...bargaining.deal_range import DealRange
    from ...bargaining.deal_space import DealSpace
    from ...bargaining.problem import BargainingProblem

    items = getattr(deal, "items", None)
    if isinstance(items, tuple):  # several results shown together
        drawable = [item for item in items if isinstance(item, (DealRange, DealSpace, BargainingProblem))]
        offers = [item for item in items if isinstance(item, AlternatingOffersResult)]
        if drawable:
            return deal_figure(drawable[0])
        if offers:
            return shares_figure(offers)
    if isinstance(deal, AlternatingOffersResult):
        return shares_figure([deal])
    if isinstance(deal, DealRange):
        return _deal_range_figure(deal)
    if isinstance(deal, BargainingProblem):
        return _problem_figure(deal)
    if isinstance(deal, DealSpace):
        return _space_figure(deal)
    raise UnsupportedGameError("a deal figure draws a deal range, a bargaining problem, a deal space or "
                               "alternating-offers shares; this result is none of them")


def _deal_range_figure(zone):
    lo, hi = (float(v) for v in zone.bounds)
    sides = list(zone.acceptable)
    figure = new_figure(8, 1.2 + 0.6 * (len(sides) + 1))
    axes = figure.subplots()
    for k, side in enumerate(sides):
        for a, b in zone.acceptable[side]:
            axes.barh(k, float(b) - float(a), left=float(a), color=PALETTE[k % len(PALETTE)], height=0.5)
        if not zone.acceptable[side]:
            axes.text((lo + hi) / 2, k, "nothing in range", ha="center", va="center", color="#555555")
    row = len(sides)
    for a, b in zone.intervals:
        axes.barh(row, float(b) - float(a), left=float(a), color="#2e7d32", height=0.5)
    if zone.empty:
        axes.text((lo + hi) / 2, row, "no deal: " + _gap_text(zone), ha="center", va="center", color="#b22222")
    axes.set_yticks(range(row + 1), [f"{s} accepts" for s in sides] + ["deal range"])
    axes.set_xlim(lo, hi)
    axes.set_ylim(row + 0.5, -0.5)  # every row inside the frame, even an empty one: no text on the spine
    unit = f" ({zone.unit})" if zone.unit else ""
    axes.set_xlabel(f"{zone.variable}{unit}")
    headline = str(zone).splitlines()[0]
    axes.set_title(wrap_title(headline[:1].upper() + headline[1:], _AXES_WIDTH, 11), fontsize=11)
    return literal_dollars(figure)


def _gap_text(zone) -> str:
    gap = zone.gap
    return f"gap {number(gap)}" if gap is not None else "the sides' acceptable sets do not meet"


def _problem_figure(problem):
    from ...bargaining import (
        egalitarian,
        kalai_smorodinsky,
        nash_bargaining,
        utilitarian,
    )

    if problem.num_players != 2:
        raise UnsupportedGameError("a bargaining figure needs two players")
    figure = new_figure(6.5, 5.5)
    axes = figure.subplots()
    frontier = _frontier_points(problem)
    if problem.points:
        points = np.array([[float(v) for v in p] for p in problem.points])
        axes.scatter(points[:, 0], points[:, 1], s=18, color="#999999", label="feasible outcomes", zorder=1)
    if len(frontier):
        axes.plot(frontier[:, 0], frontier[:, 1], color="black", linewidth=2.5, label="Pareto frontier", zorder=2)
    d = [float(v) for v in problem.disagreement]
    axes.scatter([d[0]], [d[1]], marker="X", s=110, color="#b22222", label="no deal (disagreement)", zorder=3)
    axes.axvline(d[0], color="#b22222", linewidth=0.8, linestyle=":")
    axes.axhline(d[1], color="#b22222", linewidth=0.8, linestyle=":")
    markers = {"Nash": "o", "Kalai–Smorodinsky": "s", "egalitarian": "^", "utilitarian": "D"}
    for k, solve in enumerate((nash_bargaining, kalai_smorodinsky, egalitarian, utilitarian)):
        solution = solve(problem)
        if solution.agreement:
            x, y = (float(v) for v in solution.point)
            name = list(markers)[k]
            axes.scatter([x], [y], marker=markers[name], s=80, color=PALETTE[k], edgecolor="black",
                         label=f"{name} ({number(x, 4)}, {number(y, 4)})", zorder=4)
    axes.set_xlabel(f"payoff to {problem.players[0]}")
    axes.set_ylabel(f"payoff to {problem.players[1]}")
    axes.legend(fontsize=8, loc="best")
    axes.set_title("Bargaining: frontier, no-deal point and solutions")
    return literal_dollars(figure)


def _frontier_points(problem) -> np.ndarray:
    if problem.frontier:
        return np.array([[float(v) for v in p] for p in problem.frontier])
    if problem.function is not None:
        lo, hi = (float(v) for v in problem.domain)
        xs = np.linspace(lo, hi, 200)
        return np.column_stack([xs, [float(problem.frontier_at(x)) for x in xs]])
    return np.empty((0, 2))


def _space_figure(space):
    if len(space.sides) != 2:
        raise UnsupportedGameError("a deal-space figure needs two sides")
    values = np.array([[float(v) for v in p] for p in space.values])
    figure = new_figure(6.5, 7.5)
    axes = figure.subplots()
    axes.scatter(values[:, 0], values[:, 1], s=18, color="#bbbbbb", label="packages")
    if space.acceptable:
        ok = values[list(space.acceptable)]
        axes.scatter(ok[:, 0], ok[:, 1], s=26, color="#55a868", label="acceptable to both")
    if space.frontier:
        best = values[sorted(space.frontier, key=lambda k: values[k, 0])]
        axes.plot(best[:, 0], best[:, 1], "o-", color="black", label="Pareto frontier")
    d = [float(v) for v in space.disagreement]
    axes.scatter([d[0]], [d[1]], marker="X", s=110, color="#b22222", label="no deal")
    for k, (method, solution) in enumerate(space.solutions.items()):
        x, y = (float(v) for v in solution.point)
        axes.scatter([x], [y], marker="*", s=160, color=PALETTE[k % len(PALETTE)], edgecolor="black",
                     label=textwrap.fill(f"{method}: {solution.label or ''}".strip(": "), _LEGEND_WIDTH,
                                         subsequent_indent="  "), zorder=4)
    axes.set_xlabel(f"value to {space.sides[0]}")
    axes.set_ylabel(f"value to {space.sides[1]}")
    # below the axes: a package's label is long, and inside the frame it would hide the points
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    axes.set_title("Packages: which both sides prefer to no deal")
    return literal_dollars(figure)


def shares_figure(results):
    """Alternating offers: one bar per rule, split between the sides, labelled with the round of agreement."""
    players = results[0].players
    figure = new_figure(8, 1.6 + 0.55 * len(results))
    axes = figure.subplots()
    for row, result in enumerate(results):
        left = 0.0
        for k, (player, share) in enumerate(zip(players, result.shares)):
            share = float(share) if result.agreement_round is not None else 0.0
            axes.barh(row, share, left=left, color=PALETTE[k], height=0.55, label=player if row == 0 else None)
            if share >= 0.22:  # narrower bars are read from the axis and the legend
                axes.text(left + share / 2, row, f"{player} {number(share, 3)}", ha="center", va="center",
                          color="white", fontsize=9, fontweight="bold")
            left += share
        when = ("no agreement" if result.agreement_round is None else "agreed at once"
                if result.agreement_round == 1 else f"agreed in round {result.agreement_round}")
        axes.text(1.01, row, when, va="center", fontsize=8)
    axes.set_yticks(range(len(results)), [wrap_title(r.method, 3.4, 9) for r in results], fontsize=9)
    axes.set_xlim(0, 1.22)
    axes.set_xticks(np.linspace(0, 1, 6))
    axes.invert_yaxis()
    axes.set_xlabel("share of the surplus")
    axes.legend(loc="lower center", bbox_to_anchor=(0.42, 1.0), ncols=len(players), fontsize=8, frameon=False)
    figure.suptitle("Who gets what: the split under each bargaining rule")
    return literal_dollars(figure)
