"""Scenarios: a negotiation told as data, with sourced parameters and the games it builds.

A :class:`Scenario` declares its name, title, date and summary; its players
and their moves; its :class:`Parameter` s (default, unit, plausible range,
source, one-line reason); its :class:`Source` s (seed file, outlet, date, the
sentence relied on); the forms it builds (a matrix game, a game tree, a deal,
a repeated game, a Bayesian game, a symbolic threshold), each a function of
the parameter values; and its teaching :class:`Question` s, whose answers the
package computes.

:meth:`Scenario.bind` (or :func:`negotiation.load_scenario`) fixes parameter
values, checking each against its range, and returns a
:class:`ScenarioInstance` whose :meth:`~ScenarioInstance.report` solves every
form the scenario has.

Examples
--------
>>> import negotiation as ng
>>> pledges = ng.get_scenario("purchase_pledges")
>>> pool = pledges.parameter("divertible")
>>> pool.default, pool.unit, (pool.low, pool.high)
(50, '$B/yr', (20, 60))
>>> report = pledges.bind(divertible=60, us_reservation=50).report()
>>> list(report.sections)
['deal', 'threshold']
>>> print(report.sections["deal"])
deal range for pledge: 50B to 200B (U.S.: ≥ 50B; China: anything in range)
>>> pledges.bind(divertible=500)
Traceback (most recent call last):
...
negotiation.errors.ParameterError: parameter divertible = 500 is outside its plausible range 20..60 $B/yr
"""

from __future__ import annotations

import datetime
import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Mapping

from . import _format
from .errors import ParameterError

__all__ = ["Source", "Parameter", "Metric", "Question", "Scenario", "ScenarioInstance", "Values", "ScenarioReport"]


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: outlet, date, the sentence relied on, and the seed file if any."""

    outlet: str
    date: datetime.date
    quote: str
    seed: str | None = None

    def cite(self) -> str:
        """The sentence relied on, then outlet and date; the seed file only as a reference at the end."""
        seed = f" (seed file {self.seed})" if self.seed else ""
        return f"“{self.quote}” — {self.outlet}, {self.date.day} {self.date:%B %Y}{seed}"


@dataclass(frozen=True)
class Parameter:
    """A number the model depends on, with where it comes from and why."""

    name: str
    default: Any
    unit: str
    low: Any
    high: Any
    source: str
    reason: str
    whole: bool = False  # a count (rounds, weeks): whole numbers only
    #: What is believed about an uncertain value: ``("uniform", low, high)``, ``("triangular", low, mode,
    #: high)`` or ``("lognormal", median, sigma)``; draws are clipped to the range. None: not uncertain.
    prior: tuple | None = None
    fact: str | None = None  # the registry entry the default comes from (see :meth:`from_fact`)
    political: bool = False  # a political term (audience cost, face) in $B-equivalent, not trade economics
    #: A modelling choice that is not a payoff (a period length, a trigger rule, a regime's design): stated,
    #: varied by sweeps, never drawn as if it were measured.
    choice: bool = False

    @classmethod
    def from_fact(cls, name: str, fact: str, date: datetime.date, reason: str, low: Any = None, high: Any = None,
                  prior: Any = None, whole: bool = False) -> "Parameter":
        """A parameter whose default, unit and source are a registry fact, refused if published after ``date``.

        ``prior`` is None (not uncertain), a prior tuple, or ``"triangular"``
        (the fact as the mode, over the range) or ``"uniform"`` (over the range).
        """
        from .econ import REGISTRY

        quantity = REGISTRY.as_of(date, [fact])[fact]
        low = quantity.low if low is None else low
        high = quantity.high if high is None else high
        if prior == "triangular":
            prior = ("triangular", low, quantity.value, high)
        elif prior == "uniform":
            prior = ("uniform", low, high)
        source = f"{quantity.source} ({quantity.published.isoformat()})" if quantity.published else quantity.source
        return cls(name, quantity.value, quantity.unit, low, high, source, reason, whole, prior, fact)

    def __post_init__(self):
        if self.prior is not None:
            _check_prior(self)

    @property
    def uncertain(self) -> bool:
        return self.prior is not None

    def check(self, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
            raise ParameterError(f"parameter {self.name} must be a number, got {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ParameterError(f"parameter {self.name} must be finite, got {value!r}")
        if self.whole and value != int(value):
            raise ParameterError(f"parameter {self.name} counts {self.unit or 'whole steps'}: it must be a whole "
                                 f"number, got {value}")
        if not self.low <= value <= self.high:
            raise ParameterError(
                f"parameter {self.name} = {value} is outside its plausible range "
                f"{self.low}..{self.high} {self.unit}".rstrip()
            )
        return value


    def steps(self, count: int) -> list:
        """``count`` evenly spaced values from the low to the high end; whole numbers, once each, for a count."""
        import numpy as np

        values = np.linspace(float(self.low), float(self.high), count)
        if self.whole:
            return sorted({int(round(v)) for v in values})
        # 12 significant figures read cleanly; clipped so that a bound such as 1/12 stays inside its own range
        return [min(max(float(f"{v:.12g}"), float(self.low)), float(self.high)) for v in values]


def prior_words(prior: tuple) -> str:
    """A prior as a reader writes it: "triangular 0.5, 1.61, 8"."""
    return f"{prior[0]} " + ", ".join(_format.number(x) for x in prior[1:])


def _check_prior(parameter: Parameter) -> None:
    prior = parameter.prior
    kinds = {"uniform": 2, "triangular": 3, "lognormal": 2}
    if (not isinstance(prior, tuple) or not prior or prior[0] not in kinds or len(prior) != kinds[prior[0]] + 1
            or not all(isinstance(x, (int, float, Fraction)) and not isinstance(x, bool) for x in prior[1:])):
        raise ParameterError(f"parameter {parameter.name}: a prior is ('uniform', low, high), ('triangular', low, "
                             f"mode, high) or ('lognormal', median, sigma), got {str(prior)[:80]}")
    if prior[0] != "lognormal" and not parameter.low <= prior[1] <= prior[-1] <= parameter.high:
        raise ParameterError(f"parameter {parameter.name}: the prior {prior} reaches outside the range "
                             f"{parameter.low}..{parameter.high}")


@dataclass(frozen=True)
class Metric:
    """A named output of a scenario's ``metrics``, stable across versions: researchers sweep and validate it."""

    name: str
    unit: str  # "yes/no" for a verdict
    meaning: str

    @property
    def verdict(self) -> bool:
        return self.unit == "yes/no"


