"""The March 1 deadline, early 2019: bargaining on a clock, and whether extending the truce is an equilibrium.

The truce of 1 December 2018 left 10% on $200B of imports from China, to rise
to 25% on 1 March 2019 without a deal; China agreed to buy "a substantial
amount" of soybeans as a sign of good faith; a Trump-Xi summit was "the main
event".

* **A clock.** Offers are made in periods of stated length (two weeks by
  default); each side discounts by δ = (1+r)^(-Δ)·(1-h)^Δ, from OMB's rate and
  a political hazard that its side of the talks changes course
  (``econ.discount_factor``). "China can outlast the U.S." is a higher U.S.
  hazard, not an assumed δ.
* **When a deal can be closed.** A deal is closed only at a meeting of the
  principals, which comes in a period with probability 1-exp(-λΔ) (λ
  meetings a year); at a meeting either side proposes (the U.S. with
  probability ``us_proposes``), the other accepts or not. A random proposer
  has no parity: one period more or less moves the split by little, and the
  values converge as the period shrinks.
* **The deadline.** With no deal by 1 March the U.S. raises the 10% to 25%, or
  extends the truce. After a raise China answers in kind on its September
  list, and bargaining goes on from worse flows. The U.S. may raise at any
  later period, so the truce holds only while it prefers the truce.
* **Purchases, a conditional move.** China buys soybeans while the tariffs stay
  at 10%, and stops if they rise. Buying costs China and helps the U.S. in
  the bargain, so China buys only when the purchases are what keeps the U.S.
  from raising, and the truce with purchases is better for China than a raise.

Payoffs in $B, present values against the truce continuing with no deal and no
purchases. A deal removes the U.S. tariffs of 2018 and China's answers to them
(the tariff block, both ways); its joint value is split by the bargain.

* **Perceived** (decisions) adds two political terms: the U.S. value of farm
  sales beyond their surplus, and the cost the U.S. reads in the markets when
  tariffs rise.
* **Realised** (welfare) leaves both out: ``us_realised_raise_cost``.
"""

import datetime
import math

import numpy as np

import negotiation as ng
from negotiation import econ

from . import _sources as S, _stakes
from ._words import money as _b

DATE = datetime.date(2019, 1, 31)
DEADLINE = datetime.date(2019, 3, 1)
DAYS_PER_YEAR = 365.25
PLAYERS = ("U.S.", "China")
EXTEND, RAISE = "Extend the truce", "Raise to 25%"
BUY, STOP = "Keep buying", "Stop buying"
DIGITS = 6  # the tree's payoffs, in $B, to the thousand dollars


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *_stakes.parameters(DATE),
    _fact("truce_rate", "tariff_rate_september_2018", "the rate on $200B during the truce"),
    _fact("china_list_first", "china_list_april_2018", "China's answer to the first U.S. lists, at the first rate"),
    _fact("china_list", "china_list_september_2018", "China's answer to the $200B list"),
    _fact("china_rate", "china_rate_september_2018", "its rate, raised in kind to the scheduled rate after a raise",
          prior="uniform"),
    _fact("china_demand_elasticity", "china_import_demand_elasticity", "how Chinese buyers turn away from dearer "
          "U.S. goods", prior="triangular"),
    _fact("us_supply_elasticity", "us_export_supply_elasticity", "how U.S. exporters cut supply", prior="triangular"),
    _fact("soybeans", "us_soybean_exports_to_china_2017", "China's soybean purchases before the tariffs"),
    _fact("premium", "purchase_premium", "what China pays above Brazil's price", prior="triangular"),
    _fact("rate", "government_discount_rate", "the annual real rate", prior="uniform"),
    _fact("meetings", "closing_meetings_per_year", "meetings a year at which a deal could be closed",
          prior="triangular"),
    ng.Parameter("us_hazard", 0.3, "1/yr", 0, 0.9, "political term; seed 002: China 'can outlast' the U.S.",
                 "chance a year that the U.S. side changes course (an election, markets, farm prices)",
                 prior=("uniform", 0.1, 0.5), political=True),
    ng.Parameter("china_hazard", 0.05, "1/yr", 0, 0.9, "political term; seed 002: China 'can outlast' the U.S.",
                 "chance a year that China's side changes course", prior=("uniform", 0, 0.15), political=True),
    ng.Parameter("market_cost", 5, "$B-eq/yr", 0, 40, "political term, illustrative: markets as a signal of the "
                 "cost of escalation", "what the U.S. reads into a market fall when tariffs rise",
                 prior=("uniform", 0, 20), political=True),
    ng.Parameter("farm_value", 0.5, "$B-eq per $B", 0, 2, "political term, illustrative: farm-state politics",
                 "the U.S. value of each $B of farm sales to China beyond their producer surplus",
                 prior=("uniform", 0, 1), political=True),
    ng.Parameter("purchase_share", 0.5, "fraction", 0, 1, "modelling choice; seed 003: 'a substantial amount' of "
                 "soybeans", "the truce purchases, as a share of China's soybean purchases in 2017", choice=True),
    ng.Parameter("period_years", 1 / 26, "yr", 1 / 52, 0.25, "modelling choice", "the time between offers",
                 choice=True),
    ng.Parameter("us_proposes", 0.5, "fraction", 0, 1, "modelling choice", "the chance the U.S. makes the offer "
                 "at a meeting", choice=True),
)

