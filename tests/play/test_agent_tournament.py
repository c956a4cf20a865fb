"""Tournaments of negotiation agents: scores from the pairings, rankings, reproducibility, partial results."""

import json

import numpy as np
import pytest

import negotiation as ng
from negotiation.errors import ParameterError

ZTE = ng.deal_space({"purchases": [0, 25, 50], "ZTE relief": ["no", "yes"], "controls": ["kept", "eased"]},
                    {"U.S.": lambda p: p["purchases"] - (10 if p["ZTE relief"] == "yes" else 0)
                     - (12 if p["controls"] == "eased" else 0),
                     "China": lambda p: -0.3 * p["purchases"] + (30 if p["ZTE relief"] == "yes" else 0)
                     + (15 if p["controls"] == "eased" else 0)},
                    {"U.S.": 20, "China": 0})


def test_scores_are_the_mean_gain_share_over_both_sides_of_the_table():
    names = ["boulware", "conceder", "tit_for_tat", "nash", "rubinstein"]
    result = ng.agent_tournament(ZTE, names, deadline=30, discount=0.98, repetitions=2, seed=0)
    space = ng.offer_space(ZTE)
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            as_first = ng.negotiate(space, a, b, deadline=30, discount=0.98).gain_shares[0]
            as_second = ng.negotiate(space, b, a, deadline=30, discount=0.98).gain_shares[1]
            assert result.mean_payoffs[i, j] == pytest.approx((as_first + as_second) / 2, abs=1e-12)
    expected = [np.mean([result.mean_payoffs[i, j] for j in range(5) if j != i]) for i in range(5)]
    assert np.allclose(result.median, expected, atol=1e-12)
    assert result.ranking == tuple(sorted(names, key=lambda n: -expected[names.index(n)]))
    assert ((result.interval[:, 0] <= result.median + 1e-12) & (result.median <= result.interval[:, 1] + 1e-12)).all()


def test_hard_liner_never_deals_with_itself_or_tit_for_tat():
    result = ng.agent_tournament(ZTE, ["hard_liner", "tit_for_tat", "linear"], deadline=20, repetitions=1)
    pairs = {p["agents"]: p for p in result.pairings}
    assert pairs[("hard_liner", "tit_for_tat")]["agreement"] is None
    assert pairs[("tit_for_tat", "tit_for_tat")]["agreement"] is not None
    assert result.agreement_rate[0] < result.agreement_rate[2]


def test_same_seed_same_json_and_another_seed_differs():
    runs = [ng.agent_tournament(ZTE, ["random", "linear", "random:accept=0.9"], deadline=20, repetitions=3,
                                seed=s).to_dict() for s in (5, 5, 6)]
    assert json.dumps(runs[0]) == json.dumps(runs[1])
    assert runs[0]["scores"] != runs[2]["scores"]


def test_without_self_play_the_diagonal_is_empty_and_outputs_render():
    result = ng.agent_tournament(ZTE, ["boulware", "nash", "rubinstein"], deadline=20, repetitions=1,
                                 self_play=False)
    assert np.isnan(np.diag(result.mean_payoffs)).all()
    assert len(result.pairings) == 6
    text = str(result)
    assert max(map(len, text.splitlines())) <= 100 and "object at 0x" not in text
    assert "| rank |" in result.to_markdown() and "<table" in result.to_html()
    assert result.to_csv().count("\n") == 7
    data = result.to_dict()
    assert data["strategies"] == data["agents"] == ["boulware", "nash", "rubinstein"]
    assert set(data) >= {"mean_payoffs", "ranking", "pairings", "distances"}


def test_no_deal_range_means_no_distances():
    space = ng.offer_space({"a": (1, -1), "b": (-1, 1)}, reservation=(0, 0))
    result = ng.agent_tournament(space, ["linear", "nash"], deadline=5, repetitions=1)
    assert result.distances == {} and (result.agreement_rate == 0).all()
    assert "no frontier" in str(result)


def test_timeout_keeps_the_repetitions_done():
    result = ng.agent_tournament(ZTE, ["random", "random:accept=0.1"], deadline=2000, repetitions=100_000,
                                 timeout=1.0, seed=1)
    assert not result.complete and 1 <= result.settings["repetitions_done"] < 100_000
    assert "timeout" in result.message


def test_bad_tournaments_are_named():
    with pytest.raises(ParameterError, match="at least two agents"):
        ng.agent_tournament(ZTE, "nash")
    with pytest.raises(ParameterError, match="listed twice"):
        ng.agent_tournament(ZTE, ["nash", "nash"])
    with pytest.raises(ParameterError, match="repetitions"):
        ng.agent_tournament(ZTE, ["nash", "linear"], repetitions=0)
