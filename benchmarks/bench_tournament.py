"""Tournaments against Axelrod, and payoff sets against QuantEcon, in one process.

    python benchmarks/bench_tournament.py

Tournaments: the Prisoner's Dilemma with Axelrod's payoffs; 10 strategies
both packages have, 200 turns, 10 repetitions, noise 0.05; Axelrod serial
(``processes=0``), ours with a seed. Also a 100-strategy round robin (the
built-ins with parameter variants), ours only. Targets (issue 17): 10
strategies ≤ 0.1 s and ≥ 10× faster than Axelrod serial; 100 strategies ≤ 30 s.

Payoff sets: the Prisoner's Dilemma at δ = 0.75, the Abreu–Sannikov (2014)
example at δ = 0.3, and random 3×3 games (uniform payoffs, δ = 0.9, seeds
0–19; games QuantEcon refuses are skipped), each timed as the median of 5 runs
after one warm-up (QuantEcon's numba compilation is not counted). Target: at
least as fast as QuantEcon. Then random k×k games from 2×2 to 30×30 (six a
size, δ = 0.9), to show how both scale.

Negotiation agents (ours only: no peer plays agents against bargaining theory):
the ``multi_issue_talks`` line-up of 8 agents, a 101-package split with a
100-round deadline, 40 time-dependent agents, and a 200,000-package deal
space's Pareto frontier (it was a quadratic scan).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

import negotiation as ng

SHARED = {"cooperator": "Cooperator", "defector": "Defector", "tit_for_tat": "TitForTat", "grudger": "Grudger",
          "win_stay_lose_shift": "WinStayLoseShift", "alternator": "Alternator",
          "suspicious_tit_for_tat": "SuspiciousTitForTat", "tit_for_two_tats": "TitFor2Tats",
          "two_tits_for_tat": "TwoTitsForTat", "random": "Random"}


def timed(call, runs=5):
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def tournaments() -> None:
    pd = ng.examples.prisoners_dilemma()
    names = list(SHARED)
    ours = timed(lambda: ng.tournament(pd, names, turns=200, repetitions=10, noise=0.05, seed=1))
    print("| tournament | ours | Axelrod serial | Axelrod / ours |")
    print("|---|---:|---:|---:|")
    try:
        import axelrod as axl
    except ImportError:
        axl = None
    if axl is not None:
        def theirs():
            players = [getattr(axl, SHARED[n])() for n in names]
            axl.Tournament(players, turns=200, repetitions=10, noise=0.05, seed=1).play(
                progress_bar=False, processes=0)
        their_time = timed(theirs, runs=3)
        print(f"| 10 strategies × 200 turns × 10 reps, noise 0.05 | {ours * 1e3:.1f} ms | "
              f"{their_time * 1e3:.0f} ms | {their_time / ours:.1f}× |")
    else:
        print(f"| 10 strategies × 200 turns × 10 reps, noise 0.05 | {ours * 1e3:.1f} ms | (not installed) | |")
    hundred = [f"generous_tit_for_tat:forgive={k / 100:g}" for k in range(1, 43)] + \
              [f"random:cooperate={k / 50:g}" for k in range(1, 46)] + \
              [n for n in ng.strategies() if n not in ("generous_tit_for_tat", "random", "always")]
    hundred = hundred[:100]
    start = time.perf_counter()
    ng.tournament(pd, hundred, turns=200, repetitions=10, noise=0.05, seed=1)
    print(f"| {len(hundred)} strategies × 200 turns × 10 reps, noise 0.05 | "
          f"{time.perf_counter() - start:.2f} s | | |")


def payoff_sets() -> None:
    try:
        import quantecon.game_theory as gt
    except ImportError:
        print("(QuantEcon not installed: payoff sets not compared)")
        return
    from negotiation.repeated.polygon import convex_hull

    def compare(game, delta):
        """(ours, theirs, vertex gap, result) in seconds, or None when QuantEcon refuses the game."""
        A, B = (np.asarray(p, float) for p in game.payoffs)
        theirs_game = gt.RepeatedGame(gt.NormalFormGame(
            [[(A[i, j], B[i, j]) for j in range(A.shape[1])] for i in range(A.shape[0])]), delta)
        try:
            hull = theirs_game.equilibrium_payoffs()
        except Exception:
            return None
        result = ng.equilibrium_payoff_set(game, delta)
        gap = float(np.abs(convex_hull(hull.points[hull.vertices]) - result.vertices).max())
        return (timed(lambda: ng.equilibrium_payoff_set(game, delta)), timed(theirs_game.equilibrium_payoffs),
                gap, result)

    cases = [("Prisoner's Dilemma, δ = 0.75", ng.examples.prisoners_dilemma(), 0.75),
             ("Abreu–Sannikov example, δ = 0.3", ng.NormalFormGame.from_arrays(
                 [[16, 3, 0], [21, 10, -1], [9, 5, -5]], [[9, 13, 3], [1, 4, 0], [0, -4, -15]]), 0.3)]
    rng = np.random.default_rng(0)
    for seed in range(20):
        cases.append((f"random 3×3 #{seed}", ng.NormalFormGame.from_arrays(rng.random((3, 3)), rng.random((3, 3))),
                      0.9))
    print("| game | vertices | rounds | ours | QuantEcon | ours / QuantEcon | max vertex gap |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for label, game, delta in cases:
        compared = compare(game, delta)
        if compared is None:
            continue
        ours, theirs, gap, result = compared
        ratios.append(ours / theirs)
        if not label.startswith("random") or len(ratios) <= 4:
            print(f"| {label} | {len(result.vertices)} | {result.iterations} | {ours * 1e3:.1f} ms | "
                  f"{theirs * 1e3:.1f} ms | {ours / theirs:.2f}× | {gap:.1e} |")
    print(f"\nall {len(ratios)} compared games: median ours / QuantEcon {statistics.median(ratios):.2f}×, "
          f"range {min(ratios):.2f}–{max(ratios):.2f}×\n")
    print("| random k×k, δ = 0.9 | games | rounds (median) | ours (median) | QuantEcon (median) "
          "| ours / QuantEcon (median, range) | max vertex gap |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k in (2, 4, 5, 6, 8, 10, 15, 20, 30):
        rows = [compare(ng.NormalFormGame.from_arrays(rng.random((k, k)), rng.random((k, k))), 0.9)
                for _ in range(6)]
        rows = [row for row in rows if row is not None]
        if not rows:
            continue
        share = [ours / theirs for ours, theirs, _, _ in rows]
        print(f"| {k}×{k} | {len(rows)} | {statistics.median(r[3].iterations for r in rows):.0f} | "
              f"{statistics.median(r[0] for r in rows) * 1e3:.1f} ms | "
              f"{statistics.median(r[1] for r in rows) * 1e3:.1f} ms | {statistics.median(share):.2f}× "
              f"({min(share):.2f}–{max(share):.2f}×) | {max(r[2] for r in rows):.1e} |")


def agents() -> None:
    print("| negotiation agents | time |")
    print("|---|---:|")
    talks = ng.load_scenario("multi_issue_talks")
    space = ng.offer_space(talks.build("deal"))
    line_up = ["boulware", "linear", "conceder", "tit_for_tat", "hard_liner", "nash", "rubinstein", "random"]
    seconds = timed(lambda: ng.agent_tournament(space, line_up, deadline=7, discount=0.986, repetitions=10, seed=1))
    print(f"| multi_issue_talks: 8 agents × 18 packages, 7 rounds, 10 reps | {seconds * 1e3:.0f} ms |")
    split = ng.offer_space({f"{k}": (k, 100 - k) for k in range(101)}, reservation=(0, 0))
    seconds = timed(lambda: ng.agent_tournament(split, line_up, deadline=100, discount=0.99, repetitions=10,
                                                seed=1), runs=3)
    print(f"| 8 agents × 101 packages, 100 rounds, 10 reps | {seconds:.2f} s |")
    many = [f"time_dependent:exponent={e:g}" for e in np.geomspace(0.1, 10, 40)]
    seconds = timed(lambda: ng.agent_tournament(split, many, deadline=100, repetitions=1), runs=1)
    print(f"| 40 time-dependent agents × 101 packages, 100 rounds | {seconds:.2f} s |")
    rng = np.random.default_rng(0)
    values = [tuple(v) for v in rng.integers(0, 1000, size=(200_000, 2)).tolist()]
    from negotiation.bargaining.deal_space import pareto_frontier

    seconds = timed(lambda: pareto_frontier(values, range(len(values))), runs=3)
    print(f"| Pareto frontier of 200,000 packages | {seconds * 1e3:.0f} ms |")


if __name__ == "__main__":
    tournaments()
    print()
    payoff_sets()
    print()
    agents()
