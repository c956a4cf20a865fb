r"""Round-robin tournaments of repeated-game strategies, scored against the theory.

Every strategy meets every other (and itself, if ``self_play``) for
``turns`` turns, ``repetitions`` times, with the same noise, discounting and
turnover hazard (see :mod:`negotiation.play.match`). In a symmetric stage game
each pair plays once per repetition; otherwise each pair plays both ways
round and a strategy's payoff is the average over its two roles.

Scores follow Axelrod's conventions so that results compare directly: a
strategy's score in a repetition is its mean payoff per turn averaged over its
opponents, leaving out self-play, and strategies are ranked by their median
score over repetitions (ties keep the order given). The 95% interval of the
median comes from order statistics (distribution free).

Against the theory, each pair's average outcome is measured by its distance
from the stage game's Nash bargaining point, with each side's security level
(minmax) as the disagreement point: the folk theorem's benchmark for what
patient players could share.

Examples
--------
>>> import negotiation as ng
>>> result = ng.tournament(ng.examples.prisoners_dilemma(),
...                        ["cooperator", "defector", "tit_for_tat", "grudger"],
...                        turns=200, repetitions=2, seed=1)
>>> result.ranking
('defector', 'tit_for_tat', 'grudger', 'cooperator')
>>> float(result.mean_payoffs[2, 1])   # tit-for-tat's mean payoff per turn against defector
0.995
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..budget import Deadline, progress_bar
from ..errors import ParameterError
from .match import check_settings, simulate
from .strategies import resolve_strategy
from .tournament_result import TournamentResult

__all__ = ["tournament", "TournamentResult", "MAX_STRATEGIES"]

MAX_STRATEGIES = 1_000
_CHUNK_WORK = 20_000_000  # match-turns per array pass: bounds memory, paces the progress bar and timeout


@dataclass
class _Plan:
    """Which matches a repetition plays: row strategy, column strategy, and where results go."""

    row_of: np.ndarray
    column_of: np.ndarray
    symmetric: bool


def tournament(game, strategies, turns: int = 200, repetitions: int = 10, noise: float = 0.0,
               observation_noise: float = 0.0, discount=None, hazard: float = 0.0,
               self_play: bool = True, seed=None, timeout=None, progress: bool = False) -> TournamentResult:
    """Play a round robin of ``strategies`` in the repeated ``game``.

    Parameters
    ----------
    game : NormalFormGame
        The stage game: two players, any number of actions each, the first
        action being "cooperate" and the last "defect".
    strategies : sequence
        Names (``"tit_for_tat"``, ``"generous_tit_for_tat:forgive=0.3"``),
        :func:`~negotiation.strategy` objects, strategy files or
        :class:`~negotiation.play.machine.StrategyBase` instances.
    turns, repetitions : int
        Length of each match and how many times each pair meets.
    noise, observation_noise : float
        Probability that an action slips, and that the other side misreads it.
    discount : float, optional
        Weight turn t by ``discount**t`` (normalised, so payoffs stay per turn).
    hazard : float
        Probability that a match ends after each turn (turnover).
    self_play : bool
        Whether each strategy also meets itself (never counted in the ranking).
    seed : int, optional
        Same seed, same tournament: byte-identical results.
    timeout : float, optional
        Stop after this many seconds (or at Ctrl-C) and keep the repetitions done.
    progress : bool
        Show a progress bar on long runs.
    """
    check_settings(turns, noise, observation_noise, discount, hazard)
    _check_count(repetitions, "repetitions", 1, 1_000_000)
    game.require_numeric("a repeated game")
    game.require_players(2, "a repeated game")
    players = [resolve_strategy(s) for s in _as_list(strategies)]
    machines = [[p.machine(game, side) for p in players] for side in (0, 1)]
    names = tuple(m.name for m in machines[0])
    if len(set(names)) != len(names):
        duplicate = next(n for n in names if names.count(n) > 1)
        raise ParameterError(f"strategy {duplicate!r} is listed twice; give each entry once")
    plan = _plan(game, len(players), self_play)
    rng = np.random.default_rng(seed)
    per_repetition, rates, outcomes = _run(game, machines, plan, turns, repetitions, noise, observation_noise,
                                           discount, hazard, rng, Deadline(timeout), progress)
    return TournamentResult.build(game, names, plan.symmetric, self_play, per_repetition, rates, outcomes,
                                  settings=dict(turns=turns, repetitions=repetitions, noise=noise,
                                                observation_noise=observation_noise, discount=discount,
                                                hazard=hazard, seed=seed))


def _as_list(strategies) -> list:
    if isinstance(strategies, str) or hasattr(strategies, "machine"):
        raise ParameterError("a tournament needs a list of at least two strategies")
    items = list(strategies)
    if not 2 <= len(items) <= MAX_STRATEGIES:
        raise ParameterError(f"a tournament needs 2 to {MAX_STRATEGIES} strategies, got {len(items)}")
    return items


def _check_count(value, name, low, high):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise ParameterError(f"{name} must be a whole number from {low} to {high:,}, got {value!r}")


def _symmetric(game) -> bool:
    A, B = (np.asarray(p, dtype=float) for p in game.as_float().payoffs)
    return A.shape[0] == A.shape[1] and np.array_equal(A, B.T)


def _plan(game, count: int, self_play: bool) -> _Plan:
    symmetric = _symmetric(game)
    i, j = np.meshgrid(np.arange(count), np.arange(count), indexing="ij")
    keep = (i <= j) if symmetric else np.ones_like(i, bool)
    if not self_play:
        keep &= i != j
    return _Plan(i[keep], j[keep], symmetric)


def _run(game, machines, plan, turns, repetitions, noise, observation_noise, discount, hazard, rng,
         deadline, progress):
    """Per-repetition payoff tables (reps × K × K), behaviour rates and pair outcomes."""
    count = len(machines[0])
    matches = len(plan.row_of)
    per_chunk = max(1, min(repetitions, _CHUNK_WORK // max(1, matches * turns)))
    tables, coop, esc, outcome_sums, done = [], np.zeros((count, count)), np.zeros((count, count)), \
        np.zeros((count, count, 2)), 0
    payoffs = game.as_float().payoffs
    started = time.monotonic()
    with progress_bar(repetitions, progress and matches * turns * repetitions > 2 * _CHUNK_WORK,
                      "repetition") as bar, \
            deadline.interruptible():
        while done < repetitions and not deadline.passed():
            reps = min(per_chunk, repetitions - done)
            row_of, column_of = np.tile(plan.row_of, reps), np.tile(plan.column_of, reps)
            out = simulate(payoffs, machines[0], machines[1], row_of, column_of, turns, noise,
                           observation_noise, discount, hazard, rng)
            for r in range(reps):
                part = slice(r * matches, (r + 1) * matches)
                tables.append(_table(count, plan, out["row"][part], out["column"][part]))
                _accumulate(coop, plan, out["cooperation"], part)
                _accumulate(esc, plan, out["escalation"], part)
                np.add.at(outcome_sums, (plan.row_of, plan.column_of, 0), out["row"][part])
                np.add.at(outcome_sums, (plan.row_of, plan.column_of, 1), out["column"][part])
            done += reps
            bar.update(reps)
    if not tables:
        if deadline.interrupted:  # nothing to keep: the interrupt is the caller's
            raise KeyboardInterrupt
        raise ParameterError(f"the tournament {deadline.reason or 'stopped'} before one repetition finished "
                             f"({time.monotonic() - started:.1f} s); allow more time or fewer strategies")
    per_repetition = np.array(tables)
    share = 1 if plan.symmetric else 2  # each strategy's matches per opponent and repetition
    rates = {"cooperation": coop / (done * share), "escalation": esc / (done * share),
             "complete": done == repetitions, "reason": deadline.reason, "repetitions_done": done}
    outcomes = outcome_sums / done
    return per_repetition, rates, outcomes


def _table(count, plan, row_means, column_means):
    """i's mean payoff per turn against j, from one repetition's matches."""
    table = np.zeros((count, count))
    if plan.symmetric:
        table[plan.row_of, plan.column_of] = row_means
        off = plan.row_of != plan.column_of
        table[plan.column_of[off], plan.row_of[off]] = column_means[off]
        same = ~off
        table[plan.row_of[same], plan.row_of[same]] = (row_means[same] + column_means[same]) / 2
    else:
        np.add.at(table, (plan.row_of, plan.column_of), row_means / 2)
        np.add.at(table, (plan.column_of, plan.row_of), column_means / 2)
    if not (plan.row_of == plan.column_of).any():
        np.fill_diagonal(table, np.nan)
    return table


def _accumulate(target, plan, pair, part):
    """Add each side's rate to (own strategy, opponent) — both roles of every match."""
    rows, columns = plan.row_of, plan.column_of
    if plan.symmetric:
        off = rows != columns
        np.add.at(target, (rows, columns), np.where(off, pair[0][part], (pair[0][part] + pair[1][part]) / 2))
        np.add.at(target, (columns[off], rows[off]), pair[1][part][off])
    else:
        np.add.at(target, (rows, columns), pair[0][part])
        np.add.at(target, (columns, rows), pair[1][part])
