r"""Which strategies survive: replicator dynamics and the Moran process on a payoff table.

Both read a table :math:`M` where :math:`M_{ij}` is strategy i's mean
payoff per turn against j: a :class:`~negotiation.TournamentResult` or any
square array with labels.

* **Replicator dynamics** (Taylor and Jonker 1978): shares :math:`x` of an
  infinite population change as :math:`\dot x_i = x_i\,((Mx)_i - x^\top M x)`,
  integrated with a fourth-order Runge–Kutta step. A strategy survives if its
  share ends above ``1e-3``.
* **The Moran process** (Moran 1958; Nowak et al. 2004): a finite population;
  each step one individual is chosen to reproduce with probability
  proportional to its fitness, and its offspring replaces an individual drawn
  uniformly (possibly the parent), until one strategy has taken over.
  Fitness is :math:`\exp(w\,\pi/s)`, with :math:`\pi` the individual's mean
  payoff against the rest of the population, :math:`s` the spread of the
  table (so ``selection`` :math:`w` does not depend on the payoff unit) and
  :math:`w = 0` neutral drift. Runs are simulated side by side; the result
  gives each strategy's fixation probability with its standard error.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.play.evolution import replicator_dynamics
>>> table = ng.tournament(ng.examples.prisoners_dilemma(), ["tit_for_tat", "defector", "cooperator"],
...                       turns=100, repetitions=1)
>>> replicator_dynamics(table, generations=2000).survivors   # cooperators ride on tit-for-tat
('tit_for_tat', 'cooperator')
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import _format
from ..errors import ParameterError

__all__ = ["EvolutionResult", "replicator_dynamics", "moran_process"]

SURVIVAL_SHARE = 1e-3
MAX_STEPS = 10_000_000


@dataclass(frozen=True, eq=False)
class EvolutionResult(_format.Displays):
    """Shares over generations, and who is left at the end."""

    strategies: tuple
    method: str
    shares: np.ndarray = field(repr=False)  # (generations + 1, K), mean over runs for Moran
    survivors: tuple
    fixation: np.ndarray | None = field(default=None, repr=False)  # Moran: fraction of runs each strategy won
    fixation_se: np.ndarray | None = field(default=None, repr=False)
    settings: dict = field(default_factory=dict)
    message: str = ""

    @property
    def final_shares(self) -> dict:
        return dict(zip(self.strategies, (float(v) for v in self.shares[-1])))

    def __str__(self) -> str:
        if self.method == "replicator":
            head = (f"Replicator dynamics over {self.settings['generations']} generations: "
                    f"{_names(self.survivors)} survive")
            rows = [[name, f"{self.shares[0, i]:.3f}", f"{self.shares[-1, i]:.3f}"]
                    for i, name in enumerate(self.strategies)]
            table = _format.text_table(["strategy", "first share", "last share"], rows)
        else:
            head = (f"Moran process, population {self.settings['population']}, {self.settings['runs']} runs, "
                    f"selection {self.settings['selection']:g}: {_names(self.survivors)} can take over")
            rows = [[name, f"{self.fixation[i]:.3f} ± {1.96 * self.fixation_se[i]:.3f}"]
                    for i, name in enumerate(self.strategies)]
            table = _format.text_table(["strategy", "fixation probability (95%)"], rows)
        return "\n".join([head, table] + ([self.message] if self.message else []))

    def to_dict(self) -> dict:
        data = {"kind": "evolution", "method": self.method, "strategies": list(self.strategies),
                "survivors": list(self.survivors), "shares": self.shares.tolist(),
                "settings": dict(self.settings), "message": self.message}
        if self.fixation is not None:
            data["fixation"] = self.fixation.tolist()
            data["fixation_se"] = self.fixation_se.tolist()
        return data


def _names(names) -> str:
    return ", ".join(names) if names else "none"


def _table(source, strategies=None) -> tuple[np.ndarray, tuple]:
    if hasattr(source, "mean_payoffs"):
        table, names = np.array(source.mean_payoffs, dtype=float), tuple(source.strategies)
        if not source.self_play:  # without self-play a strategy's payoff against itself is unknown
            raise ParameterError("evolutionary dynamics need self-play: run the tournament with self_play=True")
    else:
        table = np.array(source, dtype=float)
        names = tuple(strategies) if strategies is not None else tuple(f"strategy {i + 1}" for i in range(len(table)))
    if table.ndim != 2 or table.shape[0] != table.shape[1] or table.shape[0] < 2:
        raise ParameterError(f"a payoff table must be square with at least two strategies, got shape {table.shape}")
    if not np.all(np.isfinite(table)):
        raise ParameterError("the payoff table has a missing or non-finite entry")
    if len(names) != len(table):
        raise ParameterError(f"{len(names)} strategy names for a {len(table)}×{len(table)} table")
    return table, names


def _initial(initial, names, total=None) -> np.ndarray:
    if initial is None:
        return np.full(len(names), 1.0 / len(names)) if total is None else np.full(len(names), total)
    if isinstance(initial, dict):
        unknown = sorted(set(initial) - set(names))
        if unknown:
            raise ParameterError(f"unknown strategy {unknown[0]!r}; the strategies are {', '.join(names)}")
        values = np.array([initial.get(n, 0) for n in names], dtype=float)
    else:
        values = np.array(initial, dtype=float)
    if values.shape != (len(names),) or not np.all(np.isfinite(values)) or (values < 0).any() or values.sum() <= 0:
        raise ParameterError("initial shares must be one non-negative number per strategy, not all zero")
    return values


def replicator_dynamics(source, strategies=None, initial=None, generations: int = 200,
                        step: float = 0.1) -> EvolutionResult:
    """Shares of each strategy under the replicator equation, from ``initial`` (equal by default)."""
    table, names = _table(source, strategies)
    _whole(generations, "generations", 1, 1_000_000)
    if isinstance(step, bool) or not isinstance(step, (int, float)) or not 0 < step <= 1:
        raise ParameterError(f"step must be a number in (0, 1], got {step!r}")
    x = _initial(initial, names)
    x = x / x.sum()
    scale = max(float(np.ptp(table)), 1e-300)
    scaled = table / scale  # the path's shape does not depend on the payoff unit

    def velocity(shares):
        fitness = scaled @ shares
        return shares * (fitness - shares @ fitness)

    path = [x]
    for _ in range(generations):
        k1 = velocity(x)
        k2 = velocity(x + step / 2 * k1)
        k3 = velocity(x + step / 2 * k2)
        k4 = velocity(x + step * k3)
        x = np.clip(x + step / 6 * (k1 + 2 * k2 + 2 * k3 + k4), 0, None)
        x = x / x.sum()
        path.append(x)
    shares = np.array(path)
    survivors = tuple(n for n, share in zip(names, shares[-1]) if share > SURVIVAL_SHARE)
    return EvolutionResult(names, "replicator", shares, survivors,
                           settings={"generations": generations, "step": step})


def moran_process(source, strategies=None, population=1, selection: float = 1.0, runs: int = 100,
                  max_steps: int = 100_000, seed=None) -> EvolutionResult:
    """Fixation in a finite population: ``population`` individuals per strategy (or a mapping name → count)."""
    table, names = _table(source, strategies)
    counts0 = _counts(population, names)
    _whole(runs, "runs", 1, 100_000)
    _whole(max_steps, "max_steps", 1, MAX_STEPS)
    if isinstance(selection, bool) or not isinstance(selection, (int, float)) or not 0 <= selection <= 100:
        raise ParameterError(f"selection must be a number in [0, 100], got {selection!r}")
    size = int(counts0.sum())
    if size < 2:
        raise ParameterError("a Moran process needs a population of at least two")
    rng = np.random.default_rng(seed)
    scale = max(float(np.ptp(table)), 1e-300)
    counts = np.tile(counts0, (runs, 1)).astype(float)
    record = [counts.mean(axis=0) / size]
    every = max(1, max_steps // 1000)  # keep about a thousand snapshots
    steps = 0
    while steps < max_steps:
        alive = (counts > 0).sum(axis=1) > 1
        if not alive.any():
            break
        payoff = (counts @ table.T - np.diag(table)) / (size - 1)  # each type's mean against the others
        weight = counts * np.exp(selection * (payoff - payoff.max(axis=1, keepdims=True)) / scale)
        born = _categorical(weight, rng)
        dies = _categorical(counts, rng)
        rows = np.flatnonzero(alive)
        counts[rows, born[rows]] += 1
        counts[rows, dies[rows]] -= 1
        steps += 1
        if steps % every == 0:
            record.append(counts.mean(axis=0) / size)
    record.append(counts.mean(axis=0) / size)
    winners = (counts == size)
    fixed = winners.any(axis=1)
    fixation = winners.mean(axis=0)
    se = np.sqrt(fixation * (1 - fixation) / runs)
    message = "" if fixed.all() else f"{int((~fixed).sum())} of {runs} runs had not fixed after {max_steps:,} steps"
    survivors = tuple(n for n, p in zip(names, fixation) if p > 0)
    return EvolutionResult(names, "moran", np.array(record), survivors, fixation, se,
                           settings={"population": size, "runs": runs, "selection": selection,
                                     "max_steps": max_steps, "seed": seed, "steps": steps},
                           message=message)


def _counts(population, names) -> np.ndarray:
    if isinstance(population, dict):
        values = _initial(population, names)
    else:
        _whole(population, "population", 1, 100_000)
        values = np.full(len(names), float(population))
    if not np.all(values == np.floor(values)):
        raise ParameterError("a population is made of whole individuals")
    return values


def _categorical(weights: np.ndarray, rng) -> np.ndarray:
    """One draw per row, with probabilities proportional to the row's weights."""
    cumulative = np.cumsum(weights, axis=1)
    point = rng.random(len(weights)) * cumulative[:, -1]
    return np.minimum((point[:, None] >= cumulative).sum(axis=1), weights.shape[1] - 1)


def _whole(value, name, low, high) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise ParameterError(f"{name} must be a whole number from {low} to {high:,}, got {value!r}")