METRICS = (
    ng.Metric("extension_is_equilibrium", "yes/no", "with no deal at the deadline, the U.S. extends the truce in "
              "equilibrium"),
    ng.Metric("china_keeps_buying", "yes/no", "China buys during the truce in equilibrium (its purchases are what "
              "keeps the U.S. from raising)"),
    ng.Metric("p_deal_by_deadline", "fraction", "chance a deal is closed before 1 March"),
    ng.Metric("p_extension", "fraction", "chance the deadline passes with no deal and the truce extended"),
    ng.Metric("us_share", "fraction", "the U.S. expected value now, as a share of a deal's joint value"),
    ng.Metric("china_share", "fraction", "China's expected value now, as a share of a deal's joint value"),
    ng.Metric("deadline_effect", "fraction", "the U.S. share with the deadline less its share with no deadline"),
    ng.Metric("deal_value", "$B", "a deal's joint value now (present value of the tariffs removed, both ways)"),
    ng.Metric("us_raise_cost", "$B/yr", "what a raise and China's answer cost the U.S. a year (perceived)"),
    ng.Metric("us_realised_raise_cost", "$B/yr", "the same in realised welfare, without the markets term"),
    ng.Metric("china_raise_cost", "$B/yr", "what a raise and its own answer cost China a year"),
    ng.Metric("delta_us", "fraction", "the U.S. discount factor per period"),
    ng.Metric("delta_china", "fraction", "China's discount factor per period"),
)


# ------------------------------------------------------------ flows ($B/yr), from the tariff block
def _welfare(v):
    """Both sides' welfare a year from each list's tariffs, at the first, truce and scheduled rates: two calls
    to the tariff block, each on an array of (list, rate) pairs. Returns {(list, rate): (U.S., China)}."""
    pct = lambda rate: econ.convert(rate, "%", "1")  # noqa: E731
    # U.S.: the 2018 lists, the $200B at 10% and at 25%; China: its first lists, its $60B as now and raised
    us = econ.tariff_effects([v.tariffed_july + v.tariffed_august, v.tariffed_september, v.tariffed_september],
                             pct(np.array([v.first_rate, v.truce_rate, v.rate_scheduled])), v.us_demand_elasticity,
                             v.china_supply_elasticity)
    china = econ.tariff_effects([v.china_list_first, v.china_list, v.china_list],
                                pct(np.array([v.first_rate, v.china_rate, v.rate_scheduled])),
                                v.china_demand_elasticity, v.us_supply_elasticity)
    keys = ("first lists", "now", "raised")
    return {key: (float(us["importer_welfare"][k] + china["exporter_welfare"][k]),
                  float(us["exporter_welfare"][k] + china["importer_welfare"][k]))
            for k, key in enumerate(keys)}


def flows(v):
    """Each regime's flows a year against the truce with no purchases: (U.S., China)."""
    w = _welfare(v)
    truce = np.add(w["first lists"], w["now"])
    change = np.subtract(w["raised"], w["now"])
    bought = v.purchase_share * v.soybeans
    return {
        "deal": (-float(truce[0]), -float(truce[1])),  # every tariff removed
        "raise": (float(change[0]) - v.market_cost, float(change[1])),
        "raise realised": (float(change[0]), float(change[1])),
        "purchases": ((v.premium + v.farm_value) * bought, -v.premium * bought),
    }


# ------------------------------------------------------------ the clock
def clock(v):
    """(δ_U.S., δ_China, chance of a meeting per period, periods to the deadline)."""
    deltas = econ.discount_factor(v.rate, v.period_years, np.array([v.us_hazard, v.china_hazard])).delta.value
    left = (DEADLINE - DATE).days / DAYS_PER_YEAR
    return (float(deltas[0]), float(deltas[1]), -math.expm1(-v.meetings * v.period_years),
            max(1, round(left / v.period_years)))


def deal_value(v, f):
    """A deal's joint value now: the present value of its flows ``f["deal"]`` at the interest rate (no hazard)."""
    interest = float(econ.discount_factor(v.rate, v.period_years).delta.value)
    return sum(f["deal"]) * v.period_years / (1 - interest)


