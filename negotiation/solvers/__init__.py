"""Solvers: one module per solution concept, each a function ``game -> result``."""

from .dominance import EliminationResult, EliminationStep, iterated_elimination
from .enumeration import all_equilibria
from .lemke_howson import lemke_howson
from .pure import pure_equilibria
from .results import Component, Equilibrium, EquilibriumSet
from .solve import solve
from .zero_sum import ZeroSumSolution, is_zero_sum, solve_zero_sum

__all__ = [
    "all_equilibria",
    "iterated_elimination",
    "lemke_howson",
    "pure_equilibria",
    "solve",
    "solve_zero_sum",
    "is_zero_sum",
    "Component",
    "EliminationResult",
    "EliminationStep",
    "Equilibrium",
    "EquilibriumSet",
    "ZeroSumSolution",
]
