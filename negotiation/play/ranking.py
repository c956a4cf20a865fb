"""What every round robin shares: scores ranked by their median with an interval, rendered as tables.

:class:`RankedTables` turns four views (a headline, ranked rows, the pairwise
table and notes) into text that fits 100 columns, Markdown and HTML. Both
tournaments (:mod:`~negotiation.play.tournament`,
:mod:`~negotiation.play.agent_tournament`) use it.
"""

from __future__ import annotations

import html
import math
import textwrap

import numpy as np

from .. import _format

__all__ = ["RankedTables", "rank", "scores_against_others", "json_table", "median_interval", "PAIRWISE_LIMIT",
           "WIDTH"]

PAIRWISE_LIMIT = 12  # larger payoff tables go to CSV/JSON, not the terminal
WIDTH = 100  # terminal columns


def scores_against_others(per_repetition: np.ndarray) -> np.ndarray:
    """Each entry's mean result against the others, per repetition (self-play, the diagonal, left out)."""
    count = per_repetition.shape[-1]
    others = ~np.eye(count, dtype=bool)
    return np.where(others, np.nan_to_num(per_repetition), 0).sum(axis=2) / (count - 1)


def json_table(values) -> list:
    """A table for JSON: floats, with None where there is no value (NaN)."""
    return [[None if math.isnan(v) else float(v) for v in row] for row in np.asarray(values)]


def rank(scores: np.ndarray, names) -> tuple[np.ndarray, tuple, np.ndarray]:
    """Median score per column, the names best first (ties keep the order given), and 95% intervals."""
    median = np.median(scores, axis=0)
    order = sorted(range(len(names)), key=lambda i: -median[i])
    interval = np.array([median_interval(scores[:, i]) for i in range(len(names))])
    return median, tuple(names[i] for i in order), interval


def median_interval(values: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """A distribution-free interval for the median, from order statistics.

    The interval [x_(j), x_(k)] covers the median with probability at least
    ``level``; with five values or fewer it is the full range.
    """
    x = np.sort(values[np.isfinite(values)])
    n = len(x)
    if n == 0:
        return math.nan, math.nan
    alpha = 1 - level
    if n > 200:  # normal approximation to the binomial order-statistic bound
        j = max(1, int(math.floor(n / 2 - 1.959964 * math.sqrt(n) / 2)))
    else:
        cdf = np.cumsum([math.comb(n, k) for k in range(n + 1)]) / 2 ** n  # P(B <= k), B ~ Bin(n, 1/2)
        j = 1
        while j < n and 2 * cdf[j] <= alpha:
            j += 1
    return float(x[j - 1]), float(x[n - j])


def pairwise_rows(names, table, digits: int = 4, numbered: bool = False) -> tuple[list[str], list[list[str]]]:
    """A K×K table with row labels; ``numbered`` heads the columns 1..K (row k is entry k) to save width."""
    labels = [f"{k} {n}" for k, n in enumerate(names, 1)] if numbered else list(names)
    header = ["row against column"] + ([str(k) for k in range(1, len(labels) + 1)] if numbered else labels)
    rows = [[label] + ["—" if math.isnan(v) else _format.number(v, digits) for v in table[i]]
            for i, label in enumerate(labels)]
    return header, rows


class RankedTables(_format.Displays):
    """Text, Markdown and HTML from ``_headline``, ``_ranked_rows``, ``_pairwise_rows`` and ``_notes``.

    Subclasses set ``entries`` (names in order) and ``pairwise_caption``.
    """

    pairwise_caption = "Mean payoff, row against column"

    def _show_pairwise(self) -> bool:
        return len(self.entries) <= PAIRWISE_LIMIT

    def __str__(self) -> str:
        lines = [textwrap.fill(self._headline(), WIDTH), "", _format.text_table(*self._ranked_rows())]
        if self._show_pairwise():
            table = _format.text_table(*self._pairwise_rows())
            if max(map(len, table.splitlines())) > WIDTH:
                table = _format.text_table(*self._pairwise_rows(numbered=True))
            lines += ["", self.pairwise_caption + ":", table]
        else:
            count = len(self.entries)
            lines += ["", f"(the {count}×{count} table is in to_csv() and --json)"]
        notes = [textwrap.fill(note, WIDTH) for note in self._notes()]
        return "\n".join(lines + [""] + notes)

    def to_markdown(self) -> str:
        def table(header, rows):
            escape = [h.replace("|", "\\|") for h in header]
            return "\n".join(["| " + " | ".join(escape) + " |", "|" + "---|" * len(header)]
                             + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows])
        parts = [f"**{self._headline()}**", "", table(*self._ranked_rows())]
        if self._show_pairwise():
            parts += ["", self.pairwise_caption + ":", "", table(*self._pairwise_rows())]
        return "\n".join(parts + [""] + self._notes()) + "\n"

    def to_html(self) -> str:
        parts = [f"<p><strong>{html.escape(self._headline())}</strong></p>",
                 _format.html_table(*self._ranked_rows(), caption="Ranking by median score")]
        if self._show_pairwise():  # beyond six columns of names a page overflows: number the columns
            numbered = len(self.entries) > 6
            parts.append(_format.html_table(*self._pairwise_rows(numbered=numbered), caption=self.pairwise_caption
                                            + (" (column k is row k)" if numbered else "")))
        parts += [f"<p>{html.escape(note)}</p>" for note in self._notes()]
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()
