"""The tariff standoff's metrics against every subgame-perfect equilibrium of its two whole trees: the
commitment problem is read off the small subgame after a concession, and that must be the whole lift-first
tree's plan there."""

import importlib

from hypothesis import given, settings, strategies as st

import negotiation as ng

SCENARIO = ng.get_scenario("tariff_standoff")


def _module():
    return importlib.import_module("scenarios.tariff_standoff")


@st.composite
def values(draw):
    chosen = {p.name: draw(st.floats(p.low, p.high, allow_nan=False)) for p in SCENARIO.parameters}
    return SCENARIO.bind(**chosen).values


def _plans(tree):
    return ng.subgame_perfect_equilibria(tree, limit=1000)


@settings(max_examples=80, deadline=None)
@given(values())
def test_metrics_agree_with_the_whole_trees(v):
    s = _module()
    m = s.metrics(v)
    o = s.perceived(v)
    lifted = {eq.choices["Lift the threat/Concede"] == "Re-impose" for eq in _plans(s.lift_first(v, o))}
    standoff = list(_plans(s.tree(v, o)))
    assert m["commitment_problem"] in lifted
    assert m["threat_credible"] in {eq.choices["Refuse"] == "Impose tariffs" for eq in standoff}
    assert m["retaliation_credible"] in {eq.choices["Refuse/Impose tariffs"] == "Retaliate" for eq in standoff}
    if len(lifted) == 1:  # no tie at the re-imposition: the subgame's answer is the only one
        assert {m["commitment_problem"]} == lifted


def test_at_the_defaults_the_lifted_threat_would_come_back():
    s = _module()
    v = SCENARIO.bind().values
    solved = ng.backward_induction(s.lift_first(v))[0]
    assert s.metrics(v)["commitment_problem"] == (solved.choices["Lift the threat/Concede"] == "Re-impose")
