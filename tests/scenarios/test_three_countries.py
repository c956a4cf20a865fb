"""Three countries: payoffs against the tariff block by hand, pure equilibria against the library's solver,
mixed equilibria by their regret, and China's reform threshold as its indifference point."""

import importlib
import warnings

import numpy as np
import pytest
import itertools

from hypothesis import assume, given, settings, strategies as st

import negotiation as ng
from negotiation import econ

SCENARIO = ng.get_scenario("three_countries")
TOL = 1e-9


def _module():
    return importlib.import_module("scenarios.three_countries")


def _values(draw=None):
    """The defaults, or a draw of the uncertain quantities and the choices across their ranges."""
    values = {}
    if draw is not None:
        for p in SCENARIO.parameters:
            if p.uncertain or p.choice:
                values[p.name] = draw(st.floats(p.low, p.high, allow_nan=False))
    return SCENARIO.bind(**values).values


@st.composite
def values(draw):
    return _values(draw)


def test_payoffs_follow_the_tariff_block_and_divert_to_the_third_country():
    """The U.S. threat carried out, China resisting: the U.S. gets its tariff's revenue less its buyers' loss,
    China its exporters' loss, the rest of the world its margin on the share of the lost trade it takes."""
    s, v = _module(), _values()
    threat = econ.tariff(v.us_list + v.us_list_more, v.tariff_rate / 100, v.us_demand_elasticity,
                         v.china_supply_elasticity)
    us, row, china = s.payoff(v, "threaten", "stay out", "resist")
    assert us == pytest.approx(threat.revenue.value - threat.consumer_loss.value, abs=TOL)
    assert china == pytest.approx(-threat.exporter_loss.value, abs=TOL)
    lost = v.us_list + v.us_list_more - threat.quantity.value
    assert row == pytest.approx(v.margin * v.take * lost, abs=TOL)
    # no threat, no reform: nothing changes, whatever China does
    assert s.payoff(v, "stand down", "stay out", "retaliate") == (0.0, 0.0, 0.0)


def test_reform_is_priced_from_the_harm_on_both_sides():
    s, v = _module(), _values()
    us, row, china = s.payoff(v, "threaten", "join", "reform")
    remedied = v.demanded_reform * v.harm
    assert (us, row) == pytest.approx((remedied, v.harm_ratio * remedied), abs=TOL)
    assert china == pytest.approx(-v.reform_cost * (us + row), abs=TOL)
    realised = s.payoff(v, "threaten", "join", "reform", political=False)
    assert realised[2] == pytest.approx(-(us + row), abs=TOL)


@settings(max_examples=60, deadline=None)
@given(values())
def test_pure_equilibria_match_the_library_solver(v):
    s = _module()
    game = s.matrix(v)
    # Where a deviation gains less than a float tolerance (say reform demanded at 1e-11), the solver's tolerance
    # and the scenario's NO_CYCLE both count it as rounding but draw the line in different places: skip those.
    moves, e = (s.US_MOVES, s.ROW_MOVES, s.CHINA_MOVES), s.tariffs(v)
    cells = {p: s.payoff(v, *p, e) for p in itertools.product(*moves)}
    gains = [abs(cells[p][i] - cells[p[:i] + (alt,) + p[i + 1:]][i])
             for p in cells for i in range(3) for alt in moves[i]]
    assume(not any(0 < g <= 1e-6 for g in gains))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ng.errors.DegenerateGameWarning)
        found = {tuple(x[0] for x in eq.support) for eq in ng.pure_equilibria(game)}
    assert found == set(s.pure_equilibria(v, s.tariffs(v)))


@settings(max_examples=25, deadline=None)
@given(values())
def test_every_equilibrium_has_no_profitable_deviation(v):
    """Support enumeration's equilibria, mixed ones included, checked by brute force on the payoff arrays."""
    s = _module()
    game = s.matrix(v)
    # Where a deviation gains less than a float tolerance (say reform demanded at 1e-11), the solver's tolerance
    # and the scenario's NO_CYCLE both count it as rounding but draw the line in different places: skip those.
    moves, e = (s.US_MOVES, s.ROW_MOVES, s.CHINA_MOVES), s.tariffs(v)
    cells = {p: s.payoff(v, *p, e) for p in itertools.product(*moves)}
    gains = [abs(cells[p][i] - cells[p[:i] + (alt,) + p[i + 1:]][i])
             for p in cells for i in range(3) for alt in moves[i]]
    assume(not any(0 < g <= 1e-6 for g in gains))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ng.errors.DegenerateGameWarning)
        result = ng.all_equilibria(game)
    assert len(result) >= 1
    arrays = [np.asarray(a, float) for a in game.payoffs]
    scale = max(1.0, max(np.abs(a).max() for a in arrays))
    for eq in result:
        sigma = [np.asarray(p, float) for p in eq.profile]
        for i, a in enumerate(arrays):
            others = [sigma[j] for j in range(3) if j != i]
            payoff_of_each = np.moveaxis(a, i, 0)
            for other in others:  # contract the other players' mixtures, in order
                payoff_of_each = np.tensordot(payoff_of_each, other, axes=([1], [0]))
            assert payoff_of_each.max() - sigma[i] @ payoff_of_each <= 1e-7 * scale


@settings(max_examples=40, deadline=None)
@given(values())
def test_reform_threshold_is_where_china_switches(v):
    """Just below the largest reform China accepts against the threats, it reforms; just above, it does not."""
    s = _module()
    e = s.tariffs(v)
    for us, row in [("threaten", "stay out"), ("threaten", "join"), ("stand down", "join")]:
        top = s.max_reform(v, us, row, e)
        if 0.001 < top < 0.999:
            below = ng.scenario.Values({**v, "demanded_reform": top - 1e-6})
            above = ng.scenario.Values({**v, "demanded_reform": top + 1e-6})
            assert s.china_reply(below, us, row, e) == "reform"
            assert s.china_reply(above, us, row, e) != "reform"


def test_a_coalition_obtains_what_the_us_alone_cannot_at_the_defaults():
    m = SCENARIO.metrics(_values())
    assert m["us_alone_max_reform"] < SCENARIO.bind().values.demanded_reform < m["coalition_max_reform"]
    assert m["coalition_needed"] and m["reform_pure_equilibrium"]


def test_symmetric_threats_make_the_coalition_double_the_pressure():
    """The rest of the world matching the U.S. list with the same elasticities doubles China's loss from
    resisting, so doubles the reform it accepts (while neither cap binds)."""
    m = SCENARIO.metrics(_values())
    assert m["coalition_max_reform"] == pytest.approx(2 * m["us_alone_max_reform"], rel=1e-9)
