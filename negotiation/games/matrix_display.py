"""A normal-form game shown as a table: text, LaTeX and HTML (best responses marked)."""

from __future__ import annotations

import html
import itertools

import numpy as np

from .. import _format

__all__ = ["matrix_cells", "html_matrix"]


def matrix_cells(game) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a game's table: a matrix for two players, one row per profile for more."""
    if game.num_players == 2:
        header = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
        rows = [
            [row]
            + [
                ", ".join(_format.number(a[r, c]) for a in game.payoffs)
                for c in range(game.shape[1])
            ]
            for r, row in enumerate(game.strategies[0])
        ]
        return header, rows
    header = [*game.players, "payoffs"]
    rows = []
    for cell in itertools.product(*(range(k) for k in game.shape)):
        labels = [game.strategies[i][k] for i, k in enumerate(cell)]
        rows.append(labels + [", ".join(_format.number(a[cell]) for a in game.payoffs)])
    return header, rows


def html_matrix(game) -> str:
    """A table with best responses in bold and pure equilibria shaded (numeric games)."""
    if game.is_symbolic:
        return _format.html_table(*matrix_cells(game), caption=game.title)
    from .profiles import best_response_cells  # profiles needs the game class: imported on use

    marks = best_response_cells(game)
    equilibria = np.logical_and.reduce(marks)

    def cell(index) -> str:
        texts = [_format.number(a[index]) for a in game.payoffs]
        shown = ", ".join(f"<strong>{html.escape(t)}</strong>" if marks[i][index] else html.escape(t)
                          for i, t in enumerate(texts))
        style = ' style="background:#dff0d8"' if equilibria[index] else ""
        return f"<td{style}>{shown}</td>"

    if game.num_players == 2:
        head = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
        rows = [f"<th>{html.escape(label)}</th>" + "".join(cell((r, c)) for c in range(game.shape[1]))
                for r, label in enumerate(game.strategies[0])]
    else:
        head = [*game.players, "payoffs"]
        rows = ["".join(f"<td>{html.escape(game.strategies[i][k])}</td>" for i, k in enumerate(index)) + cell(index)
                for index in itertools.product(*(range(k) for k in game.shape))]
    pure = ["(" + ", ".join(game.strategies[i][k] for i, k in enumerate(index)) + ")"
            for index in zip(*np.nonzero(equilibria))]
    note = ("Best responses in bold; pure equilibria shaded: " + (", ".join(pure) if pure else "none") + ".")
    caption = html.escape(f"{game.title}. {note}" if game.title else note)
    return (f"<table><caption>{caption}</caption><thead><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(f"<tr>{row}</tr>" for row in rows) + "</tbody></table>")
