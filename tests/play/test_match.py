"""Matches against the theory: closed forms of Markov chains and the critical discount factor."""

import numpy as np
import pytest

import negotiation as ng
from negotiation.errors import ParameterError

PD = ng.examples.prisoners_dilemma()


def test_noisy_tit_for_tat_pair_matches_its_markov_chain():
    """Two tit-for-tat players with slip probability e: the state is the last joint move.

    Each side's next intended move copies the other's last move and slips with
    probability e. The expected mean payoff over T turns follows exactly from
    the chain's distribution at each turn, starting from intended (C, C).
    """
    eps, turns, repetitions = 0.05, 300, 4000
    flip = np.array([[1 - eps, eps], [eps, 1 - eps]])
    chain = np.zeros((4, 4))
    for r, c, r2, c2 in np.ndindex(2, 2, 2, 2):
        chain[2 * r + c, 2 * r2 + c2] = flip[c, r2] * flip[r, c2]
    payoff = np.array(PD.payoffs[0], dtype=float).ravel()  # row's payoff at CC, CD, DC, DD
    distribution = np.kron(flip[0], flip[0])
    expected = 0.0
    for _ in range(turns):
        expected += distribution @ payoff / turns
        distribution = distribution @ chain
    result = ng.tournament(PD, ["tit_for_tat", "defector"], turns=turns, repetitions=repetitions,
                           noise=eps, seed=11)
    samples = result.per_repetition[:, 0, 0]
    error = samples.std(ddof=1) / np.sqrt(repetitions)
    assert abs(samples.mean() - expected) < 4 * error
    assert abs(expected - 2.25) < 0.05  # the stationary distribution is uniform: (3 + 0 + 5 + 1) / 4


@pytest.mark.parametrize("delta", [0.3, 0.45, 0.55, 0.7])
def test_grim_trigger_is_sustained_exactly_above_the_critical_discount_factor(delta):
    """Against grim trigger, a one-shot deviator (defect once, then defect for ever)
    earns more in discounted terms than a cooperator exactly when δ < δ*."""
    threshold = ng.critical_discount_factor(PD, ("Cooperate", "Cooperate")).threshold
    turns = 400  # delta**400 is negligible
    keep = ng.tournament(PD, ["grudger", "cooperator"], turns=turns, repetitions=1, discount=delta)
    cheat = ng.tournament(PD, ["grudger", "defector"], turns=turns, repetitions=1, discount=delta)
    cooperating = keep.mean_payoffs[1, 0]
    deviating = cheat.mean_payoffs[1, 0]
    assert (cooperating >= deviating) == (delta >= threshold)


def test_hazard_ends_matches_after_a_geometric_number_of_turns():
    from negotiation.play.match import simulate

    hazard, count = 0.02, 20_000
    machines = [ng.strategy("cooperator").machine(PD, 0)], [ng.strategy("defector").machine(PD, 1)]
    out = simulate(PD.payoffs, *machines, np.zeros(count, int), np.zeros(count, int), turns=100_000,
                   hazard=hazard, rng=np.random.default_rng(5))
    mean, sd = 1 / hazard, np.sqrt(1 - hazard) / hazard
    assert abs(out["turns"].mean() - mean) < 4 * sd / np.sqrt(count)
    assert np.all(out["row"] == 0) and np.all(out["column"] == 5)  # payoffs stay per turn played


def test_observation_noise_breaks_mutual_tit_for_tat():
    quiet = ng.play_match(PD, "tit_for_tat", "tit_for_tat", turns=2000, seed=1)
    noisy = ng.play_match(PD, "tit_for_tat", "tit_for_tat", turns=2000, observation_noise=0.05, seed=1)
    assert quiet.cooperation == (1.0, 1.0)
    assert noisy.cooperation[0] < 0.9


@pytest.mark.parametrize("setting, value", [("turns", 0), ("turns", 2.5), ("noise", 1.0), ("noise", -0.1),
                                            ("noise", float("nan")), ("discount", 0), ("discount", 1.5),
                                            ("hazard", True)])
def test_bad_settings_are_named(setting, value):
    with pytest.raises(ParameterError, match=setting):
        ng.play_match(PD, "tit_for_tat", "defector", **{setting: value})


def test_three_player_stage_games_are_refused():
    game = ng.NormalFormGame([np.zeros((2, 2, 2))] * 3)
    with pytest.raises(ng.errors.NegotiationError, match="2-player"):
        ng.play_match(game, "tit_for_tat", "defector")
