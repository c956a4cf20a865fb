"""A game tree drawn top-down, with the equilibrium path told apart from the plan off it.

Action labels fan out from the edges' midpoints (left children to the left,
right children to the right), each player's name sits above its nodes, and
every leaf says whose payoff is whose. The figure grows until no two labels
overlap, measured from their bounding boxes.
"""

from __future__ import annotations

from ..._format import number
from ...errors import UnsupportedGameError
from ..layout import tree_layout
from ..marks import chosen_moves, equilibrium_path
from .base import CHOSEN, PLANNED, literal_dollars, new_figure, wrap_title
from .geometry import overlapping_texts

__all__ = ["tree_figure", "equilibrium_path", "MAX_TREE_NODES"]

#: Beyond this a tree is unreadable and slow to draw: the figure refuses, saying so.
MAX_TREE_NODES = 400
_MAX_WIDTH, _MAX_HEIGHT = 48.0, 30.0  # inches: past this the figure stops growing
_NAMED_LEAVES = 24  # up to this many leaves each payoff line names its player


def tree_figure(tree, solution=None):
    """The tree; the equilibrium path in thick red and the plan off the path in dotted orange.

    ``solution`` is a subgame-perfect result or one equilibrium (computed when
    omitted); ``solution=False`` draws no choices.
    """
    if tree.num_nodes > MAX_TREE_NODES:
        raise UnsupportedGameError(f"a tree of {tree.num_nodes} nodes is too large to draw legibly (at most "
                                   f"{MAX_TREE_NODES}); export it to Gambit to browse it")
    positions = tree_layout(tree)
    chosen = set() if solution is False else chosen_moves(tree, solution)
    path = equilibrium_path(tree, chosen) if chosen else set()
    leaves = [node for node in positions if tree.kind(node) == "terminal"]
    named = len(leaves) <= _NAMED_LEAVES and len(tree.players) <= 3 and max(map(len, tree.players)) <= 10
    labels = {leaf: _payoff_label(tree, leaf, named) for leaf in leaves}
    depth = max(y for _, y in positions.values())
    widest = max(max(len(line) for line in text.splitlines()) for text in labels.values())
    width = min(max(5.5, len(leaves) * max(0.9, 0.075 * widest + 0.25) + 1.0), _MAX_WIDTH)
    height = min(max(3.5, 1.15 * (depth + 1) + 1.4), _MAX_HEIGHT)
    while True:
        figure = _draw(tree, positions, chosen, path, labels, named, width, height)
        if not overlapping_texts(figure) or (width >= _MAX_WIDTH and height >= _MAX_HEIGHT):
            return figure
        width, height = min(width * 1.3, _MAX_WIDTH), min(height * 1.1, _MAX_HEIGHT)


def _payoff_label(tree, leaf, named: bool) -> str:
    values = [number(v, 4) for v in tree.payoffs_of(leaf)]
    if named:
        return "\n".join(f"{player} {value}" for player, value in zip(tree.players, values))
    joined = ", ".join(values)
    return f"({joined})" if len(joined) <= 12 else "(" + ",\n".join(values) + ")"


def _draw(tree, positions, chosen, path, labels, named, width, height):
    figure = new_figure(width, height)
    axes = figure.subplots()
    for node, (x, y) in positions.items():
        if tree.kind(node) != "terminal":
            _draw_moves(axes, tree, node, positions, chosen, path)
    for members in tree.infosets().values():
        if len(members) > 1:
            ordered = sorted(members, key=lambda n: positions[n][0])
            axes.plot([positions[n][0] for n in ordered], [positions[n][1] for n in ordered], linestyle="--",
                      color="gray", linewidth=1.5, zorder=0)
    for node, (x, y) in positions.items():
        _draw_node(axes, tree, node, x, y, labels)
    leaves = sum(1 for node in positions if tree.kind(node) == "terminal")
    depth = max(y for _, y in positions.values())
    axes.set_ylim(depth + 0.75, -0.45)
    axes.set_xlim(-0.9, max(leaves - 0.1, 0.9))
    axes.axis("off")
    axes.set_title(wrap_title(tree.title or "Game tree", width))
    _legend(figure, tree, chosen, path, named)
    return literal_dollars(figure)


def _draw_moves(axes, tree, node, positions, chosen, path):
    x, y = positions[node]
    probabilities = tree.probabilities(node) if tree.kind(node) == "chance" else {}
    for k, (action, child) in enumerate(tree.children(node)):
        cx, cy = positions[child]
        style = _move_style((node, action), chosen, path)
        axes.plot([x, cx], [y, cy], zorder=1, **style)
        label = action + (f" ({number(probabilities[action])})" if action in probabilities else "")
        # pushed outwards from the edge, and every other sibling lower down: neighbouring labels fan apart
        side = "right" if cx < x - 1e-9 else "left" if cx > x + 1e-9 else "center"
        offset = {"right": -4, "left": 4, "center": 0}[side]
        t = 0.4 if k % 2 == 0 else 0.65
        axes.annotate(label, (x + t * (cx - x), y + t * (cy - y)), xytext=(offset, 0), textcoords="offset points",
                      fontsize=8, ha=side, va="center", color=style["color"] if style["color"] != "#555555" else "black",
                      bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.85))


def _move_style(move, chosen, path) -> dict:
    if move in path:
        return {"color": CHOSEN, "linewidth": 3.2, "linestyle": "-"}
    if move in chosen:
        return {"color": PLANNED, "linewidth": 2.2, "linestyle": ":"}
    return {"color": "#555555", "linewidth": 1.0, "linestyle": "-"}


def _draw_node(axes, tree, node, x, y, labels):
    kind = tree.kind(node)
    if kind == "terminal":
        axes.annotate(labels[node], (x, y), xytext=(0, -3), textcoords="offset points", ha="center", va="top",
                      fontsize=8, linespacing=1.1)
    elif kind == "chance":
        axes.scatter([x], [y], s=60, facecolor="white", edgecolor="black", zorder=2)
        axes.annotate("Chance", (x, y), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8)
    else:
        axes.scatter([x], [y], s=40, color="black", zorder=2)
        axes.annotate(tree.player_of(node), (x, y), xytext=(0, 6), textcoords="offset points", ha="center",
                      fontsize=9, fontweight="bold")


def _legend(figure, tree, chosen, path, named):
    from matplotlib.lines import Line2D

    handles = []
    if path:
        handles.append(Line2D([], [], color=CHOSEN, linewidth=3.2, label="equilibrium path"))
    if chosen - path:
        handles.append(Line2D([], [], color=PLANNED, linewidth=2.2, linestyle=":", label="planned off the path"))
    if chosen:
        handles.append(Line2D([], [], color="#555555", linewidth=1, label="not chosen"))
    if any(len(m) > 1 for m in tree.infosets().values()):
        handles.append(Line2D([], [], color="gray", linestyle="--", linewidth=1.5, label="same information set"))
    title = None if named else "leaves: (" + ", ".join(tree.players) + ")"
    if handles or title:
        figure.legend(handles=handles, loc="outside lower center", ncols=max(1, min(len(handles), 4)),
                      fontsize=8, title=title, title_fontsize=8, frameon=False)
