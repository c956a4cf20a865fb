"""Three countries, May 2018: the U.S., China and the rest of the world, which gains from their tariff war.

The U.S. threatened tariffs (25% on \\$50B, and \\$100B more) over China's technology-transfer
and IP practices, which the Section 301 findings put at "at least \\$50
billion" a year. The same practices harm the rest of the world (the EU,
Japan, Brazil; one player here), which could join the threat or stay out and
take the trade that a U.S.-China tariff war diverts to its exporters: Brazil's
soybeans when China answers the U.S., its factories when the U.S. taxes
China. Purchases cut both ways: seed 000 has China buying American "instead
of Airbus airplanes from the European Union or soybeans from Brazil".

A simultaneous game of three players:

* **U.S.**: *threaten* (the April tariffs take effect unless China reforms)
  or *stand down*;
* **Rest of world**: *join* (a matching threat: the same rate on
  ``row_match`` times as many imports from China, with the U.S.
  elasticities, an assumption) or *stay out*;
* **China**: *reform* (remedy a share ``demanded_reform`` of the harm to
  both, which it cannot grant to one and not the other), *resist* (the
  threats are carried out) or *retaliate* (resist and answer each threat
  with its own list, a move, not part of the war payoff).

Every tariff goes through the tariff block (``econ.tariff``): the importer
gains its revenue less its buyers' loss, the exporter loses its surplus, and
the third country gains on the trade diverted to it: its exporters' margin
on the share of the fall in the two others' trade that they take.

* **Perceived** (decisions): China's cost of reform is the harm remedied
  times a **political** multiple (the rents and the industrial plan's
  strategic value, as in ``structural_issues``).
* **Realised** (welfare): the same, with China's cost of reform the harm
  remedied itself (``realised``).

With three players, mixed equilibria come from support enumeration
(``ng.all_equilibria``, the n-player solver); the probabilities under the
priors read pure best replies, which cost microseconds a draw.
"""

import datetime
import itertools
import warnings

import numpy as np

import negotiation as ng
from negotiation import econ

from . import _sources as S, structural_issues as _structural, tariff_standoff as _standoff
from ._words import money as _b

DATE = datetime.date(2018, 5, 17)
PLAYERS = ("U.S.", "Rest of world", "China")
US_MOVES = ("threaten", "stand down")
ROW_MOVES = ("join", "stay out")
CHINA_MOVES = ("reform", "resist", "retaliate")
US, ROW, CHINA = range(len(PLAYERS))
_STANDOFF = ("us_list", "us_list_more", "china_list", "tariff_rate", "us_demand_elasticity",
             "china_supply_elasticity", "china_demand_elasticity", "us_supply_elasticity")  # its facts, shared
NO_CYCLE = 1e-12  # $B/yr: a best reply must beat the others by more than rounding


def _fact(name, fact, reason, **options):
    return ng.Parameter.from_fact(name, fact, DATE, reason, **options)


PARAMETERS = (
    *(p for p in _standoff.PARAMETERS if p.name in _STANDOFF),
    _fact("harm", "section_301_harm", "the harm to the U.S. a full reform would remedy ('at least' $50B)",
          prior="triangular"),
    _fact("harm_ratio", "third_country_harm_ratio", "the harm to the rest of the world, per $ of the U.S. harm",
          prior="triangular"),
    _fact("margin", "third_country_margin", "exporters' surplus on each $ of diverted sales", prior="triangular"),
    _fact("take", "third_country_take_share", "the share of a fall in two countries' trade that the third takes",
          prior="triangular"),
    _structural.REFORM_COST,
    ng.Parameter("row_match", 1, "fraction", 0, 2, "a choice: a matching threat", "the imports from China the "
                 "rest of the world would tax if it joined, as a multiple of the U.S. threat", choice=True),
    ng.Parameter("demanded_reform", 0.1, "fraction", 0, 1, "a choice: what the threats demand, set between "
                 "what the U.S. alone and a coalition can obtain at the defaults", "the share of the harm China "
                 "must remedy for the threats to be lifted", choice=True),
)

METRICS = (
    ng.Metric("row_war_gain", "$B/yr", "what the rest of the world gains on diverted trade from a U.S.-China "
              "tariff war (the U.S. threat carried out and answered)"),
    ng.Metric("us_alone_max_reform", "fraction", "the most reform China prefers to the U.S. threat alone, "
              "carried out and answered"),
    ng.Metric("coalition_max_reform", "fraction", "the most reform China prefers to both threats"),
    ng.Metric("coalition_needed", "yes/no", "China reforms as demanded against both threats but not against "
              "the U.S. alone"),
    ng.Metric("row_free_rides", "yes/no", "when the U.S. threatens, the rest of the world does better staying "
              "out, given China's best reply"),
    ng.Metric("reform_pure_equilibrium", "yes/no", "some pure-strategy equilibrium has China reform"),
)


