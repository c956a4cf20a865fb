"""Semiconductors and relabelling, February 2019: what is a $200B chip pledge worth?

China proposed $200B of U.S. chip purchases over six years, five times the
current level (about $6.5B a year), partly by moving the assembly of U.S.
chips from Mexico and Malaysia into China so that they count as U.S. exports
to China. Relabelled chips change the bilateral balance but not the trade in
U.S. value added; the headline overstates the pledge.

Each year's purchases (a sixth of the headline) go through the purchase-pledge
block (``econ.purchase_pledge``), as in the other purchase scenarios: the
increase over the baseline is first relabelled (a share ``relabelled_share``),
then diverted from other buyers of U.S.-made chips, then met by new U.S.
output (the short-run headroom, growing steadily: ``t`` times the first year's
after ``t`` years); the rest is a shortfall. China's chip imports from third
countries are far larger than the U.S. chips it could divert, so only the
U.S. side of the diversion pool binds.

* **Perceived** (decisions): the U.S. accepts a headline whose *real* part
  (diverted plus new, a year on average) reaches its reservation, a political
  term; China accepts a headline whose cost (the premium on the real part,
  plus the political cost of the shortfall; relabelling is nearly free) is
  below its stake, what the U.S. tariffs after 1 March would cost its
  exporters.
* **Realised** (welfare): ``us_gain`` and ``china_cost`` from the block.
"""

import datetime

import numpy as np

import negotiation as ng
from negotiation import econ

from . import _sources as S, _stakes, _supply
from ._words import money as _b, sentence

DATE = datetime.date(2019, 2, 14)
PLAYERS = ("U.S.", "China")


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    _fact("headline", "chip_pledge_headline", "the headline: U.S. chip sales to China over the pledge's years"),
    _fact("pledge_years", "chip_pledge_years", "the pledge's length", whole=True),
    _fact("baseline", "us_chip_exports_to_china", "U.S. chip exports to China now", prior="triangular"),
    _fact("relabelled_share", "chip_relabelled_share", "share of the increase that is assembly moved into China "
          "rather than new trade", prior="uniform"),
    _fact("divertible", "chip_divertible", "U.S.-made chips now sold to other buyers that China could take",
          prior="triangular"),
    _fact("headroom", "chip_headroom_short_run", "new U.S. chip output for export in the first year",
          prior="triangular"),
    _fact("premium", "purchase_premium", "what China pays above the displaced supplier's price",
          prior="triangular"),
    *_stakes.parameters(DATE),
    ng.Parameter("us_reservation", 10, "$B/yr", 0, 40, "political term, illustrative: no published estimate",
                 "$B-equivalent a year: the real (not relabelled) increase in chip sales the U.S. needs from this "
                 "part of a deal", prior=("uniform", 0, 30), political=True),
    _supply.SHORTFALL_COST,
)

METRICS = (
    ng.Metric("headline_in_deal_range", "yes/no", "the headline pledge is acceptable to both"),
    ng.Metric("new_output_share", "fraction", "share of the headline increase that is new U.S. output"),
    ng.Metric("real_share", "fraction", "share of the headline increase that is real (diverted or new), not "
              "relabelled or undelivered"),
    ng.Metric("relabelled_total", "$B", "relabelled chips over the pledge's years"),
    ng.Metric("shortfall_total", "$B", "pledged and not deliverable over the pledge's years"),
    ng.Metric("real_a_year", "$B/yr", "the real increase a year, on average"),
    ng.Metric("us_gain_a_year", "$B/yr", "realised U.S. welfare from the headline pledge, a year on average"),
)


def flows(v, headline):
    """The block's split, year by year, of a headline total spread evenly over the pledge's years."""
    per_year = np.asarray(headline, dtype=float) / v.pledge_years
    return [econ.pledge_flows(pledge=np.maximum(per_year, v.baseline), baseline=v.baseline,
                                 us_exports_elsewhere=v.divertible, china_imports_from_others=None,
                                 new_output_cap=v.headroom * year, premium=v.premium,
                                 relabelled_share=v.relabelled_share)
            for year in range(1, int(v.pledge_years) + 1)]


def total(years, name):
    """A block output summed over the years of the pledge."""
    return sum(d[name] for d in years)


def real_a_year(v, years):
    return (total(years, "diverted") + total(years, "new_output")) / v.pledge_years


china_stake = _stakes.china_stake


def china_cost(v, years):
    """China's perceived cost a year: the premium on the real part plus the political cost of the shortfall."""
    return (total(years, "china_cost") + v.shortfall_cost * total(years, "shortfall")) / v.pledge_years


def payoffs(v):
    """Each side's perceived surplus over its disagreement point, as a function of the headline."""
    stake = china_stake(v)
    return {"U.S.": lambda h: real_a_year(v, flows(v, h)) - v.us_reservation,
            "China": lambda h: stake - china_cost(v, flows(v, h))}


def deal(v):
    return ng.deal_range(payoffs(v), {"U.S.": 0, "China": 0}, bounds=(0, v.headline), variable="headline pledge",
                         unit="B")


def metrics(v):
    years = flows(v, v.headline)
    increase = total(years, "increase")
    share = (lambda x: float(x / increase)) if increase > 0 else (lambda x: 0.0)
    return {  # a point is in the deal range iff both accept it: no need to find the whole range
        "headline_in_deal_range": all(payoff(v.headline) >= 0 for payoff in payoffs(v).values()),
        "new_output_share": share(total(years, "new_output")),
        "real_share": share(total(years, "diverted") + total(years, "new_output")),
        "relabelled_total": float(total(years, "relabelled")),
        "shortfall_total": float(total(years, "shortfall")),
        "real_a_year": float(real_a_year(v, years)),
        "us_gain_a_year": float(total(years, "us_gain") / v.pledge_years),
    }


def _worth(instance):
    v = instance.values
    m = metrics(v)
    years = flows(v, v.headline)
    return (f"Of the {_b(total(years, 'increase'))} increase over the current {_b(v.baseline)} a year, "
            f"{_b(m['relabelled_total'])} is relabelled assembly, {_b(total(years, 'diverted'))} diverted from other "
            f"buyers, {_b(total(years, 'new_output'))} new U.S. output ({m['new_output_share']:.0%}) and "
            f"{_b(m['shortfall_total'])} cannot be delivered. Real value to the U.S.: {_b(m['real_a_year'])} a year "
            f"of extra sales ({m['real_share']:.0%} of the increase); realised welfare {_b(m['us_gain_a_year'])} a "
            "year.")


def _inside(instance):
    v = instance.values
    m = metrics(v)
    verdict = "Yes" if m["headline_in_deal_range"] else "No"
    return (f"{verdict}: the headline's real part is {_b(m['real_a_year'])} a year against a U.S. reservation of "
            f"{_b(v.us_reservation)}; China's stake is {_b(china_stake(v))} a year. {sentence(deal(v))}.")


SCENARIO = ng.Scenario(
    name="semiconductors",
    title="Semiconductors and relabelling",
    date=DATE,
    summary=("$200B of U.S. chips over six years, five times current sales, partly by moving assembly into "
             "China; the headline value against the value added."),
    players=PLAYERS,
    moves={"U.S.": ("accept a chip pledge",), "China": ("headline pledge", "end the vehicle subsidy")},
    parameters=PARAMETERS,
    sources=(S.CHIPS, S.RELABEL, S.VEHICLES),
    deal=deal, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("What is the $200B pledge worth to the U.S.?", _worth),
        ng.Question("Is the $200B headline inside the deal range?", _inside, "headline_in_deal_range",
                    "the headline is inside the deal range"),
    ),
)
