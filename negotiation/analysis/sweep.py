"""Sweeps, one-at-a-time sensitivity (tornado) and Monte Carlo over named parameters.

A *target* is a scenario name, a :class:`~negotiation.Scenario`, or any
function ``f(**parameters)``. A *metric* turns what the target gives into
named numbers or labels: for a scenario it receives the bound
:class:`~negotiation.ScenarioInstance` (default: the scenario's own
``metrics``, or its teaching answers); for a function, its return value
(default: the value itself).

Work is spread over any :class:`concurrent.futures.Executor` (a process pool,
or a Dask cluster through ``Client(...).get_executor()``); the default runs in
this process. Points are sent in chunks, results come back in order, and a
progress bar (tqdm) shows on long runs. Random draws are seeded.

Examples
--------
>>> import negotiation as ng
>>> table = ng.sweep("purchase_pledges", grid={"us_reservation": [20, 40, 60, 80]}, progress=False)
>>> table.column("deal_exists")
[True, True, True, False]
>>> bound = ng.load_scenario("purchase_pledges", us_reservation=50)
>>> mc = ng.monte_carlo(bound, {"divertible": ("uniform", 20, 60)}, draws=400, seed=1, progress=False)
>>> round(mc.probability("deal_exists"), 3), mc.standard_error("deal_exists") < 0.03
(0.475, True)
"""

from __future__ import annotations

import itertools
import math
from concurrent.futures import Executor
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from ..budget import Deadline, progress_bar
from ..errors import ParameterError
from .sweep_results import MonteCarloResult, SweepResult, TornadoResult

__all__ = ["SweepResult", "MonteCarloResult", "TornadoResult", "sweep", "monte_carlo", "tornado", "grid_points",
           "MAX_POINTS"]

#: Most points in one sweep: every row is kept in memory (about 1 kB each for a scenario's metrics).
MAX_POINTS = 1_000_000
_IN_FLIGHT = 8  # chunks submitted ahead to an executor

_CHUNK = 64


# ---------------------------------------------------------------------- evaluation
def _resolve(target):
    """A function point -> instance-or-value, and the default metric."""
    from ..catalog import get_scenario
    from ..scenario import Scenario, ScenarioInstance

    if isinstance(target, str):
        target = get_scenario(target)
    if isinstance(target, Scenario):
        return _ScenarioPoint(target), _scenario_metric
    if isinstance(target, ScenarioInstance):  # a bound scenario: its values hold where a point says nothing
        return _ScenarioPoint(target.scenario, dict(target.values)), _scenario_metric
    if callable(target):
        return _FunctionPoint(target), _identity_metric
    raise ParameterError(f"a sweep target is a scenario name, a Scenario or a function, got {target!r}")


class _ScenarioPoint:
    """Binds a scenario's parameters; pickles as the scenario's name, so workers reload it."""

    def __init__(self, scenario, fixed=None):
        self.scenario = scenario
        self.fixed = dict(fixed or {})

    def __getstate__(self):
        return {"name": self.scenario.origin or self.scenario.name, "fixed": self.fixed}

    def __setstate__(self, state):
        from ..catalog import get_scenario

        self.scenario = get_scenario(state["name"])
        self.fixed = state.get("fixed", {})

    def __call__(self, values):
        return self.scenario.bind(**{**self.fixed, **values})

    def names(self):
        return {p.name for p in self.scenario.parameters}


class _FunctionPoint:
    def __init__(self, function):
        self.function = function

    def __call__(self, values):
        return self.function(**values)

    def names(self):
        return None


def _scenario_metric(instance) -> dict:
    if instance.scenario.metrics is not None:
        return dict(instance.scenario.metrics(instance.values))
    return dict(instance.answers())


def _identity_metric(value) -> dict:
    return dict(value) if isinstance(value, Mapping) else {"value": value}


def _evaluate_chunk(job):
    point, metric, chunk = job
    out = []
    for values in chunk:
        result = metric(point(values))
        out.append({**values, **(result if isinstance(result, Mapping) else {"value": result})})
    return out


