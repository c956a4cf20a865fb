"""Headline conclusions of each scenario, with the reasoning in each docstring."""

import importlib
import math

import pytest
from hypothesis import given, settings, strategies as st

import negotiation as ng


def _tariff_by_hand(flow, rate, eps, eta):
    """(importer welfare, exporter welfare) of a tariff, from the closed forms written out here again."""
    q = (1 + rate) ** (-eps / (eps + eta))
    p = (1 + rate) * q
    imports = flow * q ** eta
    revenue = rate * q * imports
    buyers = flow * (p ** (1 - eps) - 1) / (1 - eps) if eps != 1 else flow * math.log(p)
    exporters = flow * (1 - q ** (1 + eta)) / (1 + eta)
    return revenue - buyers, -exporters


def _war_by_hand(v):
    us_own, china_exporters = _tariff_by_hand(v.us_list + v.us_list_more, v.tariff_rate / 100,
                                              v.us_demand_elasticity, v.china_supply_elasticity)
    china_own, us_exporters = _tariff_by_hand(v.china_list, v.tariff_rate / 100, v.china_demand_elasticity,
                                              v.us_supply_elasticity)
    return us_own + us_exporters, china_exporters + china_own


STANDOFF_POINTS = [{}, {"backdown_cost": 40}, {"china_supply_elasticity": 8, "us_supply_elasticity": 0.5,
                                                "backdown_cost": 0}, {"face_cost": 0, "demand_value": 50}]


@pytest.mark.parametrize("values", STANDOFF_POINTS)
def test_standoff_payoffs_are_the_tariff_block_plus_labelled_political_terms(values):
    instance = ng.load_scenario("tariff_standoff", **values)
    v = instance.values
    war = _war_by_hand(v)
    tree = instance.build("tree")
    leaves = {tree.history(node): tuple(map(float, tree.payoffs_of(node))) for node in tree.nodes("terminal")}
    assert leaves[("Refuse", "Impose tariffs", "Retaliate")] == pytest.approx(war, abs=1e-9)
    assert leaves[("Refuse", "Back down")] == pytest.approx((-v.backdown_cost, 0), abs=1e-12)
    assert leaves[("Concede",)] == pytest.approx((v.demand_value, -v.demand_value - v.face_cost), abs=1e-12)
    political = {p.name for p in instance.scenario.parameters if p.political}
    assert political == {"backdown_cost", "face_cost"}


@pytest.mark.parametrize("values", STANDOFF_POINTS)
def test_the_threat_is_credible_iff_the_tariff_war_beats_backing_down(values):
    instance = ng.load_scenario("tariff_standoff", **values)
    war_us, _ = _war_by_hand(instance.values)
    credible = war_us >= -instance.values.backdown_cost
    metrics = instance.scenario.metrics(instance.values)
    assert metrics["threat_credible"] == credible
    answer = dict(instance.answers())["Is the U.S. threat to impose the tariffs credible?"]
    assert answer.startswith("Yes" if credible else "No")
    # the sentence quotes both payoffs, and they are the two different numbers of the tree (issue 16's bug)
    assert f"{war_us:.3g}B" in answer and f"{-instance.values.backdown_cost:.3g}B" in answer


def test_the_threat_fails_where_the_economics_and_politics_both_say_back_down():
    instance = ng.load_scenario("tariff_standoff", **STANDOFF_POINTS[2])
    assert _war_by_hand(instance.values)[0] < 0
    assert not instance.scenario.metrics(instance.values)["threat_credible"]
    assert not instance.scenario.metrics(instance.values)["tariffs_imposed"]


def test_china_concedes_iff_the_demand_costs_less_than_refusing():
    """China concedes iff demand + face ≤ -(its payoff after refusing): the threshold on demand_value."""
    for values in ({}, {"face_cost": 0}, {"face_cost": 0, "china_supply_elasticity": 0.5}):
        instance = ng.load_scenario("tariff_standoff", **values)
        v = instance.values
        refusing = _war_by_hand(v)[1]  # the U.S. imposes and China retaliates at these points
        limit = -refusing - v.face_cost
        threshold = instance.build("threshold")
        region = threshold.conditions["China concedes rather than refuse"]
        if limit < 0:
            assert region.is_empty and "never" in str(threshold)
        else:
            assert float(region.sup) == pytest.approx(limit, rel=1e-9)
            assert f"demand_value ≤ {limit:.6g} $B/yr" in str(threshold)


def test_the_threshold_follows_the_values_set_on_the_command_line(capsys):
    from negotiation import cli

    cli.main(["solve", "tariff_standoff", "--set", "face_cost=0"])
    out = capsys.readouterr().out
    limit = -_war_by_hand(ng.load_scenario("tariff_standoff", face_cost=0).values)[1]
    assert "China concedes rather than refuse iff" in out and f"demand_value ≤ {limit:.6g} $B/yr" in out


