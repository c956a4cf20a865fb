"""The bilateral against the global balance: the savings-rate identity, and the closed-form deal test
against the deal range's own search."""

import importlib

import pytest
from hypothesis import given, settings, strategies as st

import negotiation as ng
from negotiation import econ

SCENARIO = ng.get_scenario("bilateral_vs_global")
TOL = 1e-9


def _module():
    return importlib.import_module("scenarios.bilateral_vs_global")


@st.composite
def values(draw):
    """Uncertain quantities and political terms anywhere in their ranges."""
    chosen = {p.name: draw(st.floats(p.low, p.high, allow_nan=False)) for p in SCENARIO.parameters
              if p.uncertain or p.political}
    return SCENARIO.bind(**chosen).values


@settings(max_examples=200, deadline=None)
@given(values(), st.sampled_from([0.0, 0.3, 1.0, None]))
def test_closed_form_deal_matches_the_deal_range(v, weight):
    s = _module()
    weight = v.global_weight if weight is None else weight
    assert s.deal_exists(v, weight) == (not s.deal(v, weight).empty)


@settings(max_examples=100, deadline=None)
@given(values())
def test_the_cuts_add_up(v):
    """The bilateral cut is what is delivered; the global cut the saved share of new output; the rest is
    shifted to other partners."""
    s = _module()
    m = SCENARIO.metrics(v)
    increase = max(v.offer_imports - v.baseline, 0)
    block = econ.purchase_pledge(v.baseline + increase, v.baseline, v.us_goods_exports - v.baseline,
                                 v.divertible, v.headroom * v.offer_years, v.premium)
    assert m["bilateral_cut"] == pytest.approx(block.bilateral_balance_change.value, abs=TOL)
    assert m["global_cut"] == pytest.approx(v.saved * block.global_balance_change.value, abs=TOL)
    assert m["shifted_to_others"] + m["global_cut"] == pytest.approx(m["bilateral_cut"], abs=TOL)
    assert m["global_deficit_after"] == pytest.approx(v.global_deficit - m["global_cut"], abs=TOL)
    assert m["bilateral_cut"] <= s.most_deliverable(v) + TOL


def test_saving_everything_recovers_the_trade_accounting_and_saving_nothing_moves_no_global_balance():
    everything = SCENARIO.metrics(SCENARIO.bind(saved=0.5).values)
    nothing = SCENARIO.metrics(SCENARIO.bind(saved=0).values)
    assert nothing["global_cut"] == 0 and nothing["shifted_to_others"] == pytest.approx(nothing["bilateral_cut"])
    assert everything["global_cut"] == pytest.approx(2 * SCENARIO.metrics(SCENARIO.bind(saved=0.25).values)
                                                     ["global_cut"], abs=TOL)


def test_at_the_defaults_only_the_bilateral_reading_finds_a_deal():
    m = SCENARIO.metrics(SCENARIO.bind().values)
    assert m["deal_exists"] and not m["deal_counting_global"]
    assert not m["offer_clears_bilateral"]
    assert 0 < m["global_share"] < 0.5
