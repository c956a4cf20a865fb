"""The multi-issue talks, May-July 2018: purchases, ZTE relief and export controls, offer by offer.

The packages and their values are those of ``zte_linkage`` (purchases up to
the supply cap, ZTE relief, easing export controls, each with its value to
China and its cost to the U.S.). Here the two sides trade offers every week
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
from . import zte_linkage

DATE = datetime.date(2018, 5, 17)

PARAMETERS = zte_linkage.PARAMETERS + (
    ng.Parameter("weeks", 7, "weeks", 1, 52, "USTR: 25% on $34B each way from 6 July 2018 (7 weeks on)",
                 "weekly rounds of offers before the tariffs take effect and talks end", whole=True),
    ng.Parameter("interest_rate", 0.03, "1/yr", 0, 0.2, "illustrative: long-term government bond yields in 2018",
                 "what a year's delay of a gain costs each side"),
    ng.Parameter("collapse_hazard", 0.5, "1/yr", 0, 0.99, "seed 002: China believes it can outlast the U.S.",
                 "chance a year that talks collapse for reasons outside the table"),
)

AGENTS = ("boulware", "linear", "conceder", "tit_for_tat", "hard_liner", "nash", "rubinstein", "random")


def deal(v):
    return zte_linkage.deal(v)


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
