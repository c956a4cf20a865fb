"""The tariff standoff, May 2018: a threat of tariffs on $150B against China's refusal to concede.

The U.S. threatens tariffs unless China meets its demands (a $100B cut in the
deficit, curbs on industrial policy); China refuses to discuss them and
insists the threat be lifted first. Payoffs are changes in $B a year against
the status quo, built from the parameters below.
"""

import datetime

import sympy

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("concession_value", 100, "$B/yr", 0, 200, "seed 002: the $100B cut demanded",
                 "what the U.S. gains if China meets its demand"),
    ng.Parameter("concession_cost", 120, "$B/yr", 50, 300, "seed 002: China 'big enough ... to stand up'",
                 "conceding costs China more than the U.S. gains: the transfer plus face and its industrial plan"),
    ng.Parameter("tariff_cost_china", 37.5, "$B/yr", 0, 75, "seed 002 and the April 2018 lists: 25% on $150B",
                 "China's loss if it bears the whole 25% tariff on $150B"),
    ng.Parameter("tariff_cost_us", 15, "$B/yr", 0, 40, "illustrative",
                 "U.S. buyers pay part of the tariff; its incidence was unknown in May 2018"),
    ng.Parameter("retaliation_cost_us", 12.5, "$B/yr", 0, 40, "April 2018: China lists 25% on $50B",
                 "what China's listed retaliation (soybeans, cars, aircraft) costs U.S. exporters"),
    ng.Parameter("retaliation_cost_china", 5, "$B/yr", 0, 30, "illustrative",
                 "China's own cost of retaliating (dearer imports)"),
    ng.Parameter("backdown_cost", 5, "$B/yr", 0, 60, "illustrative",
                 "the U.S. cost of backing down from a public threat (lost credibility)"),
)


def matrix(v):
    war = (-v.tariff_cost_us - v.retaliation_cost_us, -v.tariff_cost_china - v.retaliation_cost_china)
    deal = (v.concession_value, -v.concession_cost)
    return ng.NormalFormGame.from_outcomes(
        {("Tariffs on $150B", "Stand firm"): war, ("Tariffs on $150B", "Concede"): deal,
         ("No tariffs", "Stand firm"): (0, 0), ("No tariffs", "Concede"): deal},
        players=("U.S.", "China"), title="Tariff standoff, May 2018 ($B/yr)")


def tree(v):
    war = ng.outcome(-v.tariff_cost_us - v.retaliation_cost_us, -v.tariff_cost_china - v.retaliation_cost_china)
    return ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
        "Threaten tariffs": ng.decision("China", {
            "Concede": ng.outcome(v.concession_value, -v.concession_cost),
            "Refuse": ng.decision("U.S.", {"Impose tariffs": war, "Back down": ng.outcome(-v.backdown_cost, 0)}),
        }),
        "No threat": ng.outcome(0, 0),
    }), title="Threat, answer, follow-through")


def china_first(v):
    """The order China asked for: China states its position before any threat."""
    war = ng.outcome(-v.tariff_cost_us - v.retaliation_cost_us, -v.tariff_cost_china - v.retaliation_cost_china)
    return ng.GameTree.from_nested(("U.S.", "China"), ng.decision("China", {
        "Concede": ng.outcome(v.concession_value, -v.concession_cost),
        "Refuse": ng.decision("U.S.", {"Impose tariffs": war, "No tariffs": ng.outcome(0, 0)}),
    }))


def threats(v):
    """The plan the threat is meant to produce: China concedes because the U.S. would impose."""
    return {"": "Threaten tariffs", "Threaten tariffs": "Concede", "Threaten tariffs/Refuse": "Impose tariffs"}


def metrics(v):
    (threat,) = ng.credible_threats(tree(v), threats(v))
    outcome = ng.backward_induction(tree(v))[0]
    return {"threat_credible": threat.credible, "us_payoff": float(outcome.payoffs[0]),
            "china_payoff": float(outcome.payoffs[1]), "outcome": " → ".join(a for _, a, _ in outcome.path)}


def threshold(v):
    """China concedes under tariffs iff conceding costs less than the tariff war costs it (at the bound values)."""
    cost = sympy.Symbol("concession_cost")
    exact = lambda x: sympy.nsimplify(x)  # noqa: E731 - decimals read exactly
    war_china = exact(-v.tariff_cost_china - v.retaliation_cost_china)
    war_us = exact(-v.tariff_cost_us - v.retaliation_cost_us)
    game = ng.NormalFormGame.from_arrays(
        [[war_us, exact(v.concession_value)], [0, exact(v.concession_value)]],
        [[war_china, -cost], [0, -cost]],
        players=("U.S.", "China"), strategies=(("Tariffs on $150B", "No tariffs"), ("Stand firm", "Concede")))
    return ng.Threshold.of_equilibria(ng.equilibrium_conditions(game, solve_for="concession_cost"),
                                      "concession_cost", "$B/yr")


def _credible(instance):
    report = ng.credible_threats(instance.build("tree"), threats(instance.values))
    us = [t for t in report if t.player == "U.S."]
    if not us:
        return "the plan leaves no U.S. threat off the path"
    t = us[0]
    if t.credible and t.alternative_payoff == t.payoff_if_carried_out:
        return (f"Only just: after a refusal imposing the tariffs and {' or '.join(t.alternative).lower()} give the "
                f"U.S. the same (payoff {t.payoff_if_carried_out:g}).")
    if t.credible:
        return (f"Yes: after a refusal the U.S. would impose the tariffs (payoff {t.payoff_if_carried_out:g}) "
                f"rather than {' or '.join(t.alternative).lower()} (payoff {t.alternative_payoff:g}).")
    return (f"No: after a refusal the U.S. would {' or '.join(t.best).lower()} (payoff {t.best_payoff:g}) "
            f"rather than impose the tariffs (payoff {t.payoff_if_carried_out:g}).")


def _order(instance):
    first = ng.backward_induction(instance.build("tree"))[0]
    second = ng.backward_induction(china_first(instance.values))[0]
    return (f"U.S. first: {first.describe()}. China first: {second.describe()}. "
            + ("The order does not change the outcome." if first.payoffs == second.payoffs else "The order changes the outcome."))


SCENARIO = ng.Scenario(
    name="tariff_standoff",
    title="The tariff standoff",
    date=datetime.date(2018, 5, 2),
    summary=("The U.S. threatens tariffs on $150B unless China meets its demands; China refuses to discuss "
             "the $100B cut and curbs on its industrial plan, and insists the threat be removed first."),
    players=("U.S.", "China"),
    moves={"U.S.": ("Threaten tariffs", "Impose tariffs", "Back down", "No threat"),
           "China": ("Concede", "Refuse / stand firm")},
    parameters=PARAMETERS,
    sources=(S.TARIFF_150, S.CUT_100, S.THREAT_FIRST, S.OUTLAST),
    matrix=matrix, tree=tree, threats=threats, threshold=threshold, metrics=metrics,
    questions=(
        ng.Question("Is the U.S. threat to impose the tariffs credible?", _credible),
        ng.Question("Does the order of moves matter?", _order),
    ),
)
