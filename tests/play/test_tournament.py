"""Tournaments: parity with Axelrod, rankings, intervals, reproducibility and partial results."""

import json

import numpy as np
import pytest

import negotiation as ng
from negotiation.errors import ParameterError
from negotiation.play.ranking import median_interval

PD = ng.examples.prisoners_dilemma()
SHARED = {"cooperator": "Cooperator", "defector": "Defector", "tit_for_tat": "TitForTat",
          "grudger": "Grudger", "win_stay_lose_shift": "WinStayLoseShift", "alternator": "Alternator",
          "suspicious_tit_for_tat": "SuspiciousTitForTat", "tit_for_two_tats": "TitFor2Tats",
          "two_tits_for_tat": "TwoTitsForTat"}


def test_scores_and_ranking_equal_axelrods_exactly():
    axl = pytest.importorskip("axelrod")
    names = list(SHARED)
    theirs = axl.Tournament([getattr(axl, SHARED[n])() for n in names], turns=200, repetitions=2)
    result = theirs.play(progress_bar=False, processes=0)
    ours = ng.tournament(PD, names, turns=200, repetitions=2, seed=0)
    assert np.array_equal(np.array(result.payoff_matrix, dtype=float), ours.mean_payoffs)
    by_name = {str(getattr(axl, SHARED[n])()): n for n in names}
    assert tuple(by_name[n] for n in result.ranked_names) == ours.ranking


def test_symmetric_payoff_table_is_consistent_with_both_roles():
    result = ng.tournament(PD, ["tit_for_tat", "alternator", "defector"], turns=50, repetitions=1)
    for i in range(3):
        for j in range(3):
            match = ng.play_match(PD, result.strategies[i], result.strategies[j], turns=50)
            if i != j:
                assert result.mean_payoffs[i, j] == pytest.approx(match.mean_payoffs[0], abs=1e-12)


def test_asymmetric_games_play_both_roles():
    game = ng.examples.battle_of_the_sexes()
    result = ng.tournament(game, ["cooperator", "defector"], turns=10, repetitions=1)
    # cooperator (Opera) against defector (Football): as row 0, as column 0 -> 0; 
    # cooperator against itself: row gets 2, column gets 1 -> 1.5
    assert result.mean_payoffs[0, 0] == pytest.approx(1.5)
    assert not result.symmetric


def test_same_seed_same_bytes_and_another_seed_other_draws():
    args = dict(turns=100, repetitions=5, noise=0.05)
    names = ["tit_for_tat", "generous_tit_for_tat", "random", "grudger"]
    first = json.dumps(ng.tournament(PD, names, seed=7, **args).to_dict())
    second = json.dumps(ng.tournament(PD, names, seed=7, **args).to_dict())
    other = json.dumps(ng.tournament(PD, names, seed=8, **args).to_dict())
    assert first == second
    assert first != other


def test_json_holds_the_documented_keys():
    data = ng.tournament(PD, ["tit_for_tat", "defector"], turns=20, repetitions=3, seed=1).to_dict()
    assert data["strategies"] == ["tit_for_tat", "defector"]
    assert len(data["mean_payoffs"]) == 2 and data["ranking"][0] == "defector"
    text = str(ng.tournament(PD, ["tit_for_tat", "defector"], turns=20, repetitions=3, seed=1))
    assert "object at 0x" not in text and "tit_for_tat" in text


def test_without_self_play_the_diagonal_is_missing():
    result = ng.tournament(PD, ["tit_for_tat", "defector", "cooperator"], turns=20, repetitions=2,
                           self_play=False)
    assert np.isnan(np.diag(result.mean_payoffs)).all()
    assert result.to_dict()["mean_payoffs"][0][0] is None
    with pytest.raises(ParameterError, match="self-play"):
        ng.replicator_dynamics(result)


def test_timeout_keeps_the_repetitions_done():
    names = ng.strategies()[:12]
    result = ng.tournament(PD, [n for n in names if n != "stage_equilibrium"], turns=20_000,
                           repetitions=1000, noise=0.01, seed=1, timeout=1.0)
    assert not result.complete
    assert 1 <= result.settings["repetitions_done"] < 1000
    assert "timeout" in result.message


def test_distance_to_the_bargaining_point():
    result = ng.tournament(PD, ["cooperator", "tit_for_tat", "defector"], turns=100, repetitions=1)
    assert result.bargaining_point == pytest.approx((3, 3))
    # cooperators always reach (3, 3) against each other; defector never does
    assert result.distance[2] > result.distance[1] > 0


@pytest.mark.parametrize("n", [1, 3, 5, 6, 9, 20, 100, 500])
def test_median_interval_covers_at_the_stated_rate(n):
    rng = np.random.default_rng(n)
    hits = 0
    trials = 2000
    for _ in range(trials):
        low, high = median_interval(rng.normal(size=n))
        hits += low <= 0 <= high
    floor = 1 - 2 * 0.5 ** n if n <= 5 else 0.95  # with five values or fewer: the full range
    assert hits / trials >= floor - 3 * np.sqrt(floor * (1 - floor) / trials) - 1e-12


@pytest.mark.parametrize("bad", [["tit_for_tat"], "tit_for_tat", ["tit_for_tat", "tit_for_tat"]])
def test_bad_strategy_lists_are_named(bad):
    with pytest.raises(ParameterError):
        ng.tournament(PD, bad)
