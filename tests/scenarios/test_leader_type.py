"""The leader's type: the closed-form reply against the tree's subgame-perfect solver, the switch belief as
China's indifference, and the types' tariff worth against the tariff block."""

import importlib

import pytest
from hypothesis import given, settings, strategies as st

import negotiation as ng
from negotiation import econ

SCENARIO = ng.get_scenario("leader_type")
SWITCHES = {"us_supply_elasticity": 8, "china_supply_elasticity": 8, "concession": 0.02, "reform_cost": 1.5}
TOL = 1e-9


def _module():
    return importlib.import_module("scenarios.leader_type")


@st.composite
def values(draw):
    chosen = {p.name: draw(st.floats(p.low, p.high, allow_nan=False)) for p in SCENARIO.parameters
              if p.uncertain or p.choice}
    return SCENARIO.bind(**chosen).values


def _solved_china_move(v):
    result = ng.subgame_perfect_equilibria(SCENARIO.tree(v))
    return {eq.choices["China"] for eq in result}


@settings(max_examples=60, deadline=None)
@given(values())
def test_closed_form_reply_matches_the_tree_solver(v):
    s = _module()
    found = s.tables(v)
    value = s.china_values(found, v.p_dealmaker)
    expected = "Hold firm" if s.metrics(v)["china_holds_firm"] else "Concede"
    solved = _solved_china_move(v)
    leader_ties = any(abs(us[0][j] - us[1][j]) < 1e-9 for us, _ in found.values() for j in range(2))
    if abs(value["Concede"] - value["Hold firm"]) > 1e-6 and not leader_ties:
        assert solved == {expected}
    else:  # a tie, China's or a leader's, has more equilibria: ours is one of them
        assert expected in solved


def test_the_switch_belief_is_where_the_solver_flips():
    s = _module()
    v = SCENARIO.bind(**SWITCHES).values
    switch = s.metrics(v)["switch_belief"]
    assert 0 < switch < 1
    below = _solved_china_move(SCENARIO.bind(**SWITCHES, p_dealmaker=switch - 1e-3).values)
    above = _solved_china_move(SCENARIO.bind(**SWITCHES, p_dealmaker=switch + 1e-3).values)
    assert below != above and below | above == {"Concede", "Hold firm"}
    value = s.china_values(s.tables(v), switch)
    assert value["Concede"] == pytest.approx(value["Hold firm"], abs=1e-9)


def test_the_types_differ_only_in_what_they_believe_about_incidence():
    """The dealmaker's tariff worth is the block's realised importer welfare; a hardliner who believes China
    pays all of the duty counts rate × flow; a hardliner with no such belief counts nothing."""
    s = _module()
    v = SCENARIO.bind(hardliner_belief=1).values
    flow, rate = v.us_list + v.us_list_more, v.tariff_rate / 100
    block = econ.tariff(flow, rate, v.us_demand_elasticity, v.china_supply_elasticity)
    found = s.tables(v)
    assert found["dealmaker"][0][1][0] == pytest.approx(block.importer_welfare.value, abs=TOL)
    assert found["hardliner"][0][1][0] == pytest.approx(rate * flow, abs=TOL)
    assert s.tables(SCENARIO.bind(hardliner_belief=0).values)["hardliner"][0][1][0] == pytest.approx(0, abs=TOL)
    assert found["dealmaker"][1] == found["hardliner"][1]  # China's payoffs do not depend on the type


def test_at_the_defaults_even_a_dealmaker_escalates():
    """With the registry's elasticities the tariffs' realised worth to the U.S. exceeds a 10% reform, so the
    dealmaker escalates too, and China's belief does not matter."""
    m = SCENARIO.metrics(SCENARIO.bind().values)
    assert not m["dealmaker_takes_concession"] and m["hardliner_escalates"] and m["china_holds_firm"]
    assert m["switch_belief"] == -1
