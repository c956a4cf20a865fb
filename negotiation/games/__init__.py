"""Game models: normal-form games and the mixed-profile utilities that check them."""

from .normal_form import NormalFormGame
from .tree import GameTree, chance, decision, outcome
from .tree_profiles import is_subgame_perfect, node_values, subgame_roots, tree_payoffs
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
    "GameTree",
    "chance",
    "decision",
    "outcome",
    "is_subgame_perfect",
    "node_values",
    "subgame_roots",
    "tree_payoffs",
    "DEFAULT_TOL",
    "best_responses",
    "expected_payoffs",
    "is_nash",
    "payoff_scale",
    "payoff_vector",
    "regret",
]
