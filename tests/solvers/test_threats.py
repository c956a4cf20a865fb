"""credible_threats: the trade-talks question 'would they really do it?'."""

from hypothesis import given, settings

import negotiation as ng
from tests import trees


def test_fight_threat_is_not_credible():
    report = ng.credible_threats(trees.entry_deterrence(), {"": "Stay out", "Enter": "Fight"})
    (threat,) = report
    assert threat.player == "Incumbent" and threat.best == ("Accommodate",)
    assert not threat.credible and not report.all_credible
    assert "NOT credible" in str(report)


def test_spe_threats_are_all_credible():
    tree = trees.ultimatum(3)
    for eq in ng.backward_induction(tree):
        report = ng.credible_threats(tree, eq.behaviour)
        assert report.all_credible and len(report) == 3  # the three offers not made


@given(trees.random_trees())
@settings(max_examples=40)
def test_spe_has_only_credible_threats(tree):
    for eq in ng.backward_induction(tree, limit=10):
        assert ng.credible_threats(tree, eq.behaviour).all_credible
