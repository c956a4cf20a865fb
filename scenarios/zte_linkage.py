"""ZTE relief and export controls, May 2018: does linking them to purchases create a deal?

China asked for sanctions relief for ZTE and easier export controls in
return for purchases. Each concession costs the U.S. something in security;
each is worth more to China. Issue by issue nothing is acceptable to both;
as a package, something may be.
"""

import datetime

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("us_reservation", 20, "$B/yr", 0, 100, "seed 002: demands China would not discuss",
                 "what the U.S. needs from any package to prefer it to no deal"),
    ng.Parameter("supply_cap", 50, "$B/yr", 10, 200, "seed 000: 'a stretch to get it to $50 billion'",
                 "purchases beyond this cannot be delivered"),
    ng.Parameter("purchase_cost", 0.3, "$ per $", 0, 1, "seed 000: buying from the U.S. instead of Brazil or Airbus",
                 "China's cost per dollar of pledge: dearer or less suitable suppliers"),
    ng.Parameter("zte_value", 30, "$B/yr", 0, 100, "seed 000: China presses to lift sanctions on ZTE",
                 "what ZTE's survival is worth to China"),
    ng.Parameter("zte_cost", 10, "$B/yr", 0, 100, "illustrative", "security and credibility cost to the U.S. of relief"),
    ng.Parameter("controls_value", 15, "$B/yr per step", 0, 50, "seed 000: relax export controls",
                 "what each step of easing export controls is worth to China"),
    ng.Parameter("controls_cost", 12, "$B/yr per step", 0, 50, "illustrative",
                 "security cost to the U.S. of each step of easing"),
)

ISSUES = {"purchases": [0, 25, 50], "ZTE relief": ["no", "yes"], "export controls": ["unchanged", "eased", "eased further"]}


def deal(v):
    steps = {"unchanged": 0, "eased": 1, "eased further": 2}

    def us(p):
        return (min(p["purchases"], v.supply_cap) - (v.zte_cost if p["ZTE relief"] == "yes" else 0)
                - v.controls_cost * steps[p["export controls"]])

    def china(p):
        return (-v.purchase_cost * p["purchases"] + (v.zte_value if p["ZTE relief"] == "yes" else 0)
                + v.controls_value * steps[p["export controls"]])

    return ng.deal_space(ISSUES, {"U.S.": us, "China": china}, {"U.S.": v.us_reservation, "China": 0})


def _linkage(instance):
    space = instance.build("deal")
    if space.linkage_creates_deal:
        best = space.solutions["Nash bargaining"].label
        return f"Yes: no issue alone is acceptable to both, but {len(space.acceptable)} packages are; Nash picks {best}."
    if space.acceptable:
        return f"A deal exists without linkage ({space.alone}); linking adds packages: {len(space.acceptable)} in all."
    return "No: no package of purchases, ZTE relief and export controls is acceptable to both."


SCENARIO = ng.Scenario(
    name="zte_linkage",
    title="ZTE relief and export controls as a package",
    date=datetime.date(2018, 5, 17),
    summary=("China asks for ZTE sanctions relief and easier export controls in return for purchases; "
             "each concession has a security cost for the U.S."),
    players=("U.S.", "China"),
    moves={"U.S.": ("ZTE relief yes/no", "ease export controls 0-2 steps"), "China": ("purchases 0-50 $B/yr",)},
    parameters=PARAMETERS,
    sources=(S.ZTE, S.STRETCH_50, S.CUT_100),
    deal=deal,
    questions=(ng.Question("Does linking the issues create a deal?", _linkage),),
)
