"""Agreements: bargaining problems and solutions, deal ranges, multi-issue deals, alternating offers."""

from .alternating import AlternatingOffersResult, rubinstein
from .deal_range import DealRange, deal_range
from .deal_space import DealSpace, deal_space
from .problem import BargainingProblem
from .solutions import (
    BargainingSolution,
    egalitarian,
    is_individually_rational,
    is_pareto_optimal,
    kalai_smorodinsky,
    nash_bargaining,
    utilitarian,
    variable_threat,
)

__all__ = [
    "AlternatingOffersResult",
    "BargainingProblem",
    "BargainingSolution",
    "DealRange",
    "DealSpace",
    "deal_range",
    "deal_space",
    "egalitarian",
    "is_individually_rational",
    "is_pareto_optimal",
    "kalai_smorodinsky",
    "nash_bargaining",
    "rubinstein",
    "utilitarian",
    "variable_threat",
]
