"""Enforcement, January 2019: a memorandum of understanding against an enforceable deal.

China had walked away from similar MOUs; the U.S. called enforceability
"foundational"; China floated arbitration tribunals. Each period China
complies or walks away, and the U.S. keeps tariffs off or snaps them back. A
deal holds if both value the future enough; a turnover hazard (a new
administration) shortens the future.
"""

import datetime
from fractions import Fraction

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("deal_value_us", 10, "$B/yr", 0, 50, "illustrative", "what a kept deal is worth to the U.S. each year"),
    ng.Parameter("deal_value_china", 10, "$B/yr", 0, 50, "illustrative", "what a kept deal is worth to China"),
    ng.Parameter("walkaway_gain", 8, "$B/yr", 0, 50, "seed 003: China has walked away from MOUs",
                 "China's one-period gain from dropping its commitments"),
    ng.Parameter("snapback_gain", 4, "$B/yr", 0, 50, "illustrative",
                 "the U.S. one-period gain from reimposing tariffs while China complies"),
    ng.Parameter("war_loss", 6, "$B/yr", 0, 50, "illustrative", "each side's loss once tariffs are back for good"),
    ng.Parameter("arbitration_penalty", 6, "$B", 0, 50, "seed 003: independent arbitration tribunals",
                 "what an arbitration award costs China when it walks away (an enforceable deal)"),
    ng.Parameter("hazard", 0.125, "per year", 0, 0.5, "seed 003: would it last into another administration?",
                 "chance each year that the deal is dropped anyway; 1/8 is one change of administration in 8 years"),
)


def _stage(v, penalty):
    exact = lambda x: Fraction(str(x))  # noqa: E731 - decimals read exactly
    keep = (exact(v.deal_value_us), exact(v.deal_value_china))
    return ng.NormalFormGame.from_outcomes({
        ("Keep tariffs off", "Comply"): keep,
        ("Keep tariffs off", "Walk away"): (exact(-v.war_loss), keep[1] + exact(v.walkaway_gain) - exact(penalty)),
        ("Snap back", "Comply"): (keep[0] + exact(v.snapback_gain), exact(-v.war_loss)),
        ("Snap back", "Walk away"): (exact(-v.war_loss), exact(-v.war_loss)),
    }, players=("U.S.", "China"), title="One year of the deal")


def repeated(v):
    return ng.critical_discount_factor(_stage(v, 0), ("Keep tariffs off", "Comply"), hazard=Fraction(str(v.hazard)))


def metrics(v):
    result = repeated(v)
    return {"enforceable": result.enforceable,
            "critical_delta": float(result.threshold) if result.threshold is not None else float("nan")}


def _compare(instance):
    v = instance.values
    mou = repeated(v)
    enforced = ng.critical_discount_factor(_stage(v, v.arbitration_penalty), ("Keep tariffs off", "Comply"),
                                           hazard=Fraction(str(v.hazard)))
    def show(r):
        return f"δ ≥ {float(r.threshold):.3f}" if r.enforceable else "never"
    return f"An MOU holds when {show(mou)}; with arbitration it holds when {show(enforced)}."


SCENARIO = ng.Scenario(
    name="enforcement",
    title="Enforcement: MOU or enforceable deal",
    date=datetime.date(2019, 1, 31),
    summary=("A repeated game of compliance and snap-back tariffs: the critical discount factor with and "
             "without arbitration, under a turnover hazard."),
    players=("U.S.", "China"),
    moves={"U.S.": ("keep tariffs off", "snap back"), "China": ("comply", "walk away")},
    parameters=PARAMETERS,
    sources=(S.MOU, S.ENFORCEABLE, S.ARBITRATION),
    matrix=lambda v: _stage(v, 0), repeated=repeated, metrics=metrics,
    questions=(ng.Question("When does the deal hold, with and without arbitration?", _compare),),
)
