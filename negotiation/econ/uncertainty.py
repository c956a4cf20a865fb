"""Verdicts as probabilities: draw uncertain elasticities from their priors and count the outcomes.

A prior is ``("uniform", low, high)``, ``("normal", mean, sd)``, ``("lognormal", median, sigma)``,
``("triangular", low, mode, high)``, or a :class:`Quantity` with a range
(uniform over it). :func:`tariff_probability` pushes all the draws through
the tariff block at once (numpy arrays, no Python loop per draw) and reports
the share of draws in which a verdict holds, with its standard error
:math:`\\sqrt{p(1-p)/n}`.

Examples
--------
>>> from negotiation import econ
>>> verdict = econ.tariff_probability(flow=50, rate=0.25, demand_prior=("uniform", 1, 4),
...                                   supply_prior=("uniform", 0.5, 20), draws=20000, seed=1)
>>> 0 < verdict.probability < 1 and verdict.standard_error < 0.01
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .. import _format
from ..errors import ParameterError
from .quantity import Quantity
from .tariffs import tariff

__all__ = ["draw", "tariff_probability", "Probability", "MAX_DRAWS"]

MAX_DRAWS = 50_000_000


@dataclass(frozen=True)
class Probability(_format.Displays):
    """The share of draws in which a verdict holds, its standard error, and what was drawn."""

    verdict: str
    probability: float
    standard_error: float
    draws: int
    seed: int
    priors: tuple

    def __str__(self) -> str:
        return (f"{self.verdict}: in {self.probability:.1%} of {self.draws} draws "
                f"(± {self.standard_error:.1%} standard error; seed {self.seed})")

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "probability": self.probability, "standard_error": self.standard_error,
                "draws": self.draws, "seed": self.seed, "priors": [list(map(str, p)) for p in self.priors]}


def draw(prior: Any, size: int, rng: np.random.Generator) -> np.ndarray:
    """``size`` draws from a prior (see the module docstring)."""
    if isinstance(prior, Quantity):
        if prior.low is None or prior.high is None:
            raise ParameterError(f"{prior.name} has no range to draw from")
        return rng.uniform(float(prior.low), float(prior.high), size)
    if not isinstance(prior, tuple) or not prior or not isinstance(prior[0], str):
        raise ParameterError(f"a prior is ('uniform', low, high), ('normal', mean, sd), ('lognormal', median, sigma), "
                             f"('triangular', low, mode, high) or a Quantity with a range; got {prior!r}")
    kind, *args = prior
    try:
        args = [float(a) for a in args]
    except (TypeError, ValueError):
        raise ParameterError(f"the {kind} prior needs numbers, got {args!r}") from None
    if kind == "uniform" and len(args) == 2 and args[0] <= args[1]:
        return rng.uniform(args[0], args[1], size)
    if kind == "normal" and len(args) == 2 and args[1] >= 0:
        return rng.normal(args[0], args[1], size)
    if kind == "lognormal" and len(args) == 2 and args[0] > 0 and args[1] >= 0:
        return rng.lognormal(math.log(args[0]), args[1], size)
    if kind == "triangular" and len(args) == 3 and args[0] <= args[1] <= args[2] and args[0] < args[2]:
        return rng.triangular(*args, size)
    raise ParameterError(f"cannot draw from the prior {prior!r}")


def tariff_probability(flow: Any, rate: Any, demand_prior: Any, supply_prior: Any, draws: int = 10_000,
                       seed: int = 0, verdict: Callable | None = None,
                       description: str = "imposing the tariff pays for the importer") -> Probability:
    """The probability, over elasticity priors, that ``verdict(derivation)`` holds (default: importer gains)."""
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) or not 1 <= draws <= MAX_DRAWS:
        raise ParameterError(f"draws must be a whole number from 1 to {MAX_DRAWS}, got {draws!r}")
    rng = np.random.default_rng(seed)
    eps = draw(demand_prior, int(draws), rng)
    eta = draw(supply_prior, int(draws), rng)
    if np.any(eps < 0) or np.any(eta < 0):
        raise ParameterError("elasticity priors must not draw negative values")
    derivation = tariff(flow, rate, eps, eta)
    holds = verdict(derivation) if verdict is not None else derivation.importer_welfare.value > 0
    holds = np.asarray(holds, dtype=bool)
    p = float(holds.mean())
    return Probability(description, p, math.sqrt(p * (1 - p) / draws), int(draws), seed,
                       (tuple(_prior_words(demand_prior)), tuple(_prior_words(supply_prior))))


def _prior_words(prior) -> list:
    if isinstance(prior, Quantity):
        return ["uniform", prior.low, prior.high, prior.name]
    return list(prior)
