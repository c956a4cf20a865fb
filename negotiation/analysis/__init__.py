"""Analysis over many games: batch solving (and, built on it, sweeps and verdicts as probabilities)."""

from .batch import BatchEquilibria, batch_equilibria
from .sweep import MonteCarloResult, SweepResult, TornadoResult, monte_carlo, sweep, tornado
from .verdicts import Uncertainty, verdict_probabilities

__all__ = [
    "BatchEquilibria",
    "batch_equilibria",
    "MonteCarloResult",
    "SweepResult",
    "TornadoResult",
    "monte_carlo",
    "sweep",
    "tornado",
    "Uncertainty",
    "verdict_probabilities",
]
