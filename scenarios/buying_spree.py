"""The six-year buying spree, January 2019: can the offered path be delivered, and fast enough for the U.S.?

China offered to raise imports from the U.S. by more than $1T over six years,
taking its surplus ($323B, Chinese data) to zero by 2024: imports from $155B
to about $600B, a ramp of about $74B a year. The U.S. demanded two years.

Each year's purchases go through the purchase-pledge block
(``econ.purchase_pledge``), the one the May 2018 pledge scenario uses: the
increase is met by diverting U.S. exports from other buyers (at most what
China buys from third countries that the U.S. could supply), then by new U.S.
output. New capacity is assumed to be added at a steady pace, so after ``t``
years the headroom is ``t`` times the first year's: a modelling choice (a
real investment path lags, then accelerates) stated here because the verdicts
turn on it.

* **Perceived** (decisions): the U.S. accepts a commitment to clear the
  surplus in ``T`` years iff the cut delivered by its own deadline clears the
  surplus; China accepts iff its cost in the year the ramp peaks (the premium
  on what is delivered, plus the political cost of the shortfall) stays below
  its stake: what the U.S. tariffs in force after 1 March (25% on $50B, and
  on $200B once the scheduled rise takes effect) would cost its exporters
  (``econ.tariff``), all of which a deal is assumed to remove.
* **Realised** (welfare): ``us_gain`` and ``china_cost`` from the block.
"""

import datetime

import numpy as np

import negotiation as ng

from . import _sources as S, _stakes, _supply
from ._words import money as _b, sentence

DATE = datetime.date(2019, 1, 18)
PLAYERS = ("U.S.", "China")
NEVER = 100.0  # yr: "years to clear" is reported as this when new capacity never closes the gap


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


#: China's offer of January 2019, shared with ``bilateral_vs_global``.
OFFER = (
    _fact("baseline", "china_imports_from_us_2018_chinese_data", "what China buys from the U.S. (Chinese data)"),
    _fact("offer_imports", "china_offer_imports_2024", "China's offered import level at the end of the path"),
    _fact("offer_years", "china_offer_years", "the offered path's length", whole=True),
    _fact("surplus", "china_surplus_2018_chinese_data", "the surplus to be cleared; U.S. data say more",
          prior="triangular"),
)

PARAMETERS = (
    *OFFER,
    _fact("us_years", "us_demanded_years", "the U.S. deadline for clearing the surplus"),
    *_supply.parameters(DATE),
    *_stakes.parameters(DATE),
    _supply.SHORTFALL_COST,
)

METRICS = (
    ng.Metric("path_credible", "yes/no", "every year of China's offered path can be delivered"),
    ng.Metric("clears_in_us_years", "yes/no", "deliverable purchases clear the surplus by the U.S. deadline"),
    ng.Metric("deal_exists", "yes/no", "some clearing date is acceptable to both"),
    ng.Metric("max_deliverable_total", "$B", "the most that can be delivered in extra purchases over the offered "
              "years"),
    ng.Metric("offer_total", "$B", "the extra purchases China's path pledges over those years"),
    ng.Metric("first_short_year", "yr", "the first year of the offered path that cannot be delivered (0 if none)"),
    ng.Metric("years_to_clear", "yr", "how long deliverable purchases take to clear the surplus at the steady "
              "pace of new capacity (100 if they never do)"),
    ng.Metric("china_stake", "$B/yr", "what the U.S. tariffs after 1 March would cost Chinese exporters"),
)


def deliverable(v, year, increase):
    """The block's split of ``increase`` ($B/yr over the baseline) in ``year`` of the path."""
    return _supply.flows(v, increase, year)


def most_in(v, year):
    """The largest increase that can be delivered in ``year``."""
    return _supply.most_deliverable(v, year)


def offered(v, year):
    """China's offered increase in ``year``: a straight ramp to the offered import level."""
    return (v.offer_imports - v.baseline) * year / v.offer_years


def years(v):
    return np.arange(1, int(v.offer_years) + 1)


china_stake = _stakes.china_stake


