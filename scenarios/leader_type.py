"""Incomplete information about the U.S. leader, May 2018: a businessman who will deal, or a hardliner?

China believed that Trump, as a businessman, would agree to a deal at some
point. China does not know the leader's type; it holds firm or concedes
knowing only the prior. The Harsanyi transformation turns this into a matrix
game solved by the usual solvers.
"""

import datetime
from fractions import Fraction

import negotiation as ng
from negotiation.scenario import Values

from . import _sources as S

PARAMETERS = (
    ng.Parameter("p_dealmaker", 0.7, "probability", 0, 1, "seed 002: 'at some point he will agree to a deal'",
                 "China's belief that the U.S. leader is a dealmaker"),
    ng.Parameter("concession_cost", 3, "payoff units", 0, 10, "illustrative", "China's cost of conceding"),
    ng.Parameter("escalation_cost_china", 6, "payoff units", 0, 10, "illustrative",
                 "China's loss if the U.S. escalates while China holds firm"),
)


def bayesian(v):
    p = Fraction(str(v.p_dealmaker))
    c, e = v.concession_cost, v.escalation_cost_china
    # U.S. rows: Agree, Escalate; China columns: Concede, Hold firm
    dealmaker = ([[4, 2], [1, -1]], [[-c, 0], [-c - 1, -e]])
    hardliner = ([[1, -1], [3, 1]], [[-c, 0], [-c - 1, -e]])
    prior = {("dealmaker", "China"): p, ("hardliner", "China"): 1 - p}
    tables = {("dealmaker", "China"): dealmaker, ("hardliner", "China"): hardliner}
    if p in (0, 1):  # a type with no weight needs no table
        tables = {k: t for k, t in tables.items() if prior[k]}
    return ng.BayesianGame(("U.S.", "China"), (("Agree", "Escalate"), ("Concede", "Hold firm")),
                           (("dealmaker", "hardliner"), ("China",)), prior, tables)


def _china_holds(v) -> bool:
    result = ng.pure_equilibria(bayesian(v).to_normal_form())
    return bool(result) and all(eq.support[1] == ("Hold firm",) for eq in result)


def _threshold(instance):
    """Bisection on the prior: where China's equilibrium reply switches."""
    v = dict(instance.values)
    low, high = 0.0, 1.0
    at = lambda p: _china_holds(Values({**v, "p_dealmaker": p}))  # noqa: E731
    if at(low) == at(high):
        return f"China's reply does not depend on the prior here (holds firm: {at(low)})."
    for _ in range(30):
        mid = (low + high) / 2
        if at(mid) == at(low):
            low = mid
        else:
            high = mid
    side = "above" if at(1.0) else "below"
    return f"China holds firm when the chance of a dealmaker is {side} about {high:.3f}."


def _what_china_does(instance):
    return "Holds firm." if _china_holds(instance.values) else "Concedes (or mixes)."


SCENARIO = ng.Scenario(
    name="leader_type",
    title="A businessman or a hardliner? Uncertainty about the U.S. leader",
    date=datetime.date(2018, 5, 2),
    summary=("China believes Trump 'as a businessman' will agree at some point; a Bayesian game over the "
             "U.S. leader's type."),
    players=("U.S.", "China"),
    moves={"U.S.": ("agree", "escalate"), "China": ("concede", "hold firm")},
    parameters=PARAMETERS,
    sources=(S.BUSINESSMAN, S.OUTLAST),
    bayesian=bayesian,
    questions=(
        ng.Question("What does China do at the default belief?", _what_china_does),
        ng.Question("At what belief does China's reply switch?", _threshold),
    ),
)
