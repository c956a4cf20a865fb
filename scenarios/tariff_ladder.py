"""The tariff ladder, September 2018: month after month, each side sets its tariff at 0%, 10% or 25% on a list.

On 24 September 2018 the U.S. put 10% on $200B of Chinese goods, to rise to
25%, and China answered with 5-10% on $60B. Here each side climbs or
descends a ladder of three rungs on its list, every month, for as long as the
horizon lasts. Each month's payoffs are derived, not typed: the welfare change
of a tariff in partial equilibrium (revenue minus buyers' loss on one's own
imports, minus exporters' loss under the other side's tariff), with the
elasticities published before the scenario's date. ``exporter_weight`` is a
political term: the weight a government puts on its exporters' losses
(1 = welfare; above 1, organised exporters such as farmers count for more, as
in Grossman and Helpman's trade wars with lobbies).
"""

import datetime

import numpy as np

import negotiation as ng
from negotiation import econ
from negotiation.econ import REGISTRY

from . import _sources as S

DATE = datetime.date(2018, 9, 24)
FACTS = REGISTRY.as_of(DATE, [
    "us_list_september_2018", "china_list_september_2018", "tariff_rate_april_2018",
    "us_import_demand_elasticity", "china_import_demand_elasticity",
    "china_export_supply_elasticity", "us_export_supply_elasticity"])


def _fact(name, parameter, unit, low, high, reason, scale=1):
    quantity = FACTS[name]
    return ng.Parameter(parameter, quantity.value * scale, unit, low, high, f"registry: {name} ({quantity.source})",
                        reason)


PARAMETERS = (
    _fact("us_list_september_2018", "us_list", "$B/yr", 0, 505.6,
          "imports from China on the U.S. list; the top of the range is all 2017 imports"),
    _fact("china_list_september_2018", "china_list", "$B/yr", 0, 130.4,
          "imports from the U.S. on China's list; the top of the range is all 2017 imports"),
    ng.Parameter("middle_rung", 10, "%", 1, 24, "USTR, 24 Sep 2018: 10% on $200B at first",
                 "the tariff on the middle rung of the ladder"),
    _fact("tariff_rate_april_2018", "top_rung", "%", 10, 62,
          "the tariff on the top rung; 62% is Ossa's (2014) average optimal tariff"),
    _fact("us_import_demand_elasticity", "us_demand_elasticity", "1", 1, 4,
          "how strongly U.S. buyers turn away from dearer Chinese goods"),
    _fact("china_import_demand_elasticity", "china_demand_elasticity", "1", 1, 4,
          "how strongly Chinese buyers turn away from dearer U.S. goods"),
    _fact("china_export_supply_elasticity", "china_supply_elasticity", "1", 0.5, 8,
          "Chinese exporters' supply elasticity: low means they absorb the U.S. tariff (a terms-of-trade gain)"),
    _fact("us_export_supply_elasticity", "us_supply_elasticity", "1", 0.5, 8,
          "U.S. exporters' supply elasticity: low means they absorb China's tariff"),
    ng.Parameter("exporter_weight", 1, "1 (political)", 1, 5, "political term: Grossman & Helpman (1995), "
                 "lobbies in trade wars; USDA's $12B farm aid, 24 Jul 2018",
                 "weight each government puts on its exporters' losses; 1 = welfare"),
    ng.Parameter("months", 24, "months", 2, 120, "illustrative: to the next presidential election",
                 "how many monthly rounds the ladder is played"),
    ng.Parameter("noise", 0.02, "probability", 0, 0.3, "illustrative",
                 "chance each month that a side's tariff move slips (a list revised, an exemption lapses)"),
)

STRATEGIES = ("cooperator", "defector", "tit_for_tat", "tit_for_tat_plus_one", "generous_tit_for_tat",
              "grudger", "gradual_escalation", "appeasement", "win_stay_lose_shift", "stage_equilibrium")


def _rungs(v):
    return (0.0, v.middle_rung / 100, v.top_rung / 100)


def _welfare(v, own_rate, other_rate, side):
    """One side's welfare change, $B/yr: its own tariff on its imports and the other's on its exports."""
    if side == "U.S.":
        imports, exports = (v.us_list, v.us_demand_elasticity, v.china_supply_elasticity), \
            (v.china_list, v.china_demand_elasticity, v.us_supply_elasticity)
    else:
        imports, exports = (v.china_list, v.china_demand_elasticity, v.us_supply_elasticity), \
            (v.us_list, v.us_demand_elasticity, v.china_supply_elasticity)
    own = econ.tariff(imports[0], own_rate, imports[1], imports[2]).importer_welfare.value
    hit = econ.tariff(exports[0], other_rate, exports[1], exports[2]).exporter_welfare.value
    return own + v.exporter_weight * hit


