"""Incomplete information about the U.S. leader, May 2018: a businessman who will deal, or a hardliner?

China believed that Trump, as a businessman, would agree to a deal at some
point. China does not know the leader's type; it concedes or holds firm
knowing only its belief ``p_dealmaker``, and the leader replies knowing his
type: a tree with a chance move for the type and one information set for
China, solved for its subgame-perfect equilibrium.

Payoffs come from ``tariff_standoff``'s blocks (the same facts and date):

* **China concedes**: it offers to remedy a share ``concession`` of the
  Section 301 harm. If the U.S. agrees, the U.S. gains that and China loses
  it times a **political** multiple (``reform_cost``, as in
  ``structural_issues``). If the U.S. escalates anyway, the offer is
  withdrawn and China absorbs the tariffs without answering.
* **China holds firm**: if the U.S. agrees, it lifts its threat for nothing
  and pays a **political** audience cost (``backdown_cost``); if it
  escalates, China answers with its list: the tariff war.

The two types differ in what they believe about the tariff's incidence,
not in what it does:

* the **dealmaker** acts on the realised welfare of its tariffs (the tariff
  block's revenue less its buyers' loss);
* the **hardliner** acts on the belief that China pays a share
  ``hardliner_belief`` of the duty (a **political** term, the block's
  ``perceived_importer_welfare``).

* **Perceived** (decisions): the above. **Realised** (welfare): each
  type's tariff counted at the block's welfare, no political terms.
"""


from fractions import Fraction

import negotiation as ng
from negotiation import econ

from . import _sources as S, structural_issues as _structural, tariff_standoff as _standoff

DATE = _standoff.DATE
PLAYERS = ("U.S.", "China")
TYPES = ("dealmaker", "hardliner")
US_MOVES = ("Agree", "Escalate")
CHINA_MOVES = ("Concede", "Hold firm")
_SHARED = ("us_list", "us_list_more", "china_list", "tariff_rate", "us_demand_elasticity", "china_supply_elasticity",
           "china_demand_elasticity", "us_supply_elasticity", "backdown_cost")


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *(p for p in _standoff.PARAMETERS if p.name in _SHARED),
    _fact("harm", "section_301_harm", "the harm a full reform would remedy ('at least' $50B)", prior="triangular"),
    ng.Parameter("p_dealmaker", 0.7, "probability", 0, 1, "political term (a belief); seed 002: 'at some point he "
                 "will agree to a deal'", "China's belief that the U.S. leader is a dealmaker",
                 prior=("uniform", 0.5, 0.9), political=True),
    ng.Parameter("hardliner_belief", 1, "fraction", 0, 1, "political term (a belief): the claim that China pays "
                 "the tariffs", "the share of the duty a hardliner believes Chinese exporters pay",
                 prior=("uniform", 0.5, 1), political=True),
    _structural.REFORM_COST,
    ng.Parameter("concession", 0.1, "fraction", 0, 1, "a choice: what China would offer",
                 "the share of the Section 301 harm China's concession remedies", choice=True),
)

METRICS = (
    ng.Metric("china_holds_firm", "yes/no", "China holds firm on the equilibrium path (each type replying as it "
              "prefers)"),
    ng.Metric("dealmaker_takes_concession", "yes/no", "a dealmaker agrees when China concedes"),
    ng.Metric("hardliner_escalates", "yes/no", "a hardliner escalates whatever China does"),
    ng.Metric("switch_belief", "probability", "the belief in a dealmaker at which China's reply switches (-1 if "
              "it does not switch)"),
    ng.Metric("dealmaker_tariff_worth", "$B/yr", "the realised worth of the tariffs to the U.S., before any answer"),
)


def tables(v):
    """{type: (U.S. payoffs, China's payoffs)}, rows Agree/Escalate, columns Concede/Hold firm ($B/yr)."""
    imposed, answered, _ = _standoff.war(v)
    believed = econ.tariff(v.us_list + v.us_list_more, econ.convert(v.tariff_rate, "%", "1"),
                           v.us_demand_elasticity, v.china_supply_elasticity,
                           believed_exporter_share=v.hardliner_belief).perceived_importer_welfare.value
    remedied = v.concession * v.harm
    china = [[-v.reform_cost * remedied, 0.0], [imposed[1], imposed[1] + answered[1]]]
    out = {}
    for kind, worth in zip(TYPES, (imposed[0], believed)):
        us = [[remedied, -v.backdown_cost], [worth, worth + answered[0]]]
        out[kind] = (us, china)
    return out


