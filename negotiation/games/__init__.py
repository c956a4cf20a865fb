"""Game models: normal-form games and the mixed-profile utilities that check them."""

from .normal_form import NormalFormGame
from .profiles import (
    DEFAULT_TOL,
    best_responses,
    expected_payoffs,
    is_nash,
    payoff_scale,
    payoff_vector,
    regret,
)

__all__ = [
    "NormalFormGame",
    "DEFAULT_TOL",
    "best_responses",
    "expected_payoffs",
    "is_nash",
    "payoff_scale",
    "payoff_vector",
    "regret",
]