def test_keeping_the_threat_buys_the_nash_concession_between_the_two_reservation_points():
    instance = ng.load_scenario("tariff_standoff", face_cost=0)
    war_us, war_cn = _war_by_hand(instance.values)
    zone = instance.build("deal")
    assert zone.low == pytest.approx(war_us, abs=1e-6) and zone.high == pytest.approx(-war_cn, abs=1e-6)
    # with no face cost the frontier is u_China = -u_U.S.: the Nash point splits the surplus equally
    from scenarios import tariff_standoff

    kept = tariff_standoff.nash_concession(instance.values, (war_us, war_cn))
    assert kept == pytest.approx((war_us - war_cn) / 2, abs=1e-6)
    assert tariff_standoff.nash_concession(instance.values, (0.0, 0.0)) == pytest.approx(0, abs=1e-9)


def test_200b_pledge_is_outside_the_range():
    """The U.S. needs 100 delivered but at most 50 can be: no pledge works."""
    zone = ng.load_scenario("purchase_pledges").build("deal")
    assert zone.empty


def _stake_by_hand(v):
    """China's stake in May 2018: its exporters' loss from 25% on the $150B threatened."""
    return -_tariff_by_hand(v.us_list + v.us_list_more, v.tariff_rate / 100, v.us_demand_elasticity,
                            v.china_supply_elasticity)[1]


def test_only_diversion_plus_headroom_can_be_delivered():
    """Diversion is capped by Bown's $50B of China's third-country imports, new output by the $10B headroom:
    60 of the 200 requested, of which only the 10 of new output cuts the global deficit."""
    m = ng.get_scenario("purchase_pledges").metrics(ng.load_scenario("purchase_pledges").values)
    assert m["max_deliverable_pledge"] == pytest.approx(50 + 10, abs=1e-9)
    assert m["delivered_of_request"] == pytest.approx(60, abs=1e-9)
    assert m["global_cut_of_request"] == pytest.approx(10, abs=1e-9)
    assert m["us_gain_of_request"] == pytest.approx(0.1 * 50 + 0.5 * 0.1 * 10, abs=1e-9)
    assert not m["deal_exists"] and not m["demand_in_deal_range"]  # 60 < the $100B reservation


@pytest.mark.parametrize("shortfall_cost", [0.05, 0.5])
def test_pledge_range_opens_when_the_reservation_fits_what_can_be_delivered(shortfall_cost):
    """Reservation 40: the U.S. needs min(P, 60) ≥ 40, so P ≥ 40. China accepts while
    0.1·min(P, 60) + s·max(P - 60, 0) ≤ its stake: up to 60 + (stake - 6)/s, or the request."""
    instance = ng.load_scenario("purchase_pledges", us_reservation=40, shortfall_cost=shortfall_cost)
    zone = instance.build("deal")
    high = min(200, 60 + (_stake_by_hand(instance.values) - 6) / shortfall_cost)
    assert not zone.empty and zone.low == pytest.approx(40, abs=1e-6) and zone.high == pytest.approx(high, abs=1e-6)
    assert ng.get_scenario("purchase_pledges").metrics(instance.values)["demand_in_deal_range"] == (high >= 200)


def test_a_pledge_counted_against_the_global_deficit_never_clears_the_reservation():
    """Counting the global balance, only new output counts: at most 10 < 40."""
    assert ng.load_scenario("purchase_pledges", us_reservation=40, counted_share=0).build("deal").empty


def test_a_zte_settlement_suspends_the_denial_order():
    """At the defaults some settlement beats the order in force for both, and the Nash one keeps the order
    suspended: re-imposing it is what protects the U.S. against a new violation."""
    zte = ng.load_scenario("zte_linkage")
    space = zte.build("deal")
    assert space.acceptable and "denial order=suspended" in space.solutions["Nash bargaining"].label
    assert zte.scenario.metrics(zte.values)["zte_nash_suspended_order"]


def test_no_zte_settlement_when_violations_are_certain_and_costly():
    space = ng.load_scenario("zte_linkage", security_cost=20, breach_rate=1).build("deal")
    assert not space.acceptable


def test_north_korea_lever_needs_a_credible_withholding():
    """Withholding costs China 10 and earns 5: not credible, the split stays even.
    With a reputation gain of 20 it is credible and the U.S. share falls."""
    weak = ng.nash_bargaining(ng.load_scenario("north_korea").build("deal")).point
    strong = ng.nash_bargaining(ng.load_scenario("north_korea", reputation_gain=20).build("deal")).point
    assert weak == (50, 50)
    assert strong[0] < 50


