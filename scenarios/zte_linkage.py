"""ZTE, May 2018: its own bargain over a penalty, and whether settling it changes the tariff talks.

Since 15 April 2018 a U.S. denial order cut ZTE off from its U.S. suppliers for
seven years; in March 2017 ZTE had settled earlier violations with a fine
paid, a further fine suspended, monitors and a suspended denial order. China
asked for relief "in return" for purchases. Two questions:

* **ZTE's own bargain.** A settlement is a package: a fine (one-off, paid to
  the U.S. Treasury), an escrow deposit (forfeited on a new violation), a
  compliance team inside ZTE, and the denial order lifted outright or
  suspended (re-imposed when a new violation is found). The disagreement
  point is the order in force for its term. Every one-off amount is turned
  into $B a year over the order's term at OMB's rate
  (``econ.annual_equivalent``), beside the flows.
* **Separability.** Settled on its own, ZTE leaves the tariff game (the May
  2018 pledge bargain of ``purchase_pledges``) as it was. Linked, relief comes
  only inside a package with the pledge, and no agreement means no tariff deal
  *and* the order in force: the disagreement point moves by each side's ZTE
  surplus, and the two issues are traded against each other. The test:
  does the linked bargain's tariff outcome (whether a deal exists, and the
  Nash pledge within ``pledge_tolerance``) differ from the tariff game's own?

* **Perceived** (decisions): China values ZTE's survival at its owners'
  profit plus a labelled political term (a national champion, 75,000 jobs);
  the U.S. counts its suppliers' lost margin, the fines it collects, and a
  labelled political term for the harm of a new violation that goes unstopped
  (its perceived chance of a breach is political too).
* **Realised** (welfare): the profit kept less the penalties and the monitors'
  cost for China; the suppliers' margin and the penalties for the U.S.
"""

import numpy as np

import negotiation as ng
from negotiation import econ

from . import _sources as S, purchase_pledges as _pledges
from ._words import money as _b

DATE = _pledges.DATE
PLAYERS = ("U.S.", "China")
FINE_MULTIPLES = (0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12)  # the menu of fines, as multiples of the fine paid in 2017
ESCROW_MULTIPLES = (0, 1, 2)  # the menu of escrow deposits, as multiples of the fine suspended in 2017
ORDER = ("lifted", "suspended")
DIGITS = 3  # the menu is shown to the million dollars
PLEDGE_POINTS = 2001  # the grid on which the Nash pledge is found: 0.1 $B/yr apart for a $200B request


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *_pledges.PARAMETERS,
    _fact("rate", "government_discount_rate", "the annual real rate that turns one-off penalties into flows",
          prior="uniform"),
    _fact("order_years", "zte_denial_order_years", "the denial order's term: the years over which penalties "
          "and relief are compared"),
    _fact("fine_2017", "zte_fine_paid_2017", "the fine ZTE paid in 2017: the menu of fines is in multiples of it"),
    _fact("suspended_2017", "zte_fine_suspended_2017", "the fine suspended in 2017: the menu of escrow deposits "
          "is in multiples of it"),
    _fact("zte_profit", "zte_net_profit_2017", "what ZTE earns its owners a year while it can buy U.S. parts",
          prior="triangular"),
    _fact("zte_purchases", "zte_us_purchases_2017", "what ZTE buys from U.S. suppliers a year", prior="uniform"),
    _fact("supplier_margin", "us_supplier_margin", "the share of those sales that is U.S. producer surplus",
          prior="triangular"),
    _fact("detection", "zte_detection_without_monitors", "chance a year a new violation is found without monitors",
          prior="triangular"),
    _fact("detection_monitored", "zte_detection_with_monitors", "the same chance with a compliance team",
          prior="triangular"),
    _fact("monitor_cost", "zte_monitor_cost", "what the compliance team costs ZTE a year", prior="triangular"),
    ng.Parameter("zte_political_value", 2, "$B-eq/yr", 0, 10, "political term, illustrative: no published "
                 "estimate; seed 000: China presses to lift the sanctions", "China's value of ZTE's survival beyond "
                 "its profit: a national champion and its 75,000 jobs", prior=("uniform", 0, 5), political=True),
    ng.Parameter("breach_rate", 0.2, "1/yr", 0, 1, "political term: the U.S. view of ZTE, which broke its 2017 "
                 "settlement within a year", "the U.S. perceived chance a year that ZTE breaks a new settlement",
                 prior=("uniform", 0.05, 0.5), political=True),
    ng.Parameter("security_cost", 3, "$B-eq/yr", 0, 20, "political term, illustrative: no published estimate",
                 "the U.S. perceived harm of a year of unstopped violations (U.S. technology shipped to Iran and "
                 "North Korea)", prior=("uniform", 0, 10), political=True),
    ng.Parameter("pledge_tolerance", 1, "$B/yr", 0, 10, "modelling choice", "a shift in the agreed pledge smaller "
                 "than this does not count as a change in the tariff outcome", choice=True),
)