def tariffs(v):
    """The four listed tariffs through the tariff block: the U.S. and the rest of the world on China, and
    China's answer to each, with the third country's gain on the trade diverted to it (all $B/yr)."""
    rate = econ.convert(v.tariff_rate, "%", "1")

    def on_china(flow):
        return flow, econ.tariff_effects(flow, rate, v.us_demand_elasticity, v.china_supply_elasticity)

    def by_china(flow):
        return flow, econ.tariff_effects(flow, rate, v.china_demand_elasticity, v.us_supply_elasticity)

    threat = v.us_list + v.us_list_more
    found = {"us_on_china": on_china(threat),  # the U.S. threat
             "row_on_china": on_china(v.row_match * threat),  # the rest of the world's matching threat
             "china_on_us": by_china(v.china_list),  # China's answer to the U.S.
             "china_on_row": by_china(v.china_list)}  # China's answer to the rest of the world
    return {name: _effects(v, flow, t) for name, (flow, t) in found.items()}


def _effects(v, flow, tariff):
    """(importer's welfare, exporter's welfare, the third country's gain on diverted trade)."""
    fall = flow - tariff["quantity"]
    return (tariff["importer_welfare"], tariff["exporter_welfare"], v.margin * v.take * fall)


def payoff(v, us, row, china, effects=None, political=True):
    """(U.S., rest of world, China) in $B/yr for one profile of moves, against no threat and no reform."""
    e = effects or tariffs(v)
    us_threatens, row_joins = us == "threaten", row == "join"
    if china == "reform":
        remedied = v.demanded_reform * v.harm
        cost = v.reform_cost if political else 1
        return (remedied, v.harm_ratio * remedied, -cost * remedied * (1 + v.harm_ratio))
    total = np.zeros(len(PLAYERS))
    moves = [(us_threatens, "us_on_china", (US, CHINA, ROW)), (row_joins, "row_on_china", (ROW, CHINA, US))]
    if china == "retaliate":
        moves += [(us_threatens, "china_on_us", (CHINA, US, ROW)), (row_joins, "china_on_row", (CHINA, ROW, US))]
    for carried_out, name, (importer, exporter, third) in moves:
        if carried_out:
            gain, loss, diverted = e[name]
            total[[importer, exporter, third]] += (gain, loss, diverted)
    return tuple(float(x) for x in total)


def matrix(v):
    e = tariffs(v)
    cells = [[[payoff(v, u, r, c, e) for c in CHINA_MOVES] for r in ROW_MOVES] for u in US_MOVES]
    arrays = [np.array([[[cell[k] for cell in row] for row in plane] for plane in cells])
              for k in range(len(PLAYERS))]
    return ng.NormalFormGame(arrays, players=PLAYERS, strategies=(US_MOVES, ROW_MOVES, CHINA_MOVES),
                             title="Threats, coalition and reform ($B/yr, perceived)")


def china_reply(v, us, row, e):
    """China's best reply (the first of any tie) to the threats in place."""
    values = [payoff(v, us, row, c, e)[CHINA] for c in CHINA_MOVES]
    return CHINA_MOVES[int(np.argmax(values))]


def max_reform(v, us, row, e):
    """The most reform China prefers to the threats in place, carried out and answered as it chooses."""
    resisting = max(payoff(v, us, row, c, e)[CHINA] for c in CHINA_MOVES if c != "reform")
    per_share = v.reform_cost * v.harm * (1 + v.harm_ratio)
    return float(np.clip(-resisting / per_share, 0, 1)) if per_share > 0 else 1.0


def pure_equilibria(v, e):
    """Profiles where no player gains by moving alone (read from the payoffs, a dozen cells)."""
    moves = (US_MOVES, ROW_MOVES, CHINA_MOVES)
    cells = {p: payoff(v, *p, e) for p in itertools.product(*moves)}
    found = []
    for profile in cells:
        stable = all(cells[profile][i] >= cells[profile[:i] + (alt,) + profile[i + 1:]][i] - NO_CYCLE
                     for i in range(len(PLAYERS)) for alt in moves[i])
        if stable:
            found.append(profile)
    return found