def _run(target, points, metric, executor: Executor | None, progress: bool,
         deadline: Deadline | None = None, total: int | None = None) -> SweepResult:
    """Evaluate ``points`` (any iterable of dicts, consumed lazily) in chunks, until done or stopped."""
    deadline = deadline or Deadline(None)
    points = iter(points)
    first = next(points, None)
    if first is None:
        return SweepResult(parameters=(), rows=())
    point, default_metric = _resolve(target)
    names = point.names()
    unknown = set(first) - names if names is not None else set()
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(names))}")
    metric = metric or default_metric
    chunks = _chunks(itertools.chain([first], points))
    jobs = ((point, metric, chunk) for chunk in chunks)
    rows = []
    with progress_bar(total or 0, progress and (total or 0) >= 2 * _CHUNK, "point") as bar, deadline.interruptible():
        for chunk_rows in _mapped(executor, jobs, deadline):
            rows.extend(chunk_rows)
            bar.update(len(chunk_rows))
            if deadline.passed():
                break
    parameters = tuple(first)
    if deadline.reason:
        of = f" of {total}" if total else ""
        return SweepResult(parameters, tuple(rows), complete=False,
                           message=f"{deadline.reason} after {len(rows)}{of} points")
    return SweepResult(parameters=parameters, rows=tuple(rows))


def _chunks(points):
    while True:
        chunk = list(itertools.islice(points, _CHUNK))
        if not chunk:
            return
        yield chunk


def _mapped(executor: Executor | None, jobs, deadline: Deadline):
    """Chunk results in order; with an executor, only a few chunks are in flight at once.

    (``Executor.map`` would submit every chunk before the first result, so a
    timeout could not stop the submitting, and a huge grid would sit in memory.)
    """
    if executor is None:
        yield from map(_evaluate_chunk, jobs)
        return
    import collections

    window = collections.deque()
    try:
        for job in jobs:
            window.append(executor.submit(_evaluate_chunk, job))
            if len(window) >= _IN_FLIGHT:
                yield window.popleft().result()
            if deadline.passed():
                return
        while window:
            yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()


# ---------------------------------------------------------------------- public functions
def sweep(
    target,
    grid: Mapping[str, Sequence[Any]] | None = None,
    samples: int | None = None,
    ranges: Mapping[str, tuple] | None = None,
    metric: Callable | None = None,
    executor: Executor | None = None,
    seed: int = 0,
    progress: bool = True,
    timeout: float | None = None,
) -> SweepResult:
    """Evaluate ``metric`` over a grid (every combination) or ``samples`` uniform draws in ``ranges``.

    A :class:`~negotiation.symbolic.SymbolicDealRange` target is evaluated in
    one vectorised numpy call over the whole grid instead of point by point.
    Samples are drawn from a generator seeded with ``seed``, so a sweep is
    repeatable. After ``timeout`` seconds, or on Ctrl-C, the sweep stops and
    returns the rows done so far with ``complete=False``.
    """
    from ..symbolic import SymbolicDealRange

    if isinstance(target, SymbolicDealRange):
        return _symbolic_sweep(target, grid, samples, ranges, seed)
    deadline = Deadline(timeout)  # counts from the start: building the grid is part of the work
    if grid is not None:
        total, points = grid_points(grid)
    elif samples is not None and ranges:
        total = _check_count(samples, "samples")
        rng = np.random.default_rng(seed)
        draws = {n: rng.uniform(lo, hi, size=samples) for n, (lo, hi) in ranges.items()}
        points = ({n: float(draws[n][k]) for n in ranges} for k in range(samples))
    else:
        raise ParameterError("give a grid, or samples with ranges")
    return _run(target, points, metric, executor, progress, deadline, total)


def grid_points(grid: Mapping[str, Sequence[Any]]) -> tuple[int, Any]:
    """The number of points of a grid (checked against ``MAX_POINTS``) and a lazy iterator over them."""
    if not isinstance(grid, Mapping) or not grid:
        raise ParameterError("the grid is empty: give {parameter: values}")
    names = list(grid)
    values = []
    for name in names:
        try:
            values.append(list(grid[name]))
        except TypeError:
            raise ParameterError(f"the grid values of {name} must be a list, got {type(grid[name]).__name__}") from None
        if not values[-1]:
            raise ParameterError(f"the grid has no values for {name}")
    total = math.prod(len(v) for v in values)
    _check_count(total, "grid points")
    return total, (dict(zip(names, combo)) for combo in itertools.product(*values))


def _check_count(count, what: str) -> int:
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
        raise ParameterError(f"the number of {what} must be a positive whole number, got {str(count)[:40]}")
    if count > MAX_POINTS:
        raise ParameterError(f"{count} {what} is more than the limit of {MAX_POINTS}; sample instead, or split the "
                             "sweep")
    return int(count)


