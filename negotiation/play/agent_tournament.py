r"""Round robins of negotiation agents over a deal space, ranked and measured against the theory.

Every agent negotiates with every other (and itself, if ``self_play``) on
each side of the table, under the same deadline, discount factors and first
proposer. The two sides' utilities differ in scale, so an agent is scored by
its *gain share*: the share of its side's possible gain over no deal that it
obtained, from 0 (no deal, or a deal worth no more than no deal) to 1 (its
best package, at once). Scores follow the repeated-game tournament: the mean
over opponents (self-play left out) in each repetition, ranked by the median
over repetitions with a distribution-free 95% interval. Agents that never
draw random numbers play each pairing once; their results stand for every
repetition.

Examples
--------
>>> import negotiation as ng
>>> split = ng.offer_space({f"U.S. gets {k}": (k, 10 - k) for k in range(11)}, reservation=(0, 0),
...                        sides=("U.S.", "China"))
>>> result = ng.agent_tournament(split, ["boulware", "conceder", "hard_liner"], deadline=20, repetitions=1)
>>> result.ranking
('hard_liner', 'boulware', 'conceder')
"""

from __future__ import annotations

import time

import numpy as np

from ..budget import Deadline, progress_bar
from ..errors import ParameterError
from .agent_tournament_result import AgentTournamentResult
from .agents import resolve_agent
from .offers import OfferSpace, check_rules, offer_space, outcome, play

__all__ = ["agent_tournament", "AgentTournamentResult", "MAX_AGENTS"]

MAX_AGENTS = 200


def agent_tournament(space, agents, deadline: int = 100, discount=1.0, first=0, repetitions: int = 10,
                     self_play: bool = True, seed=None, timeout=None, progress: bool = False) -> AgentTournamentResult:
    """Let every agent negotiate with every other, on both sides, and rank them.

    Parameters
    ----------
    space : OfferSpace, DealSpace or discrete BargainingProblem
        The packages (see :func:`~negotiation.offer_space`).
    agents : sequence
        Built-in names (``"boulware"``, ``"tit_for_tat:opening=0.1"``) or
        :class:`~negotiation.play.agents.AgentBase` instances.
    deadline : int
        Rounds before talks end without a deal.
    discount : float or pair
        Per-round discount factor, one for both sides or one each.
    first : int or str
        The side that proposes in round 1.
    repetitions : int
        Times each pairing meets (matters for agents that draw random numbers).
    self_play : bool
        Whether each agent also meets itself (never counted in the ranking).
    seed : int, optional
        Same seed, same tournament.
    timeout : float, optional
        Stop after this many seconds (or at Ctrl-C) and keep the repetitions done.
    """
    space = space if isinstance(space, OfferSpace) else offer_space(space)
    deltas, first = check_rules(space, deadline, discount, first)
    if isinstance(repetitions, bool) or not isinstance(repetitions, (int, np.integer)) or not 1 <= repetitions <= 100_000:
        raise ParameterError(f"repetitions must be a whole number from 1 to 100,000, got {repetitions!r}")
    players = [resolve_agent(a) for a in _as_list(agents)]
    names = tuple(p.label for p in players)
    if len(set(names)) != len(names):
        duplicate = next(n for n in names if names.count(n) > 1)
        raise ParameterError(f"agent {duplicate!r} is listed twice; give each entry once")
    pairs = [(i, j) for i in range(len(players)) for j in range(len(players)) if self_play or i != j]
    runs = _run(space, players, pairs, deadline, deltas, first, repetitions, seed, Deadline(timeout), progress)
    return AgentTournamentResult.build(space, names, pairs, runs, self_play,
                                       settings=dict(deadline=deadline, discount=deltas, first=first,
                                                     repetitions=repetitions, seed=seed))


def _as_list(agents) -> list:
    if isinstance(agents, str) or hasattr(agents, "propose"):
        raise ParameterError("a tournament needs a list of at least two agents")
    items = list(agents)
    if not 2 <= len(items) <= MAX_AGENTS:
        raise ParameterError(f"a tournament needs 2 to {MAX_AGENTS} agents, got {len(items)}")
    return items


def _run(space, players, pairs, deadline, deltas, first, repetitions, seed, stop, progress) -> dict:
    """Per repetition and pairing: the agreement (-1 for none), its round and each side's value."""
    seeds = np.random.SeedSequence(seed)  # one child per repetition, spawned in order: reproducible
    runs = {"agreement": np.full((repetitions, len(pairs)), -1), "rounds": np.zeros((repetitions, len(pairs)), int),
            "values": np.zeros((repetitions, len(pairs), 2)), "traces": {}}
    stochastic = [bool(getattr(p, "stochastic", True)) for p in players]
    done, started = 0, time.monotonic()
    with progress_bar(repetitions, progress and repetitions * len(pairs) * deadline > 2_000_000,
                      "repetition") as bar, stop.interruptible():
        while done < repetitions and not stop.passed():
            rng = np.random.default_rng(seeds.spawn(1)[0])
            if not _repetition(done, runs, space, players, stochastic, pairs, deadline, deltas, first, rng, stop):
                break  # stopped inside a repetition: it does not count
            done += 1
            bar.update(1)
    if not done:
        if stop.interrupted:  # nothing to keep: the interrupt is the caller's
            raise KeyboardInterrupt
        raise ParameterError(f"the tournament {stop.reason or 'stopped'} before one repetition finished "
                             f"({time.monotonic() - started:.1f} s); allow more time or fewer agents")
    for key in ("agreement", "rounds", "values"):
        runs[key] = runs[key][:done]
    return {**runs, "complete": done == repetitions, "reason": stop.reason}


def _repetition(r, runs, space, players, stochastic, pairs, deadline, deltas, first, rng, stop) -> bool:
    """Play every pairing once; False if stopped part way. Deterministic pairings copy repetition 0."""
    for k, (i, j) in enumerate(pairs):
        if k % 64 == 0 and stop.passed():
            return False
        if r and not (stochastic[i] or stochastic[j]):
            for key in ("agreement", "rounds", "values"):
                runs[key][r, k] = runs[key][0, k]
            continue
        offers, deal, when = play(space, (players[i], players[j]), deadline, deltas, first, rng)
        runs["agreement"][r, k] = -1 if deal is None else deal
        runs["rounds"][r, k] = 0 if when is None else when
        runs["values"][r, k] = outcome(space, deal, when, deltas)
        if r == 0:
            runs["traces"][(i, j)] = tuple(offers)
    return True
