"""Analysis over many games: batch solving (and, built on it, sweeps)."""

from .batch import BatchEquilibria, batch_equilibria
from .sweep import MonteCarloResult, SweepResult, TornadoResult, monte_carlo, sweep, tornado

__all__ = [
    "BatchEquilibria",
    "batch_equilibria",
    "MonteCarloResult",
    "SweepResult",
    "TornadoResult",
    "monte_carlo",
    "sweep",
    "tornado",
]
