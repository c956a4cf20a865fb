"""Enforcement, January 2019: does a deal hold when compliance is read with noise, and under which regime?

China had walked away from similar MOUs; the U.S. called enforceability
"foundational" but had not agreed internally on a mechanism; China floated
arbitration tribunals. A repeated game: each review period China complies
(buys the deliverable target and keeps its structural commitments) or walks
away, and the U.S. reads its purchases with noise.

* **Patience** comes from an interest rate (OMB's 3-7% real rate), a stated
  review period and a political hazard (a government drops the deal anyway),
  through ``econ.discount_factor``: δ = (1+r)^(-Δ)·(1-h)^Δ per period.
* **Payoffs**, in $B a year against no deal (the tariffs after 1 March in
  force): complying gains China its stake (the tariffs removed, from the
  tariff block) less its compliance cost (the premium on the deliverable
  purchases, from the pledge block, plus a labelled political cost of the
  structural commitments); walking away gains it the stake for the period
  with no cost; a punished period gains nothing.
* **Imperfect public monitoring.** Observed purchases are the true ones plus
  normal noise (a share of the target). A breach is declared when they fall
  short of the target by more than ``tolerance``: a compliant China is
  punished with probability α (a false alarm), a defecting one (buying none
  of the target) with probability β.
* **Regimes.** A memorandum of understanding: a declared breach ends the deal.
  Unilateral snap-back: the U.S. re-imposes the tariffs for a finite
  punishment phase, then the deal resumes. Arbitration: a tribunal's award
  per declared breach, and the deal goes on.

Compliance is self-enforcing when the cost of one period's compliance is at
most δ·(β - α)·(what a declared breach takes away), and China prefers the deal
to none. ``p_survives_year`` is the chance the deal is in force and kept a year
on: zero when it is not self-enforcing (China walks away at once).
"""

import datetime
from statistics import NormalDist

import negotiation as ng
from negotiation import econ

from . import _sources as S, _stakes, _supply
from ._words import money as _b

DATE = datetime.date(2019, 1, 31)
PLAYERS = ("U.S.", "China")
NORMAL = NormalDist()
REGIMES = ("memorandum of understanding", "unilateral snap-back", "arbitration")
MOU, SNAPBACK, ARBITRATION = REGIMES


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *_stakes.parameters(DATE),
    _fact("baseline", "us_exports_to_china_2017", "what China already buys from the U.S."),
    *_supply.parameters(DATE),
    _fact("rate", "government_discount_rate", "the annual real rate at which the future is discounted",
          prior="uniform"),
    _fact("noise", "purchase_monitoring_noise", "the error in reading China's purchases, as a share of the target",
          prior="triangular"),
    ng.Parameter("structural_cost", 10, "$B/yr", 0, 40, "political term, illustrative: no published estimate",
                 "$B-equivalent a year: China's perceived cost of keeping its structural commitments",
                 prior=("uniform", 0, 30), political=True),
    ng.Parameter("hazard", 0.125, "1/yr", 0, 0.5, "political term; seed 003: would it last into another "
                 "administration?", "chance each year that a government drops the deal whatever happens; 1/8 is "
                 "one change in eight years", prior=("uniform", 0, 0.25), political=True),
    ng.Parameter("period_years", 0.25, "yr", 1 / 12, 1, "modelling choice", "how often compliance is reviewed",
                 choice=True),
    ng.Parameter("tolerance", 0.2, "fraction", 0, 0.9, "modelling choice: a regime's trigger",
                 "a shortfall below this share of the target is not declared a breach", choice=True),
    ng.Parameter("snapback_years", 1, "yr", 0.25, 5, "modelling choice: a regime's design",
                 "how long the U.S. re-imposes the tariffs after a declared breach under snap-back", choice=True),
    ng.Parameter("award", 10, "$B", 0, 100, "modelling choice: a regime's design (seed 003: arbitration "
                 "tribunals)", "what an arbitration award costs China per declared breach", choice=True),
)