def _symbolic_sweep(zone, grid, samples, ranges, seed) -> SweepResult:
    if grid is not None:
        grid_points(grid)  # checks the size before the mesh is allocated
        names = list(grid)
        mesh = np.meshgrid(*(np.asarray(list(grid[n]), dtype=float) for n in names), indexing="ij")
        columns = {n: m.ravel() for n, m in zip(names, mesh)}
    elif samples is not None and ranges:
        _check_count(samples, "samples")
        rng = np.random.default_rng(seed)
        names = list(ranges)
        columns = {n: rng.uniform(lo, hi, size=samples) for n, (lo, hi) in ranges.items()}
    else:
        raise ParameterError("give a grid, or samples with ranges")
    missing = set(zone.parameters) - set(names)
    if missing:
        raise ParameterError(f"the grid needs values for {', '.join(sorted(missing))}")
    out = zone.evaluate(**{n: columns[n] for n in zone.parameters})
    keys = names + ["low", "high", "exists", "width"]
    data = [columns[n] for n in names] + [out["low"], out["high"], out["exists"], out["width"]]
    rows = tuple(dict(zip(keys, values)) for values in zip(*(d.tolist() for d in data)))
    return SweepResult(parameters=tuple(names), rows=rows)


def monte_carlo(
    target,
    distributions: Mapping[str, tuple],
    draws: int = 1000,
    metric: Callable | None = None,
    executor: Executor | None = None,
    seed: int = 0,
    progress: bool = True,
) -> MonteCarloResult:
    """Outputs over random parameter draws; ``("uniform", lo, hi)``, ``("normal", mean, sd)``,
    ``("triangular", lo, mode, hi)``, ``("lognormal", median, sigma)``. Draws outside a scenario
    parameter's range are clipped to it, and draws of a count (a parameter declared ``whole``) are
    rounded to whole numbers. A bound scenario holds its values for the parameters not drawn."""
    from ..econ.uncertainty import draw

    _check_count(draws, "draws")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ParameterError(f"the seed must be a whole number, 0 or more, got {str(seed)[:40]}")
    rng = np.random.default_rng(seed)
    point, _ = _resolve(target)
    limits, counts = {}, set()
    if isinstance(point, _ScenarioPoint):
        limits = {p.name: (p.low, p.high) for p in point.scenario.parameters}
        counts = {p.name for p in point.scenario.parameters if p.whole}
    columns = {}
    for name, spec in distributions.items():
        spec = tuple(spec) if isinstance(spec, list) else spec
        if not isinstance(spec, tuple) or not spec or spec[0] not in ("uniform", "normal", "triangular", "lognormal"):
            raise ParameterError(f"unknown distribution {str(spec)[:60]} for {name}; use uniform, normal, "
                                 "triangular or lognormal")
        values = draw(spec, draws, rng)
        if name in limits:
            values = np.clip(values, *limits[name])
        if name in counts:  # rounds, weeks: a draw is a whole number of them
            values = np.round(values)
        columns[name] = values
    points = ({n: float(columns[n][k]) for n in columns} for k in range(draws))
    table = _run(target, points, metric, executor, progress, total=draws)
    # stopped early (Ctrl-C), the estimate rests on the draws done; ``table.message`` says so
    return MonteCarloResult(draws=len(table), seed=seed, table=table)


def tornado(target, output: str, metric: Callable | None = None) -> TornadoResult:
    """One-at-a-time sensitivity of a numeric ``output`` to every parameter's range."""
    point, default_metric = _resolve(target)
    if not isinstance(point, _ScenarioPoint):
        raise ParameterError("tornado needs a scenario: its parameters carry their ranges")
    metric = metric or default_metric
    scenario = point.scenario

    def value(**overrides):
        result = metric(scenario.bind(**overrides))
        if output not in result:
            raise ParameterError(f"the metric has no output {output!r}; it has {', '.join(result)}")
        return float(result[output])

    base = value()
    bars = [(p.name, value(**{p.name: p.low}), value(**{p.name: p.high})) for p in scenario.parameters]
    bars.sort(key=lambda bar: -abs(bar[2] - bar[1]))
    return TornadoResult(output=output, base=base, bars=tuple(bars))
