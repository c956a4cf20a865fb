"""Testing a model against what happened: each observation checked out of sample, at the defaults and as a probability.

An :class:`~negotiation.io.observation_file.Observation` says that a
scenario's metric stood in some relation to a value, observed on a date after
the scenario's. :func:`validate` computes, for each one,

* the model's value at the scenario's values (with the observation's ``set``);
* the probability, over draws from the scenario's priors (seeded), that the
  relation holds, with its standard error;
* a verdict: **agrees** when that probability is at least
  :data:`AGREES_AT`, **disagrees** when it is at most :data:`DISAGREES_AT`,
  and **uncertain** in between.

An observation dated on or before the scenario's date is refused: the model
could have been fitted to it, so it is no test. So is an unknown metric (the
message lists the scenario's metrics).

Examples
--------
>>> import datetime
>>> import negotiation as ng
>>> from negotiation.io.observation_file import Observation
>>> seen = Observation("tariff_standoff", "tariffs_imposed", "==", True, datetime.date(2018, 7, 6),
...                    "USTR: 25% on $34B from 6 July 2018")
>>> report = ng.validate([seen], draws=500, progress=False)
>>> report.checks[0].verdict
'agrees'
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass

import numpy as np

from . import _format
from .errors import ParameterError

__all__ = ["validate", "ValidationReport", "Check", "AGREES_AT", "DISAGREES_AT"]

#: The verdict thresholds, on the probability under the priors that the observed relation holds.
AGREES_AT = 0.9
DISAGREES_AT = 0.1

_RELATIONS = {"==": operator.eq, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


@dataclass(frozen=True)
class Check:
    """One observation against the model."""

    observation: object
    at_values: object  # the metric at the scenario's values (with ``set``)
    holds_at_values: bool
    probability: float
    standard_error: float
    draws: int
    verdict: str  # agrees, disagrees or uncertain

    def to_dict(self) -> dict:
        o = self.observation
        return {"scenario": o.scenario, "set": dict(o.set), "metric": o.metric, "relation": o.relation,
                "value": o.value, "observed": o.observed.isoformat(), "source": o.source,
                "model_at_values": _format.plain(self.at_values), "holds_at_values": self.holds_at_values,
                "probability": self.probability, "standard_error": self.standard_error, "draws": self.draws,
                "verdict": self.verdict}


@dataclass(frozen=True)
class ValidationReport(_format.Displays):
    """Every observation's check, with the thresholds and the draws used."""

    checks: tuple
    draws: int
    seed: int

    def counts(self) -> dict:
        return {v: sum(c.verdict == v for c in self.checks) for v in ("agrees", "disagrees", "uncertain")}

    def __str__(self) -> str:
        lines = [f"{len(self.checks)} observation(s); under the priors: {self.draws} draws (seed {self.seed}); "
                 f"a check agrees when the probability is ≥ {AGREES_AT:.0%}, disagrees when ≤ {DISAGREES_AT:.0%}, "
                 "and is uncertain in between"]
        for c in self.checks:
            o = c.observation
            setting = (" with " + ", ".join(f"{k}={_format.number(v)}" for k, v in o.set.items())) if o.set else ""
            lines += [
                "",
                f"{c.verdict.upper()}: {o.scenario}{setting}: {o.describe()}",
                f"  model at its values: {_value(c.at_values)} ({'holds' if c.holds_at_values else 'does not hold'})",
                f"  under the priors: holds in {c.probability:.1%} of {c.draws} draws (± {c.standard_error:.1%})"
                if c.draws else "  under the priors: nothing uncertain is left to draw, so the values decide",
                f"  observed {o.observed.isoformat()}: {o.source}",
            ]
            if o.note:
                lines.append(f"  note: {o.note}")
        counts = self.counts()
        lines += ["", ", ".join(f"{n} {v}" for v, n in counts.items())]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"draws": self.draws, "seed": self.seed, "agrees_at": AGREES_AT, "disagrees_at": DISAGREES_AT,
                "checks": [c.to_dict() for c in self.checks], "counts": self.counts()}


def _value(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    return _format.number(value)


def validate(observations, draws: int = 10_000, seed: int = 0, progress: bool = True, executor=None
             ) -> ValidationReport:
    """Check each observation against its scenario (see the module docstring)."""
    from .catalog import get_scenario

    observations = list(observations)
    if not observations:
        raise ParameterError("there are no observations to validate")
    groups: dict = {}
    for o in observations:
        scenario = get_scenario(o.scenario)
        _check_observation(scenario, o)
        groups.setdefault((o.scenario, tuple(sorted(o.set.items()))), []).append(o)
    results = {}
    for (name, fixed), members in groups.items():
        columns = _draw_metrics(get_scenario(name), dict(fixed), draws, seed, progress, executor)
        for o in members:
            results[id(o)] = _check(o, columns)
    return ValidationReport(tuple(results[id(o)] for o in observations), draws, seed)


def _check_observation(scenario, o) -> None:
    where = f"observation of {o.scenario}" + (f" (line {o.line})" if o.line else "")
    if o.observed <= scenario.date:
        raise ParameterError(f"{where}: observed {o.observed.isoformat()}, on or before the scenario's date "
                             f"{scenario.date.isoformat()}; an observation the model could have used is no test "
                             "out of sample")
    metric = scenario.metric(o.metric)
    if metric.verdict != isinstance(o.value, bool):
        kind = "yes/no: compare it with == true or == false" if metric.verdict else f"in {metric.unit}: give a number"
        raise ParameterError(f"{where}: the metric {o.metric} is {kind}")
    for name, value in o.set.items():
        scenario.parameter(name).check(value)


def _draw_metrics(scenario, fixed: dict, draws: int, seed: int, progress: bool, executor) -> dict:
    """The metrics at the values, and over draws from the priors of the parameters not fixed."""
    from .analysis.verdicts import draw_metrics

    instance = scenario.bind(**fixed)
    at_values = dict(scenario.metrics(instance.values))
    _, _, result = draw_metrics(instance, set(fixed), draws, seed, executor, progress)
    if result is None:
        return {"values": at_values, "draws": None}
    return {"values": at_values, "draws": {name: result.table.column(name) for name in at_values}}


def _check(o, columns) -> Check:
    relation = _RELATIONS[o.relation]
    at_values = columns["values"][o.metric]
    holds = bool(relation(at_values, o.value))
    drawn = columns["draws"]
    if drawn is None:
        p, se, n = float(holds), 0.0, 0
    else:
        values = np.asarray(drawn[o.metric], dtype=float)
        n = len(values)
        p = float(np.mean(relation(values, float(o.value))))
        se = math.sqrt(p * (1 - p) / n)
    verdict = "agrees" if p >= AGREES_AT else "disagrees" if p <= DISAGREES_AT else "uncertain"
    return Check(o, at_values, holds, p, se, n, verdict)
