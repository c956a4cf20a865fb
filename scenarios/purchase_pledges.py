"""Purchase pledges, May 2018: how much of a pledge can be delivered, and is any deliverable pledge enough?

The U.S. asked China to cut the bilateral deficit by $200B (it had asked for
$100B two weeks earlier). China prepared a pledge approaching $200B, but
"even $50 billion would be a stretch": the U.S. economy ran near full
capacity, so extra sales to China would largely be diverted from other
buyers, cutting the bilateral deficit but leaving the global one unchanged.

Every flow comes from the purchase-pledge block (``econ.purchase_pledge``):
a pledged increase is met first by diverting U.S. exports from other buyers
(at most what China now buys from third countries that the U.S. could
supply: Bown's $50B), then by new U.S. output (the short-run headroom); the
rest is a shortfall that is pledged and never delivered.

* **Perceived** (decisions): the U.S. accepts a pledge whose *counted*
  delivery (the bilateral cut, or the global cut, weighted by the political
  term ``counted_share``) reaches its reservation; China accepts a pledge
  whose cost (the premium it pays on what is delivered, plus the political
  cost of pledging what it cannot deliver) is below its stake: what the
  threatened U.S. tariffs on $150B would cost its exporters (``econ.tariff``).
* **Realised** (welfare): the U.S. gains the premium on diverted goods and
  the producer surplus on new output (``us_gain``); China pays
  ``china_cost``; a pledge's face value is neither.
"""

import datetime

import sympy

import negotiation as ng
from negotiation import econ

from . import _sources as S, _supply
from ._words import money as _b, sentence

DATE = datetime.date(2018, 5, 17)
PLAYERS = ("U.S.", "China")
DIGITS = 9  # a threshold is reported to this many decimals


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    _fact("baseline", "us_exports_to_china_2017", "what China already buys from the U.S."),
    *_supply.parameters(DATE),
    _fact("us_reservation", "us_demanded_cut_may_2018", "the smallest counted cut the U.S. would accept instead "
          "of escalating; the prior spans the fact's range, the parameter's range goes down to 0 for teaching",
          low=0, high=200, prior=("uniform", 50, 200)),
    _fact("requested", "us_requested_cut_may_2018", "the pledge the U.S. delegation asked for"),
    _fact("us_list", "us_list_april_2018", "the first U.S. list, part of China's stake"),
    _fact("us_list_more", "us_threat_additional_april_2018", "the further imports threatened"),
    _fact("tariff_rate", "tariff_rate_april_2018", "the listed rate"),
    _fact("us_demand_elasticity", "us_import_demand_elasticity", "how U.S. buyers turn away from dearer imports",
          prior="triangular"),
    _fact("china_supply_elasticity", "china_export_supply_elasticity", "how Chinese exporters cut supply: low "
          "means they bear the tariff", prior="triangular"),
    ng.Parameter("counted_share", 1, "fraction", 0, 1, "political term, a choice of measure: seed 000 on the "
                 "bilateral and the global deficit", "weight the U.S. puts on the bilateral cut (1) against the "
                 "global cut (0): diversion counts fully in the first and not at all in the second", political=True),
    _supply.SHORTFALL_COST,
)

METRICS = (
    ng.Metric("deal_exists", "yes/no", "some pledge is acceptable to both"),
    ng.Metric("demand_in_deal_range", "yes/no", "the requested pledge is acceptable to both (its delivered part "
              "is what the U.S. counts)"),
    ng.Metric("max_deliverable_pledge", "$B/yr", "the largest pledged increase that can be delivered in a year"),
    ng.Metric("delivered_of_request", "$B/yr", "how much of the requested pledge can be delivered"),
    ng.Metric("global_cut_of_request", "$B/yr", "how much the requested pledge cuts the global U.S. deficit"),
    ng.Metric("china_stake", "$B/yr", "what the threatened U.S. tariffs would cost Chinese exporters"),
    ng.Metric("us_gain_of_request", "$B/yr", "realised U.S. welfare from the requested pledge"),
    ng.Metric("china_cost_of_request", "$B/yr", "realised cost to China of the requested pledge"),
)


pledge = _supply.flows  # the block's split of a pledged increase (a number or an array) into delivered flows


def counted(v, flows):
    """The cut the U.S. counts: the bilateral and global changes, weighted by ``counted_share``."""
    bilateral, world = flows["bilateral_balance_change"], flows["global_balance_change"]
    return v.counted_share * bilateral + (1 - v.counted_share) * world


def china_stake(v):
    """What China's exporters would lose to the threatened U.S. tariffs (the tariff block)."""
    rate = econ.convert(v.tariff_rate, "%", "1")
    threat = econ.tariff_effects(v.us_list + v.us_list_more, rate, v.us_demand_elasticity, v.china_supply_elasticity)
    return -threat["exporter_welfare"]


china_cost = _supply.china_cost


def payoffs(v, stake=None):
    """Each side's perceived surplus over its disagreement point, as a function of the pledged increase.
    (``stake``, China's stake, when the caller has it already: the tariff block is the costly part.)"""
    stake = china_stake(v) if stake is None else stake
    return {"U.S.": lambda p: counted(v, pledge(v, p)) - v.us_reservation,
            "China": lambda p: stake - china_cost(v, pledge(v, p))}


