"""Figures with matplotlib (the ``plot`` extra): each is one call returning a Figure.

* :func:`payoff_heatmap`: a two-player game, one panel per player, pure
  equilibria framed and best responses in bold;
* :func:`tree_figure`: a game tree with the subgame-perfect choices in red,
  information sets dashed and chance probabilities on the moves;
* :func:`deal_figure`: a deal range (what each side accepts, and the overlap),
  or a bargaining problem (feasible set, Pareto frontier, disagreement point
  and the Nash, Kalai–Smorodinsky, egalitarian and utilitarian solutions),
  or a deal space of packages;
* :func:`region_map`: which outcome holds where, over one or two parameters
  of a sweep.

Save any of them with ``figure.savefig("name.png")`` (or ``.svg``, ``.pdf``).
The figures are built on :class:`matplotlib.figure.Figure` directly, without
pyplot, so they work in scripts, servers and notebooks alike.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import figures
>>> figure = figures.payoff_heatmap(ng.NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]]))
>>> [axes.get_title() for axes in figure.axes[:2]]
['Player 1', 'Player 2']
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._format import number
from ..errors import MissingDependencyError, ParameterError, UnsupportedGameError
from .layout import tree_layout
from .marks import best_response_cells, chosen_moves

__all__ = ["payoff_heatmap", "tree_figure", "deal_figure", "region_map", "scenario_figure", "figure_to_svg", "KINDS",
           "have_matplotlib", "require_matplotlib",
           "MAX_TREE_NODES", "MAX_HEATMAP_CELLS", "MAX_POINTS"]

#: Beyond these sizes a figure is unreadable and slow to draw: the functions refuse, saying so.
MAX_TREE_NODES = 400
MAX_HEATMAP_CELLS = 900  # e.g. 30 × 30 strategies
MAX_POINTS = 201  # region maps: values per parameter


def _literal_dollars(figure):
    """Make every ``$`` in the figure's text print as a dollar sign, never start mathtext.

    Labels come from users ("Pledge $50B"); matplotlib would read ``$...$`` as
    mathematics and fail on it. Escaped dollars are drawn literally.
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter

    def escape(text: str) -> str:
        return text.replace("\\$", "$").replace("$", "\\$")

    for text in figure.findobj(Text):
        if "$" in text.get_text():
            text.set_text(escape(text.get_text()))
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, FixedFormatter):
                formatter.seq = [escape(str(label)) for label in formatter.seq]
    return figure

_CHOSEN = "#b22222"
_PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c",
            "#ccb974", "#64b5cd"]


def have_matplotlib() -> bool:
    """Whether the ``plot`` extra (matplotlib) is installed."""
    try:
        import matplotlib  # noqa: F401  (only to find out whether it is installed)
    except ImportError:
        return False
    return True


def require_matplotlib(what: str = "figures") -> None:
    """A one-line error naming the extra to install, instead of a traceback from an import."""
    if not have_matplotlib():
        raise MissingDependencyError(f"{what} need matplotlib: pip install 'negotiation[plot]'")


def _figure(width: float, height: float):
    require_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


# ---------------------------------------------------------------------- matrix
def payoff_heatmap(game, result=None):
    """Each player's payoffs as a heatmap; pure equilibria framed, best responses bold.

    ``result`` (an EquilibriumSet) adds the mixed equilibria to the title.
    """
    if game.num_players != 2:
        raise UnsupportedGameError(f"a payoff heatmap needs two players; this game has {game.num_players}")
    game.require_numeric("a payoff heatmap")
    if game.shape[0] * game.shape[1] > MAX_HEATMAP_CELLS:
        raise UnsupportedGameError(f"a {game.shape[0]}×{game.shape[1]} game is too large to draw legibly as a heatmap "
                                   f"(at most {MAX_HEATMAP_CELLS} cells)")
    marks = best_response_cells(game)
    equilibria = np.logical_and.reduce(marks)
    rows, cols = game.shape
    figure = _figure(min(4 + 2.4 * cols, 18), min(2 + 0.7 * rows, 14))
    panels = figure.subplots(1, 2)
    for i, axes in enumerate(panels):
        values = game.payoffs[i].astype(float)
        image = axes.imshow(values, cmap="RdYlGn", aspect="auto")
        figure.colorbar(image, ax=axes, shrink=0.8, label=f"payoff to {game.players[i]}")
        for r in range(rows):
            for c in range(cols):
                axes.text(c, r, number(game.payoffs[i][r, c]), ha="center", va="center",
                          fontweight="bold" if marks[i][r, c] else "normal", fontsize=10)
                if equilibria[r, c]:
                    axes.add_patch(_frame(r, c))
        axes.set_xticks(range(cols), game.strategies[1], rotation=20, ha="right")
        axes.set_yticks(range(rows), game.strategies[0])
        axes.set_xlabel(game.players[1])
        axes.set_ylabel(game.players[0])
        axes.set_title(game.players[i])
    figure.suptitle(_heatmap_title(game, equilibria, result))
    return _literal_dollars(figure)


