"""A two-player game as a pair of heatmaps: pure equilibria framed, best responses in bold.

Cells are sized from the longest payoff printed in them and long strategy
names are wrapped, so a tall 4×2 game and a wide 2×12 one read alike.
"""

from __future__ import annotations

import textwrap

import numpy as np

from ..._format import number
from ...errors import UnsupportedGameError
from ..marks import best_response_cells
from .base import literal_dollars, new_figure, wrap_title

__all__ = ["payoff_heatmap", "MAX_HEATMAP_CELLS"]

#: Beyond this a heatmap is unreadable and slow to draw: the figure refuses, saying so.
MAX_HEATMAP_CELLS = 900  # e.g. 30 × 30 strategies
_LABEL_CHARACTERS = 22  # strategy names wrap past this


def payoff_heatmap(game, result=None):
    """Each player's payoffs as a heatmap; pure equilibria framed, best responses bold.

    ``result`` (an EquilibriumSet) adds the mixed equilibria to the title.
    """
    if game.num_players != 2:
        raise UnsupportedGameError(f"a payoff heatmap needs two players; this game has {game.num_players}")
    game.require_numeric("a payoff heatmap")
    rows, cols = game.shape
    if rows * cols > MAX_HEATMAP_CELLS:
        raise UnsupportedGameError(f"a {rows}×{cols} game is too large to draw legibly as a heatmap "
                                   f"(at most {MAX_HEATMAP_CELLS} cells)")
    marks = best_response_cells(game)
    equilibria = np.logical_and.reduce(marks)
    texts = [[[number(game.payoffs[i][r, c], 4) for c in range(cols)] for r in range(rows)] for i in range(2)]
    fontsize = 10 if rows * cols <= 100 else 8 if rows * cols <= 400 else 6
    widest = max(len(t) for panel in texts for row in panel for t in row)
    cell_width = max(0.5, (0.62 * fontsize / 72) * widest + 0.25)
    cell_height = max(0.36, 0.3 + 0.02 * fontsize)
    row_labels = [_wrap(s) for s in game.strategies[0]]
    col_labels = [_wrap(s, 14) for s in game.strategies[1]]
    label_width = 0.075 * max(len(line) for s in row_labels for line in s.splitlines()) + 0.6
    width = min(2 * (cols * cell_width + 1.3) + label_width + 0.4, 30)
    height = min(rows * max(cell_height, 0.2 * max(s.count("\n") + 1 for s in row_labels) + 0.15)
                 + 0.12 * max(len(s) for s in col_labels) + 1.8, 24)
    figure = new_figure(width, height)
    panels = figure.subplots(1, 2, sharey=True)
    for i, axes in enumerate(panels):
        _panel(figure, axes, game, i, texts[i], marks[i], equilibria, fontsize)
        axes.set_xticks(range(cols), col_labels, rotation=30 if cols > 2 or widest > 6 else 0, ha="right"
                        if cols > 2 or widest > 6 else "center", fontsize=9)
        axes.set_xlabel(game.players[1])
        axes.set_title(f"payoff to {game.players[i]}")
    panels[0].set_yticks(range(rows), row_labels, fontsize=9)
    panels[0].set_ylabel(game.players[0])
    panels[1].tick_params(axis="y", labelleft=False)
    figure.suptitle(wrap_title(_heatmap_title(game, equilibria, result), width))
    return literal_dollars(figure)


def _wrap(label: str, width: int = _LABEL_CHARACTERS) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _panel(figure, axes, game, i, texts, marks, equilibria, fontsize):
    values = game.payoffs[i].astype(float)
    image = axes.imshow(values, cmap="RdYlGn", aspect="auto")
    figure.colorbar(image, ax=axes, shrink=0.8, fraction=0.08, pad=0.02)
    rows, cols = values.shape
    low, high = float(values.min()), float(values.max())
    for r in range(rows):
        for c in range(cols):
            # dark text on the light middle of the colour map, white on its dark ends
            share = 0.5 if high == low else (values[r, c] - low) / (high - low)
            colour = "white" if share < 0.12 or share > 0.88 else "black"
            axes.text(c, r, texts[r][c], ha="center", va="center", color=colour, fontsize=fontsize,
                      fontweight="bold" if marks[r, c] else "normal")
            if equilibria[r, c]:
                axes.add_patch(_frame(r, c))


def _frame(r: int, c: int):
    from matplotlib.patches import Rectangle

    return Rectangle((c - 0.47, r - 0.47), 0.94, 0.94, fill=False, edgecolor="black", linewidth=2.5)


def _heatmap_title(game, equilibria, result) -> str:
    title = game.title or " vs ".join(game.players)
    count = int(equilibria.sum())
    title += f": {count} pure equilibri{'um' if count == 1 else 'a'} (framed)"
    mixed = [eq for eq in (result or ()) if not eq.is_pure]
    if mixed:
        title += f", {len(mixed)} mixed"
    return title + "; best responses in bold"
