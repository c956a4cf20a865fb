"""Structural issues as a two-level game, May 2018: the negotiator, the President's ratification, and China.

The U.S. demanded limits on China's industrial policy (from the trade
representative) and a $100B cut in the deficit (from the White House); China
would not discuss curbs on its industrial policy. The structural issues are
valued from the Section 301 findings of March 2018 (a harm of "at least $50
billion" a year), not from the deficit.

A deal remedies a share ``x`` of that harm, and the U.S. lifts the tariffs it
threatened on $150B. No deal means the threat carried out and China's listed
answer: the tariff war of ``tariff_standoff`` (the tariff block both ways).
Putnam's two levels:

* **Level 1**, the U.S. negotiator and China. The negotiator gains x·H less
  what the war would have been worth to the U.S.; China gains its stake (what
  the war would cost it) less its cost of reform,
  x·H times a **political** multiple (rents and the industrial plan's
  strategic value: the seed's "an attempt to stop China's economic
  development").
* **Level 2**, ratification. The President weighs reform at a **political**
  weight (he asked for the deficit, not for reform) and needs a **political**
  reservation met. His **win-set** is the reforms he would ratify: an interval
  [x_P, 1].

A deal exists when the U.S. win-set meets China's acceptable set [0, x_C].
The negotiator and China bargain (Nash) inside the intersection; the `deal`
form shows each level's acceptable reforms. :func:`tree` is the same game
with the negotiator proposing from a menu of reforms, then the President
ratifying or vetoing, then China accepting or refusing (a test solves it; as a
report it would list every tie where no deal is possible).

* **Perceived** (decisions): with the political terms. **Realised**
  (welfare): the U.S. gains x·H less the tariff's worth, China loses x·H and
  keeps its stake; ``realised_us`` and ``realised_china``.
"""

import datetime
import functools

import numpy as np

import negotiation as ng
from negotiation.scenario import Values
from . import _sources as S, tariff_standoff as _standoff

DATE = datetime.date(2018, 5, 1)
PLAYERS = ("U.S. negotiator", "President", "China")
REFORM_STEPS = 21  # the tree's menu of reforms: 0%, 5%, ..., 100% of the harm
CACHED_WARS = 64  # tariff wars kept: one per binding, so a sweep reuses none and a deal range all


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


#: China's perceived cost of reform per $B of harm remedied: a political term shared by the reform scenarios.
REFORM_COST = ng.Parameter(
    "reform_cost", 1.5, "$B-eq per $B", 1, 5, "political term; seed 002: curbs seen as 'an attempt to stop China's "
    "economic development'", "China's perceived cost of remedying each $B of the harm: the rents lost, times the "
    "industrial plan's strategic value", prior=("uniform", 1, 3), political=True)


PARAMETERS = (
    _fact("harm", "section_301_harm", "the harm a full structural reform would remedy ('at least' $50B)",
          prior="triangular"),
    _fact("us_list", "us_list_april_2018", "the first U.S. list, part of the threat lifted in a deal"),
    _fact("us_list_more", "us_threat_additional_april_2018", "the further imports threatened"),
    _fact("tariff_rate", "tariff_rate_april_2018", "the listed rate"),
    _fact("china_list", "china_list_april_2018", "China's listed answer: soybeans, cars, aircraft"),
    _fact("us_demand_elasticity", "us_import_demand_elasticity", "how U.S. buyers turn away from dearer imports",
          prior="triangular"),
    _fact("china_supply_elasticity", "china_export_supply_elasticity", "how Chinese exporters cut supply",
          prior="triangular"),
    _fact("china_demand_elasticity", "china_import_demand_elasticity", "how Chinese buyers turn away",
          prior="triangular"),
    _fact("us_supply_elasticity", "us_export_supply_elasticity", "how U.S. exporters cut supply",
          prior="triangular"),
    REFORM_COST,
    ng.Parameter("president_weight", 0.3, "fraction", 0, 1, "political term; seed 002: the deficit demand came "
                 "from the White House, the industrial-policy demand from the trade representative",
                 "the President's value of a $B of reform, against the negotiator's", prior=("uniform", 0, 1),
                 political=True),
    ng.Parameter("president_reservation", 2, "$B-eq/yr", 0, 20, "political term, illustrative: no published "
                 "estimate", "what the President needs from a deal, beyond the threat's worth, to ratify it",
                 prior=("uniform", 0, 10), political=True),
)

