"""Headline conclusions of each scenario, with the reasoning in each docstring."""

from fractions import Fraction as F

import negotiation as ng


def test_tariff_threat_is_not_credible_at_the_defaults():
    """Imposing costs the U.S. 15 + 12.5 = 27.5; backing down costs 5; so after a
    refusal it backs down, China refuses, and the U.S. does not threaten."""
    report = ng.load_scenario("tariff_standoff").report()
    (threat,) = report.sections["credible threats"]
    assert not threat.credible
    assert report.sections["sequential moves"][0].path[0][1] == "No threat"


def test_tariff_threat_becomes_credible_with_high_audience_costs():
    """With a back-down cost above 27.5 imposing beats backing down."""
    report = ng.load_scenario("tariff_standoff", backdown_cost=40).report()
    (threat,) = report.sections["credible threats"]
    assert threat.credible


def test_china_concedes_only_if_conceding_is_cheap():
    """(Tariffs, Concede) is an equilibrium iff China's cost of conceding is at
    most its loss from the tariff war, 37.5 + 5 = 42.5."""
    import sympy

    threshold = ng.load_scenario("tariff_standoff").build("threshold")
    assert threshold.conditions["(Tariffs on $150B, Concede) is an equilibrium"] == sympy.Interval(-sympy.oo, F(85, 2))
    assert "(Tariffs on $150B, Concede) is an equilibrium iff concession_cost ≤ 42.5 $B/yr" in str(threshold)


def test_the_threshold_follows_the_bound_values():
    """With China's tariff cost at 60 the threshold is 60 + 5 = 65, not the default's 42.5."""
    threshold = ng.load_scenario("tariff_standoff", tariff_cost_china=60).build("threshold")
    assert "concession_cost ≤ 65 $B/yr" in str(threshold)


def test_200b_pledge_is_outside_the_range():
    """The U.S. needs 100 delivered but at most 50 can be: no pledge works."""
    zone = ng.load_scenario("purchase_pledges").build("deal")
    assert zone.empty


def test_pledge_range_opens_when_the_demand_fits_the_cap():
    zone = ng.load_scenario("purchase_pledges", us_reservation=40).build("deal")
    assert not zone.empty and abs(zone.low - 40) < 1e-9


def test_linkage_creates_the_zte_deal():
    """Purchases alone hurt China, ZTE relief or easing alone hurts the U.S.; the
    package with relief and purchases leaves both above their fallbacks."""
    space = ng.load_scenario("zte_linkage").build("deal")
    assert space.linkage_creates_deal


def test_no_linkage_deal_when_relief_costs_too_much():
    space = ng.load_scenario("zte_linkage", zte_cost=100, controls_cost=50).build("deal")
    assert not space.acceptable


def test_north_korea_lever_needs_a_credible_withholding():
    """Withholding costs China 10 and earns 5: not credible, the split stays even.
    With a reputation gain of 20 it is credible and the U.S. share falls."""
    weak = ng.nash_bargaining(ng.load_scenario("north_korea").build("deal")).point
    strong = ng.nash_bargaining(ng.load_scenario("north_korea", reputation_gain=20).build("deal")).point
    assert weak == (50, 50)
    assert strong[0] < 50


def test_patience_favours_china():
    """δ_US = 0.9, δ_China = 0.95: the U.S., proposing first, gets
    (1 - 0.95) / (1 - 0.9 × 0.95) = 0.05 / 0.145 ≈ 0.345; China gets the rest."""
    lines = ng.load_scenario("march_deadline").build("deal")
    patient = lines.items[0]
    assert abs(patient.shares[0] - 0.05 / 0.145) < 1e-12


def test_two_years_is_infeasible():
    """A ramp of 74 a year clears 148 in two years, not 323."""
    answers = dict(ng.load_scenario("buying_spree").answers())
    assert answers["Can the surplus be cleared in the two years the U.S. demands?"].startswith("No")


def test_arbitration_lowers_the_enforcement_threshold():
    """Arbitration takes 6 from China's walk-away gain of 8, so it needs less patience."""
    answer = dict(ng.load_scenario("enforcement").answers())["When does the deal hold, with and without arbitration?"]
    mou, arbitration = [float(part.split("δ ≥ ")[1].rstrip(".")) for part in answer.split(";")]
    assert arbitration < mou


def test_relabelling_halves_what_the_chips_are_worth():
    """Half the increase relabelled, 30% value added: 100 + 0.3 × 100 = 130 of 200."""
    answer = dict(ng.load_scenario("semiconductors").answers())["What is the $200B pledge worth to the U.S.?"]
    assert answer.startswith("$130B")


def test_china_holds_firm_if_the_leader_is_likely_a_dealmaker():
    """China's hold-firm payoff -6(1 - p) beats conceding, -4 + p, iff p ≥ 2/5."""
    answers = dict(ng.load_scenario("leader_type").answers())
    assert answers["What does China do at the default belief?"] == "Holds firm."
    assert "0.400" in answers["At what belief does China's reply switch?"]