def test_patience_favours_china():
    """China "can outlast" the U.S. through a lower hazard: with the hazards equal, the U.S. share rises."""
    s = ng.get_scenario("march_deadline")
    outlasted = s.metrics(s.bind().values)
    equal = s.metrics(s.bind(us_hazard=0.05).values)
    assert outlasted["delta_us"] < outlasted["delta_china"] and outlasted["us_share"] < outlasted["china_share"]
    assert equal["us_share"] > outlasted["us_share"]


def test_the_spree_cannot_be_delivered_or_clear_the_surplus_in_two_years():
    """Year t can deliver 50 + 10t (diversion, then t years of headroom); the path pledges 445t/6.
    Year 1 already falls short (74.2 > 60); six years deliver 6·50 + 10·21 = 510 against 1,557.5
    pledged; two years deliver 70 against a surplus of 323."""
    m = ng.get_scenario("buying_spree").metrics(ng.load_scenario("buying_spree").values)
    assert not m["path_credible"] and m["first_short_year"] == 1 and not m["clears_in_us_years"]
    assert m["max_deliverable_total"] == pytest.approx(510, abs=1e-9)
    assert m["offer_total"] == pytest.approx(445 * 21 / 6, abs=1e-9)


@pytest.mark.parametrize("values", [{}, {"divertible": 60, "headroom": 30}])
def test_the_spree_fails_even_at_the_top_of_every_capacity_range(values):
    """445t/6 ≤ pool + H·t for every t needs H ≥ 74.2 - pool/t at t = 6: impossible with H ≤ 30."""
    instance = ng.load_scenario("buying_spree", **values)
    v = instance.values
    short = [t for t in range(1, 7) if 445 * t / 6 > v.divertible + v.headroom * t]
    m = ng.get_scenario("buying_spree").metrics(v)
    assert short and m["first_short_year"] == short[0] and not m["path_credible"]


def test_relabelling_and_capacity_split_the_chip_pledge():
    """200/6 a year over a baseline of 6.5: an increase of 26.83, half relabelled (13.42); of the rest 10 is
    diverted and new output is min(3.42, 2t): 2 in year 1 (a shortfall of 1.42), 3.42 after."""
    m = ng.get_scenario("semiconductors").metrics(ng.load_scenario("semiconductors").values)
    increase = 200 / 6 - 6.5
    rest = increase / 2 - 10
    new = 2 + 5 * rest
    assert m["relabelled_total"] == pytest.approx(6 * increase / 2, abs=1e-9)
    assert m["shortfall_total"] == pytest.approx(rest - 2, abs=1e-9)
    assert m["new_output_share"] == pytest.approx(new / (6 * increase), abs=1e-9)
    assert m["real_a_year"] == pytest.approx((60 + new) / 6, abs=1e-9)
    assert m["headline_in_deal_range"]  # 13.2 ≥ the reservation of 10


def test_fully_relabelled_chips_are_worth_nothing_real():
    """At the top of the relabelled share (0.9), the real part is 10% of the increase."""
    m = ng.get_scenario("semiconductors").metrics(ng.load_scenario("semiconductors", relabelled_share=0.9).values)
    assert m["real_share"] == pytest.approx(0.1, abs=1e-9) and not m["headline_in_deal_range"]


@pytest.mark.parametrize("values", [{}, {"us_reservation": 40}, {"us_reservation": 60}, {"us_reservation": 61},
                                    {"us_reservation": 40, "shortfall_cost": 0.5, "premium": 0.3},
                                    {"us_reservation": 0, "counted_share": 0}, {"us_reservation": 20, "divertible": 20}])
def test_the_fast_deal_test_agrees_with_the_deal_range(values):
    """deal_exists (one root, by monotonicity) against the deal range found on a grid."""
    v = ng.load_scenario("purchase_pledges", **values).values
    scenario = ng.get_scenario("purchase_pledges")
    assert scenario.metrics(v)["deal_exists"] == (not scenario.deal(v).empty)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_the_largest_pledge_china_accepts_is_where_its_payoff_crosses_zero(data):
    """The root taken on the block's kinks is China's indifference point, checked by evaluating its payoff
    either side of it; and the fast deal test agrees with the deal range."""
    scenario = ng.get_scenario("purchase_pledges")
    chosen = {p.name: data.draw(st.floats(p.low, p.high, allow_nan=False)) for p in scenario.parameters}
    v = scenario.bind(**chosen).values
    module = importlib.import_module("scenarios.purchase_pledges")
    china = module.payoffs(v)["China"]
    largest = module.largest_acceptable_to_china(v)
    if largest is None:
        assert china(0.0) < 0
    else:
        assert china(largest) >= -1e-9
        if largest < v.requested - 1e-6:
            assert china(largest + 1e-6) < 0
    deal = scenario.deal(v)
    if deal.empty or deal.high - deal.low > 1e-6:  # a deal range of one point is a tie the grid may miss
        assert scenario.metrics(v)["deal_exists"] == (not deal.empty)
