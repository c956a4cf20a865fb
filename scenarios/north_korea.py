"""North Korea as leverage: a trade game linked with a security game.

Some U.S. officials believed China used its influence over North Korea as
leverage for a trade deal. If talks fail, China decides whether to keep
helping on North Korea. Withholding help lowers the U.S. payoff from no deal,
and so shifts the bargain toward China, but only if withholding is something
China would really do after a breakdown.
"""

import datetime

import sympy

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("surplus", 100, "$B/yr", 10, 300, "illustrative", "the gains from a trade deal, to be split"),
    ng.Parameter("nk_value", 30, "$B/yr equiv.", 0, 100, "seed 000: influence over North Korea",
                 "what China's help on North Korea is worth to the U.S."),
    ng.Parameter("stability_cost", 10, "$B/yr equiv.", 0, 100, "illustrative",
                 "China's own cost of an unrestrained North Korea"),
    ng.Parameter("reputation_gain", 5, "$B/yr equiv.", 0, 100, "illustrative",
                 "what China gains from showing that it follows through on linkage"),
)


def tree(v):
    """No deal: China chooses whether to keep helping on North Korea."""
    return ng.GameTree.from_nested(("U.S.", "China"), ng.decision("China", {
        "Keep helping": ng.outcome(0, 0),
        "Withhold help": ng.outcome(-v.nk_value, v.reputation_gain - v.stability_cost),
    }), title="After a breakdown")


def deal(v):
    points = [(0, v.surplus), (v.surplus, 0)]
    return ng.BargainingProblem.from_tree(points, tree(v), players=("U.S.", "China"))


def threats(v):
    return {"": "Keep helping"}


def threshold(v):
    """Withholding help is credible iff China's reputation gain covers its stability cost."""
    gain = sympy.Symbol("reputation_gain", nonnegative=True)
    return ng.Threshold("reputation_gain", "$B/yr equiv.", {
        "withholding help is credible": sympy.Ge(gain - sympy.nsimplify(v.stability_cost), 0)})


def _lever(instance):
    v = instance.values
    withhold = ng.backward_induction(tree(v))[0].choices[""] == "Withhold help"
    linked = ng.nash_bargaining(deal(v)).point
    unlinked = ng.nash_bargaining(ng.BargainingProblem.from_points([(0, v.surplus), (v.surplus, 0)], (0, 0))).point
    if withhold:
        return (f"Yes: China would withhold help after a breakdown, so the U.S. fallback drops by {v.nk_value:g} "
                f"and its Nash share falls from {unlinked[0]:g} to {linked[0]:g}.")
    return (f"No: after a breakdown China would keep helping (withholding costs it {v.stability_cost:g}, "
            f"gains it {v.reputation_gain:g}), so the threat moves nothing; the split stays {linked[0]:g} / {linked[1]:g}.")


SCENARIO = ng.Scenario(
    name="north_korea",
    title="North Korea as leverage",
    date=datetime.date(2019, 1, 31),
    summary=("China's influence over North Korea can shift the U.S. disagreement point in trade talks, "
             "but only if withholding help is credible after a breakdown."),
    players=("U.S.", "China"),
    moves={"U.S.": ("split the trade gains",), "China": ("keep helping on North Korea", "withhold help")},
    parameters=PARAMETERS,
    sources=(S.NORTH_KOREA, S.KIM_SUMMIT),
    tree=tree, deal=deal, threats=threats, threshold=threshold,
    questions=(ng.Question("When is the North Korea linkage a credible lever?", _lever),),
)
