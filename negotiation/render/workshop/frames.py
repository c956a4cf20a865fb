"""What the workshop page shows at each point of its grid, computed ahead through :func:`~negotiation.sweep`.

A *frame* is one grid point's picture in plain data: the bottom line, the
verdicts (:func:`~negotiation.render.outcomes.outcome_rows`), the payoff
table with its marks, the tree's payoffs with the subgame-perfect path, the
deal range and who gains. The page looks frames up; it never computes or
interpolates.

Examples
--------
>>> import negotiation as ng
>>> standoff = ng.get_scenario("tariff_standoff")
>>> widest_parameters(standoff)
['face_cost', 'china_demand_elasticity']
>>> grid = page_grid(standoff, ["backdown_cost"], points=5)
>>> grid["backdown_cost"]
[0.0, 5, 15.0, 30.0, 45.0, 60.0]
>>> point_frame(standoff.bind(backdown_cost=30))["frame"]["verdicts"][2]
['threats', 'U.S.: Impose tariffs credible; China: Retaliate credible']
"""

from __future__ import annotations

import re

import numpy as np

from ...catalog import bind_target as bound
from ...errors import NegotiationError, ParameterError
from ..outcomes import bottom_line, outcome, outcome_rows, payoff_outcomes

__all__ = ["widest_parameters", "page_grid", "grid_values", "point_frame", "DEFAULT_POINTS", "MAX_VARIED",
           "MAX_GRID"]

#: Values per slider by default, by the number of sliders: 41, 21 and 9 (1,681, 441 and 729 points at most).
DEFAULT_POINTS = {1: 41, 2: 21, 3: 9}
MAX_VARIED = 3  # sliders on one page
MAX_GRID = 5_000  # grid points on one page: each is a full solve, and the page must stay small
_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?:/\d+)?")


def widest_parameters(instance, count: int = 2) -> list[str]:
    """The ``count`` parameters whose ranges change the outcome most: a tornado screen.

    Each parameter in turn goes to the low and the high end of its range,
    the others held at ``instance``'s values. Parameters are ranked first by
    how many verdicts change in words (numbers aside), then by how much the
    numbers in the verdicts change, each relative to its size (so payoffs in
    $B and shares of a surplus count alike).
    """
    instance = bound(instance)
    scenario = instance.scenario
    ranged = [p for p in scenario.parameters if float(p.low) < float(p.high)]
    if not ranged:
        raise ParameterError(f"scenario {scenario.name} has no parameter with a range to vary")
    effects = {}
    for p in ranged:
        low, high = (_signature(scenario.bind(**{**instance.values, p.name: end})) for end in (p.low, p.high))
        changed = sum(a != b for a, b in zip(low[0], high[0])) + abs(len(low[0]) - len(high[0]))
        moved = sum(abs(a - b) / max(abs(a), abs(b), 1e-12) for a, b in zip(low[1], high[1]))
        effects[p.name] = (changed, moved)
    ranked = sorted(effects, key=lambda name: (-effects[name][0], -effects[name][1]))
    return ranked[:count]


def _solved(instance):
    """The report, its answers asked: a degenerate game's warning is not news on a page of many points."""
    import warnings

    from ...errors import DegenerateGameWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        report = instance.report()
        return report, bottom_line(report), outcome_rows(report)


def _signature(instance) -> tuple[tuple[str, ...], list[float]]:
    """The verdicts with their numbers blanked out, and the numbers."""
    _, _, rows = _solved(instance)
    texts = [f"{aspect}: {text}" for aspect, text in rows]
    numbers = [_number(n) for text in texts for n in _NUMBER.findall(text)]
    return tuple(_NUMBER.sub("#", text) for text in texts), numbers


def _number(text: str) -> float:
    text = text.replace("−", "-")
    if "/" in text:
        top, bottom = text.split("/")
        return float(top) / float(bottom) if float(bottom) else float(top)
    return float(text)


def page_grid(instance, vary=None, points: int | None = None) -> dict[str, list]:
    """The values of each parameter a slider moves: ``points`` even steps over its range, plus its bound value.

    ``vary`` defaults to the two parameters of :func:`widest_parameters`.
    Counts (parameters declared ``whole``) get whole-number steps.
    """
    instance = bound(instance)
    names = list(vary) if vary else widest_parameters(instance)
    if not 1 <= len(names) <= MAX_VARIED:
        raise ParameterError(f"vary 1 to {MAX_VARIED} parameters, got {len(names)}")
    if len(set(names)) != len(names):
        raise ParameterError(f"a parameter is named twice in {', '.join(names)}")
    parameters = [instance.scenario.parameter(name) for name in names]
    fixed = [p.name for p in parameters if not float(p.low) < float(p.high)]
    if fixed:
        raise ParameterError(f"{', '.join(fixed)} cannot be varied: its range is a single value")
    points = DEFAULT_POINTS[len(names)] if points is None else points
    if isinstance(points, bool) or not isinstance(points, int) or not 2 <= points <= 201:
        raise ParameterError(f"the points per slider must be a whole number from 2 to 201, got {points}")
    grid = {p.name: grid_values(p, points, instance.values[p.name]) for p in parameters}
    total = int(np.prod([len(v) for v in grid.values()]))
    if total > MAX_GRID:
        raise ParameterError(f"{total} grid points is more than a page holds ({MAX_GRID}); use fewer points per "
                             "slider or fewer sliders")
    return grid


def grid_values(parameter, points: int, current) -> list:
    """``points`` even steps from the low to the high end, and ``current`` where it falls between them."""
    values = parameter.steps(points)
    if not any(v == current for v in values):
        values = sorted([*values, current], key=float)
    return values


def point_frame(instance) -> dict:
    """One grid point, solved: ``{"frame": ...}`` with everything the page shows there (a sweep metric)."""
    report, bottom, rows = _solved(instance)
    sections = report.sections
    frame = {"bottom": bottom, "verdicts": [list(row) for row in rows],
             "matrix": _matrix(sections), "tree": _tree(sections), "deal": _deal(sections.get("deal")),
             "gains": [[label, [float(v) for v in sides.values()], list(sides)]
                       for label, sides in payoff_outcomes(report)]}
    return {"frame": frame}


def _matrix(sections):
    game = sections.get("matrix game")
    if game is None and "incomplete information" in sections:
        game = sections["incomplete information"].game
    return None if game is None else game._repr_html_()


def _tree(sections):
    from .tree_svg import tree_fill, tree_template

    result = sections.get("sequential moves")
    if result is None:
        return None
    try:
        template = tree_template(result.tree)
    except NegotiationError as exc:
        return {"note": f"The tree is not drawn: {exc}. The verdicts give its subgame-perfect path."}
    return {"svg": template.svg, **tree_fill(template, result.tree, result)}


def _deal(deal):
    if type(deal).__name__ != "DealRange":
        return None  # bargaining solutions and packages show in the verdicts and in who gains
    pairs = lambda intervals: [[float(a), float(b)] for a, b in intervals]  # noqa: E731
    return {"variable": deal.variable, "unit": deal.unit, "bounds": [float(v) for v in deal.bounds],
            "intervals": pairs(deal.intervals), "sides": {side: pairs(v) for side, v in deal.acceptable.items()},
            "text": outcome(deal)}