def tree(v):
    """Chance draws the leader's type; China moves without seeing it; the leader replies, knowing its type."""
    found, p = tables(v), Fraction(str(v.p_dealmaker))  # exact, so the chances sum to exactly one in any file

    def reply(kind, j):
        us, china = found[kind]
        return ng.decision("U.S.", {a: ng.outcome(us[i][j], china[i][j]) for i, a in enumerate(US_MOVES)},
                           name=f"{kind}, after {CHINA_MOVES[j].lower()}")

    def china_node(kind):
        return ng.decision("China", {c: reply(kind, j) for j, c in enumerate(CHINA_MOVES)}, infoset="China")

    return ng.GameTree.from_nested(PLAYERS, ng.chance({kind: (w, china_node(kind))
                                                       for kind, w in zip(TYPES, (p, 1 - p))}),
                                   title="The leader's type ($B/yr, perceived)")


def replies(found):
    """Each type's best reply to each of China's moves (Escalate on a tie: the threat is already public)."""
    return {kind: {c: US_MOVES[int(us[1][j] >= us[0][j])] for j, c in enumerate(CHINA_MOVES)}
            for kind, (us, _) in found.items()}


def china_values(found, p):
    """China's expected payoff from each move, each type replying as it prefers, under the belief ``p``."""
    best, china = replies(found), found[TYPES[0]][1]
    weights = {TYPES[0]: p, TYPES[1]: 1 - p}
    return {c: sum(weights[k] * china[US_MOVES.index(best[k][c])][j] for k in TYPES)
            for j, c in enumerate(CHINA_MOVES)}


def _holds(found, p):
    """China holds firm unless conceding is strictly better."""
    value = china_values(found, p)
    return not value["Concede"] > value["Hold firm"]


def switch_belief(v, found=None):
    """The belief at which China is indifferent, in closed form (its values are linear in the belief); None
    if its reply is the same at every belief."""
    found = found or tables(v)
    at_zero, at_one = china_values(found, 0.0), china_values(found, 1.0)
    gap_zero = at_zero["Concede"] - at_zero["Hold firm"]
    gap_one = at_one["Concede"] - at_one["Hold firm"]
    if _holds(found, 0.0) == _holds(found, 1.0) or gap_zero == gap_one:
        return None
    return float(gap_zero / (gap_zero - gap_one))


def metrics(v):
    found = tables(v)
    best = replies(found)
    switch = switch_belief(v, found)
    return {
        "china_holds_firm": _holds(found, v.p_dealmaker),
        "dealmaker_takes_concession": best["dealmaker"]["Concede"] == "Agree",
        "hardliner_escalates": all(best["hardliner"][c] == "Escalate" for c in CHINA_MOVES),
        "switch_belief": -1.0 if switch is None else float(switch),
        "dealmaker_tariff_worth": float(found["dealmaker"][0][1][0]),
    }


def _threshold(instance):
    v = instance.values
    switch = switch_belief(v)
    if switch is None:
        return (f"China's reply does not depend on the belief here (it holds firm: "
                f"{'yes' if _holds(tables(v), 0.0) else 'no'}).")
    side = "above" if _holds(tables(v), 1.0) else "below"
    return f"China holds firm when the chance of a dealmaker is {side} about {switch:.3f}."


def _what_china_does(instance):
    v = instance.values
    found = tables(v)
    best = replies(found)
    words = "Holds firm" if _holds(found, v.p_dealmaker) else "Concedes (or mixes)"
    plans = "; ".join(f"a {kind} would {best[kind]['Concede'].lower()} if China conceded and "
                      f"{best[kind]['Hold firm'].lower()} if it held firm" for kind in TYPES)
    return f"{words}. {plans[0].upper()}{plans[1:]}."


SCENARIO = ng.Scenario(
    name="leader_type",
    title="A businessman or a hardliner? Uncertainty about the U.S. leader",
    date=DATE,
    summary=("China believes Trump 'as a businessman' will agree at some point; a Bayesian game over the "
             "U.S. leader's type, which differs in what it believes about who pays the tariffs."),
    players=PLAYERS,
    moves={"U.S.": ("agree", "escalate"), "China": ("concede", "hold firm")},
    parameters=PARAMETERS,
    sources=(S.BUSINESSMAN, S.OUTLAST, S.TARIFF_150),
    tree=tree, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("What does China do at the default belief?", _what_china_does, "china_holds_firm",
                    "China holds firm"),
        ng.Question("At what belief does China's reply switch?", _threshold),
    ),
)
