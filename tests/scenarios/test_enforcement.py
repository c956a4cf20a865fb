"""The enforcement scenario's repeated game against hand formulas and against a simulation of the same game."""

import math
from statistics import NormalDist

import numpy as np
import pytest

import negotiation as ng

SCENARIO = ng.get_scenario("enforcement")
REGIMES = ("memorandum of understanding", "unilateral snap-back", "arbitration")


def _module():
    import importlib

    return importlib.import_module("scenarios.enforcement")


def test_patience_and_monitoring_by_hand():
    """δ = 1.03^-0.25 · 0.875^0.25; α = Φ(-0.2/0.15); β = Φ(0.8/0.15)."""
    m = SCENARIO.metrics(ng.load_scenario("enforcement").values)
    assert m["delta"] == pytest.approx(1.03 ** -0.25 * 0.875 ** 0.25, abs=1e-12)
    assert m["false_alarm"] == pytest.approx(NormalDist().cdf(-0.2 / 0.15), abs=1e-12)
    assert m["compliance_cost"] == pytest.approx(0.1 * (50 + 10) + 10, abs=1e-9)


def _simulate(v, regime, years, paths, rng, deviate_first=False):
    """Play the game period by period: (share of paths with the deal in force and kept after ``years``,
    mean discounted payoff to China over ``years``). China complies unless ``deviate_first`` (walks away in
    the first period, then complies). Only the interest rate discounts: the hazard ends the game."""
    e = _module()
    comply, walk, punished = e.stage_payoffs(v)
    alpha, beta = e.detection(v)
    periods = round(years / v.period_years)
    ended_by_hazard = 1 - (1 - v.hazard) ** v.period_years
    interest = (1 + v.rate) ** -v.period_years
    alive = np.ones(paths, dtype=bool)         # the game has not ended (hazard, or an MOU's collapse)
    punished_for = np.zeros(paths, dtype=int)  # snap-back periods still to run
    total = np.zeros(paths)
    for k in range(periods):
        in_deal = alive & (punished_for == 0)
        walking = in_deal & (deviate_first and k == 0)
        stage = np.where(walking, walk, np.where(in_deal, comply, punished))
        total += np.where(alive, interest ** k * stage, 0.0)
        punished_for = np.maximum(punished_for - (alive & ~in_deal), 0)
        declared = in_deal & (rng.random(paths) < np.where(walking, beta, alpha))
        if regime == "memorandum of understanding":
            alive &= ~declared
        elif regime == "unilateral snap-back":
            punished_for = np.where(declared, e.punishment_periods(v), punished_for)
        else:
            total -= np.where(declared, interest ** (k + 1) * v.award, 0.0)
        alive &= rng.random(paths) >= ended_by_hazard
    kept = alive & (punished_for == 0)
    return kept.mean(), total.mean()


@pytest.mark.parametrize("regime", REGIMES)
@pytest.mark.parametrize("values", [{}, {"noise": 0.3, "tolerance": 0.1}, {"hazard": 0.25, "period_years": 1 / 12}])
def test_survival_for_a_year_matches_a_simulation(regime, values):
    v = ng.load_scenario("enforcement", **values).values
    e = _module()
    p = e.survival_if_kept(v, regime)
    assert e.p_survives_year(v, regime) == (p if e.self_enforcing(v, regime) else 0)
    share, _ = _simulate(v, regime, 1, 40_000, np.random.default_rng(1))
    se = math.sqrt(max(p * (1 - p), 1e-4) / 40_000)
    if regime == "unilateral snap-back":
        # the formula counts "no breach declared in the year"; the simulation counts "not suspended at the
        # year's end", which also includes a suspension that began and ended within the year: at most equal
        assert share >= p - 4 * se
    else:
        assert abs(share - p) < 4 * se


@pytest.mark.parametrize("regime", REGIMES)
def test_the_value_of_the_deal_matches_a_simulation(regime):
    """The closed-form value on the compliant path against discounted payoffs over 60 years of play."""
    v = ng.load_scenario("enforcement").values
    e = _module()
    value, _ = e.values(v, regime)
    _, simulated = _simulate(v, regime, 60, 20_000, np.random.default_rng(2))
    assert simulated == pytest.approx(value, rel=0.03)


@pytest.mark.parametrize("values", [{}, {"hazard": 0.5, "rate": 0.07, "noise": 0.3, "tolerance": 0.7},
                                    {"structural_cost": 20, "noise": 0.3, "tolerance": 0.7, "award": 2},
                                    {"structural_cost": 18, "tolerance": 0.85, "noise": 0.3, "hazard": 0.3}])
@pytest.mark.parametrize("regime", REGIMES)
def test_self_enforcement_agrees_with_a_simulated_one_shot_deviation(regime, values):
    """Compliance holds iff walking away once (then complying) does not pay, by simulation. The points are
    chosen so that the two values differ by more than the simulation's error (2% of the value); the last one
    holds under arbitration only."""
    v = ng.load_scenario("enforcement", **values).values
    e = _module()
    value, _ = e.values(v, regime)
    _, stay = _simulate(v, regime, 60, 20_000, np.random.default_rng(3))
    _, leave = _simulate(v, regime, 60, 20_000, np.random.default_rng(3), deviate_first=True)
    assert value > 0 and abs(stay - leave) > 0.02 * value  # decisive points, as the docstring says
    assert e.self_enforcing(v, regime) == (stay >= leave)


def test_no_survival_without_self_enforcement():
    """Structural commitments costing 40 a year exceed the 26.4 stake: China prefers no deal, nothing survives."""
    m = SCENARIO.metrics(ng.load_scenario("enforcement", structural_cost=40).values)
    assert not m["self_enforcing"] and m["p_survives_year"] == 0 == m["p_survives_year_arbitration"]


def test_arbitration_survives_false_alarms():
    """An award does not end the deal: survival is 1 - hazard, above the MOU's (1 - h)(1 - α)^4."""
    m = SCENARIO.metrics(ng.load_scenario("enforcement").values)
    assert m["p_survives_year_arbitration"] == pytest.approx(0.875, abs=1e-12)
    assert m["p_survives_year"] == pytest.approx(0.875 * (1 - m["false_alarm"]) ** 4, abs=1e-12)