@dataclass(frozen=True)
class Question:
    """A teaching question; ``answer`` computes the answer from a bound scenario.

    ``metric`` names a yes/no metric that answers it, and ``holds`` says in
    words what that metric being true means; the question is then also
    answered as a probability under the scenario's priors.
    """

    text: str
    answer: Callable[["ScenarioInstance"], str] = field(repr=False)
    metric: str | None = None
    holds: str = ""


class Values(dict):
    """Parameter values with attribute access: ``v.pledge``."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no parameter {name!r}") from None


@dataclass(frozen=True)
class Scenario:
    """One negotiation: metadata, sourced parameters, the games it builds, and questions."""

    name: str
    title: str
    date: datetime.date
    summary: str
    players: tuple[str, ...]
    moves: Mapping[str, tuple[str, ...]]
    parameters: tuple[Parameter, ...]
    sources: tuple[Source, ...]
    matrix: Callable[[Values], Any] | None = field(default=None, repr=False)
    tree: Callable[[Values], Any] | None = field(default=None, repr=False)
    deal: Callable[[Values], Any] | None = field(default=None, repr=False)
    repeated: Callable[[Values], Any] | None = field(default=None, repr=False)
    bayesian: Callable[[Values], Any] | None = field(default=None, repr=False)
    threshold: Callable[[Values], Any] | None = field(default=None, repr=False)
    tournament: Callable[[Values], Any] | None = field(default=None, repr=False)  # strategies or agents, played
    threats: Callable[[Values], Mapping] | None = field(default=None, repr=False)
    metrics: Callable[[Values], Mapping] | None = field(default=None, repr=False)
    metric_docs: tuple[Metric, ...] = ()  # what each output of ``metrics`` means, with its unit
    questions: tuple[Question, ...] = ()
    origin: str | None = field(default=None, repr=False)  # the file a scenario was read from, if any

    @property
    def forms(self) -> tuple[str, ...]:
        names = ("matrix", "tree", "deal", "repeated", "bayesian", "threshold", "tournament")
        return tuple(n for n in names if getattr(self, n) is not None)

    @property
    def uncertain(self) -> tuple[Parameter, ...]:
        """The parameters with a prior: those a probability is taken over."""
        return tuple(p for p in self.parameters if p.uncertain)

    def metric(self, name: str) -> Metric:
        for m in self.metric_docs:
            if m.name == name:
                return m
        known = ", ".join(m.name for m in self.metric_docs) or "none"
        raise ParameterError(f"scenario {self.name} has no metric {str(name)[:60]!r}; its metrics are {known}")

    @functools.cached_property
    def _by_name(self) -> dict:
        # bind looks up each drawn value's parameter: 10⁴ draws of a dozen values each
        return {p.name: p for p in self.parameters}

    def parameter(self, name: str) -> Parameter:
        if name in self._by_name:
            return self._by_name[name]
        raise ParameterError(
            f"scenario {self.name} has no parameter {name!r}; its parameters are "
            + ", ".join(f"{p.name} ({p.low}..{p.high} {p.unit})".replace(" )", ")") for p in self.parameters)
        )

    def bind(self, **overrides: Any) -> "ScenarioInstance":
        values = Values({p.name: p.default for p in self.parameters})
        for name, value in overrides.items():
            values[name] = self.parameter(name).check(value)
        return ScenarioInstance(self, values)

    def __repr__(self) -> str:
        return f"<scenario {self.name}: {self.title} ({self.date.isoformat()})>"

    def _repr_html_(self) -> str:
        return _scenario_html(self, {p.name: p.default for p in self.parameters})

    def describe(self) -> str:
        lines = [f"{self.title} ({self.date.isoformat()})", "", self.summary, "", "players and moves:"]
        for player in self.players:
            lines.append(f"  {player}: {', '.join(self.moves.get(player, ()))}")
        lines.append("")
        lines.append("parameters:")
        rows = [
            [p.name, _format.number(p.default), p.unit, f"{_format.number(p.low)}..{_format.number(p.high)}", p.source, p.reason]
            for p in self.parameters
        ]
        lines.append(_format.text_table(["name", "default", "unit", "range", "source", "why"], rows))
        lines.append("")
        if self.uncertain:
            lines.append("uncertain, with priors (probabilities are taken over these):")
            lines += [f"  {p.name}: {prior_words(p.prior)} {p.unit}".rstrip() for p in self.uncertain]
            lines.append("")
        if self.metric_docs:
            lines.append("metrics:")
            lines += [f"  {m.name} ({m.unit}): {m.meaning}" for m in self.metric_docs]
            lines.append("")
        lines.append("sources:")
        lines += [f"  {s.cite()}" for s in self.sources]
        lines.append("")
        lines.append(f"forms: {', '.join(self.forms)}")
        return "\n".join(lines)


@dataclass(frozen=True, eq=False)
class ScenarioInstance:
    """A scenario with parameter values fixed: build its games and solve them."""

    scenario: Scenario
    values: Values

    def __repr__(self) -> str:
        s = self.scenario
        changed = {k: v for k, v in self.values.items() if v != s.parameter(k).default}
        settings = ", ".join(f"{k}={_format.number(v)}" for k, v in changed.items()) or "the defaults"
        return f"<scenario {s.name} at {settings}>"

    def _repr_html_(self) -> str:
        return _scenario_html(self.scenario, dict(self.values))

    def build(self, form: str) -> Any:
        builder = getattr(self.scenario, form)
        if builder is None:
            raise ParameterError(f"scenario {self.scenario.name} has no {form} form")
        if form == "threshold" and not _takes_values(builder):  # a plug-in written before thresholds took values
            return builder()
        return builder(self.values)

    def answers(self) -> list[tuple[str, str]]:
        return [(q.text, q.answer(self)) for q in self.scenario.questions]

    def report(self, exact: bool = False) -> "ScenarioReport":
        """Solve every form the scenario has; each section is a result object."""
        from .scenario_solve import solve_sections

        return ScenarioReport(self, solve_sections(self, exact))


@dataclass(frozen=True, eq=False)
class ScenarioReport(_format.Displays):
    """The results of one scenario at one set of parameter values."""

    instance: ScenarioInstance
    sections: dict  # title -> result object (each prints and has to_dict)

    def __str__(self) -> str:
        s = self.instance.scenario
        changed = {k: v for k, v in self.instance.values.items() if v != s.parameter(k).default}
        head = f"== {s.title} ({s.date.isoformat()})"
        if changed:
            head += " with " + ", ".join(f"{k}={_format.number(v)}" for k, v in changed.items())
        parts = [head]
        for title, result in self.sections.items():
            parts.append(f"-- {title}\n{result}")
        answers = self.instance.answers()
        if answers:
            parts.append("-- questions\n" + "\n".join(f"Q: {q}\nA: {a}" for q, a in answers))
        return "\n".join(parts)

    def to_dict(self) -> dict:
        def data(result):
            return result.to_dict() if hasattr(result, "to_dict") else str(result)

        from . import __version__

        return {
            "scenario": self.instance.scenario.name,
            "version": __version__,
            "values": {k: _format.plain(v) for k, v in self.instance.values.items()},
            "sections": {title: data(result) for title, result in self.sections.items()},
            "questions": [{"question": q, "answer": a} for q, a in self.instance.answers()],
        }


def _takes_values(builder) -> bool:
    import inspect

    try:
        return len(inspect.signature(builder).parameters) > 0
    except (TypeError, ValueError):
        return True


def _scenario_html(scenario, values: dict) -> str:
    """A scenario for a notebook: title, summary, parameters at their values, sources and forms."""
    import html

    rows = [[p.name, _format.number(values[p.name]), p.unit, f"{_format.number(p.low)}..{_format.number(p.high)}",
             p.source] for p in scenario.parameters]
    sources = "".join(f"<li>{html.escape(source.cite())}</li>" for source in scenario.sources)
    return (f"<p><strong>{html.escape(scenario.title)}</strong> ({scenario.date.isoformat()}, "
            f"<code>{html.escape(scenario.name)}</code>)</p><p>{html.escape(scenario.summary)}</p>"
            + _format.html_table(["parameter", "value", "unit", "range", "source"], rows, caption="Parameters")
            + f"<p>Sources:</p><ul>{sources}</ul><p>Forms: {html.escape(', '.join(scenario.forms))}</p>")