def deal(v):
    return ng.deal_range(payoffs(v), {"U.S.": 0, "China": 0}, bounds=(0, v.requested), variable="pledge",
                         unit="B")


max_deliverable = _supply.most_deliverable  # the largest pledged increase that can be delivered


def largest_acceptable_to_china(v, stake=None):
    """The largest pledge up to the request whose cost to China stays below its stake (China's cost rises with it,
    linearly between the block's kinks)."""
    return _supply.largest_accepted(payoffs(v, stake)["China"], v, float(v.requested))


def best_counted(v, stake=None):
    """The most the U.S. can count from a pledge China accepts; None when China accepts none."""
    largest = largest_acceptable_to_china(v, stake)
    return None if largest is None else float(counted(v, pledge(v, largest)))


def deal_exists(v, stake=None):
    """The U.S. payoff rises with the pledge and China's falls, so a deal exists iff the U.S. reservation is met
    by the largest pledge China accepts: one root instead of the whole range."""
    best = best_counted(v, stake)
    return best is not None and best >= v.us_reservation


def metrics(v):
    request, stake = pledge(v, v.requested), china_stake(v)
    return {
        "deal_exists": deal_exists(v, stake),
        "demand_in_deal_range": all(payoff(v.requested) >= 0 for payoff in payoffs(v, stake).values()),
        "max_deliverable_pledge": max_deliverable(v),
        "delivered_of_request": float(request["delivered"] - v.baseline),
        "global_cut_of_request": float(request["global_balance_change"]),
        "china_stake": float(stake),
        "us_gain_of_request": float(request["us_gain"]),
        "china_cost_of_request": float(request["china_cost"]),
    }


def threshold(v):
    """A deal exists iff the U.S. reservation is at most what it can count from a pledge China accepts."""
    best = best_counted(v)
    region = sympy.EmptySet if best is None else sympy.Interval(0, sympy.nsimplify(round(best, DIGITS)))
    return ng.Threshold("us_reservation", "$B/yr", {"a deal exists": region})



def _request(instance):
    v = instance.values
    m = metrics(v)
    verdict = "Yes" if m["demand_in_deal_range"] else "No"
    short = float(v.requested) - m["delivered_of_request"]
    return (f"{verdict}: of the {_b(v.requested)} a year requested, {_b(m['delivered_of_request'])} can be "
            f"delivered ({_b(short)} is pledged and never delivered); the U.S. counts "
            f"{_b(counted(v, pledge(v, v.requested)))} against its reservation of {_b(v.us_reservation)}. "
            f"{sentence(deal(v))}.")


def _exists(instance):
    v = instance.values
    most, best = max_deliverable(v), best_counted(v)
    verdict = "Yes" if metrics(v)["deal_exists"] else "No"
    if best is None:
        return f"{verdict}: China accepts no pledge: even a token one costs it more than its stake."
    return (f"{verdict}: at most {_b(most)} a year of extra purchases can be delivered (diversion "
            f"{_b(min(v.divertible, v.us_goods_exports - v.baseline))}, new output {_b(v.headroom)}); from a pledge "
            f"China accepts the U.S. counts at most {_b(best)}, against a reservation of {_b(v.us_reservation)}.")


def _global(instance):
    v = instance.values
    request = pledge(v, v.requested)
    return (f"The requested pledge cuts the bilateral deficit by {_b(request['bilateral_balance_change'])} "
            f"but the global deficit only by {_b(request['global_balance_change'])} a year (the new output): "
            f"the rest is diverted from other buyers. Realised welfare: the U.S. gains "
            f"{_b(request['us_gain'])} a year, China pays {_b(request['china_cost'])}.")


def _largest_reservation(instance):
    best = best_counted(instance.values)
    if best is None:
        return "None: China accepts no pledge at all."
    return (f"{_b(best)} a year: the most the U.S. can count from a pledge China accepts (what can be delivered, "
            f"weighted by which deficit the U.S. counts).")


SCENARIO = ng.Scenario(
    name="purchase_pledges",
    title="Purchase pledges against a supply cap",
    date=DATE,
    summary=("China prepares purchase pledges approaching the $200B the U.S. requested, but U.S. capacity "
             "limits what can be delivered and extra sales to China are diverted from other buyers."),
    players=PLAYERS,
    moves={"U.S.": ("accept a pledge", "escalate"), "China": ("pledge P $B a year", "refuse")},
    parameters=PARAMETERS,
    sources=(S.REQUEST_200, S.STRETCH_50, S.FULL_CAPACITY, S.DIVERSION, S.CUT_100),
    deal=deal, threshold=threshold, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Is the requested $200B pledge inside the deal range?", _request, "demand_in_deal_range",
                    "the requested pledge is inside the deal range"),
        ng.Question("Does any deliverable pledge satisfy both sides?", _exists, "deal_exists", "a deal exists"),
        ng.Question("What does the pledge do to the global deficit?", _global),
        ng.Question("What is the largest U.S. reservation at which a deal exists?", _largest_reservation),
    ),
)
