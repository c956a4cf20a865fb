"""The six-year buying spree, January 2019: feasible, and fast enough for the U.S.?

China offered to raise imports from the U.S. by more than $1T over six years,
taking its surplus ($323B, Chinese data) to zero by 2024; the U.S. demanded two
years. Imports would rise from $155B to about $200B in 2019 and about $600B by
2024, a ramp of roughly $74B a year.
"""

import datetime

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("surplus", 323, "$B/yr", 200, 420, "seed 001: $323B (Chinese data)",
                 "the surplus to be cleared; U.S. data would say more"),
    ng.Parameter("ramp", 74, "$B/yr per year", 20, 200, "seed 001: $155B to about $600B by 2024",
                 "how fast imports can grow each year; (600 - 155) / 6 ≈ 74"),
    ng.Parameter("us_years", 2, "years", 1, 6, "seed 001: the U.S. demands two years",
                 "the longest the U.S. will wait"),
    ng.Parameter("china_budget", 1100, "$B", 300, 2000, "seed 001: 'more than $1 trillion'",
                 "the largest total extra purchase China will pledge"),
)

ISSUES = {"years": [2, 3, 4, 5, 6], "total": [400, 700, 1000, 1300]}


def _feasible(v, years, total):
    """The surplus is cleared by the last year, and the total fits the ramp."""
    return v.ramp * years >= v.surplus and total <= v.ramp * years * (years + 1) / 2 and total >= v.surplus


def deal(v):
    def us(p):
        return (v.us_years - p["years"]) if _feasible(v, p["years"], p["total"]) else -10

    def china(p):
        return v.china_budget - p["total"]

    return ng.deal_space(ISSUES, {"U.S.": us, "China": china}, {"U.S.": 0, "China": 0},
                         baseline={"years": 6, "total": 1000})


def _two_years(instance):
    v = instance.values
    cleared = v.ramp * v.us_years
    verdict = "Yes" if cleared >= v.surplus else "No"
    return (f"{verdict}: at ${v.ramp:g}B more each year, imports rise by ${cleared:g}B in {v.us_years:g} years, "
            f"against a surplus of ${v.surplus:g}B.")


def _deal(instance):
    space = instance.build("deal")
    if not space.acceptable:
        return "No package of years and total is both feasible within the U.S. deadline and within China's budget."
    return f"Yes: {', '.join(space.label(k) for k in space.frontier)}."


SCENARIO = ng.Scenario(
    name="buying_spree",
    title="The six-year buying spree",
    date=datetime.date(2019, 1, 18),
    summary=("China offers more than $1T of extra imports over six years to clear its $323B surplus by 2024; "
             "the U.S. demands two years."),
    players=("U.S.", "China"),
    moves={"U.S.": ("accept a path", "reject"), "China": ("years", "total extra purchases")},
    parameters=PARAMETERS,
    sources=(S.SPREE, S.TWO_YEARS, S.IMPORT_PATH),
    deal=deal,
    questions=(
        ng.Question("Can the surplus be cleared in the two years the U.S. demands?", _two_years),
        ng.Question("Is there a path both accept?", _deal),
    ),
)
