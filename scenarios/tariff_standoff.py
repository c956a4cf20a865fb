"""The tariff standoff, May 2018: the $150B threat is on the table; does China concede, and what follows?

By the scenario's date the U.S. lists were public (25% on $50B, with $100B
more threatened) and so was China's list (25% on $50B of U.S. goods). The
threat is therefore in place at the root. China concedes or refuses; after a
refusal the U.S. imposes or backs down; after the tariffs China retaliates or
absorbs them.

Payoffs are welfare changes in $B a year against the status quo, derived by
the tariff block (``econ.tariff``: revenue to the importer, buyers' loss,
exporters' loss, incidence from elasticities) from registry facts, plus two
political terms that are labelled as such: the U.S. audience cost of backing
down and China's face cost of conceding. Decisions use the *perceived*
payoffs (welfare plus the political terms); the metrics ``us_welfare`` and
``china_welfare`` report *realised* welfare on the subgame-perfect path
(without them).

China's demand that the threat be removed before a deal is modelled twice:
as a choice of disagreement point for the bargaining over the concession
(threat kept or removed), and as a tree in which the U.S. may lift the threat
and re-impose it later, which shows the commitment problem.
"""

import datetime

import sympy

import negotiation as ng
from negotiation import econ

from . import _sources as S
from ._words import money as _b

DATE = datetime.date(2018, 5, 2)
PLAYERS = ("U.S.", "China")
SAME = 1e-9  # relative width under which a range of concessions is one point


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    _fact("us_list", "us_list_april_2018", "the first U.S. list: imports from China taxed at the listed rate"),
    _fact("us_list_more", "us_threat_additional_april_2018", "the further imports threatened: $150B in all"),
    _fact("china_list", "china_list_april_2018", "China's listed retaliation: soybeans, cars, aircraft"),
    _fact("tariff_rate", "tariff_rate_april_2018", "the rate on both sides' lists"),
    _fact("us_demand_elasticity", "us_import_demand_elasticity", "how U.S. buyers turn away from dearer imports",
          prior="triangular"),
    _fact("china_supply_elasticity", "china_export_supply_elasticity",
          "how Chinese exporters cut supply as their price falls: low means they bear the tariff", prior="triangular"),
    _fact("china_demand_elasticity", "china_import_demand_elasticity", "how Chinese buyers turn away",
          prior="triangular"),
    _fact("us_supply_elasticity", "us_export_supply_elasticity", "how U.S. exporters cut supply",
          prior="triangular"),
    _fact("demand_value", "section_301_harm",
          "what the U.S. demands China end (the Section 301 practices); a transfer from China", prior="triangular"),
    ng.Parameter("face_cost", 20, "$B/yr", 0, 100, "political term, illustrative: no published estimate",
                 "$B-equivalent a year: China's political cost of conceding all of the demand under a public "
                 "threat (seed 002: 'big enough ... to stand up')", prior=("uniform", 0, 100), political=True),
    ng.Parameter("backdown_cost", 5, "$B/yr", 0, 60, "political term, illustrative: no published estimate",
                 "$B-equivalent a year: the U.S. audience cost of backing down from a public threat",
                 prior=("uniform", 0, 60), political=True),
)

METRICS = (
    ng.Metric("tariffs_imposed", "yes/no", "the U.S. imposes the tariffs on the subgame-perfect path"),
    ng.Metric("threat_credible", "yes/no", "after a refusal the U.S. would impose the tariffs"),
    ng.Metric("retaliation_credible", "yes/no", "after the tariffs China would retaliate"),
    ng.Metric("commitment_problem", "yes/no", "once the threat is lifted and China concedes, the U.S. would "
              "re-impose the tariffs"),
    ng.Metric("threat_buys_concession", "yes/no", "keeping the threat as the disagreement point gets the U.S. a "
              "larger Nash bargaining concession than removing it first"),
    ng.Metric("us_welfare", "$B/yr", "realised U.S. welfare on the subgame-perfect path (no political terms)"),
    ng.Metric("china_welfare", "$B/yr", "realised Chinese welfare on the subgame-perfect path"),
)


