"""The bilateral against the global balance, January 2019: what does clearing the surplus with China change?

China offered to raise imports from the U.S. until its surplus (\\$323B,
Chinese data) reached zero in 2024. Economists answered that buying from the
U.S. instead of Brazil shifts imbalances to other countries, and that the gap
is "sustained in large part by U.S. demand": the savings-rate view.

Two accounts, one after the other:

1. **Trade accounting** (the purchase-pledge block, ``econ.pledge_flows``):
   an increase in China's purchases is met by diverting U.S. exports from
   other buyers, then by new U.S. output (``years`` times the first year's
   headroom after ``years`` years). The bilateral balance improves by all
   that is delivered; diversion only moves U.S. exports between buyers.
2. **The savings-rate view**: the global balance is national saving less
   investment. At full capacity (seed 000), new output sold to China raises
   income; only the share of that income that is saved (``saved``, an
   assumption) improves the global balance. The spent part draws in
   imports or crowds out other exports. So

   global cut = saved × new output;  shifted to other partners = bilateral
   cut − global cut.

The deal form is the bargain over the increase China buys in the offer's
last year (2024), up to what can be delivered. The U.S. counts a mix of the two balances, weighted by the
political term ``global_weight`` (0: the bilateral cut, as the President's
demand was put), and needs its May 2018 demand of a \\$100B cut; China pays
the premium on what is delivered plus the political cost of the shortfall,
against its stake: what the U.S. tariffs after 1 March would cost its
exporters (the tariff block).

* **Perceived** (decisions): the counted cut against the U.S. reservation;
  China's cost against its stake.
* **Realised** (welfare): the U.S. gains the premium on diverted goods and
  the producer surplus on new output (``us_gain``); the balances are not
  welfare and are reported only as what each side counts.
"""

import datetime

import negotiation as ng

from . import _sources as S, _stakes, _supply, buying_spree as _spree
from ._words import money as _b, sentence

DATE = datetime.date(2019, 1, 18)
PLAYERS = ("U.S.", "China")


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *_spree.OFFER,
    _fact("global_deficit", "us_current_account_deficit_2017", "the U.S. global balance: saving less investment"),
    _fact("saved", "export_income_saved", "the share of income from extra exports that is saved, and so moves "
          "the global balance", prior="triangular"),
    _fact("us_reservation", "us_demanded_cut_may_2018", "the counted cut the U.S. needs from a deal: its May 2018 "
          "demand", prior=("uniform", 50, 200)),
    *_supply.parameters(DATE),
    *_stakes.parameters(DATE),
    _supply.SHORTFALL_COST,
    ng.Parameter("global_weight", 0, "fraction", 0, 1, "political term, a choice of measure: the U.S. demand was "
                 "put as a bilateral cut (seed 000)", "weight the U.S. puts on the global cut (1) against the "
                 "bilateral cut (0)", political=True),
)

METRICS = (
    ng.Metric("bilateral_cut", "$B/yr", "how much the offer, as far as it can be delivered, cuts the bilateral "
              "deficit in its last year"),
    ng.Metric("global_cut", "$B/yr", "how much it cuts the global deficit in that year: the saved share of the "
              "new output"),
    ng.Metric("global_share", "fraction", "the global cut as a share of the bilateral cut"),
    ng.Metric("shifted_to_others", "$B/yr", "the part of the bilateral cut that reappears as larger deficits "
              "with other partners"),
    ng.Metric("global_deficit_after", "$B/yr", "the U.S. global deficit after the offer's last year"),
    ng.Metric("offer_clears_bilateral", "yes/no", "what can be delivered of the offer clears the bilateral "
              "surplus"),
    ng.Metric("deal_exists", "yes/no", "some increase is acceptable to both, counting the balances as "
              "global_weight says"),
    ng.Metric("deal_counting_global", "yes/no", "some increase is acceptable to both when the U.S. counts the "
              "global cut only"),
    ng.Metric("us_gain", "$B/yr", "realised U.S. welfare from the delivered offer in its last year"),
)


def offered_increase(v):
    """The increase China offers for the path's last year ($B/yr over the baseline)."""
    return v.offer_imports - v.baseline


def flows(v, increase):
    """The pledge block's split of ``increase`` in the offer's last year (after that many years of capacity)."""
    return _supply.flows(v, increase, v.offer_years)


def cuts(v, increase):
    """(bilateral cut, global cut) in $B/yr: the savings-rate view scales the block's new output."""
    split = flows(v, increase)
    return split["bilateral_balance_change"], v.saved * split["new_output"]


def counted(v, increase, weight):
    bilateral, world = cuts(v, increase)
    return (1 - weight) * bilateral + weight * world


def payoffs(v, weight=None):
    """Each side's perceived surplus over no deal, as functions of the increase, the U.S. counting with
    ``weight`` on the global cut (default: ``global_weight``)."""
    weight = v.global_weight if weight is None else weight
    stake = _stakes.china_stake(v)
    return {"U.S.": lambda x: counted(v, x, weight) - v.us_reservation,
            "China": lambda x: stake - _supply.china_cost(v, flows(v, x))}