METRICS = (
    ng.Metric("zte_changes_tariff_outcome", "yes/no", "linking ZTE to the pledge changes whether a tariff deal "
              "exists, or moves the Nash pledge by more than pledge_tolerance"),
    ng.Metric("zte_deal_exists", "yes/no", "some settlement is better for both than the denial order in force"),
    ng.Metric("linkage_creates_deal", "yes/no", "a linked package is acceptable to both though no pledge alone is"),
    ng.Metric("zte_nash_suspended_order", "yes/no", "the Nash settlement suspends the denial order rather than "
              "lifting it"),
    ng.Metric("zte_nash_monitors", "yes/no", "the Nash settlement puts a compliance team inside ZTE"),
    ng.Metric("zte_nash_fine", "$B", "the Nash settlement's fine (one-off)"),
    ng.Metric("zte_nash_escrow", "$B", "the Nash settlement's escrow deposit"),
    ng.Metric("zte_china_surplus", "$B/yr", "China's perceived gain from the Nash settlement over the order"),
    ng.Metric("zte_us_surplus", "$B/yr", "the U.S. perceived gain from the Nash settlement over the order"),
    ng.Metric("nash_pledge_alone", "$B/yr", "the Nash pledge of the tariff game on its own (0 with no deal)"),
    ng.Metric("nash_pledge_linked", "$B/yr", "the Nash pledge when ZTE is settled inside the package (0 with no "
              "deal)"),
)


def menu(v):
    """Every settlement on the menu, as arrays: fine and escrow ($B), monitors and a suspended order (0/1)."""
    fine, escrow, monitors, suspended = np.meshgrid(
        np.multiply(FINE_MULTIPLES, v.fine_2017), np.multiply(ESCROW_MULTIPLES, v.suspended_2017),
        (0.0, 1.0), (0.0, 1.0), indexing="ij")
    return {"fine": fine.ravel(), "escrow": escrow.ravel(), "monitors": monitors.ravel(),
            "suspended": suspended.ravel()}


def _yearly(v, amount):
    return econ.annual_equivalent(amount, v.rate, v.order_years).flow.value


def settlement_values(v, s):
    """(U.S., China) perceived and realised payoffs, $B/yr against the order in force, of settlements ``s``."""
    found = v.detection + s["monitors"] * (v.detection_monitored - v.detection)
    reimposed = v.breach_rate * found * s["suspended"]  # chance a year relief ends: a violation found, order back
    forfeit = v.breach_rate * found * s["escrow"]  # the escrow expected to be forfeited a year
    fine = _yearly(v, s["fine"])
    margin = v.supplier_margin * v.zte_purchases
    penalties = fine + forfeit
    china_costs = penalties + v.rate * s["escrow"] + s["monitors"] * v.monitor_cost
    unstopped = v.breach_rate * (1 - found * s["suspended"])
    return {
        "U.S.": margin * (1 - reimposed) + penalties - v.security_cost * unstopped,
        "China": (v.zte_profit + v.zte_political_value) * (1 - reimposed) - china_costs,
        "U.S. realised": margin * (1 - reimposed) + penalties,
        "China realised": v.zte_profit * (1 - reimposed) - china_costs,
    }


def nash_settlement(v):
    """The index of the Nash settlement on the menu and every settlement's values; None when none is acceptable."""
    s = menu(v)
    values = settlement_values(v, s)
    us, china = values["U.S."], values["China"]
    ok = (us >= 0) & (china >= 0)
    if not ok.any():
        return None, s, values
    return int(np.argmax(np.where(ok, us * china, -np.inf))), s, values


def tariff_surpluses(v):
    """The pledge grid and each side's perceived surplus in the tariff game over it ($B/yr)."""
    grid = np.linspace(0, v.requested, PLEDGE_POINTS)
    payoffs = _pledges.payoffs(v)
    return grid, payoffs["U.S."](grid), payoffs["China"](grid)


def frontier(us, china):
    """Indices of the points no other point beats for both sides: only they can be a Nash bargain's part."""
    order = np.lexsort((-china, -us))  # best for the U.S. first, then best for China
    best_china = np.maximum.accumulate(china[order])
    kept = np.r_[True, china[order][1:] > best_china[:-1]]
    return order[kept]


def nash_pledge(grid, us, china, us_extra=0.0, china_extra=0.0):
    """The Nash pledge (grid point) when each side adds its extra surplus from a second issue (an array of
    alternatives, of which the best for the product is taken); None with no deal. Only the two issues'
    Pareto-efficient points are paired: a dominated point never maximises the Nash product."""
    us_extra, china_extra = np.atleast_1d(us_extra), np.atleast_1d(china_extra)
    pledges, others = frontier(us, china), frontier(us_extra, china_extra)
    us_total = np.add.outer(us_extra[others], us[pledges])
    china_total = np.add.outer(china_extra[others], china[pledges])
    ok = (us_total >= 0) & (china_total >= 0)
    if not ok.any():
        return None
    _, column = np.unravel_index(np.argmax(np.where(ok, us_total * china_total, -np.inf)), ok.shape)
    return float(grid[pledges[column]])