def tariffs(v):
    """The two tariffs through the tariff block, as its numbers ($B/yr): the U.S. list on imports from China,
    and China's list on U.S. goods (``econ.tariff_effects``: the block without its record, once per draw)."""
    rate = econ.convert(v.tariff_rate, "%", "1")
    us = econ.tariff_effects(v.us_list + v.us_list_more, rate, v.us_demand_elasticity, v.china_supply_elasticity)
    china = econ.tariff_effects(v.china_list, rate, v.china_demand_elasticity, v.us_supply_elasticity)
    return us, china


def war(v, us_china=None):
    """(the U.S. tariffs imposed, China's retaliation, the two together): realised (U.S., China) welfare, $B/yr."""
    us, china = us_china or tariffs(v)
    imposed = (us["importer_welfare"], us["exporter_welfare"])
    answered = (china["exporter_welfare"], china["importer_welfare"])
    return imposed, answered, (imposed[0] + answered[0], imposed[1] + answered[1])


def welfare(v):
    """Realised welfare (U.S., China) in $B/yr at each outcome: the tariff block, no political terms."""
    imposed, _, war_ = war(v)
    deal = (v.demand_value, -v.demand_value)
    return {"deal": deal, "war": war_, "absorbed": imposed, "backed down": (0.0, 0.0),
            "deal, then war": _plus(deal, war_), "deal, then absorbed": _plus(deal, imposed)}


def perceived(v, realised=None):
    """What decisions rest on: welfare plus the political terms (face when conceding; audience cost of backing down)."""
    out = dict(realised or welfare(v))
    for name in ("deal", "deal, then war", "deal, then absorbed"):
        out[name] = _plus(out[name], (0.0, -v.face_cost))
    out["backed down"] = _plus(out["backed down"], (-v.backdown_cost, 0.0))
    return out


def _plus(a, b):
    return tuple(x + y for x, y in zip(a, b))


def _follow_through(o, impose="Impose tariffs", refrain="Back down", after_deal=False):
    war, absorbed = ("deal, then war", "deal, then absorbed") if after_deal else ("war", "absorbed")
    return ng.decision("U.S.", {
        impose: ng.decision("China", {"Retaliate": ng.outcome(*o[war]), "Absorb": ng.outcome(*o[absorbed])}),
        refrain: ng.outcome(*o["deal" if after_deal else "backed down"]),
    })


def _threat_kept(o):
    return ng.decision("China", {"Concede": ng.outcome(*o["deal"]), "Refuse": _follow_through(o)})


def _lifted(o):
    return ng.decision("U.S.", {"Keep the threat": _threat_kept(o), "Lift the threat": ng.decision("China", {
        "Concede": _follow_through(o, "Re-impose", "Honour the deal", after_deal=True),
        "Refuse": _follow_through(o, "Re-impose", "Leave lifted"),
    })})


def tree(v, o=None):
    return ng.GameTree.from_nested(PLAYERS, _threat_kept(o or perceived(v)),
                                   title="The threat in place: answer, follow-through, retaliation ($B/yr)")


def lift_first(v, o=None):
    """The order China asked for: the U.S. may lift the threat first, and may re-impose it later."""
    return ng.GameTree.from_nested(PLAYERS, _lifted(o or perceived(v)),
                                   title="Lift the threat first, with re-imposition possible ($B/yr)")


def after_concession(v, o=None):
    """The subgame of :func:`lift_first` after the threat is lifted and China concedes: the U.S. re-imposes the
    tariffs or honours the deal. Subgame perfection makes its plan the lifted tree's plan there, at a third of
    the cost of solving the whole tree (a Monte Carlo asks this 10⁴ times)."""
    return ng.GameTree.from_nested(PLAYERS, _follow_through(o or perceived(v), "Re-impose", "Honour the deal",
                                                            after_deal=True),
                                   title="After the threat is lifted and China concedes ($B/yr)")