def _frame(r: int, c: int):
    from matplotlib.patches import Rectangle

    return Rectangle((c - 0.48, r - 0.48), 0.96, 0.96, fill=False, edgecolor="black", linewidth=2.5)


def _heatmap_title(game, equilibria, result) -> str:
    title = game.title or " vs ".join(game.players)
    count = int(equilibria.sum())
    title += f": {count} pure equilibri{'um' if count == 1 else 'a'} (framed)"
    mixed = [eq for eq in (result or ()) if not eq.is_pure]
    if mixed:
        title += f", {len(mixed)} mixed"
    return title


# ---------------------------------------------------------------------- tree
def tree_figure(tree, solution=None):
    """The tree drawn top-down; the subgame-perfect choices (``solution``, or computed) in red.

    Pass ``solution=False`` to draw no path.
    """
    if tree.num_nodes > MAX_TREE_NODES:
        raise UnsupportedGameError(f"a tree of {tree.num_nodes} nodes is too large to draw legibly (at most "
                                   f"{MAX_TREE_NODES}); export it to Gambit to browse it")
    positions = tree_layout(tree)
    chosen = set() if solution is False else chosen_moves(tree, solution)
    leaves = sum(1 for node in positions if tree.kind(node) == "terminal")
    depth = max(y for _, y in positions.values())
    figure = _figure(min(max(5.0, 1.25 * leaves), 30), min(max(3.0, 1.3 * (depth + 1)), 20))
    axes = figure.subplots()
    for node, (x, y) in positions.items():
        if tree.kind(node) == "terminal":
            continue
        probabilities = tree.probabilities(node) if tree.kind(node) == "chance" else {}
        for action, child in tree.children(node):
            cx, cy = positions[child]
            on_path = (node, action) in chosen
            axes.plot([x, cx], [y, cy], color=_CHOSEN if on_path else "#555555", linewidth=3 if on_path else 1,
                      zorder=1)
            label = action + (f" ({number(probabilities[action])})" if action in probabilities else "")
            # nearer the child than the parent, so that sibling labels stand apart
            axes.annotate(label, (0.4 * x + 0.6 * cx, 0.4 * y + 0.6 * cy), fontsize=8, ha="center", va="center",
                          color=_CHOSEN if on_path else "black",
                          bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    for infoset, members in tree.infosets().items():
        if len(members) > 1:
            xs = sorted(positions[n][0] for n in members)
            ys = [positions[n][1] for n in sorted(members, key=lambda n: positions[n][0])]
            axes.plot(xs, ys, linestyle="--", color="gray", linewidth=1.5, zorder=0)
    for node, (x, y) in positions.items():
        kind = tree.kind(node)
        if kind == "terminal":
            axes.annotate(_payoff_label(tree.payoffs_of(node)), (x, y), xytext=(0, -4), textcoords="offset points",
                          ha="center", va="top", fontsize=8)
        elif kind == "chance":
            axes.scatter([x], [y], s=60, facecolor="white", edgecolor="black", zorder=2)
            axes.annotate("Chance", (x, y), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8)
        else:
            axes.scatter([x], [y], s=40, color="black", zorder=2)
            axes.annotate(tree.player_of(node), (x, y), xytext=(0, 6), textcoords="offset points",
                          ha="center", fontsize=9, fontweight="bold")
    axes.set_ylim(depth + 0.6, -0.4)
    axes.set_xlim(-0.7, max(leaves - 0.3, 0.7))
    axes.axis("off")
    axes.set_title((tree.title or "Game tree") + ("; subgame-perfect choices in red" if chosen else ""))
    return _literal_dollars(figure)


def _payoff_label(payoffs) -> str:
    """``(a, b)`` on one line when short; one payoff per line when long, to fit a leaf's width."""
    texts = [number(v, 4) for v in payoffs]
    joined = ", ".join(texts)
    return f"({joined})" if len(joined) <= 12 else "(" + ",\n".join(texts) + ")"


# ---------------------------------------------------------------------- deals
def deal_figure(deal: Any):
    """A deal range, a two-player bargaining problem or a two-sided deal space, drawn."""
    from ..bargaining.deal_range import DealRange
    from ..bargaining.deal_space import DealSpace
    from ..bargaining.problem import BargainingProblem

    items = getattr(deal, "items", None)
    if isinstance(items, tuple):  # several results shown together: draw the first drawable one
        for item in items:
            if isinstance(item, (DealRange, DealSpace, BargainingProblem)):
                return deal_figure(item)
    if isinstance(deal, DealRange):
        return _deal_range_figure(deal)
    if isinstance(deal, BargainingProblem):
        return _problem_figure(deal)
    if isinstance(deal, DealSpace):
        return _space_figure(deal)
    raise UnsupportedGameError(f"cannot draw a {type(deal).__name__} as a deal figure")


def _deal_range_figure(zone):
    lo, hi = (float(v) for v in zone.bounds)
    sides = list(zone.acceptable)
    figure = _figure(8, 1.2 + 0.6 * (len(sides) + 1))
    axes = figure.subplots()
    for k, side in enumerate(sides):
        for a, b in zone.acceptable[side]:
            axes.barh(k, float(b) - float(a), left=float(a), color=_PALETTE[k % len(_PALETTE)], height=0.5)
    row = len(sides)
    for a, b in zone.intervals:
        axes.barh(row, float(b) - float(a), left=float(a), color="#2e7d32", height=0.5)
    if zone.empty:
        axes.text((lo + hi) / 2, row, "no deal: " + _gap_text(zone), ha="center", va="center", color="#b22222")
    axes.set_yticks(range(row + 1), [f"{s} accepts" for s in sides] + ["deal range"])
    axes.set_xlim(lo, hi)
    axes.invert_yaxis()
    unit = f" ({zone.unit})" if zone.unit else ""
    axes.set_xlabel(f"{zone.variable}{unit}")
    axes.set_title("Deal range: " + str(zone).splitlines()[0])
    return _literal_dollars(figure)


def _gap_text(zone) -> str:
    gap = zone.gap
    return f"gap {number(gap)}" if gap is not None else "the sides' acceptable sets do not meet"


def _problem_figure(problem):
    from ..bargaining import (
        egalitarian,
        kalai_smorodinsky,
        nash_bargaining,
        utilitarian,
    )

    if problem.num_players != 2:
        raise UnsupportedGameError("a bargaining figure needs two players")
    figure = _figure(6.5, 5.5)
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
            axes.scatter([x], [y], marker=markers[name], s=80, color=_PALETTE[k], edgecolor="black",
                         label=f"{name} ({number(x, 4)}, {number(y, 4)})", zorder=4)
    axes.set_xlabel(f"payoff to {problem.players[0]}")
    axes.set_ylabel(f"payoff to {problem.players[1]}")
    axes.legend(fontsize=8, loc="best")
    axes.set_title("Bargaining: frontier, no-deal point and solutions")
    return _literal_dollars(figure)


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
    figure = _figure(6.5, 5.5)
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
        axes.scatter([x], [y], marker="*", s=160, color=_PALETTE[k % len(_PALETTE)], edgecolor="black",
                     label=f"{method}: {solution.label or ''}".strip(": "), zorder=4)
    axes.set_xlabel(f"value to {space.sides[0]}")
    axes.set_ylabel(f"value to {space.sides[1]}")
    axes.legend(fontsize=8, loc="best")
    axes.set_title("Packages: which both sides prefer to no deal")
    return _literal_dollars(figure)


# ---------------------------------------------------------------------- regions
def region_map(table, x: str, y: str | None = None, by: str | None = None):
    """Which value of ``by`` (an outcome column of a sweep) holds at each point.

    ``table`` is a :class:`~negotiation.SweepResult` over a grid; ``x`` (and
    ``y``) name its parameters. With one parameter the map is a strip.
    ``by`` defaults to the first column that is not a number.
    """
    for name in (x, y):
        if name is not None and name not in table.parameters:
            raise ParameterError(f"{name!r} is not a swept parameter; the parameters are {', '.join(table.parameters)}")
    by = by or _categorical_column(table)
    labels = [str(v) for v in table.column(by)]
    categories = sorted(set(labels))
    colour_of = {c: k for k, c in enumerate(categories)}
    xs = sorted(set(float(v) for v in table.column(x)))
    ys = sorted(set(float(v) for v in table.column(y))) if y else [0.0]
    grid = np.full((len(ys), len(xs)), -1)
    for row, label in zip(table.rows, labels):
        j = xs.index(float(row[x]))
        i = ys.index(float(row[y])) if y else 0
        grid[i, j] = colour_of[label]
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    figure = _figure(8, 5.5 if y else 2.4)
    axes = figure.subplots()
    colours = [_PALETTE[k % len(_PALETTE)] for k in range(len(categories))]
    extent = [_edge(xs, 0), _edge(xs, -1), _edge(ys, 0), _edge(ys, -1)] if y else [_edge(xs, 0), _edge(xs, -1), 0, 1]
    axes.imshow(np.ma.masked_less(grid, 0), origin="lower", aspect="auto", extent=extent,
                cmap=ListedColormap(colours), vmin=-0.5, vmax=len(categories) - 0.5, interpolation="nearest")
    axes.set_xlabel(x)
    if y:
        axes.set_ylabel(y)
    else:
        axes.set_yticks([])
    handles = [Patch(color=colours[k], label=c) for k, c in enumerate(categories)]
    axes.legend(handles=handles, title=by, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    axes.set_title(f"{by} by {x}" + (f" and {y}" if y else ""))
    return _literal_dollars(figure)


def _categorical_column(table) -> str:
    """The categorical output that varies most over the sweep (the first, on ties)."""
    best, variety = None, 0
    for name in table.names:
        values = table.column(name)
        if name in table.parameters or not all(isinstance(v, (bool, str, np.bool_)) for v in values):
            continue
        if len(set(values)) > variety:
            best, variety = name, len(set(values))
    if best is None:
        raise ParameterError("the sweep has no categorical (text or yes/no) output; name one with by=")
    return best


def _edge(values: list[float], end: int) -> float:
    """Pixel edges half a step beyond the first and last grid values."""
    if len(values) == 1:
        return values[0] + (0.5 if end else -0.5)
    step = (values[-1] - values[0]) / (len(values) - 1)
    return values[end] + (step / 2 if end else -step / 2)


def check_points(points) -> int:
    """Refuse a region map's ``points`` outside 2..MAX_POINTS before any work."""
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or not 2 <= points <= MAX_POINTS:
        raise ParameterError(f"points must be a whole number from 2 to {MAX_POINTS}, got {str(points)[:40]}")
    return int(points)


# ---------------------------------------------------------------------- output
def figure_to_svg(figure) -> str:
    """The figure as an SVG string, for inline HTML."""
    import io

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


# ---------------------------------------------------------------------- scenarios
KINDS = ("matrix", "tree", "deal", "regions")


def scenario_figure(instance, kind: str | None = None, x: str | None = None, y: str | None = None,
                    points: int = 21):
    """A figure of a bound scenario: its matrix, tree, deal, or a region map.

    ``kind`` defaults to the first form the scenario has. A region map sweeps
    parameters ``x`` and ``y`` (by default the first two) over their
    plausible ranges, ``points`` values each, holding the others at their
    bound values, and colours the categorical metric that varies most.
    """
    scenario = instance.scenario
    forms = {"matrix": scenario.matrix or scenario.bayesian, "tree": scenario.tree, "deal": scenario.deal,
             "regions": scenario.metrics}
    available = [k for k in KINDS if forms[k] is not None]
    kind = kind or (available[0] if available else None)
    if kind not in available:
        raise ParameterError(f"scenario {scenario.name} has no {kind} figure; it has: {', '.join(available)}")
    if kind == "matrix":
        import warnings

        from ..errors import DegenerateGameWarning
        from ..solvers import solve

        game = instance.build("matrix") if scenario.matrix else instance.build("bayesian").to_normal_form()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DegenerateGameWarning)
            return payoff_heatmap(game, solve(game))
    if kind == "tree":
        return tree_figure(instance.build("tree"))
    if kind == "deal":
        return deal_figure(instance.build("deal"))
    from ..analysis.sweep import sweep

    check_points(points)
    names = [n for n in (x, y) if n] or [p.name for p in scenario.parameters if float(p.low) < float(p.high)][:2]
    swept = [scenario.parameter(n) for n in names]
    grid = {p.name: np.linspace(float(p.low), float(p.high), points).tolist() for p in swept}
    fixed = {k: v for k, v in instance.values.items() if k not in grid}
    table = sweep(lambda **values: scenario.bind(**fixed, **values), grid=grid,
                  metric=lambda bound: scenario.metrics(bound.values), progress=False)
    return region_map(table, names[0], names[1] if len(names) > 1 else None)