# ------------------------------------------------------------ bargaining on the clock
def step(pie, later, stay, deltas, meeting, us_proposes):
    """One period back: each side's value at its start, from ``later`` (the values a period on) and ``stay``
    (this period's flows while there is no deal). At a meeting the proposer offers the other its value of
    rejecting; with no gain from agreeing, nobody agrees."""
    reject = np.add(stay, np.multiply(deltas, later))
    if pie < reject.sum():
        return reject
    proposes = np.array([us_proposes, 1 - us_proposes]) * meeting
    return proposes * (pie - reject[::-1]) + (1 - proposes) * reject


def stationary(pie, stay, deltas, meeting, us_proposes):
    """The values of bargaining for ever under flows ``stay``: the fixed point of :func:`step`, solved as a
    linear system (agreement at every meeting) or, when agreeing never pays, the flows for ever."""
    d, p = np.asarray(deltas, dtype=float), np.array([us_proposes, 1 - us_proposes]) * meeting
    stay = np.asarray(stay, dtype=float)
    # V_i = p_i (pie - b_j - δ_j V_j) + (1 - p_i)(b_i + δ_i V_i)
    system = np.array([[1 - (1 - p[0]) * d[0], p[0] * d[1]], [p[1] * d[0], 1 - (1 - p[1]) * d[1]]])
    rhs = np.array([p[0] * (pie - stay[1]) + (1 - p[0]) * stay[0], p[1] * (pie - stay[0]) + (1 - p[1]) * stay[1]])
    values = np.linalg.solve(system, rhs)
    if pie >= (stay + d * values).sum():
        return values
    return stay / (1 - d)


class Solution(dict):
    """Everything the metrics and answers need, computed once: attribute access."""
    __getattr__ = dict.__getitem__


def solve(v):
    """The clock, the flows, the regimes after the deadline, the deadline's equilibrium and the values now."""
    delta_us, delta_china, meeting, periods = clock(v)
    f = flows(v)
    pie = deal_value(v, f)
    deltas = (delta_us, delta_china)

    def forever(flow):
        return stationary(pie, np.multiply(flow, v.period_years), deltas, meeting, v.us_proposes)

    regimes = {(EXTEND, BUY): forever(f["purchases"]), (EXTEND, STOP): forever((0.0, 0.0)),
               (RAISE, BUY): forever(f["raise"]), (RAISE, STOP): forever(f["raise"])}
    purchases, action = at_deadline(regimes)
    stay = np.multiply(f["purchases"], v.period_years) if purchases == BUY else np.zeros(len(PLAYERS))
    now = regimes[(action, purchases)]
    for _ in range(periods):
        now = step(pie, now, stay, deltas, meeting, v.us_proposes)
    return Solution(deltas=deltas, meeting=meeting, periods=periods, flows=f, pie=pie, regimes=regimes,
                    purchases=purchases, action=action, now=now,
                    no_deadline=stationary(pie, stay, deltas, meeting, v.us_proposes))


def at_deadline(regimes):
    """The equilibrium at the deadline by backward induction: (China's purchases, the U.S. action). The U.S.
    extends when the truce is worth at least a raise to it; China buys only when buying pays strictly."""
    def us_reply(purchases):
        return EXTEND if regimes[(EXTEND, purchases)][0] >= regimes[(RAISE, purchases)][0] else RAISE

    china = {purchases: regimes[(us_reply(purchases), purchases)][1] for purchases in (BUY, STOP)}
    purchases = BUY if china[BUY] > china[STOP] else STOP
    return purchases, us_reply(purchases)


def tree(v):
    """At the deadline with no deal: China keeps buying or stops (its purchases last only while the truce
    holds), then the U.S. extends or raises; payoffs are the values of bargaining on from there ($B)."""
    regimes = solve(v).regimes

    def us_moves(purchases):
        return ng.decision("U.S.", {action: ng.outcome(*(round(float(x), DIGITS) for x in regimes[(action, purchases)]))
                                    for action in (EXTEND, RAISE)})

    # stopping first: where buying gains China nothing, the solver's first equilibrium is the one the
    # scenario reports (China buys only when that pays strictly)
    return ng.GameTree.from_nested(PLAYERS, ng.decision("China", {STOP: us_moves(STOP), BUY: us_moves(BUY)}),
                                   title="At the deadline, no deal yet ($B, present values)")


def metrics(v):
    return measures(solve(v))


