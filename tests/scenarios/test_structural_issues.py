"""The two-level game: the win-sets, the Nash reform and the tree's subgame-perfect proposal against brute force."""

import importlib

import numpy as np
import pytest

import negotiation as ng

SCENARIO = ng.get_scenario("structural_issues")
GRID = np.linspace(0, 1, 200_001)  # reforms 0.0005% apart
STEP = GRID[1]
CASES = [{}, {"president_weight": 1, "president_reservation": 0}, {"president_weight": 0.8},
         {"president_weight": 1, "president_reservation": 0, "reform_cost": 1, "harm": 200},
         {"president_weight": 0.75, "president_reservation": 0, "reform_cost": 1, "harm": 200}]


def _module():
    return importlib.import_module("scenarios.structural_issues")


@pytest.mark.parametrize("overrides", CASES)
def test_the_win_sets_match_brute_force(overrides):
    """Evaluate every level's payoff on a fine grid of reforms: the ratified-and-accepted set is the interval
    the scenario reports, to within a grid step."""
    s = _module()
    v = SCENARIO.bind(**overrides).values
    negotiator, president, china = s.payoffs(v, GRID)
    ratified = GRID[(negotiator >= 0) & (president >= 0)]
    accepted = GRID[china >= 0]
    low, high = s.win_sets(v)
    if ratified.size:
        assert ratified.min() == pytest.approx(low, abs=STEP)
    else:
        assert low > 1
    assert accepted.max() == pytest.approx(high, abs=STEP)
    both = np.intersect1d(ratified, accepted)
    m = SCENARIO.metrics(v)
    assert m["deal_exists"] == (both.size > 0) or abs(low - high) < STEP
    if both.size:
        product = (s.payoffs(v, both)[0]) * (s.payoffs(v, both)[2])
        assert m["nash_reform"] == pytest.approx(both[np.argmax(product)], abs=2 * STEP)


@pytest.mark.parametrize("overrides", CASES)
def test_the_tree_proposes_the_most_reform_both_levels_accept(overrides):
    """ng's subgame-perfect solver on the tree: the negotiator proposes the largest reform on the menu that the
    President ratifies and China accepts; with none, every path ends in the threat (all payoffs 0)."""
    s = _module()
    v = SCENARIO.bind(**overrides).values
    result = ng.subgame_perfect_equilibria(s.tree(v))
    menu = np.linspace(0, 1, s.REFORM_STEPS)
    negotiator, president, china = s.payoffs(v, menu)
    ok = (president >= 0) & (china >= 0)
    best = max(negotiator[ok], default=None)
    for equilibrium in result:
        if best is None or best < 0:
            assert equilibrium.payoffs[0] == pytest.approx(0.0, abs=1e-9)
        else:
            assert equilibrium.payoffs[0] == pytest.approx(max(best, 0.0), abs=1e-6)


def test_a_narrow_win_set_is_bargaining_power():
    """Schelling's conjecture in Putnam's game: when ratification binds but leaves a deal, the reform agreed is
    larger than the negotiator alone would get."""
    v = SCENARIO.bind(president_weight=0.75, president_reservation=0, reform_cost=1, harm=200).values
    m = SCENARIO.metrics(v)
    assert m["deal_exists"] and m["ratification_binds"]
    assert m["nash_reform"] > m["nash_reform_alone"]
