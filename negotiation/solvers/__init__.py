"""Solvers: one module per solution concept, each a function ``game -> result``."""

from .enumeration import all_equilibria
from .pure import pure_equilibria
from .results import Component, Equilibrium, EquilibriumSet

__all__ = ["all_equilibria", "pure_equilibria", "Component", "Equilibrium", "EquilibriumSet"]
