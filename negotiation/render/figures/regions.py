"""Region maps: which outcome holds where over one or two parameters of a sweep.

A categorical outcome (text or yes/no) gets one colour per value and a
legend; a numeric one gets a continuous colour scale. Axes carry units, the
current values can be marked, and a map on which nothing changes says so.
"""

from __future__ import annotations

import numpy as np

from ..._format import number
from ...errors import ParameterError
from .base import PALETTE, literal_dollars, new_figure, wrap_title

__all__ = ["region_map", "categorical_columns", "check_points", "MAX_POINTS"]

#: Values per parameter: beyond this a map is slow and no more informative.
MAX_POINTS = 201


def region_map(table, x: str, y: str | None = None, by: str | None = None, *, units: dict | None = None,
               mark: dict | None = None):
    """Which value of ``by`` (an output column of a sweep) holds at each point.

    ``table`` is a :class:`~negotiation.SweepResult` over a grid; ``x`` (and
    ``y``) name its parameters. With one parameter the map is a strip.
    ``by`` defaults to the categorical column that varies most, else the first
    numeric output. ``units`` maps parameter names to units for the axis
    labels; ``mark`` maps them to the values to mark as "current values".
    """
    for name in (x, y):
        if name is not None and name not in table.parameters:
            raise ParameterError(f"{name!r} is not a swept parameter; the parameters are {', '.join(table.parameters)}")
    by = by or _default_column(table)
    if by not in table.names or by in table.parameters:
        outputs = [n for n in table.names if n not in table.parameters]
        raise ParameterError(f"{by!r} is not an output of the sweep; its outputs are {', '.join(outputs)}")
    values = table.column(by)
    numeric = not _is_categorical(values)
    if numeric and not all(v is None or _is_number(v) for v in values):
        raise ParameterError(f"{by!r} mixes numbers with other values; a region map colours one kind")
    xs = sorted(set(float(v) for v in table.column(x)))
    ys = sorted(set(float(v) for v in table.column(y))) if y else [0.0]
    grid = np.full((len(ys), len(xs)), np.nan)
    categories = sorted(set(str(v) for v in values))
    for row, value in zip(table.rows, values):
        i = ys.index(float(row[y])) if y else 0
        if value is not None or not numeric:
            grid[i, xs.index(float(row[x]))] = float(value) if numeric else categories.index(str(value))
    figure = new_figure(8.5, 5.5 if y else 2.6)
    axes = figure.subplots()
    extent = [_edge(xs, 0), _edge(xs, -1), _edge(ys, 0), _edge(ys, -1)] if y else [_edge(xs, 0), _edge(xs, -1), 0, 1]
    units = units or {}
    if numeric:
        image = axes.imshow(np.ma.masked_invalid(grid), origin="lower", aspect="auto", extent=extent,
                            cmap="viridis", interpolation="nearest")
        figure.colorbar(image, ax=axes, label=by)
    else:
        _categorical(axes, grid, categories, extent, by)
    axes.set_xlabel(_axis_label(x, units))
    if y:
        axes.set_ylabel(_axis_label(y, units))
    else:
        axes.set_yticks([])
    if mark and x in mark:
        axes.plot([float(mark[x])], [float(mark[y]) if y else 0.5], marker="*", markersize=16, color="white",
                  markeredgecolor="black", linestyle="none", label="current values", zorder=3)
        figure.legend(loc="outside lower right", fontsize=8, frameon=False)
    title = f"{by} by {x}" + (f" and {y}" if y else "")
    finite = grid[~np.isnan(grid)]
    if finite.size and finite.min() == finite.max():
        only = number(finite[0]) if numeric else categories[int(finite[0])]
        title += f": {only} everywhere on this map"
    axes.set_title(wrap_title(title, 7.5))
    return literal_dollars(figure)


def _categorical(axes, grid, categories, extent, by):
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    colours = [PALETTE[k % len(PALETTE)] for k in range(len(categories))]
    axes.imshow(np.ma.masked_invalid(grid), origin="lower", aspect="auto", extent=extent,
                cmap=ListedColormap(colours), vmin=-0.5, vmax=len(categories) - 0.5, interpolation="nearest")
    handles = [Patch(color=colours[k], label=c) for k, c in enumerate(categories)]
    axes.legend(handles=handles, title=by, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))


def _axis_label(name: str, units: dict) -> str:
    unit = units.get(name)
    return f"{name} ({unit})" if unit else name


def _is_categorical(values) -> bool:
    return all(isinstance(v, (bool, str, np.bool_)) for v in values)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def categorical_columns(table) -> list[str]:
    """Outputs of a sweep that are text or yes/no, most varied first."""
    names = [n for n in table.names if n not in table.parameters and _is_categorical(table.column(n))]
    return sorted(names, key=lambda n: -len(set(table.column(n))))


def _default_column(table) -> str:
    categorical = categorical_columns(table)
    if categorical:
        return categorical[0]
    numeric = [n for n in table.names if n not in table.parameters and all(_is_number(v) for v in table.column(n))]
    if not numeric:
        raise ParameterError("the sweep has no text, yes/no or numeric output to colour the map by")
    return max(numeric, key=lambda n: np.ptp(np.asarray(table.column(n), dtype=float)))


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