def matrix(v):
    game = tree(v).to_normal_form()
    game.title = "The threat in place, as strategies ($B/yr)"
    return game


def threats(v):
    """The plan the threat is meant to produce: China concedes because the U.S. would impose (and China
    would answer)."""
    return {"": "Concede", "Refuse": "Impose tariffs", "Refuse/Impose tariffs": "Retaliate"}


def solved(v, realised=None):
    """The subgame-perfect plans of both trees (solved once; the metrics and answers read them)."""
    o = perceived(v, realised)
    return ng.backward_induction(tree(v, o))[0], ng.backward_induction(lift_first(v, o))[0]


def disagreement(v, threat_kept=True, standoff=None):
    """What each side gets if talks over the concession fail: the refusal subgame's outcome, or the status quo."""
    if not threat_kept:
        return (0.0, 0.0)
    standoff = standoff or ng.backward_induction(tree(v))[0]
    return tuple(float(x) for x in standoff.values["Refuse"])


def _china_cost_per_b(v):
    """China's perceived cost of each $B of concession: the transfer plus its share of the face cost."""
    return 1 + (v.face_cost / v.demand_value if v.demand_value else 0)


def deal(v, threat_kept=True):
    """The concessions (in $B/yr of the demand) both sides prefer to the disagreement point."""
    d = disagreement(v, threat_kept)
    cost = _china_cost_per_b(v)
    return ng.deal_range({"U.S.": lambda c: c, "China": lambda c: -cost * c}, {"U.S.": d[0], "China": d[1]},
                         bounds=(0, v.demand_value), variable="concession", unit="B")


def nash_concession(v, d):
    """The Nash bargaining concession against disagreement point ``d``; None when no concession beats it for both."""
    frontier = [(0.0, 0.0), (float(v.demand_value), -_china_cost_per_b(v) * float(v.demand_value))]
    solution = ng.nash_bargaining(ng.BargainingProblem.from_points(frontier, disagreement=d))
    return float(solution.point[0]) if solution.agreement else None


OUTCOMES = {("Concede",): "deal", ("Refuse", "Back down"): "backed down",
            ("Refuse", "Impose tariffs", "Retaliate"): "war", ("Refuse", "Impose tariffs", "Absorb"): "absorbed"}


def metrics(v):
    outcomes = welfare(v)
    o = perceived(v, outcomes)
    standoff = ng.backward_induction(tree(v, o))[0]
    reimposes = ng.backward_induction(after_concession(v, o))[0].choices[""] == "Re-impose"  # "": the root
    path = tuple(action for _, action, _ in standoff.path)
    realised = outcomes[OUTCOMES[path]]
    kept = nash_concession(v, disagreement(v, True, standoff))
    removed = nash_concession(v, disagreement(v, False))
    return {
        "tariffs_imposed": "Impose tariffs" in path,
        "threat_credible": standoff.choices["Refuse"] == "Impose tariffs",
        "retaliation_credible": standoff.choices["Refuse/Impose tariffs"] == "Retaliate",
        "commitment_problem": reimposes,
        "threat_buys_concession": (kept or 0.0) > (removed or 0.0),
        "us_welfare": float(realised[0]), "china_welfare": float(realised[1]),
    }


def threshold(v):
    """China concedes iff the demand, with its face cost, costs less than refusing (the others at their values)."""
    demand = sympy.Symbol("demand_value")
    refusing = sympy.nsimplify(disagreement(v)[1])
    conceding = -demand - sympy.nsimplify(v.face_cost)
    region = sympy.solveset(conceding >= refusing, demand, sympy.Interval(0, sympy.oo))
    return ng.Threshold("demand_value", "$B/yr", {"China concedes rather than refuse": region})


def _moves(solution):
    return " → ".join(action for _, action, _ in solution.path)



