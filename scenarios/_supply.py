"""What U.S. supply can deliver of a purchase pledge: the facts and the one call to the pledge block.

Shared by the scenarios whose pledges draw on U.S. goods in general (the May
2018 pledges, the buying spree, enforcement): China's extra purchases are met
by diverting U.S. exports from other buyers (at most Bown's pool of China's
third-country imports) and then by new output, ``years`` times the first
year's headroom after ``years`` years of investment.
"""

import numpy as np

import negotiation as ng
from negotiation import econ

#: China's reputational cost of pledging what it does not deliver: a political term.
SHORTFALL_COST = ng.Parameter(
    "shortfall_cost", 0.05, "$B-eq per $B", 0, 0.5, "political term, illustrative: no published estimate",
    "China's reputational cost of each $B a year pledged and not delivered", prior=("uniform", 0, 0.2),
    political=True)


def parameters(date):
    """The supply facts, bound for a scenario dated ``date`` (look-ahead refused)."""
    def fact(name, key, reason, **options):
        return ng.Parameter.from_fact(name, key, date, reason, **options)

    return (
        fact("us_goods_exports", "us_goods_exports_2017", "U.S. goods exports to everyone: less the baseline, the "
             "exports to other buyers that could be diverted"),
        fact("divertible", "china_imports_divertible_to_us", "China's imports from third countries that the U.S. "
             "could supply instead (Airbus planes, Brazil's soybeans)", prior="triangular"),
        fact("headroom", "us_export_headroom_short_run", "new U.S. output for export within a year; t years of "
             "investment give t times this", prior="triangular"),
        fact("premium", "purchase_premium", "what China pays above the displaced supplier's price",
             prior="triangular"),
    )


def flows(v, increase, years=1):
    """The pledge block's split of ``increase`` ($B/yr over ``v.baseline``; a number or an array) after
    ``years`` of new capacity."""
    return econ.pledge_flows(pledge=v.baseline + increase, baseline=v.baseline,
                             us_exports_elsewhere=v.us_goods_exports - v.baseline,
                             china_imports_from_others=v.divertible, new_output_cap=v.headroom * years,
                             premium=v.premium)


def most_deliverable(v, years=1):
    """The largest increase that can be delivered after ``years`` of new capacity ($B/yr; a number, or an
    array for an array of years)."""
    most = flows(v, 0, years)["max_deliverable_pledge"] - v.baseline
    return float(most) if np.ndim(most) == 0 else most  # an array of years gives an array


def china_cost(v, flows):
    """China's perceived cost of a pledge ($B/yr): the premium on what is delivered plus the political cost of
    the shortfall."""
    return flows["china_cost"] + v.shortfall_cost * flows["shortfall"]


def kinks(v, years=1):
    """The increases where the block's split changes slope: where diversion runs out, and then new output.
    Between them every flow, and so every payoff built linearly from the flows, is linear in the increase."""
    return np.array([0.0, most_deliverable(v, 0), most_deliverable(v, years)])


def largest_accepted(payoff, v, upper, years=1):
    """The largest increase in [0, ``upper``] at which ``payoff`` is at least 0, or None when there is none.

    ``payoff`` must be non-increasing and linear between the :func:`kinks` (China's payoff from a pledge is):
    it is evaluated once, on the kinks as an array, and the root interpolated on the one segment where its
    sign changes, which is exact where a bisection would take forty evaluations to get close.
    """
    xs = np.unique(np.clip(np.append(kinks(v, years), upper), 0, upper))
    ys = np.asarray(payoff(xs), dtype=float)
    if ys[-1] >= 0:
        return float(upper)
    if ys[0] < 0:
        return None
    i = np.flatnonzero(ys >= 0)[-1]
    return float(xs[i] + ys[i] * (xs[i + 1] - xs[i]) / (ys[i] - ys[i + 1]))
