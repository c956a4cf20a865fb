"""Verdicts with their uncertainty: a scenario's yes/no metrics as probabilities under its priors.

The parameters a scenario declares uncertain (those with a ``prior``) are
drawn together from a seeded generator; the others stay at their values. Each
yes/no metric becomes the share of draws in which it holds, with its standard
error :math:`\\sqrt{p(1-p)/n}`, and each numeric metric its mean and 5%–95%
range. A question tied to a metric is answered the same way: "the U.S.
imposes the tariffs: in 71.0% of 10000 draws (± 0.5% standard error)".

Examples
--------
>>> import negotiation as ng
>>> result = ng.verdict_probabilities("tariff_standoff", draws=400, seed=1, progress=False)
>>> 0 <= result.verdicts["threat_credible"].probability <= 1
True
>>> result.verdicts["threat_credible"].standard_error < 0.03
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import _format
from ..errors import ParameterError

__all__ = ["Uncertainty", "verdict_probabilities", "draw_metrics", "DEFAULT_DRAWS"]

DEFAULT_DRAWS = 10_000


@dataclass(frozen=True)
class Uncertainty(_format.Displays):
    """A scenario's metrics over draws from its priors: probabilities for verdicts, ranges for numbers."""

    scenario: str
    draws: int
    seed: int
    priors: dict  # parameter -> prior, as drawn
    verdicts: dict  # metric -> econ Probability
    numbers: dict  # metric -> (mean, 5% quantile, 95% quantile, unit)
    questions: tuple = ()  # (question, Probability) for each question tied to a metric
    answered: tuple = ()  # the metrics those questions read
    message: str = ""  # why the estimate is partial or absent
    held: dict = field(default_factory=dict)  # uncertain parameters held fixed by the caller

    def __str__(self) -> str:
        from ..scenario import prior_words

        if not self.priors:
            return f"{self.message}"
        import textwrap

        drawn = "; ".join(f"{name} {prior_words(prior)}" for name, prior in self.priors.items())
        lines = [f"under the priors ({self.draws} draws, seed {self.seed}):",
                 textwrap.fill(f"drawn: {drawn}", 100, initial_indent="  ", subsequent_indent="    ")]
        if self.held:
            lines.append("held at the values set: " + ", ".join(f"{k}={_format.number(v)}"
                                                                   for k, v in self.held.items()))
        for question, probability in self.questions:
            lines += [f"  Q: {question}", f"     {probability.verdict}: {_share(probability)}"]
        lines += [f"  {p.verdict}: {_share(p)}" for name, p in self.verdicts.items() if name not in self.answered]
        lines += [f"  {name}: mean {_format.number(mean, 4)}, 5%–95% {_format.number(low, 4)} to "
                  f"{_format.number(high, 4)} {unit}".rstrip() for name, (mean, low, high, unit) in self.numbers.items()]
        if self.message:
            lines.append(self.message)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "draws": self.draws, "seed": self.seed,
                "priors": {k: list(map(_format.plain, v)) for k, v in self.priors.items()},
                "held": {k: _format.plain(v) for k, v in self.held.items()},
                "verdicts": {k: p.to_dict() for k, p in self.verdicts.items()},
                "numbers": {k: {"mean": m, "q05": lo, "q95": hi, "unit": u}
                            for k, (m, lo, hi, u) in self.numbers.items()},
                "questions": [{"question": q, **p.to_dict()} for q, p in self.questions],
                "message": self.message}


def _share(probability) -> str:
    return f"{probability.probability:.1%} of draws (± {probability.standard_error:.1%})"


def verdict_probabilities(target: Any, draws: int = DEFAULT_DRAWS, seed: int = 0, executor=None,
                          progress: bool = True, **values: Any) -> Uncertainty:
    """Each metric of ``target`` (a scenario name, Scenario or bound scenario) over draws from its priors.

    ``values`` fix parameters first; an uncertain parameter fixed this way, or
    bound away from its default, is held, not drawn.
    """
    from ..catalog import bind_target
    from ..econ.uncertainty import Probability

    instance = bind_target(target, **values)
    scenario = instance.scenario
    if scenario.metrics is None:
        raise ParameterError(f"scenario {scenario.name} has no metrics to take probabilities of")
    held_names = set(values) | {k for k, v in instance.values.items() if v != scenario.parameter(k).default}
    priors, held, result = draw_metrics(instance, held_names, draws, seed, executor, progress)
    if result is None:
        reason = ("no parameter of this scenario has a prior" if not held else "every uncertain parameter is held")
        return Uncertainty(scenario.name, 0, seed, {}, {}, {}, held=held,
                           message=f"{reason}: its verdicts are certain given the values set")
    n = result.draws
    words = {m.name: m for m in scenario.metric_docs}
    verdicts, numbers = {}, {}
    for name in result.table.names:
        if name in result.table.parameters:
            continue
        column = result.table.column(name)
        if all(isinstance(v, (bool, np.bool_)) for v in column):
            meaning = words[name].meaning if name in words else name
            verdicts[name] = Probability(meaning, result.probability(name), result.standard_error(name), n, seed,
                                         tuple((k, *v) for k, v in priors.items()))
        elif all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in column):
            array = np.asarray(column, dtype=float)
            unit = words[name].unit if name in words else ""
            numbers[name] = (float(array.mean()), float(np.quantile(array, 0.05)), float(np.quantile(array, 0.95)),
                             unit)
    tied = [q for q in scenario.questions if q.metric in verdicts]
    return Uncertainty(scenario.name, n, seed, priors, verdicts, numbers, tuple(_question(q, verdicts) for q in tied),
                       tuple(q.metric for q in tied), result.table.message, held)


def draw_metrics(instance, held_names, draws: int, seed: int, executor=None, progress: bool = True):
    """``(priors, held, result)``: the uncertain parameters not in ``held_names`` drawn from their priors
    (a :class:`MonteCarloResult` of the scenario's metrics, or None when nothing is left to draw)."""
    from .sweep import monte_carlo

    scenario = instance.scenario
    priors = {p.name: p.prior for p in scenario.uncertain if p.name not in held_names}
    held = {p.name: instance.values[p.name] for p in scenario.uncertain if p.name in held_names}
    if not priors:
        return priors, held, None
    return priors, held, monte_carlo(instance, priors, draws=draws, seed=seed, executor=executor, progress=progress)


def _question(question, verdicts):
    from dataclasses import replace

    probability = verdicts[question.metric]
    return question.text, replace(probability, verdict=question.holds or probability.verdict)
