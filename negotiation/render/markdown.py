r"""Markdown for notes, issues and wikis: games as pipe tables, scenarios as sections.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import markdown
>>> game = ng.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     players=("U.S.", "China"), strategies=(("Hold", "Tariff"), ("Hold", "Tariff")))
>>> print(markdown.game_markdown(game))
| U.S. \\ China | Hold | Tariff |
|---|---|---|
| Hold | 3, 3 | 0, **5** |
| Tariff | **5**, 0 | **1**, **1** |
<BLANKLINE>
Best responses in bold; pure equilibria: (Tariff, Tariff).
"""

from __future__ import annotations

import itertools
from typing import Sequence

import numpy as np

from .._format import number
from .marks import best_response_cells

__all__ = ["table_markdown", "game_markdown", "report_markdown"]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def game_markdown(game) -> str:
    """A pipe table, best responses in bold, and the pure equilibria under it."""
    marks = None if game.is_symbolic else best_response_cells(game)

    def payoffs(cell) -> str:
        texts = [number(a[cell]) for a in game.payoffs]
        if marks is not None:
            texts = [f"**{t}**" if marks[i][cell] else t for i, t in enumerate(texts)]
        return ", ".join(texts)

    if game.num_players == 2:
        header = [f"{game.players[0]} \\\\ {game.players[1]}", *game.strategies[1]]
        rows = [[row] + [payoffs((r, c)) for c in range(game.shape[1])] for r, row in enumerate(game.strategies[0])]
    else:
        header = [*game.players, "payoffs"]
        rows = [[game.strategies[i][k] for i, k in enumerate(cell)] + [payoffs(cell)]
                for cell in itertools.product(*(range(k) for k in game.shape))]
    table = table_markdown(header, rows)
    if marks is None:
        return table
    pure = ["(" + ", ".join(game.strategies[i][k] for i, k in enumerate(cell)) + ")"
            for cell in zip(*np.nonzero(np.logical_and.reduce(marks)))]
    return table + "\n\nBest responses in bold; pure equilibria: " + (", ".join(pure) or "none") + "."


def report_markdown(report) -> str:
    """A solved scenario: summary, parameters, sources, and one section per result."""
    from . import render

    s = report.instance.scenario
    lines = [f"# {s.title} ({s.date.isoformat()})", "", s.summary, "", "## Parameters", ""]
    rows = [[p.name, number(report.instance.values[p.name]), p.unit, f"{number(p.low)}..{number(p.high)}", p.source]
            for p in s.parameters]
    lines += [table_markdown(["name", "value", "unit", "range", "source"], rows), "", "## Sources", ""]
    lines += [f"- {source.cite()}" for source in s.sources]
    for title, result in report.sections.items():
        lines += ["", f"## {title[:1].upper()}{title[1:]}", "", render(result, "markdown")]
    answers = report.instance.answers()
    if answers:
        lines += ["", "## Questions", ""]
        lines += [f"- **{q}** {a}" for q, a in answers]
    return "\n".join(lines) + "\n"