def most_deliverable(v):
    """The largest increase that can be delivered in the offer's last year ($B/yr)."""
    return _supply.most_deliverable(v, v.offer_years)


def deal(v, weight=None):
    """The bargain over increases up to what can be delivered: a pledge beyond that is never met."""
    top = min(max(offered_increase(v), 0), most_deliverable(v))
    return ng.deal_range(payoffs(v, weight), {"U.S.": 0, "China": 0}, bounds=(0, top),
                         variable="deliverable increase in the last year", unit="B")


def least_accepted(v, weight):
    """The smallest increase whose counted cut meets the U.S. reservation, in closed form (None if none does).

    The counted cut is (1 - w)·x + w·s·max(x - D, 0) below the supply cap, D being the diversion pool: linear
    up to D, steeper or flatter after it."""
    pool = float(flows(v, 0)["max_deliverable_pledge"] - v.baseline) - v.headroom * v.offer_years
    need = v.us_reservation
    if (1 - weight) * pool >= need:
        x = need / (1 - weight) if need > 0 else 0.0
    else:
        slope = (1 - weight) + weight * v.saved
        x = (need + weight * v.saved * pool) / slope if slope > 0 else float("inf")
    return x if x <= most_deliverable(v) else None


def deal_exists(v, weight):
    """The U.S. gains with the increase and China loses, so a deal exists iff China accepts the least increase
    the U.S. accepts (and that increase is offered)."""
    x = least_accepted(v, weight)
    return x is not None and x <= max(offered_increase(v), 0) and bool(payoffs(v, weight)["China"](x) >= 0)


def metrics(v):
    increase = max(offered_increase(v), 0)
    bilateral, world = (float(x) for x in cuts(v, increase))
    return {
        "bilateral_cut": bilateral,
        "global_cut": world,
        "global_share": world / bilateral if bilateral > 0 else 0.0,
        "shifted_to_others": bilateral - world,
        "global_deficit_after": v.global_deficit - world,
        "offer_clears_bilateral": bool(bilateral >= v.surplus),
        "deal_exists": deal_exists(v, v.global_weight),
        "deal_counting_global": deal_exists(v, 1),
        "us_gain": float(flows(v, increase)["us_gain"]),
    }


def _where(instance):
    v = instance.values
    m = metrics(v)
    split = flows(v, max(offered_increase(v), 0))
    return (f"Of the {_b(offered_increase(v))} a year China offers for {_year(v)}, {_b(m['bilateral_cut'])} can be "
            f"delivered: {_b(split['diverted'])} diverted from other buyers of U.S. goods and "
            f"{_b(split['new_output'])} of new U.S. output. The bilateral deficit falls by {_b(m['bilateral_cut'])}; "
            f"the global deficit by {_b(m['global_cut'])} ({m['global_share']:.0%} of that), from "
            f"{_b(v.global_deficit)} to {_b(m['global_deficit_after'])}. The other {_b(m['shifted_to_others'])} "
            "reappears as larger deficits with other partners.")


def _year(v):
    """The offer's last year, counting the year of the offer as its first."""
    return f"year {v.offer_years:g} ({DATE.year - 1 + v.offer_years:g})"


def _clears(instance):
    v = instance.values
    m = metrics(v)
    verdict = "Yes" if m["offer_clears_bilateral"] else "No"
    return (f"{verdict}: at most {_b(m['bilateral_cut'])} a year of the offer can be delivered by {_year(v)}, against "
            f"a surplus of {_b(v.surplus)}.")


def _counting(instance):
    v = instance.values
    bilateral, world = deal(v, weight=0), deal(v, weight=1)
    return (f"Counting the bilateral cut: {'a deal exists' if not bilateral.empty else 'no deal'}. "
            f"{sentence(bilateral)}. Counting the global cut: "
            f"{'a deal exists' if not world.empty else 'no deal'}. {sentence(world)}. The U.S. needs a counted "
            f"cut of {_b(v.us_reservation)} a year.")


SCENARIO = ng.Scenario(
    name="bilateral_vs_global",
    title="The bilateral against the global balance",
    date=DATE,
    summary=("China's offer to clear its bilateral surplus by 2024, read two ways: the bilateral balance, which "
             "diversion cuts, and the global balance, which only saving can move."),
    players=PLAYERS,
    moves={"U.S.": ("accept an increase", "reject"), "China": ("increase in purchases",)},
    parameters=PARAMETERS,
    sources=(S.SPREE, S.SHIFTED, S.US_DEMAND, S.FULL_CAPACITY, S.DIVERSION),
    deal=deal, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("If China delivers what it can of its offer, how much do the two deficits fall?", _where),
        ng.Question("Can the offer clear the bilateral surplus?", _clears, "offer_clears_bilateral",
                    "the offer clears the bilateral surplus"),
        ng.Question("Is there a deal when the U.S. counts the global balance instead of the bilateral one?",
                    _counting, "deal_counting_global", "a deal exists counting the global cut"),
    ),
)
