"""The ZTE scenario: its Nash settlement against the deal-space solver, the fast Nash pledge against brute force,
penalties as transfers, and separability at known points."""

import importlib

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import negotiation as ng

SCENARIO = ng.get_scenario("zte_linkage")
TOL = 1e-9


def _module():
    return importlib.import_module("scenarios.zte_linkage")


def _values(**overrides):
    return SCENARIO.bind(**overrides).values


@pytest.mark.parametrize("overrides", [{}, {"zte_political_value": 10}, {"security_cost": 0, "breach_rate": 0.5},
                                       {"monitor_cost": 0.02, "detection": 0.1, "security_cost": 20}])
def test_the_nash_settlement_matches_the_deal_space_solver(overrides):
    """Two implementations: numpy's argmax of the Nash product over the menu, and ng.deal_space's Nash solution."""
    z = _module()
    v = _values(**overrides)
    best, s, values = z.nash_settlement(v)
    space = z.deal(v)
    nash = space.solutions["Nash bargaining"]
    assert best is not None and nash.agreement
    assert nash.point[0] == pytest.approx(values["U.S."][best], abs=TOL)
    assert nash.point[1] == pytest.approx(values["China"][best], abs=TOL)


def _brute_nash(grid, us, china, us_extra, china_extra):
    us_total, china_total = np.add.outer(us_extra, us), np.add.outer(china_extra, china)
    ok = (us_total >= 0) & (china_total >= 0)
    if not ok.any():
        return None
    product = np.where(ok, us_total * china_total, -np.inf)
    return product.max()


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2 ** 31), st.integers(2, 40), st.integers(1, 12))
def test_the_frontier_nash_pledge_matches_brute_force(seed, points, settlements):
    """Pairing only Pareto-efficient points gives the brute-force maximum of the Nash product."""
    z = _module()
    rng = np.random.default_rng(seed)
    grid = np.arange(points, dtype=float)
    us, china = rng.integers(-3, 4, points).astype(float), rng.integers(-3, 4, points).astype(float)
    us_extra, china_extra = rng.integers(-2, 3, settlements).astype(float), rng.integers(-2, 3, settlements)
    best = _brute_nash(grid, us, china, us_extra, china_extra.astype(float))
    pledge = z.nash_pledge(grid, us, china, us_extra, china_extra.astype(float))
    assert (pledge is None) == (best is None)
    if best is not None:
        k = int(pledge)
        assert max((us_extra[j] + us[k]) * (china_extra[j] + china[k]) for j in range(settlements)
                   if us_extra[j] + us[k] >= 0 and china_extra[j] + china[k] >= 0) == pytest.approx(best, abs=TOL)


def test_penalties_are_transfers_in_realised_welfare():
    """The fine and the forfeited escrow leave China and reach the U.S.: the realised sum holds only the profit
    and margin kept, the escrow's interest and the monitors."""
    z = _module()
    v = _values()
    s = z.menu(v)
    values = z.settlement_values(v, s)
    found = v.detection + s["monitors"] * (v.detection_monitored - v.detection)
    kept = 1 - v.breach_rate * found * s["suspended"]
    expected = ((v.supplier_margin * v.zte_purchases + v.zte_profit) * kept - v.rate * s["escrow"]
                - s["monitors"] * v.monitor_cost)
    assert np.allclose(values["U.S. realised"] + values["China realised"], expected, atol=TOL)


def test_separable_when_zte_has_no_settlement():
    """No ZTE settlement: linking adds nothing, so the tariff outcome is the tariff game's own."""
    v = _values(security_cost=20, breach_rate=1, us_reservation=40)
    m = SCENARIO.metrics(v)
    assert not m["zte_deal_exists"]
    assert m["nash_pledge_linked"] == m["nash_pledge_alone"] and not m["zte_changes_tariff_outcome"]


def test_linkage_creates_a_deal_just_out_of_the_pledges_reach():
    """Set the U.S. reservation just above what it can count from a pledge China accepts, by less than its ZTE
    surplus: alone no deal, linked a deal. Twice the surplus above: no deal either way."""
    pledges = importlib.import_module("scenarios.purchase_pledges")
    v = _values()
    best = pledges.best_counted(v)
    surplus = SCENARIO.metrics(v)["zte_us_surplus"]
    inside = SCENARIO.metrics(_values(us_reservation=best + surplus / 2))
    assert inside["linkage_creates_deal"] and inside["zte_changes_tariff_outcome"]
    assert inside["nash_pledge_alone"] == 0 and inside["nash_pledge_linked"] > 0
    outside = SCENARIO.metrics(_values(us_reservation=best + 2 * surplus))
    assert not outside["linkage_creates_deal"] and not outside["zte_changes_tariff_outcome"]


def test_a_supply_cap_pins_the_pledge_so_a_linked_deal_keeps_it():
    """With a deal on its own, the Nash pledge sits at the most that can be delivered, and linking keeps it
    there: ZTE's surplus is paid in the fine, not in undeliverable pledges."""
    v = _values(us_reservation=20)
    m = SCENARIO.metrics(v)
    most = importlib.import_module("scenarios.purchase_pledges").max_deliverable(v)
    assert m["nash_pledge_alone"] == pytest.approx(most, abs=v.requested / (_module().PLEDGE_POINTS - 1))
    assert m["nash_pledge_linked"] == pytest.approx(m["nash_pledge_alone"], abs=v.pledge_tolerance)