def metrics(v):
    e = tariffs(v)
    alone, both = max_reform(v, "threaten", "stay out", e), max_reform(v, "threaten", "join", e)
    reply = {row: china_reply(v, "threaten", row, e) for row in ROW_MOVES}
    row_value = {row: payoff(v, "threaten", row, reply[row], e)[ROW] for row in ROW_MOVES}
    war = payoff(v, "threaten", "stay out", "retaliate", e)
    return {
        "row_war_gain": war[ROW],
        "us_alone_max_reform": alone,
        "coalition_max_reform": both,
        "coalition_needed": reply["join"] == "reform" and reply["stay out"] != "reform",
        "row_free_rides": row_value["stay out"] > row_value["join"],
        "reform_pure_equilibrium": any(p[CHINA] == "reform" for p in pure_equilibria(v, e)),
    }


def _war(instance):
    v = instance.values
    us, row, china = payoff(v, "threaten", "stay out", "retaliate")
    return (f"With the U.S. threat carried out and answered, the rest of the world {_change(row)} a year on "
            f"diverted trade; the U.S. {_change(us)} (its tariff's revenue less its buyers' loss, less its exporters' "
            f"loss to China's answer) and China {_change(china)}.")


def _change(x):
    return f"gains {_b(x)}" if x >= 0 else f"loses {_b(-x)}"


def _coalition(instance):
    v = instance.values
    m = metrics(v)
    if m["coalition_needed"]:
        verdict = "Only to a coalition"
    elif m["us_alone_max_reform"] >= v.demanded_reform:
        verdict = "To the U.S. alone"
    else:
        verdict = "To neither"
    return (f"{verdict}: China prefers reforming up to {m['us_alone_max_reform']:.1%} of the harm to the U.S. threat "
            f"alone, and up to {m['coalition_max_reform']:.1%} to both threats; the threats demand "
            f"{v.demanded_reform:.1%} ({_b(v.demanded_reform * v.harm)} a year of the U.S. harm).")


def _free_ride(instance):
    v = instance.values
    e = tariffs(v)
    values = {row: payoff(v, "threaten", row, china_reply(v, "threaten", row, e), e)[ROW] for row in ROW_MOVES}
    verdict = "Stays out" if metrics(v)["row_free_rides"] else "Joins"
    return (f"{verdict}: with the U.S. threatening, the rest of the world gets {_b(values['join'])} a year by joining "
            f"(China then {china_reply(v, 'threaten', 'join', e)}s) and {_b(values['stay out'])} by staying out "
            f"(China then {china_reply(v, 'threaten', 'stay out', e)}s).")


def _equilibria(instance):
    with warnings.catch_warnings():  # the answer says when the game is degenerate
        warnings.simplefilter("ignore", ng.errors.DegenerateGameWarning)
        result = ng.all_equilibria(instance.build("matrix"))
    lines = []
    for eq in result:
        reform = float(eq.profile[CHINA][CHINA_MOVES.index("reform")])
        mixed = any(len(s) > 1 for s in eq.support)
        kind = "mixed" if mixed else "pure"
        moves = "; ".join(f"{p}: {', '.join(s)}" for p, s in zip(PLAYERS, eq.support))
        lines.append(f"{kind} ({moves}), China reforms with probability {reform:.0%}")
    complete = "" if result.complete else " (not necessarily all: the game is degenerate)"
    return f"{len(result)} extreme equilibria{complete}: " + "; ".join(lines) + "."


SCENARIO = ng.Scenario(
    name="three_countries",
    title="Three countries: a coalition, free riders and diverted trade",
    date=DATE,
    summary=("The U.S., China and the rest of the world: a matching threat over China's technology practices, "
             "or staying out and taking the trade a U.S.-China tariff war diverts."),
    players=PLAYERS,
    moves={"U.S.": US_MOVES, "Rest of world": ROW_MOVES, "China": CHINA_MOVES},
    parameters=PARAMETERS,
    sources=(S.TARIFF_150, S.NO_CURBS, S.DIVERSION, S.STRETCH_50),
    matrix=matrix, metrics=metrics, metric_docs=METRICS,
    questions=(
        ng.Question("Who gains from a U.S.-China tariff war?", _war),
        ng.Question("Does China reform for the U.S. alone, or only for a coalition?", _coalition,
                    "coalition_needed", "only a coalition obtains the reform"),
        ng.Question("Does the rest of the world join the U.S. threat or free-ride?", _free_ride, "row_free_rides",
                    "the rest of the world free-rides"),
        ng.Question("What are the equilibria, mixed ones included?", _equilibria),
    ),
)