METRICS = (
    ng.Metric("self_enforcing", "yes/no", "compliance is self-enforcing under a memorandum of understanding"),
    ng.Metric("snapback_self_enforcing", "yes/no", "compliance is self-enforcing under unilateral snap-back"),
    ng.Metric("arbitration_self_enforcing", "yes/no", "compliance is self-enforcing under arbitration"),
    ng.Metric("p_survives_year", "fraction", "chance an MOU is in force and kept a year on"),
    ng.Metric("p_survives_year_snapback", "fraction", "chance a snap-back deal is in force, kept and not "
              "suspended a year on"),
    ng.Metric("p_survives_year_arbitration", "fraction", "chance an arbitrated deal is in force and kept a year on"),
    ng.Metric("delta", "fraction", "the discount factor per review period (interest and hazard)"),
    ng.Metric("false_alarm", "fraction", "chance per period that a compliant China is declared in breach"),
    ng.Metric("compliance_cost", "$B/yr", "China's cost of complying: purchase premium plus structural commitments"),
    ng.Metric("china_stake", "$B/yr", "what the tariffs after 1 March would cost Chinese exporters"),
)


def target(v):
    """The purchases China is asked for: the most that can be delivered (the pledge block)."""
    return _supply.most_deliverable(v)


def compliance_cost(v):
    """China's cost a year of complying: the premium on the target purchases plus the structural commitments."""
    return v.premium * target(v) + v.structural_cost


def delta(v):
    return float(econ.discount_factor(v.rate, v.period_years, v.hazard).delta.value)


def detection(v):
    """(α, β): the chance per period that a breach is declared when China complies, and when it buys nothing."""
    if v.noise <= 0:
        return 0.0, 1.0
    return NORMAL.cdf(-v.tolerance / v.noise), NORMAL.cdf((1 - v.tolerance) / v.noise)


def terms(v, stake=None):
    """What every regime's test reads, computed once a draw: China's stake and compliance cost ($B/yr), δ,
    and the detection chances (α, β)."""
    stake = _stakes.china_stake(v) if stake is None else stake
    return {"stake": stake, "cost": compliance_cost(v), "delta": delta(v), "detection": detection(v)}


def stage_payoffs(v, known=None):
    """China's per-period payoffs against no deal: complying, walking away, being punished ($B per period).
    (``known``: :func:`terms`, when the caller has them already.)"""
    k = known or terms(v)
    return (k["stake"] - k["cost"]) * v.period_years, k["stake"] * v.period_years, 0.0


def punishment_periods(v):
    return max(1, round(v.snapback_years / v.period_years))


def values(v, regime, known=None):
    """(value of the deal on the compliant path, what a declared breach takes away), in $B, per regime."""
    k = known or terms(v)
    comply, _, _ = stage_payoffs(v, k)
    d = k["delta"]
    alpha, _ = k["detection"]
    if regime == MOU:
        value = comply / (1 - d * (1 - alpha))
        return value, value
    if regime == SNAPBACK:
        t = punishment_periods(v)
        value = comply / (1 - d * (1 - alpha) - alpha * d ** (t + 1))
        return value, value * (1 - d ** t)
    value = (comply - d * alpha * v.award) / (1 - d)
    return value, v.award


def self_enforcing(v, regime, known=None):
    """China prefers the deal to none, and one period's walking away does not pay."""
    k = known or terms(v)
    comply, walk, _ = stage_payoffs(v, k)
    alpha, beta = k["detection"]
    value, at_stake = values(v, regime, k)
    return value >= 0 and walk - comply <= k["delta"] * (beta - alpha) * at_stake


def survival_if_kept(v, regime, known=None):
    """The chance a complied-with deal is in force a year on: no hazard, and (but under arbitration, where an
    award does not end or suspend the deal) no false alarm in the year's reviews."""
    alpha, _ = known["detection"] if known else detection(v)
    no_false_alarm = 1.0 if regime == ARBITRATION else (1 - alpha) ** (1 / v.period_years)
    return (1 - v.hazard) * no_false_alarm