METRICS = (
    ng.Metric("deal_exists", "yes/no", "the U.S. win-set meets the reforms China accepts"),
    ng.Metric("ratification_binds", "yes/no", "the President's win-set moves the negotiated reform (or "
              "blocks the deal the negotiator would strike alone)"),
    ng.Metric("president_vetoes_negotiators_deal", "yes/no", "the reform the negotiator and China would agree "
              "without ratification lies outside the President's win-set"),
    ng.Metric("win_set_low", "fraction", "the least reform the President ratifies (and the negotiator accepts)"),
    ng.Metric("china_max_reform", "fraction", "the most reform China accepts"),
    ng.Metric("nash_reform", "fraction", "the Nash reform inside both win-sets (0 with no deal)"),
    ng.Metric("nash_reform_alone", "fraction", "the Nash reform with no ratification"),
    ng.Metric("reform_value", "$B/yr", "the harm remedied by the Nash reform"),
    ng.Metric("china_stake", "$B/yr", "what the threatened tariff would cost China's exporters"),
    ng.Metric("realised_us", "$B/yr", "realised U.S. welfare of the Nash deal against the threat"),
    ng.Metric("realised_china", "$B/yr", "realised Chinese welfare of the Nash deal against the threat"),
)


def threat(v):
    """(China's stake, the U.S. worth of no deal): each side's welfare if the threat is carried out and China
    retaliates, the tariff war of ``tariff_standoff`` (the tariff block both ways)."""
    return _war(*(v[name] for name in _WAR_INPUTS))


_WAR_INPUTS = ("us_list", "us_list_more", "china_list", "tariff_rate", "us_demand_elasticity",
               "china_supply_elasticity", "china_demand_elasticity", "us_supply_elasticity")


@functools.lru_cache(maxsize=CACHED_WARS)
def _war(*inputs):
    """Cached on the war's inputs: a deal range evaluates the payoffs thousands of times at one binding."""
    _, _, (us, china) = _standoff.war(Values(zip(_WAR_INPUTS, inputs)))
    return -float(china), float(us)


def payoffs(v, x):
    """Perceived payoffs of a ratified and accepted deal with reform ``x`` (a number or an array), against the
    threat: (negotiator, President, China)."""
    stake, worth = threat(v)
    remedied = np.multiply(x, v.harm)
    return (remedied - worth, v.president_weight * remedied - worth - v.president_reservation,
            stake - v.reform_cost * remedied)


def win_sets(v):
    """(the U.S. win-set's lower end, China's upper end) as shares of the harm, each clipped to [0, 1]; the U.S.
    set is [low, 1] and China's [0, high], empty when low > 1 or high < 0."""
    stake, worth = threat(v)
    negotiator = worth / v.harm
    president = ((worth + v.president_reservation) / (v.president_weight * v.harm) if v.president_weight > 0
                 else (0.0 if worth + v.president_reservation <= 0 else np.inf))
    return max(negotiator, president, 0.0), min(stake / (v.reform_cost * v.harm), 1.0)


def nash_reform(v, low, high):
    """The Nash product's maximiser over [low, high]: (x·H - G)(S - c·x·H) is a downward parabola whose zeros
    are where each side's payoff is zero, so it peaks midway between them, at (S + c·G)/(2·c·H)."""
    stake, worth = threat(v)
    peak = float(np.mean((worth / v.harm, stake / (v.reform_cost * v.harm))))
    return float(np.clip(peak, low, high))


