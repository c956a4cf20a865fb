"""Semiconductors and relabelling, February 2019: what is a $200B chip pledge worth?

China proposed $200B of U.S. chip purchases over six years, five times the
current level, partly by moving assembly from Mexico and Malaysia into China
so that the chips count as U.S. exports. Relabelled chips add only their
U.S. value added; the headline overstates the pledge.
"""

import datetime

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("relabel_share", 0.5, "fraction", 0, 1, "seed 004: assembly moved from Mexico and Malaysia",
                 "share of the increase that is relabelled rather than new"),
    ng.Parameter("value_added", 0.3, "fraction", 0, 1, "illustrative",
                 "U.S. value added in a relabelled chip, per dollar of headline"),
    ng.Parameter("us_reservation", 100, "$B over 6 years", 0, 200, "illustrative",
                 "the real value the U.S. needs from the chip pledge"),
    ng.Parameter("china_cost", 0.4, "$ per real $", 0, 1, "illustrative",
                 "China's cost per dollar of genuinely new purchases (relabelling is nearly free)"),
    ng.Parameter("china_budget", 60, "$B over 6 years", 0, 200, "illustrative", "the most China will spend"),
)


def real_value(v, headline):
    relabelled = v.relabel_share * headline
    return headline - relabelled + v.value_added * relabelled


def deal(v):
    return ng.deal_range(
        {"U.S.": lambda h: real_value(v, h) - v.us_reservation,
         "China": lambda h: v.china_budget - v.china_cost * (1 - v.relabel_share) * h},
        {"U.S.": 0, "China": 0}, bounds=(0, 400), variable="headline pledge", unit="B")


def _worth(instance):
    value = real_value(instance.values, 200)
    return f"${value:g}B of real value to the U.S. ({value / 200:.0%} of the headline)."


def _inside(instance):
    zone = instance.build("deal")
    inside = any(a <= 200 <= b for a, b in zone.intervals)
    return f"{'Yes' if inside else 'No'}: {zone}"


SCENARIO = ng.Scenario(
    name="semiconductors",
    title="Semiconductors and relabelling",
    date=datetime.date(2019, 2, 14),
    summary=("$200B of U.S. chips over six years, five times current sales, partly by moving assembly into "
             "China; the headline value against the value added."),
    players=("U.S.", "China"),
    moves={"U.S.": ("accept a chip pledge",), "China": ("headline pledge", "end the vehicle subsidy")},
    parameters=PARAMETERS,
    sources=(S.CHIPS, S.RELABEL, S.VEHICLES),
    deal=deal,
    questions=(
        ng.Question("What is the $200B pledge worth to the U.S.?", _worth),
        ng.Question("Is the $200B headline inside the deal range?", _inside),
    ),
)
