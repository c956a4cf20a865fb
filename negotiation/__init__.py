"""negotiation: negotiations as games.

Normal-form games with labelled players and strategies, every Nash
equilibrium (exact when asked), dominance, and the checkers that verify them.
Heavy libraries (scipy, sympy, networkx, nashpy) are imported only when used.
"""

__version__ = "0.1.0"

from . import errors
from .games import (
    DEFAULT_TOL,
    NormalFormGame,
    best_responses,
    expected_payoffs,
    is_nash,
    payoff_scale,
    payoff_vector,
    regret,
)
from .solvers import (
    Component,
    EliminationResult,
    EliminationStep,
    Equilibrium,
    EquilibriumSet,
    ZeroSumSolution,
    all_equilibria,
    is_zero_sum,
    iterated_elimination,
    lemke_howson,
    pure_equilibria,
    solve,
    solve_zero_sum,
)

__all__ = [
    "__version__",
    "errors",
    "NormalFormGame",
    "DEFAULT_TOL",
    "best_responses",
    "expected_payoffs",
    "is_nash",
    "payoff_scale",
    "payoff_vector",
    "regret",
    "Component",
    "EliminationResult",
    "EliminationStep",
    "Equilibrium",
    "EquilibriumSet",
    "ZeroSumSolution",
    "all_equilibria",
    "is_zero_sum",
    "iterated_elimination",
    "lemke_howson",
    "pure_equilibria",
    "solve",
    "solve_zero_sum",
]