def metrics(v):
    low, high = win_sets(v)
    stake, worth = threat(v)
    alone_low = max(worth / v.harm, 0.0)
    alone = nash_reform(v, alone_low, high) if alone_low <= high else None
    exists = low <= high
    x = nash_reform(v, low, high) if exists else 0.0
    remedied = x * v.harm if exists else 0.0
    outside = alone is not None and alone < low
    return {
        "deal_exists": exists, "ratification_binds": outside or (exists and alone != x),
        "president_vetoes_negotiators_deal": outside,
        "win_set_low": float(min(low, 1.0)) if np.isfinite(low) else 1.0, "china_max_reform": float(max(high, 0)),
        "nash_reform": x, "nash_reform_alone": alone if alone is not None else 0.0,
        "reform_value": float(remedied), "china_stake": stake,
        "realised_us": float(remedied - worth) if exists else 0.0,
        "realised_china": float(stake - remedied) if exists else 0.0,
    }


def tree(v):
    """The negotiator proposes a reform from the menu; the President ratifies or vetoes; China accepts or not.
    A veto or a refusal leaves the threat in place (every payoff 0)."""
    menu = np.linspace(0, 1, REFORM_STEPS)
    values = np.column_stack(payoffs(v, menu))
    none = ng.outcome(*([0.0] * len(PLAYERS)))

    def china(k):
        return ng.decision("China", {"Accept": ng.outcome(*(float(u) for u in values[k])), "Refuse": none},
                           infoset=f"China sees {menu[k]:.0%}")

    return ng.GameTree.from_nested(PLAYERS, ng.decision("U.S. negotiator", {
        f"reform {x:.0%}": ng.decision("President", {"Ratify": china(k), "Veto": none}) for k, x in enumerate(menu)
    }), title="Two levels: a reform proposed, ratified, accepted ($B/yr against the threat)")


def deal(v):
    """Which reforms each level accepts: the negotiator, the President (his win-set) and China; the deal range is
    where all three overlap."""
    negotiator, president, china = (lambda x, k=k: payoffs(v, x)[k] for k in range(len(PLAYERS)))
    return ng.deal_range({"U.S. negotiator": negotiator, "President": president, "China": china},
                         {p: 0 for p in PLAYERS}, bounds=(0, 1), variable="reform")


def _win_set(instance):
    v = instance.values
    m = metrics(v)
    if not m["deal_exists"]:
        return (f"No overlap: the President ratifies only reforms of at least {m['win_set_low']:.0%} of the harm, "
                f"China accepts at most {m['china_max_reform']:.0%}.")
    return (f"The U.S. win-set is {m['win_set_low']:.0%}-100% of the ${v.harm:.0f}B harm; China accepts up to "
            f"{m['china_max_reform']:.0%}. The Nash reform is {m['nash_reform']:.0%} (${m['reform_value']:.3g}B a "
            f"year remedied).")


def _veto(instance):
    m = metrics(instance.values)
    if m["president_vetoes_negotiators_deal"]:
        return (f"Yes: the negotiator and China would settle on {m['nash_reform_alone']:.0%}, below the "
                f"{m['win_set_low']:.0%} the President ratifies: the framework would be scrapped"
                + (", and no deal is left." if not m["deal_exists"] else
                   f"; with ratification the reform rises to {m['nash_reform']:.0%} (a narrow win-set is "
                   "bargaining power)."))
    return "No: the negotiator's deal lies inside the President's win-set."


SCENARIO = ng.Scenario(
    name="structural_issues",
    title="Structural issues as a two-level game",
    date=DATE,
    summary=("Reform of China's technology-transfer and industrial policies, valued from the Section 301 "
             "findings, negotiated by the trade representative and ratified or vetoed by the President."),
    players=PLAYERS,
    moves={"U.S. negotiator": ("propose a reform share",), "President": ("ratify", "veto"),
           "China": ("accept", "refuse")},
    parameters=PARAMETERS,
    sources=(S.TWO_DEMANDS, S.NO_CURBS, S.CUT_100),
    deal=deal, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Do the U.S. win-set and China's acceptable reforms overlap?", _win_set, "deal_exists",
                    "a structural deal exists"),
        ng.Question("Would the President veto the deal his negotiator would strike alone?", _veto,
                    "president_vetoes_negotiators_deal", "the President would veto it"),
    ),
)