def matrix(v):
    rungs = _rungs(v)
    labels = [f"{_percent(r)}" for r in rungs]
    if len(set(labels)) < 3:  # rungs set equal (a sweep may do so): keep three rungs, named by place
        labels = [f"{label} ({place})" for label, place in zip(labels, ("bottom", "middle", "top"))]
    outcomes = {(labels[i], labels[j]): (_welfare(v, rungs[i], rungs[j], "U.S."), _welfare(v, rungs[j], rungs[i], "China"))
                for i in range(3) for j in range(3)}
    return ng.NormalFormGame.from_outcomes(outcomes, players=("U.S.", "China"),
                                           title="One month on the tariff ladder ($B/yr)")


def _percent(rate):
    return f"{rate * 100:g}%"


def repeated(v):
    game = matrix(v)
    labels = game.strategies[0][0], game.strategies[1][0]
    return ng.critical_discount_factor(game, labels)


def tournament(v):
    return ng.tournament(matrix(v), STRATEGIES, turns=int(v.months), repetitions=20, noise=v.noise, seed=2018)


def metrics(v):
    game = matrix(v)
    A, B = (np.asarray(p, float) for p in game.payoffs)
    return {"us_gains_from_escalation": bool(A[2, 2] > A[0, 0]), "joint_loss_at_top": float(A[0, 0] + B[0, 0]
                                                                                              - A[2, 2] - B[2, 2])}


def _against_tit_for_tat(instance):
    """Which U.S. strategy earns most against a tit-for-tat China, with and without noise."""
    v = instance.values
    game = matrix(v)
    lines = []
    for noise in (0.0, max(v.noise, 0.05)):
        result = ng.tournament(game, STRATEGIES, turns=int(v.months), repetitions=20, noise=noise, seed=1)
        column = result.strategies.index("tit_for_tat")
        us = [result.outcomes[i, column, 0] for i in range(len(STRATEGIES))]
        top, mutual = max(us), us[STRATEGIES.index("tit_for_tat")]
        best = [name for name, value in zip(STRATEGIES, us) if value >= top - 1e-9 * max(1.0, abs(top))]
        lines.append(f"with noise {noise:g}: {' = '.join(best)} ({top:.3g} $B/yr on average, against "
                     f"{mutual:.3g} for tit-for-tat)")
    A = np.asarray(game.payoffs[0], float)
    if (A[-1] > A[:-1]).all():  # the top rung pays the U.S. whatever China does
        lines.append("at these elasticities the top rung is dominant for the U.S.: its terms-of-trade gain on "
                     f"${v.us_list:g}B outweighs what China's retaliation on ${v.china_list:g}B costs it")
    return "; ".join(lines) + "."


def _one_notch_more(instance):
    """Tit-for-tat plus one against tit-for-tat, compared with mutual tit-for-tat."""
    v = instance.values
    game = matrix(v)
    result = ng.tournament(game, ["tit_for_tat_plus_one", "tit_for_tat"], turns=int(v.months), repetitions=50,
                           noise=v.noise, seed=7)
    plus, tft = result.outcomes[0, 1], result.outcomes[1, 1]
    return (f"Against a tit-for-tat China, answering every retaliation with one notch more gives the U.S. "
            f"{plus[0]:.3g} and China {plus[1]:.3g} $B/yr on average, against {tft[0]:.3g} and "
            f"{tft[1]:.3g} when both play tit-for-tat (noise {v.noise:g}, 50 runs of {int(v.months)} months).")


def _spiral(instance):
    """The smallest implementation noise at which mutual tit-for-tat spends a quarter of the time at the top."""
    v = instance.values
    game = matrix(v)
    for noise in (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3):
        match = ng.tournament(game, ["tit_for_tat", "cooperator"], turns=int(v.months), repetitions=100,
                              noise=noise, seed=11)
        top = 1 - match.cooperation[0]
        if top >= 0.25:
            return (f"With a slip chance of {noise:g} a month, two tit-for-tat sides spend {top:.0%} of the "
                    f"{int(v.months)} months off free trade: echoes of each slip spiral.")
    return f"Even at a slip chance of 0.3 a month, tit-for-tat stays at free trade most of the {int(v.months)} months."


SCENARIO = ng.Scenario(
    name="tariff_ladder",
    title="The tariff ladder, month by month",
    date=DATE,
    summary=("Each month the U.S. and China set a tariff of 0%, 10% or 25% on their lists ($200B and $60B); "
             "payoffs are welfare changes from partial-equilibrium trade economics. Strategies meet in a "
             "tournament with implementation noise."),
    players=("U.S.", "China"),
    moves={"U.S.": ("0%, 10% or 25% on $200B",), "China": ("0%, 10% or 25% on $60B",)},
    parameters=PARAMETERS,
    sources=(S.SEPTEMBER_LISTS, S.TARIFF_150, S.OUTLAST),
    matrix=matrix, repeated=repeated, tournament=tournament, metrics=metrics,
    questions=(
        ng.Question("Which U.S. strategy earns most against a tit-for-tat China, with and without noise?",
                    _against_tit_for_tat),
        ng.Question("What if the U.S. answers every retaliation with one notch more?", _one_notch_more),
        ng.Question("How much noise before tit-for-tat tariffs spiral?", _spiral),
    ),
)
