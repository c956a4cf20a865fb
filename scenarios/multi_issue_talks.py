"""The multi-issue talks, May-July 2018: purchases, ZTE relief and export controls, offer by offer.

The packages are purchases up to a supply cap, ZTE relief and easing export
controls, each with an illustrative value to China and cost to the U.S. (the
first catalogue's ``zte_linkage``, kept here for the agents; ``zte_linkage``
itself now derives a ZTE settlement from the trade-economics registry). Here the two sides trade offers every week
until the 6 July tariffs take effect, and negotiation agents with different
tactics (holding out, conceding early, mirroring, proposing the Nash package,
playing the subgame-perfect strategy) meet in a tournament. Delay costs each
side through its discount factor, derived from an annual interest rate and the
chance that talks collapse.
"""

import datetime

import negotiation as ng
from negotiation import econ

from . import _sources as S

DATE = datetime.date(2018, 5, 17)

PACKAGE_PARAMETERS = (
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

ISSUES = {"purchases": [0, 25, 50], "ZTE relief": ["no", "yes"],
          "export controls": ["unchanged", "eased", "eased further"]}
STEPS = {"unchanged": 0, "eased": 1, "eased further": 2}

PARAMETERS = PACKAGE_PARAMETERS + (
    ng.Parameter("weeks", 7, "weeks", 1, 52, "USTR: 25% on $34B each way from 6 July 2018 (7 weeks on)",
                 "weekly rounds of offers before the tariffs take effect and talks end", whole=True),
    ng.Parameter("interest_rate", 0.03, "1/yr", 0, 0.2, "illustrative: long-term government bond yields in 2018",
                 "what a year's delay of a gain costs each side"),
    ng.Parameter("collapse_hazard", 0.5, "1/yr", 0, 0.99, "seed 002: China believes it can outlast the U.S.",
                 "chance a year that talks collapse for reasons outside the table"),
)

AGENTS = ("boulware", "linear", "conceder", "tit_for_tat", "hard_liner", "nash", "rubinstein", "random")


def deal(v):
    """The 18 packages, each side's value of each, against its no-deal value."""
    def us(p):
        return (min(p["purchases"], v.supply_cap) - (v.zte_cost if p["ZTE relief"] == "yes" else 0)
                - v.controls_cost * STEPS[p["export controls"]])

    def china(p):
        return (-v.purchase_cost * p["purchases"] + (v.zte_value if p["ZTE relief"] == "yes" else 0)
                + v.controls_value * STEPS[p["export controls"]])

    return ng.deal_space(ISSUES, {"U.S.": us, "China": china}, {"U.S.": v.us_reservation, "China": 0})


def _weekly_discount(v) -> float:
    return float(econ.discount_factor(v.interest_rate, 1 / 52, hazard=v.collapse_hazard).delta.value)


def _space(v):
    return ng.offer_space(deal(v), unit="$B/yr")


def tournament(v):
    return ng.agent_tournament(_space(v), AGENTS, deadline=int(v.weeks), discount=_weekly_discount(v),
                               repetitions=10, seed=2018)


def _talk(v, us_agent, china_agent):
    return ng.negotiate(_space(v), us_agent, china_agent, deadline=int(v.weeks), discount=_weekly_discount(v),
                        seed=1)


def _describe(result) -> str:
    if result.agreement is None:
        return "no deal"
    return f"a deal in week {result.round} on {result.agreement_label}"


def _hard_opening(instance):
    v = instance.values
    hard = _talk(v, "hard_liner", "boulware")
    slow = _talk(v, "boulware", "boulware")
    return (f"A hard-line U.S. against a China that concedes slowly (Boulware) reaches {_describe(hard)}, "
            f"with {hard.gain_shares[0]:.0%} of the U.S.'s possible gain; a Boulware U.S. reaches {_describe(slow)}, "
            f"with {slow.gain_shares[0]:.0%}.")


def _against_tit_for_tat(instance):
    v = instance.values
    results = {name: _talk(v, name, "tit_for_tat") for name in AGENTS}
    best = max(results, key=lambda name: results[name].gain_shares[0])
    deals = sum(r.agreement is not None for r in results.values())
    return (f"{best} earns the U.S. most against a tit-for-tat China: {results[best].gain_shares[0]:.0%} of its "
            f"possible gain, in {_describe(results[best])}; {deals} of the {len(AGENTS)} U.S. agents reach a deal.")


def _subgame_perfect(instance):
    v = instance.values
    result = _talk(v, "rubinstein", "rubinstein")
    gaps = result.distances
    if result.agreement is None:
        return "No: subgame-perfect negotiators find no package both prefer to no deal."
    return (f"They reach {_describe(result)}; it lies {gaps['nash']:.3g} $B/yr from the Nash bargaining "
            f"package and {gaps['frontier']:.3g} from the Pareto frontier.")


SCENARIO = ng.Scenario(
    name="multi_issue_talks",
    title="The multi-issue talks, offer by offer",
    date=DATE,
    summary=("Weekly offers over purchases, ZTE relief and export controls until the July 2018 tariffs; "
             "negotiation agents with different tactics meet in a tournament."),
    players=("U.S.", "China"),
    moves={"U.S.": ("offer or accept a package",), "China": ("offer or accept a package",)},
    parameters=PARAMETERS,
    sources=(S.ZTE, S.STRETCH_50, S.CUT_100, S.OUTLAST),
    deal=deal, tournament=tournament,
    questions=(
        ng.Question("Does a hard opening pay against a side that concedes slowly?", _hard_opening),
        ng.Question("Which U.S. tactic earns most against a tit-for-tat China?", _against_tit_for_tat),
        ng.Question("Do subgame-perfect negotiators agree at once, and how near the Nash package?",
                    _subgame_perfect),
    ),
)