def linkage(v, values=None):
    """The tariff game's Nash pledge on its own and with ZTE settled inside the package (None: no deal);
    ``values``: the settlements' values, when the caller has them."""
    grid, us, china = tariff_surpluses(v)
    if values is None:
        _, _, values = nash_settlement(v)
    return nash_pledge(grid, us, china), nash_pledge(grid, us, china, values["U.S."], values["China"])


def changes_outcome(v, alone, linked):
    if (alone is None) != (linked is None):
        return True
    return alone is not None and abs(linked - alone) > v.pledge_tolerance


def metrics(v):
    best, s, values = nash_settlement(v)
    alone, linked = linkage(v, values)

    def at_best(array):
        return float(array[best]) if best is not None else 0.0

    return {
        "zte_changes_tariff_outcome": changes_outcome(v, alone, linked),
        "zte_deal_exists": best is not None,
        "linkage_creates_deal": alone is None and linked is not None,
        "zte_nash_suspended_order": best is not None and bool(s["suspended"][best]),
        "zte_nash_monitors": best is not None and bool(s["monitors"][best]),
        "zte_nash_fine": at_best(s["fine"]), "zte_nash_escrow": at_best(s["escrow"]),
        "zte_china_surplus": at_best(values["China"]), "zte_us_surplus": at_best(values["U.S."]),
        "nash_pledge_alone": alone or 0.0, "nash_pledge_linked": linked or 0.0,
    }


def deal(v):
    """ZTE's own bargain: every settlement on the menu, judged by each side against the order in force."""
    issues = {"fine ($B)": [round(float(x), DIGITS) for x in np.multiply(FINE_MULTIPLES, v.fine_2017)],
              "escrow ($B)": [round(float(x), DIGITS) for x in np.multiply(ESCROW_MULTIPLES, v.suspended_2017)],
              "monitors": ["no", "yes"], "denial order": list(ORDER)}

    def side(name):
        def payoff(p):
            s = {"fine": p["fine ($B)"], "escrow": p["escrow ($B)"], "monitors": float(p["monitors"] == "yes"),
                 "suspended": float(p["denial order"] == "suspended")}
            return float(settlement_values(v, s)[name])
        return payoff

    return ng.deal_space(issues, {p: side(p) for p in PLAYERS}, {p: 0 for p in PLAYERS})


def _settlement_words(v, s, k):
    order = "suspended (re-imposed if a new violation is found)" if s["suspended"][k] else "lifted outright"
    team = "a compliance team inside ZTE" if s["monitors"][k] else "no monitors"
    return (f"a fine of {_b(s['fine'][k])}, {_b(s['escrow'][k])} in escrow, {team}, and the denial order "
            f"{order}")


def _zte(instance):
    v = instance.values
    best, s, values = nash_settlement(v)
    if best is None:
        return "No: every settlement on the menu leaves one side worse off than the denial order in force."
    return (f"Yes: the Nash settlement is {_settlement_words(v, s, best)}. Against the order in force it is worth "
            f"{_b(values['U.S.'][best])} a year to the U.S. and {_b(values['China'][best])} to China (perceived); "
            f"realised, {_b(values['U.S. realised'][best])} and {_b(values['China realised'][best])}.")


def _separable(instance):
    v = instance.values
    alone, linked = linkage(v)
    m = metrics(v)
    verdict = "Yes" if m["zte_changes_tariff_outcome"] else "No"

    def outcome(pledge):
        return "no tariff deal" if pledge is None else f"a Nash pledge of {_b(pledge)} a year"

    shift = (f"Linking moves the disagreement point by the ZTE surpluses ({_b(m['zte_us_surplus'])} a year for the "
             f"U.S., {_b(m['zte_china_surplus'])} for China)." if m["zte_deal_exists"]
             else "No settlement is acceptable on its own, so linking leaves the disagreement point where it is.")
    return f"{verdict}: on its own the tariff game gives {outcome(alone)}; linked, {outcome(linked)}. {shift}"


SCENARIO = ng.Scenario(
    name="zte_linkage",
    title="ZTE: a settlement of its own, and linkage to the pledge",
    date=DATE,
    summary=("ZTE's denial order settled with a fine, escrow, monitors and a suspended order; and a test of "
             "whether settling ZTE inside the purchase package changes the tariff talks."),
    players=PLAYERS,
    moves={"U.S.": ("fine", "escrow", "monitors", "suspend or lift the denial order"),
           "China": ("accept a settlement", "pledge P $B a year")},
    parameters=PARAMETERS,
    sources=(S.ZTE, S.REQUEST_200, S.STRETCH_50, S.CUT_100),
    deal=deal, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Is there a ZTE settlement both sides prefer to the denial order?", _zte, "zte_deal_exists",
                    "a ZTE settlement exists"),
        ng.Question("Does settling ZTE inside the package change the tariff outcome?", _separable,
                    "zte_changes_tariff_outcome", "linking ZTE changes the tariff outcome"),
    ),
)