def _credible(instance):
    v = instance.values
    standoff, _ = solved(v)
    imposing = standoff.values["Refuse/Impose tariffs"][0]
    backing_down = perceived(v)["backed down"][0]
    verdict = "Yes" if metrics(v)["threat_credible"] else "No"
    return (f"{verdict}: after a refusal, imposing the tariffs (and facing China's answer) leaves the U.S. "
            f"{_b(imposing)} a year, against {_b(backing_down)} for backing down.")


def _imposed(instance):
    v = instance.values
    standoff, _ = solved(v)
    m = metrics(v)
    return (f"{'Yes' if m['tariffs_imposed'] else 'No'}: the subgame-perfect path is {_moves(standoff)}. Realised welfare on it: U.S. {_b(m['us_welfare'])}, China "
            f"{_b(m['china_welfare'])} a year.")


def _retaliates(instance):
    v = instance.values
    _, china = tariffs(v)
    verb = "Yes" if metrics(v)["retaliation_credible"] else "No"
    return (f"{verb}: China's own tariff changes its welfare by {_b(china['importer_welfare'])} a year (revenue "
            f"{_b(china['revenue'])} less buyers' loss {_b(china['consumer_loss'])}), and it costs U.S. "
            f"exporters {_b(-china['exporter_welfare'])}.")


def _order(instance):
    v = instance.values
    _, lifted = solved(v)
    parts = []
    for threat_kept, words in ((True, "With the threat kept"), (False, "With the threat removed first")):
        d = disagreement(v, threat_kept)
        zone = deal(v, threat_kept)
        c = nash_concession(v, d)
        if zone.empty:
            acceptable = "no concession is acceptable to both"
        elif zone.high - zone.low <= SAME * max(1.0, abs(zone.high)):
            acceptable = f"only a concession of {_b(zone.low)} is acceptable to both"
        else:
            acceptable = f"concessions from {_b(zone.low)} to {_b(zone.high)} a year are acceptable to both"
        agreed = "" if c is None else f"; the Nash bargaining concession is {_b(c)}"
        parts.append(f"{words}, failed talks leave (U.S. {_b(d[0])}, China {_b(d[1])}): {acceptable}{agreed}.")
    m = metrics(v)
    verdict = "Yes." if m["threat_buys_concession"] else "No."
    lift = ("Lifted, the threat would come back after a concession (the U.S. re-imposes), so the U.S. cannot "
            "commit to leave tariffs off." if m["commitment_problem"] else "Lifted, the U.S. would honour a deal.")
    return " ".join([verdict, *parts, lift, f"In the lift-first tree the path is {_moves(lifted)}."])


SCENARIO = ng.Scenario(
    name="tariff_standoff",
    title="The tariff standoff",
    date=DATE,
    summary=("The U.S. threat of tariffs on $150B is in place; China refuses to discuss the demands, insists the "
             "threat be removed first, and has listed its retaliation."),
    players=PLAYERS,
    moves={"U.S.": ("Impose tariffs", "Back down", "Lift the threat", "Re-impose"),
           "China": ("Concede", "Refuse", "Retaliate", "Absorb")},
    parameters=PARAMETERS,
    sources=(S.TARIFF_150, S.CUT_100, S.THREAT_FIRST, S.OUTLAST),
    matrix=matrix, tree=tree, deal=deal, threats=threats, threshold=threshold, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Does the U.S. impose the tariffs?", _imposed, "tariffs_imposed", "the U.S. imposes the tariffs"),
        ng.Question("Is the U.S. threat to impose the tariffs credible?", _credible, "threat_credible",
                    "the threat is credible"),
        ng.Question("Would China retaliate?", _retaliates, "retaliation_credible", "China retaliates"),
        ng.Question("Does removing the threat before a deal change the outcome?", _order, "threat_buys_concession",
                    "keeping the threat buys a larger concession"),
    ),
)
