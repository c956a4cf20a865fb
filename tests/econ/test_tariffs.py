"""The tariff block against closed forms, a numerical integral, the textbook optimal tariff and properties."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation import econ, errors

ELASTICITY = st.floats(0.05, 20)
RATE = st.floats(0.0, 2.0)
FLOW = st.floats(0.1, 600)


@given(FLOW, RATE, ELASTICITY, ELASTICITY)
def test_welfare_accounting_adds_up(flow, rate, eps, eta):
    d = econ.tariff(flow, rate, eps, eta)
    v = {k: float(q.value) for k, q in d.outputs.items()}
    scale = max(1.0, flow)
    # revenue is what foreigners pay (terms of trade) plus what buyers pay above the old price
    assert math.isclose(v["revenue"], v["terms_of_trade_gain"] + (v["buyer_price"] - 1) * v["quantity"],
                        rel_tol=1e-9, abs_tol=1e-9 * scale)
    assert math.isclose(v["deadweight_loss"], v["consumer_loss"] + v["exporter_loss"] - v["revenue"],
                        rel_tol=1e-9, abs_tol=1e-9 * scale)
    assert v["deadweight_loss"] >= -1e-9 * scale
    assert math.isclose(v["importer_welfare"], v["revenue"] - v["consumer_loss"], rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(v["exporter_share"] + v["importer_share"], 1.0, abs_tol=1e-12)
    assert 0 <= v["exporter_share"] <= 1 + 1e-12
    assert math.isclose(v["buyer_price"], (1 + rate) * v["exporter_price"], rel_tol=1e-12)


def test_incidence_at_the_limits_of_supply():
    elastic = econ.tariff(100, 0.25, 2, 1e9)
    assert elastic.exporter_share.value < 1e-6 and math.isclose(elastic.buyer_price.value, 1.25, rel_tol=1e-6)
    inelastic = econ.tariff(100, 0.25, 2, 0)
    assert math.isclose(inelastic.exporter_share.value, 1.0, abs_tol=1e-12)
    assert math.isclose(inelastic.buyer_price.value, 1.0, abs_tol=1e-12)
    small = econ.tariff(100, 1e-9, 3, 1)
    assert math.isclose(small.exporter_share.value, 3 / 4, rel_tol=1e-6)  # ε/(ε+η) at t → 0


@given(st.floats(0.2, 10), st.floats(0.2, 10), st.floats(0.01, 1.5))
def test_deadweight_loss_is_the_area_between_the_curves(eps, eta, rate):
    from scipy.integrate import quad

    flow = 100.0
    d = econ.tariff(flow, rate, eps, eta)
    after = float(d.quantity.value)
    # Between the tariff-ridden quantity and the free-trade one, the buyers' marginal value
    # minus the exporters' marginal cost: inverse demand minus inverse supply.
    area, _ = quad(lambda x: (x / flow) ** (-1 / eps) - (x / flow) ** (1 / eta), after, flow,
                   epsabs=1e-12, epsrel=1e-12, limit=200)
    assert abs(area - float(d.deadweight_loss.value)) <= 1e-6


@given(st.floats(0.1, 50), st.floats(0.1, 20))
def test_the_optimal_tariff_is_the_inverse_supply_elasticity(eta, eps):
    assert abs(econ.optimal_tariff(eta, eps).value - 1 / eta) <= 1e-9 * max(1, 1 / eta)


def test_the_optimal_tariff_maximises_welfare_on_a_grid():
    grid = np.linspace(0, 2, 20001)
    welfare = econ.tariff(100, grid, 2.5, 1.6).importer_welfare.value
    best = grid[np.argmax(welfare)]
    assert abs(best - econ.optimal_tariff(1.6).value) <= 2e-4


def test_symmetric_nash_tariffs_are_equal_and_hurt_both():
    war = econ.nash_tariffs({"A": 100, "B": 100}, {"A": 2, "B": 2}, {"A": 1.5, "B": 1.5})
    assert math.isclose(war["tariff A"].value, war["tariff B"].value, rel_tol=1e-12)
    assert math.isclose(war["tariff A"].value, 1 / 1.5, rel_tol=1e-9)
    assert war["welfare A"].value < 0 and war["welfare B"].value < 0  # free trade is 0 for both


def test_a_large_importer_can_win_a_tariff_war():
    """Johnson (1953-54): with enough market power one side gains even after retaliation."""
    war = econ.nash_tariffs({"U.S.": 505.6, "China": 130.4}, {"U.S.": 2, "China": 2}, {"U.S.": 1.6, "China": 1.6})
    assert war["welfare U.S."].value > 0 > war["welfare China"].value


@given(FLOW, ELASTICITY, ELASTICITY, st.floats(0, 1.5), st.floats(0.001, 0.5))
def test_a_higher_tariff_never_raises_the_exporter_price(flow, eps, eta, rate, step):
    low, high = econ.tariff(flow, [rate, rate + step], eps, eta).exporter_price.value
    assert high <= low + 1e-15


@given(FLOW, ELASTICITY, ELASTICITY, st.floats(0, 1.5))
def test_welfare_is_continuous_in_the_rate(flow, eps, eta, rate):
    near = econ.tariff(flow, [rate, rate + 1e-9], eps, eta).importer_welfare.value
    assert abs(near[1] - near[0]) <= 1e-6 * flow


def test_unit_elastic_demand_uses_the_logarithm():
    at_one = econ.tariff(50, 0.3, 1.0, 2).consumer_loss.value
    near = econ.tariff(50, 0.3, [1 - 1e-7, 1 + 1e-7], 2).consumer_loss.value
    assert np.allclose(near, at_one, rtol=1e-5)


def test_arrays_in_arrays_out_equal_the_scalar_answers():
    rng = np.random.default_rng(0)
    eps, eta = rng.uniform(0.5, 5, 50), rng.uniform(0.5, 5, 50)
    vector = econ.tariff(80, 0.25, eps, eta).importer_welfare.value
    scalar = [econ.tariff(80, 0.25, a, b).importer_welfare.value for a, b in zip(eps, eta)]
    assert np.allclose(vector, scalar, rtol=1e-12, atol=0)


def test_rates_and_flows_as_quantities_with_units():
    rate = econ.Quantity("rate", 25, "%", "USTR", __import__("datetime").date(2018, 4, 3))
    monthly = econ.Quantity("flow", 50 / 12, "$B/month", "test", __import__("datetime").date(2018, 1, 1))
    d = econ.tariff(monthly, rate, 2, 2)
    assert math.isclose(d.revenue.value, econ.tariff(50, 0.25, 2, 2).revenue.value, rel_tol=1e-12)
    with pytest.raises(errors.UnitError, match=r"cannot convert \$B to \$B/yr"):
        econ.tariff(econ.Quantity("stock", 50, "$B", "test", __import__("datetime").date(2018, 1, 1)), 0.25, 2, 2)


def test_bad_arguments_are_named():
    with pytest.raises(errors.ParameterError, match="both be zero"):
        econ.tariff(50, 0.25, 0, 0)
    with pytest.raises(errors.ParameterError, match="supply_elasticity must be at least 0"):
        econ.tariff(50, 0.25, 2, -1)
    with pytest.raises(errors.ParameterError, match="flow must be finite"):
        econ.tariff(float("nan"), 0.25, 2, 2)
    with pytest.raises(errors.ParameterError, match="rate must be above -1"):
        econ.tariff(50, -1, 2, 2)


def test_perceived_and_realised_payoffs_are_both_carried():
    d = econ.tariff(150, 0.25, 2, 1.6, believed_exporter_share=1.0)
    assert math.isclose(d.perceived_importer_welfare.value, 37.5)  # "China pays the whole 25% on $150B"
    assert d.importer_welfare.value < d.perceived_importer_welfare.value
    assert "belief" in d.perceived_importer_welfare.note and any("realised" in n for n in d.notes)


def test_retaliation_on_inelastic_farm_goods_falls_on_farmers():
    retaliation = econ.sector_tariffs({
        "soybeans": {"flow": 12.2, "demand_elasticity": 2, "supply_elasticity": 0.3},
        "aircraft": {"flow": 16, "demand_elasticity": 2, "supply_elasticity": 4},
    }, 0.25, label="China's retaliation")
    shares = {note.split(":")[0]: float(note.rsplit(" ", 1)[1]) for note in retaliation.notes}
    assert shares["soybeans"] > 0.8 > 0.5 > shares["aircraft"]
    parts = [econ.tariff(12.2, 0.25, 2, 0.3), econ.tariff(16, 0.25, 2, 4)]
    assert math.isclose(retaliation.exporter_loss.value, sum(p.exporter_loss.value for p in parts))


def test_the_derivation_prints_formulas_inputs_and_units():
    text = str(econ.tariff(50, 0.25, 2, 2))
    assert "R = t·q·Q" in text and "revenue = 8.94427 $B/yr" in text and "object at 0x" not in text
    data = econ.tariff(50, 0.25, 2, 2).to_dict()
    assert data["outputs"]["revenue"]["unit"] == "$B/yr"


@given(FLOW, RATE, ELASTICITY, ELASTICITY)
def test_the_plain_form_gives_the_derivation_s_numbers(flow, rate, eps, eta):
    d = econ.tariff(flow, rate, eps, eta)
    plain = econ.tariff_effects(flow, rate, eps, eta)
    assert set(plain) == set(d.outputs)
    for name, value in plain.items():
        assert isinstance(value, float)
        assert math.isclose(value, d.outputs[name].value, rel_tol=0, abs_tol=0)


def test_the_plain_form_refuses_what_the_block_refuses():
    with pytest.raises(errors.ParameterError, match="both be zero"):
        econ.tariff_effects(50, 0.25, 0, 0)
    with pytest.raises(errors.ParameterError, match="demand_elasticity must be finite"):
        econ.tariff_effects(50, 0.25, [2.0, float("nan")], 2)
    with pytest.raises(errors.ParameterError, match="flow must be finite"):
        econ.tariff_effects([50, float("inf")], 0.25, 2, 2)
    with pytest.raises(errors.ParameterError, match="supply_elasticity must be at least 0, got -1"):
        econ.tariff_effects(50, 0.25, 2, [1, -1, 3])
    assert econ.tariff_effects([], 0.25, 2, 2)["revenue"].shape == (0,)


def test_a_number_beyond_a_float_is_refused_by_name():
    with pytest.raises(errors.ParameterError, match="flow must be finite: it is beyond the range of a float"):
        econ.tariff_effects(10 ** 400, 0.25, 2, 2)
    with pytest.raises(errors.ParameterError, match="rate must be finite: it is beyond"):
        econ.tariff(50, [0.25, 10 ** 400], 2, 2)