def p_survives_year(v, regime, known=None):
    """The chance the deal is in force and kept a year on (0 when China walks away at once)."""
    k = known or terms(v)
    return survival_if_kept(v, regime, k) if self_enforcing(v, regime, k) else 0.0


def matrix(v):
    """One review period against no deal, realised welfare ($B/yr): the U.S. gives up its tariff gain in a deal."""
    stake, cost = _stakes.china_stake(v), compliance_cost(v)
    us_purchases = float(_supply.flows(v, target(v))["us_gain"])
    tariffs_gain = _stakes.us_tariff_welfare(v)
    return ng.NormalFormGame.from_outcomes({
        ("Keep tariffs off", "Comply"): (us_purchases - tariffs_gain, stake - cost),
        ("Keep tariffs off", "Walk away"): (-tariffs_gain, stake),
        ("Snap back", "Comply"): (us_purchases, -cost),
        ("Snap back", "Walk away"): (0.0, 0.0),
    }, players=PLAYERS, title="One year of the deal against no deal ($B/yr)")


def metrics(v):
    k = terms(v)
    alpha, _ = k["detection"]
    holds = {regime: self_enforcing(v, regime, k) for regime in REGIMES}
    survives = {regime: survival_if_kept(v, regime, k) if holds[regime] else 0.0 for regime in REGIMES}
    return {
        "self_enforcing": holds[MOU], "snapback_self_enforcing": holds[SNAPBACK],
        "arbitration_self_enforcing": holds[ARBITRATION],
        "p_survives_year": survives[MOU], "p_survives_year_snapback": survives[SNAPBACK],
        "p_survives_year_arbitration": survives[ARBITRATION],
        "delta": k["delta"], "false_alarm": alpha,
        "compliance_cost": float(k["cost"]), "china_stake": float(k["stake"]),
    }


def _holds(regime):
    def answer(instance):
        v = instance.values
        comply, walk, _ = stage_payoffs(v)
        alpha, beta = detection(v)
        value, at_stake = values(v, regime)
        verdict = "Yes" if self_enforcing(v, regime) else "No"
        if value < 0:
            return (f"{verdict}: complying costs China {_b(compliance_cost(v))} a year, more than the "
                    f"{_b(_stakes.china_stake(v))} the tariffs would cost it: it prefers no deal.")
        return (f"{verdict}: walking away gains China {_b(walk - comply)} a period; a declared breach takes away "
                f"{_b(at_stake)}, declared with probability {beta:.0%} after a breach and {alpha:.1%} after "
                f"compliance, discounted at δ = {delta(v):.3f} a period: the future at risk is "
                f"{_b(delta(v) * (beta - alpha) * at_stake)}.")
    return answer


def _survival(instance):
    v = instance.values
    parts = [f"{regime}: {p_survives_year(v, regime):.0%}" for regime in REGIMES]
    return "A year on, the deal is in force and kept with probability " + "; ".join(parts) + "."


SCENARIO = ng.Scenario(
    name="enforcement",
    title="Enforcement: MOU, snap-back or arbitration",
    date=DATE,
    summary=("A repeated game of compliance read with noise: whether a deal is self-enforcing, and how likely it "
             "is to last a year, under an MOU, unilateral snap-back and arbitration."),
    players=PLAYERS,
    moves={"U.S.": ("keep tariffs off", "snap back"), "China": ("comply", "walk away")},
    parameters=PARAMETERS,
    sources=(S.MOU, S.ENFORCEABLE, S.ARBITRATION),
    matrix=matrix, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Does a memorandum of understanding hold?", _holds(MOU), "self_enforcing",
                    "an MOU is self-enforcing"),
        ng.Question("Does unilateral snap-back hold?", _holds(SNAPBACK), "snapback_self_enforcing",
                    "snap-back is self-enforcing"),
        ng.Question("Does arbitration hold?", _holds(ARBITRATION), "arbitration_self_enforcing",
                    "arbitration is self-enforcing"),
        ng.Question("How likely is the deal to last a year under each regime?", _survival),
    ),
)