def years_to_clear(v):
    """When the deliverable increase first reaches the surplus, new capacity growing steadily; NEVER if it cannot."""
    gap = v.surplus - most_in(v, 0)
    if gap <= 0:
        return 0.0
    return float(min(gap / v.headroom, NEVER)) if v.headroom > 0 else NEVER


def _peak_cost(v, clear_in):
    """China's perceived cost in the year a ramp clearing the surplus in ``clear_in`` years peaks."""
    return _supply.china_cost(v, deliverable(v, clear_in, v.surplus))


def _cut_by_deadline(v, clear_in):
    """The cut delivered by the U.S. deadline on a straight ramp clearing the surplus in ``clear_in`` years."""
    pledged = v.surplus * np.minimum(v.us_years / clear_in, 1)
    return np.minimum(pledged, most_in(v, v.us_years))


def deal(v):
    stake = china_stake(v)
    return ng.deal_range({"U.S.": lambda t: _cut_by_deadline(v, t) - v.surplus,
                          "China": lambda t: stake - _peak_cost(v, t)},
                         {"U.S.": 0, "China": 0}, bounds=(1, v.offer_years), variable="years to clear", unit=" yr")


def metrics(v):
    path = years(v)
    most, offer = most_in(v, path), offered(v, path)  # every year at once: the block takes arrays
    short = [int(t) for t, o, m in zip(path, offer, most) if o > m]
    clears = bool(most_in(v, v.us_years) >= v.surplus)
    return {
        "path_credible": not short,
        "clears_in_us_years": clears,
        "deal_exists": clears and not deal(v).empty,  # the U.S. accepts nothing unless the surplus clears in time
        "max_deliverable_total": float(most.sum()),
        "offer_total": float(offer.sum()),
        "first_short_year": float(short[0] if short else 0),
        "years_to_clear": years_to_clear(v),
        "china_stake": float(china_stake(v)),
    }



def _two_years(instance):
    v = instance.values
    most = most_in(v, v.us_years)
    verdict = "Yes" if most >= v.surplus else "No"
    return (f"{verdict}: by year {v.us_years:g} at most {_b(most)} a year of extra purchases can be delivered "
            f"(diversion plus {v.us_years:g} years of new capacity), against a surplus of {_b(v.surplus)}; "
            f"at the same pace of new capacity, deliverable purchases would clear it in {_years(v)}.")


def _years(v):
    taken = years_to_clear(v)
    return "more than a century" if taken >= NEVER else f"{taken:.3g} years"


def _path(instance):
    v = instance.values
    m = metrics(v)
    verdict = "Yes" if m["path_credible"] else "No"
    first = (f" The first year that falls short is year {m['first_short_year']:g}: {_b(offered(v, m['first_short_year']))} "
             f"pledged against {_b(most_in(v, m['first_short_year']))} deliverable." if m["first_short_year"] else "")
    return (f"{verdict}: the path pledges {_b(m['offer_total'])} of extra purchases over {v.offer_years:g} years; "
            f"at most {_b(m['max_deliverable_total'])} can be delivered.{first}")


def _deal(instance):
    v = instance.values
    zone = deal(v)
    verdict = "No" if zone.empty else "Yes"
    return (f"{verdict}. {sentence(zone)}. China's stake, what the tariffs after 1 March would cost its exporters, is "
            f"{_b(china_stake(v))} a year.")


SCENARIO = ng.Scenario(
    name="buying_spree",
    title="The six-year buying spree",
    date=DATE,
    summary=("China offers more than $1T of extra imports over six years to clear its $323B surplus by 2024; "
             "the U.S. demands two years."),
    players=PLAYERS,
    moves={"U.S.": ("accept a path", "reject"), "China": ("years to clear", "purchases each year")},
    parameters=PARAMETERS,
    sources=(S.SPREE, S.TWO_YEARS, S.IMPORT_PATH, S.STRETCH_50, S.FULL_CAPACITY),
    deal=deal, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Can the surplus be cleared in the two years the U.S. demands?", _two_years,
                    "clears_in_us_years", "the surplus can be cleared by the U.S. deadline"),
        ng.Question("Can China's six-year path be delivered?", _path, "path_credible", "the path can be delivered"),
        ng.Question("Is there a clearing date both accept?", _deal, "deal_exists", "a deal exists"),
    ),
)
