"""Solvers: one module per solution concept, each a function ``game -> result``."""

from .backward_induction import backward_induction
from .dominance import EliminationResult, EliminationStep, iterated_elimination
from .enumeration import all_equilibria
from .lemke_howson import lemke_howson
from .pure import pure_equilibria
from .results import Component, Equilibrium, EquilibriumSet
from .solve import solve
from .subgame_perfect import subgame_perfect_equilibria
from .threats import credible_threats
from .tree_nash import TreeNashResult, tree_nash_equilibria
from .tree_results import SubgamePerfectEquilibrium, SubgamePerfectResult, Threat, ThreatReport
from .zero_sum import ZeroSumSolution, is_zero_sum, solve_zero_sum

__all__ = [
    "all_equilibria",
    "backward_induction",
    "credible_threats",
    "subgame_perfect_equilibria",
    "tree_nash_equilibria",
    "SubgamePerfectEquilibrium",
    "SubgamePerfectResult",
    "Threat",
    "ThreatReport",
    "TreeNashResult",
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
