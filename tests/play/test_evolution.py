"""Replicator dynamics and the Moran process against closed forms."""

import numpy as np
import pytest

import negotiation as ng
from negotiation.errors import ParameterError


def test_moran_fixation_matches_the_textbook_formula():
    """Constant fitness: one mutant of relative fitness r among N fixes with (1 - 1/r) / (1 - r**-N)."""
    a, b, size, runs = 2.0, 1.0, 8, 20_000
    table = np.array([[a, a], [b, b]])
    result = ng.moran_process(table, strategies=("mutant", "resident"),
                              population={"mutant": 1, "resident": size - 1}, runs=runs, seed=3)
    r = np.exp((a - b) / np.ptp(table))  # selection 1 on the payoff spread
    expected = (1 - 1 / r) / (1 - r ** -size)
    assert abs(result.fixation[0] - expected) < 4 * result.fixation_se[0]
    assert result.fixation.sum() == pytest.approx(1.0)


def test_neutral_drift_fixes_in_proportion():
    table = np.ones((3, 3))
    result = ng.moran_process(table, population=3, runs=6000, seed=1, selection=0)
    assert np.all(np.abs(result.fixation - 1 / 3) < 4 * result.fixation_se)


def test_replicator_dynamics_of_a_two_strategy_dilemma_end_in_defection():
    pd = ng.examples.prisoners_dilemma()
    result = ng.replicator_dynamics(np.array(pd.payoffs[0], dtype=float), strategies=("C", "D"),
                                    generations=500)
    assert result.survivors == ("D",)


def test_replicator_rock_paper_scissors_keeps_every_strategy():
    rps = np.array(ng.examples.rock_paper_scissors().payoffs[0], dtype=float)
    result = ng.replicator_dynamics(rps, initial=[0.5, 0.3, 0.2], generations=2000, step=0.05)
    assert len(result.survivors) == 3
    # the zero-sum cycle conserves the product of the shares (a constant of motion)
    products = result.shares.prod(axis=1)
    assert np.ptp(products) / products[0] < 1e-3


@pytest.mark.parametrize("table", [np.ones((1, 1)), np.ones((2, 3)), np.array([[1, np.nan], [0, 1]])])
def test_bad_tables_are_refused(table):
    with pytest.raises(ParameterError):
        ng.replicator_dynamics(table)
