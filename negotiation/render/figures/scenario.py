"""A scenario's figures: which kinds it can draw, and each one drawn from a bound scenario.

A kind is offered only when the scenario can draw it, so everything that
``negotiation list`` advertises works. A region map's default axes are the
two parameters that move its verdict most, found by a one-at-a-time screen
from the bound values.
"""

from __future__ import annotations

import numpy as np

from ...errors import ParameterError
from .regions import categorical_columns, check_points

__all__ = ["KINDS", "figure_kinds", "scenario_figure", "region_axes"]

KINDS = ("matrix", "tree", "deal", "regions")
_SCREEN_POINTS = 9  # values per parameter in the screen for the region map's default axes


def figure_kinds(scenario) -> tuple[str, ...]:
    """The figure kinds this scenario can draw, in the order of :data:`KINDS`."""
    two_players = len(scenario.players) == 2  # a payoff heatmap has rows and columns, no third axis
    forms = {"matrix": (scenario.matrix or scenario.bayesian) if two_players else None, "tree": scenario.tree,
             "deal": scenario.deal,
             "regions": scenario.metrics if _ranged(scenario) else None}
    return tuple(kind for kind in KINDS if forms[kind] is not None)


def _ranged(scenario) -> list:
    return [p for p in scenario.parameters if float(p.low) < float(p.high)]


def scenario_figure(instance, kind: str | None = None, x: str | None = None, y: str | None = None,
                    points: int = 21, by: str | None = None):
    """A figure of a bound scenario: its matrix, tree, deal, or a region map.

    ``kind`` defaults to the first the scenario has. A region map sweeps
    ``x`` and ``y`` (by default the two parameters that change ``by`` most)
    over their plausible ranges, ``points`` values each, holding the others
    at their bound values, and marks the bound values. ``by`` names a metric
    (default: the text or yes/no metric that varies most).
    """
    scenario = instance.scenario
    available = figure_kinds(scenario)
    kind = kind or (available[0] if available else None)
    if kind not in available:
        raise ParameterError(f"scenario {scenario.name} has no {kind} figure; it has: {', '.join(available)}")
    if kind == "matrix":
        return _matrix(instance)
    if kind == "tree":
        from .tree import tree_figure

        return tree_figure(instance.build("tree"))
    if kind == "deal":
        from .deals import deal_figure

        return deal_figure(instance.build("deal"))
    return _regions(instance, x, y, check_points(points), by)


def _matrix(instance):
    import warnings

    from ...errors import DegenerateGameWarning
    from ...solvers import solve
    from .heatmap import payoff_heatmap

    scenario = instance.scenario
    game = instance.build("matrix") if scenario.matrix else instance.build("bayesian").to_normal_form()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        return payoff_heatmap(game, solve(game))


def _regions(instance, x, y, points, by):
    from ...analysis.sweep import sweep
    from .regions import region_map

    scenario = instance.scenario
    if by is not None and by not in scenario.metrics(instance.values):
        raise ParameterError(f"scenario {scenario.name} has no metric {by!r}; its metrics are "
                             + ", ".join(scenario.metrics(instance.values)))
    names = [n for n in (x, y) if n]
    for name in names:
        scenario.parameter(name)  # an unknown name gets the error that lists the parameters
    if not names:
        names = region_axes(instance, by)
    swept = [scenario.parameter(n) for n in names]
    grid = {p.name: p.steps(points) for p in swept}
    fixed = {k: v for k, v in instance.values.items() if k not in grid}
    table = sweep(lambda **values: scenario.bind(**fixed, **values), grid=grid,
                  metric=lambda bound: scenario.metrics(bound.values), progress=False)
    units = {p.name: p.unit for p in scenario.parameters if p.unit and p.unit != "1"}  # "1": a pure number
    mark = {n: instance.values[n] for n in names}
    return region_map(table, names[0], names[1] if len(names) > 1 else None, by, units=units, mark=mark)


def region_axes(instance, by: str | None = None) -> list[str]:
    """The (up to) two parameters whose ranges change the verdict most, one at a time from the bound values.

    The verdict is ``by``, or the first text or yes/no metric that changes
    anywhere in the screen (else the first numeric metric); parameters are
    ranked by how many different values it takes, then by its numeric spread.
    """
    from ...analysis.sweep import sweep

    scenario = instance.scenario
    ranged = _ranged(scenario)
    screens = {}
    for p in ranged:
        values = {k: v for k, v in instance.values.items() if k != p.name}
        screens[p.name] = sweep(lambda **v: scenario.bind(**values, **v),
                                grid={p.name: p.steps(_SCREEN_POINTS)},
                                metric=lambda bound: scenario.metrics(bound.values), progress=False)
    by = by or _screened_verdict(screens)

    def effect(name):
        column = screens[name].column(by)
        numbers = [float(v) for v in column if isinstance(v, (int, float, np.number))]
        return (len(set(map(str, column))), float(np.ptp(numbers)) if numbers else 0.0)

    ranked = sorted((p.name for p in ranged), key=lambda n: tuple(-e for e in effect(n)))
    return ranked[:2]


def _screened_verdict(screens) -> str:
    tables = list(screens.values())
    for table in tables:
        for name in categorical_columns(table):
            if any(len(set(t.column(name))) > 1 for t in tables):
                return name
    categorical = categorical_columns(tables[0])
    if categorical:
        return categorical[0]
    outputs = [n for n in tables[0].names if n not in tables[0].parameters]
    return outputs[0]
