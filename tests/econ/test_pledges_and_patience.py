"""Purchase pledges (caps, diversion, balances, welfare) and patience (δ with an explicit period)."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation import econ, errors

AMOUNT = st.floats(0, 500)


@given(AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, st.floats(0, 0.5), st.floats(0, 0.9))
def test_a_pledge_never_adds_more_new_output_than_the_cap(pledge, baseline, elsewhere, others, cap, premium, share):
    d = econ.purchase_pledge(pledge, baseline, elsewhere, others, cap, premium, share)
    v = {k: float(q.value) for k, q in d.outputs.items()}
    tol = 1e-9 * max(1.0, pledge, baseline, elsewhere, others, cap)
    assert v["new_output"] <= cap + tol
    assert v["diverted"] <= min(elsewhere, others) + tol
    assert min(v[k] for k in ("relabelled", "diverted", "new_output", "shortfall")) >= -tol
    assert math.isclose(v["relabelled"] + v["diverted"] + v["new_output"] + v["shortfall"], v["increase"],
                        rel_tol=1e-9, abs_tol=tol)
    assert v["global_balance_change"] <= v["bilateral_balance_change"] + tol
    # the U.S. gain is never the pledge's face value, and never more than China pays
    assert v["us_gain"] <= v["china_cost"] + tol
    if pledge <= v["max_deliverable_pledge"] - tol:
        assert v["shortfall"] <= tol
    elif pledge > v["max_deliverable_pledge"] + tol:
        assert v["shortfall"] > 0


def test_the_may_2018_soybean_pledge_by_hand():
    d = econ.purchase_pledge(pledge=30, baseline=12.2, us_exports_elsewhere=9.2, china_imports_from_others=26,
                             new_output_cap=2, premium=0.05)
    assert [round(float(d[k].value), 6) for k in ("increase", "diverted", "new_output", "shortfall")] == \
        [17.8, 9.2, 2.0, 6.6]
    assert math.isclose(d.global_balance_change.value, 2.0)
    assert math.isclose(d.china_cost.value, 0.05 * 11.2) and math.isclose(d.us_gain.value, 0.05 * 9.2 + 0.05)


def test_relabelled_flows_count_bilaterally_but_not_globally():
    d = econ.purchase_pledge(pledge=40, baseline=6.5, us_exports_elsewhere=0, china_imports_from_others=0,
                             new_output_cap=0, relabelled_share=0.5)
    assert math.isclose(d.relabelled.value, 16.75) and d.global_balance_change.value == 0
    assert math.isclose(d.bilateral_balance_change.value, 16.75)


def test_patience_has_an_explicit_period():
    month = econ.discount_factor(rate=0.05, period_years=1 / 12)
    year = econ.discount_factor(rate=0.05, period_years=1)
    assert math.isclose(month.delta.value ** 12, year.delta.value, rel_tol=1e-12)
    assert math.isclose(year.delta.value, 1 / 1.05)
    risky = econ.discount_factor(rate=0.05, period_years=1, hazard=0.2)
    assert math.isclose(risky.delta.value, 0.8 / 1.05)


def test_delay_costs_are_one_off_amounts():
    d = econ.discount_factor(0.03, 0.25, flow=40)
    assert d.delay_cost.unit == "$B" and math.isclose(d.delay_cost.value, 10)
    with pytest.raises(errors.UnitError):
        d.delay_cost + econ.Quantity("flow", 40, "$B/yr", "test", __import__("datetime").date(2018, 1, 1))


def test_patience_arguments_are_checked():
    with pytest.raises(errors.ParameterError, match="period_years must be above 0"):
        econ.discount_factor(0.05, 0)
    with pytest.raises(errors.ParameterError, match="hazard must be at most 1"):
        econ.discount_factor(0.05, 1, hazard=2)
    assert np.allclose(econ.discount_factor(0.05, [1, 2]).delta.value, [1 / 1.05, 1 / 1.05 ** 2])


def test_an_annual_equivalent_has_the_amounts_present_value():
    """Discounting the flow over the term gives back the one-off amount; at r = 0 it is spread evenly."""
    a = econ.annual_equivalent(amount=1.4, rate=0.05, years=10).flow
    assert a.unit == "$B/yr"
    assert math.isclose(sum(a.value / 1.05 ** t for t in range(1, 11)), 1.4, rel_tol=1e-12)
    assert math.isclose(econ.annual_equivalent(1.4, 0.0, 7).flow.value, 0.2, rel_tol=1e-12)
    one = econ.annual_equivalent(1, 0.03, 7).flow.value
    assert np.allclose(econ.annual_equivalent([1, 2], 0.03, 7).flow.value, [one, 2 * one], rtol=1e-12)


def test_annual_equivalent_arguments_are_checked():
    with pytest.raises(errors.ParameterError, match="years must be above 0"):
        econ.annual_equivalent(1, 0.03, 0)
    with pytest.raises(errors.ParameterError, match="amount must be finite"):
        econ.annual_equivalent(float("nan"), 0.03, 7)
