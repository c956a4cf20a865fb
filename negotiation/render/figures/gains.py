"""Who gains: each side's payoff under each outcome a scenario predicts, or under each compared setting."""

from __future__ import annotations

import numpy as np

from ...errors import UnsupportedGameError
from .base import PALETTE, literal_dollars, new_figure, wrap_title

__all__ = ["who_gains", "who_gains_figure"]


def who_gains(report):
    """The "who gains" chart of a solved scenario (:func:`~negotiation.render.outcomes.payoff_outcomes`)."""
    from ..outcomes import payoff_outcomes

    outcomes = payoff_outcomes(report)
    if not outcomes:
        raise UnsupportedGameError(f"scenario {report.instance.scenario.name} predicts no payoffs to chart")
    return who_gains_figure(outcomes, f"Who gains: {report.instance.scenario.title}")


def who_gains_figure(outcomes, title: str = "Who gains"):
    """Grouped bars: one group per outcome (``(label, {side: payoff})``), one bar per side, values printed."""
    sides = list(dict.fromkeys(side for _, payoffs in outcomes for side in payoffs))
    labels = [wrap_title(label, 3.3, 9) for label, _ in outcomes]
    height = 0.8 / len(sides)
    figure = new_figure(9, 1.4 + 0.28 * len(sides) * len(outcomes) + 0.12 * sum(lab.count("\n") for lab in labels))
    axes = figure.subplots()
    values = np.array([[payoffs.get(side, np.nan) for side in sides] for _, payoffs in outcomes], dtype=float)
    span = float(np.nanmax(np.abs(values))) or 1.0
    for k, side in enumerate(sides):
        rows = np.arange(len(outcomes)) + (k - (len(sides) - 1) / 2) * height
        bars = axes.barh(rows, values[:, k], height=height * 0.92, color=PALETTE[k % len(PALETTE)], label=side)
        for bar, value in zip(bars, values[:, k]):
            if np.isfinite(value):
                axes.annotate(f"{value:.3g}", (value, bar.get_y() + bar.get_height() / 2),
                              xytext=(3 if value >= 0 else -3, 0), textcoords="offset points",
                              ha="left" if value >= 0 else "right", va="center", fontsize=8)
    axes.axvline(0, color="black", linewidth=0.8)
    axes.set_xlim(-1.25 * span if np.nanmin(values) < 0 else -0.05 * span, 1.25 * span)
    axes.set_yticks(range(len(outcomes)), labels, fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel("payoff (right of the line: gains; left: losses)")
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=len(sides), fontsize=9, frameon=False)
    figure.suptitle(wrap_title(title, 8.5))
    return literal_dollars(figure)
