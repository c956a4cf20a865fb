"""Negotiation agents against the theory: Rubinstein's split, subgame perfection, deadlines, rationality."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation.errors import ParameterError
from negotiation.play.offer_equilibrium import subgame_perfect_plan


def split(steps, sides=("U.S.", "China")):
    """A pie of 1 split on a grid of 1/steps: package k gives the first side k/steps."""
    return ng.offer_space({f"{k}/{steps}": (k / steps, 1 - k / steps) for k in range(steps + 1)},
                          reservation=(0, 0), sides=sides)


def test_rubinstein_agents_agree_at_once_on_rubinsteins_split():
    space = split(4000)
    for d1, d2 in ((0.9, 0.95), (0.8, 0.6), (0.95, 0.95)):
        result = ng.negotiate(space, "rubinstein", "rubinstein", deadline=400, discount=(d1, d2))
        theory = ng.rubinstein(Fraction(str(d1)), Fraction(str(d2))).shares
        assert result.round == 1
        # the grid and the deadline (δ^400 is below 1e-9 here) are the only gaps from the closed form
        assert result.outcome[0] == pytest.approx(float(theory[0]), abs=2 / 4000 / (1 - d1 * d2))


@pytest.mark.parametrize("horizon", [1, 2, 3, 4, 7])
def test_rubinstein_agents_match_the_finite_horizon_solver(horizon):
    space = split(6000)
    result = ng.negotiate(space, "rubinstein", "rubinstein", deadline=horizon, discount=(0.7, 0.8))
    theory = ng.rubinstein(Fraction(7, 10), Fraction(8, 10), horizon=horizon)
    assert result.round == 1
    assert result.outcome[0] == pytest.approx(float(theory.shares[0]), abs=horizon / 6000)


utilities = st.lists(st.tuples(st.integers(-5, 10), st.integers(-5, 10)), min_size=1, max_size=6)


@given(utilities, st.integers(1, 5), st.sampled_from([(1.0, 1.0), (0.9, 0.5), (0.5, 0.8)]), st.integers(0, 1))
def test_subgame_perfect_plan_has_no_profitable_one_shot_deviation(table, deadline, deltas, first):
    """The one-shot deviation principle, checked round by round against continuation values replayed."""
    u = np.array(table, float)
    plan = subgame_perfect_plan(u, (0, 0), deltas, deadline, first)
    gains, d = u, np.array(deltas)

    def play_from(t):  # each side's value when play starts in round t and follows the plan
        for s in range(t, deadline + 1):
            p = first if s % 2 == 1 else 1 - first
            k = plan["proposals"][s - 1]
            if k < 0:  # no offer this round
                continue
            now = d ** (s - 1) * gains[k]
            if now[1 - p] >= plan["thresholds"][s - 1][1 - p] - 1e-9:
                return now
        return np.zeros(2)

    assert np.allclose(play_from(1), plan["value"])
    for t in range(1, deadline + 1):
        p = first if t % 2 == 1 else 1 - first
        q = 1 - p
        later = play_from(t + 1)
        assert np.allclose(plan["thresholds"][t - 1], later)  # responders accept exactly what beats waiting
        on_path = play_from(t)[p]
        assert later[p] <= on_path + 1e-9  # making no offer does no better
        for k in range(len(u)):  # no other offer does better for the proposer
            now = d ** (t - 1) * gains[k]
            deviation = now[p] if now[q] >= later[q] - 1e-9 else later[p]
            assert deviation <= on_path + 1e-9


def test_two_boulware_agents_agree_near_the_deadline():
    space = split(200)
    result = ng.negotiate(space, "boulware", "boulware", deadline=100)
    assert result.agreement is not None and result.round >= 80
    conceders = ng.negotiate(space, "conceder", "conceder", deadline=100)
    assert conceders.round < 20 < result.round


def test_nash_agents_agree_at_once_on_the_nash_bargaining_package():
    space = ng.offer_space({"a": (10, 1), "b": (6, 5), "c": (3, 8), "d": (1, 9)}, reservation=(0, 0))
    result = ng.negotiate(space, "nash", "nash")
    assert (result.round, result.agreement_label) == (1, "b")
    problem = ng.BargainingProblem.from_packages({"a": (10, 1), "b": (6, 5), "c": (3, 8), "d": (1, 9)}, (0, 0))
    assert ng.nash_bargaining(problem).label == "b"
    assert result.distances["nash"] == pytest.approx(0, abs=1e-12)


def test_hard_liners_and_tit_for_tat():
    space = split(100)
    assert ng.negotiate(space, "hard_liner", "hard_liner").agreement is None
    assert ng.negotiate(space, "tit_for_tat", "hard_liner").agreement is None
    assert ng.negotiate(space, "hard_liner", "tit_for_tat").agreement is None
    both = ng.negotiate(space, "tit_for_tat", "tit_for_tat", deadline=100)
    assert both.agreement_label == "50/100"  # equal concessions meet in the middle
    # a hard opening pays against a side that concedes slowly: the hard-liner takes the whole pie
    assert ng.negotiate(space, "hard_liner", "boulware").agreement_label == "100/100"


random_spaces = st.lists(st.tuples(st.integers(-10, 10), st.integers(-10, 10)), min_size=1, max_size=12)


@given(random_spaces, st.tuples(st.integers(-5, 5), st.integers(-5, 5)), st.sampled_from(ng.agents()),
       st.sampled_from(ng.agents()), st.integers(1, 30), st.floats(0.5, 1.0), st.integers(0, 3))
def test_no_built_in_agent_accepts_less_than_no_deal(table, reservation, a, b, deadline, delta, seed):
    labels = {f"p{k}": u for k, u in enumerate(table)}
    space = ng.offer_space(labels, reservation=reservation)
    result = ng.negotiate(space, a, b, deadline=deadline, discount=delta, seed=seed)
    assert all(v >= r - 1e-9 for v, r in zip(result.outcome, reservation))
    assert len(result.offers) == (deadline if result.round is None else result.round)


def test_same_seed_same_negotiation_and_another_seed_differs():
    space = split(100)
    runs = [ng.negotiate(space, "random", "random:accept=0.2", seed=s).to_dict() for s in (3, 3, 4)]
    assert runs[0] == runs[1] and runs[0] != runs[2]


def test_a_python_agent_through_the_documented_interface():
    class Halfway(ng.AgentBase):
        name = "halfway"
        stochastic = False

        def propose(self, round):
            return int(np.argmin(np.abs(self.view.mine - self.view.mine.max() / 2)))

        def accept(self, round, offer):
            return self.view.mine[offer] >= self.view.mine.max() / 2

    result = ng.negotiate(split(10), Halfway(), "conceder", deadline=4)
    assert result.agents == ("halfway", "conceder") and (result.round, result.agreement_label) == (1, "5/10")


def test_bad_agents_and_rules_are_named():
    space = split(10)
    with pytest.raises(ParameterError, match="unknown agent 'bolware'"):
        ng.negotiate(space, "bolware", "nash")
    with pytest.raises(ParameterError, match="has no parameter 'speed'.*exponent"):
        ng.agent("time_dependent", speed=2)
    with pytest.raises(ParameterError, match="exponent must be a positive number"):
        ng.agent("time_dependent", exponent=0)
    with pytest.raises(ParameterError, match="deadline"):
        ng.negotiate(space, "nash", "nash", deadline=0)
    with pytest.raises(ParameterError, match="discount factor"):
        ng.negotiate(space, "nash", "nash", discount=1.5)
    with pytest.raises(ParameterError, match="first must name a side"):
        ng.negotiate(space, "nash", "nash", first="Brazil")

    class Broken(ng.AgentBase):
        def propose(self, round):
            return 99

        def accept(self, round, offer):
            return False

    with pytest.raises(ParameterError, match="agent agent proposed 99 in round 1"):
        ng.negotiate(space, Broken(), "nash")


def test_offer_spaces_from_the_agreements_layer():
    space = ng.deal_space({"purchases": [0, 25, 50], "relief": ["no", "yes"]},
                          {"U.S.": lambda p: p["purchases"] - (10 if p["relief"] == "yes" else 0),
                           "China": lambda p: -0.3 * p["purchases"] + (30 if p["relief"] == "yes" else 0)},
                          {"U.S.": 20, "China": 0})
    offers = ng.offer_space(space)
    assert offers.sides == ("U.S.", "China") and len(offers.labels) == 6
    assert sorted(offers.labels[k] for k in offers.frontier) == sorted(space.label(k) for k in space.frontier)
    with pytest.raises(ng.errors.GameError, match="two sides"):
        ng.offer_space(ng.deal_space({"x": [0, 1]}, {"a": lambda p: 1, "b": lambda p: 1, "c": lambda p: 1},
                                     {"a": 0, "b": 0, "c": 0}))
    with pytest.raises(ng.errors.GameError, match="discrete"):
        ng.offer_space(ng.BargainingProblem.from_points([(0, 1), (1, 0)], (0, 0)))
    with pytest.raises(ParameterError, match="reservation"):
        ng.offer_space({"a": (1, 2)})


def test_negotiation_prints_plain_words():
    result = ng.negotiate(split(10), "linear", "linear", deadline=10)
    text = str(result)
    assert "Agreement in round" in text and "of its possible gain" in text and "object at 0x" not in text
    data = result.to_dict()
    assert data["agents"] == {"U.S.": "linear", "China": "linear"} and data["offers"][0]["by"] == "U.S."


def test_an_agent_missing_a_method_says_which():
    class Silent(ng.AgentBase):
        name = "silent"

        def accept(self, round, offer):
            return False

    with pytest.raises(ParameterError, match=r"agent silent defines no propose\(round\)"):
        ng.negotiate(split(10), Silent(), "nash")
