"""Purchase pledges, May 2018: can a pledge China delivers ever reach what the U.S. asked?

The U.S. asked China to cut the deficit by $200B; China prepared a pledge
approaching that figure, but "even $50 billion would be a stretch" because the
U.S. economy ran near full capacity, and extra sales to China would largely be
diverted from other buyers. The U.S. values only what is delivered, and only
the part that reduces its global deficit if it counts that way.
"""

import datetime

import numpy as np
import sympy

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("us_reservation", 100, "$B/yr", 0, 200, "seed 002: the $100B cut demanded",
                 "the smallest delivered cut the U.S. would accept instead of escalating"),
    ng.Parameter("supply_cap", 50, "$B/yr", 10, 200, "seed 000: 'a stretch to get it to $50 billion'",
                 "extra U.S. exports to China the economy can deliver in the short term"),
    ng.Parameter("china_max", 200, "$B/yr", 0, 300, "seed 000: the offer 'could approach the $200 billion'",
                 "the largest pledge China is prepared to make"),
    ng.Parameter("counted_share", 1, "fraction", 0, 1, "seed 000: diversion leaves the global deficit unchanged",
                 "1 if the U.S. counts the bilateral deficit; near 0 if it counts the global one"),
)


def _us(v):
    share, cap, reservation = v.counted_share, v.supply_cap, v.us_reservation
    return lambda p: share * np.minimum(p, cap) - reservation  # vectorised over a grid of pledges


def deal(v):
    return ng.deal_range({"U.S.": _us(v), "China": lambda p: v.china_max - p},
                         {"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge", unit="B")


def metrics(v):
    zone = deal(v)
    return {"deal_exists": not zone.empty, "low": zone.low, "high": zone.high,
            "width": (zone.high - zone.low) if not zone.empty else 0.0}


def threshold(v):
    """Below the cap, a deal exists iff the cap can cover the U.S. reservation (other parameters at their values)."""
    if v.counted_share == 0:  # no pledge counts: the U.S. is satisfied by nothing or by anything
        return ng.Threshold("supply_cap", "$B/yr", {
            "a deal exists": sympy.S.Reals if v.us_reservation <= 0 else sympy.S.EmptySet})
    pledge, cap = sympy.symbols("pledge supply_cap", nonnegative=True)
    exact = sympy.nsimplify
    payoffs = {"U.S.": exact(v.counted_share) * pledge - exact(v.us_reservation),
               "China": exact(v.china_max) - pledge, "U.S. supply": cap - pledge}
    floors = {"U.S.": 0, "China": 0, "U.S. supply": 0}
    zone = ng.symbolic_deal_range(payoffs, floors, variable="pledge")
    if "supply_cap" in zone.parameters:  # else the cap does not matter: China's limit binds first
        zone = ng.symbolic_deal_range(payoffs, floors, variable="pledge", solve_for="supply_cap")
    return ng.Threshold("supply_cap", "$B/yr", {"a deal exists": zone.solved if zone.solved is not None
                                                else zone.condition})


def _has_200(instance):
    zone = instance.build("deal")
    inside = any(a <= 200 <= b for a, b in zone.intervals)
    return f"{'Yes' if inside else 'No'}: {zone}"


def _largest_reservation(instance):
    v = instance.values
    best = v.counted_share * min(v.supply_cap, v.china_max)
    return (f"A deal exists only if the U.S. settles for at most {best:g}B a year: the most China can deliver "
            f"(the cap {v.supply_cap:g}B, counted at {v.counted_share:g}).")


SCENARIO = ng.Scenario(
    name="purchase_pledges",
    title="Purchase pledges against a supply cap",
    date=datetime.date(2018, 5, 17),
    summary=("China prepares purchase pledges approaching the $200B the U.S. requested, but U.S. capacity "
             "limits what can be delivered and extra sales to China are diverted from other buyers."),
    players=("U.S.", "China"),
    moves={"U.S.": ("accept a pledge", "escalate"), "China": ("pledge P $B a year", "refuse")},
    parameters=PARAMETERS,
    sources=(S.REQUEST_200, S.STRETCH_50, S.FULL_CAPACITY, S.DIVERSION, S.CUT_100),
    deal=deal, threshold=threshold, metrics=metrics,
    questions=(
        ng.Question("Is a $200B pledge inside the deal range?", _has_200),
        ng.Question("What is the largest U.S. reservation at which a deal exists?", _largest_reservation),
    ),
)