def measures(x):
    """The metrics of a :func:`solve` result (answers that hold one already need not solve again)."""
    no_deal_by_deadline = (1 - x.meeting) ** x.periods
    share = x.now / x.pie if x.pie > 0 else np.zeros(len(PLAYERS))
    return {
        "extension_is_equilibrium": x.action == EXTEND, "china_keeps_buying": x.purchases == BUY,
        "p_deal_by_deadline": float(1 - no_deal_by_deadline) if x.pie > 0 else 0.0,
        "p_extension": float(no_deal_by_deadline) if x.action == EXTEND else 0.0,
        "us_share": float(share[0]), "china_share": float(share[1]),
        "deadline_effect": float(share[0] - x.no_deadline[0] / x.pie) if x.pie > 0 else 0.0,
        "deal_value": float(x.pie), "us_raise_cost": -x.flows["raise"][0],
        "us_realised_raise_cost": -x.flows["raise realised"][0], "china_raise_cost": -x.flows["raise"][1],
        "delta_us": x.deltas[0], "delta_china": x.deltas[1],
    }


# ------------------------------------------------------------ answers
def _costs(cost) -> str:
    return f"cost {_b(cost)}" if cost >= 0 else f"gain {_b(-cost)}"


def _extend(instance):
    v = instance.values
    x = solve(v)
    m, purchases, action = measures(x), x.purchases, x.action
    verdict = "Yes" if action == EXTEND else "No"
    why = (f"a raise would {_costs(m['us_raise_cost'])} a year to the U.S. (China's answer and the markets "
           f"included; {_costs(m['us_realised_raise_cost'])} in realised welfare) and "
           f"{_costs(m['china_raise_cost'])} to China")
    if purchases == BUY:
        return (f"{verdict}, because China keeps buying: without its purchases the U.S. would raise; {why}. "
                f"The truce is extended with probability {m['p_extension']:.0%} (no deal by 1 March).")
    if action == EXTEND:
        return (f"{verdict}: the U.S. prefers the truce even without purchases; {why}. The truce is extended "
                f"with probability {m['p_extension']:.0%} (no deal by 1 March).")
    return f"{verdict}: the U.S. raises to 25% at the deadline; {why}, and purchases cannot make up for it."


def _buying(instance):
    v = instance.values
    x = solve(v)
    r = x.regimes
    if x.purchases == BUY:
        return (f"Yes: the purchases ({_b(v.purchase_share * v.soybeans)} a year) turn a raise into an extension, "
                f"and China is better off buying ({_b(r[(EXTEND, BUY)][1])}) than facing the raise "
                f"({_b(r[(RAISE, STOP)][1])}).")
    if r[(EXTEND, STOP)][0] >= r[(RAISE, STOP)][0]:
        return "No: the U.S. extends the truce anyway, so buying would only cost China and weaken its hand."
    if r[(EXTEND, BUY)][0] >= r[(RAISE, BUY)][0]:
        return (f"No: the purchases would keep the truce, but China is better off facing the raise "
                f"({_b(r[(RAISE, STOP)][1])}) than buying ({_b(r[(EXTEND, BUY)][1])}).")
    return (f"No: even with the purchases the U.S. would raise (the truce is worth {_b(r[(EXTEND, BUY)][0])} to "
            f"it, a raise {_b(r[(RAISE, BUY)][0])}), so buying would only cost China.")


def _split(instance):
    m = metrics(instance.values)
    return (f"A deal is worth {_b(m['deal_value'])} to the two sides together; it is closed before 1 March with "
            f"probability {m['p_deal_by_deadline']:.0%}. Expected values now: the U.S. {m['us_share']:.1%} of it, "
            f"China {m['china_share']:.1%} (δ a period: U.S. {m['delta_us']:.4f}, China {m['delta_china']:.4f}); "
            f"the deadline moves the U.S. share by {m['deadline_effect']:+.1%}.")


SCENARIO = ng.Scenario(
    name="march_deadline",
    title="The March 1 deadline: bargaining on a clock",
    date=DATE,
    summary=("Offers on a real clock with a random proposer, a deadline after which tariffs on $200B rise from 10% "
             "to 25% unless the U.S. extends the truce, and China's soybean purchases as a conditional move."),
    players=PLAYERS,
    moves={"U.S.": ("propose a deal", "extend the truce or raise to 25%"),
           "China": ("propose a deal", "keep buying soybeans while the truce holds, or stop")},
    parameters=PARAMETERS,
    sources=(S.OUTLAST, S.MARCH_1, S.SUMMIT, S.SOYBEANS),
    tree=tree, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Is extending the truce an equilibrium?", _extend, "extension_is_equilibrium",
                    "extending the truce is an equilibrium"),
        ng.Question("Does China keep buying during the truce?", _buying, "china_keeps_buying",
                    "China keeps buying"),
        ng.Question("How is a deal's value split, and how likely is a deal by 1 March?", _split),
    ),
)
