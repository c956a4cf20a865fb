"""Verdicts as probabilities: vectorised draws agree with a loop, seeds reproduce, errors are named."""

import math

import numpy as np
import pytest

from negotiation import econ, errors


def test_the_probability_equals_a_loop_over_the_same_draws():
    result = econ.tariff_probability(50, 0.25, ("uniform", 1, 4), ("uniform", 0.5, 20), draws=500, seed=7)
    rng = np.random.default_rng(7)
    eps, eta = rng.uniform(1, 4, 500), rng.uniform(0.5, 20, 500)
    count = sum(econ.tariff(50, 0.25, a, b).importer_welfare.value > 0 for a, b in zip(eps, eta))
    assert result.probability == count / 500
    assert math.isclose(result.standard_error, math.sqrt(result.probability * (1 - result.probability) / 500))


def test_the_verdict_matches_the_closed_form_threshold():
    """Importer welfare is positive iff t is below a threshold that falls as η rises: check in bulk."""
    result = econ.tariff_probability(50, 0.25, ("uniform", 2, 2), ("uniform", 0.1, 0.2), draws=1000, seed=0)
    assert result.probability == 1.0  # inelastic supply: t = 0.25 is well below the optimum 1/η ≥ 5


def test_seeds_reproduce_and_differ():
    a = econ.tariff_probability(50, 0.25, ("lognormal", 2, 0.5), ("uniform", 0.5, 20), draws=2000, seed=3)
    b = econ.tariff_probability(50, 0.25, ("lognormal", 2, 0.5), ("uniform", 0.5, 20), draws=2000, seed=3)
    c = econ.tariff_probability(50, 0.25, ("lognormal", 2, 0.5), ("uniform", 0.5, 20), draws=2000, seed=4)
    assert a == b and a.probability != c.probability


def test_priors_from_registered_ranges():
    prior = econ.REGISTRY["china_export_supply_elasticity"]
    result = econ.tariff_probability(50, 0.25, econ.REGISTRY["us_import_demand_elasticity"], prior, draws=1000)
    assert "in " in str(result) and "draws" in str(result)


@pytest.mark.parametrize("prior, match", [
    (("beta", 1, 2), "cannot draw"), (("uniform", 3, 1), "cannot draw"), ("uniform", "a prior is"),
    (("uniform", "a", 2), "needs numbers"), (("uniform", -2, 1), "must not draw negative"),
])
def test_bad_priors_are_named(prior, match):
    with pytest.raises(errors.ParameterError, match=match):
        econ.tariff_probability(50, 0.25, prior, ("uniform", 1, 2), draws=10)


@pytest.mark.parametrize("draws", [0, -1, 2.5, True, 10**9])
def test_draw_counts_are_checked(draws):
    with pytest.raises(errors.ParameterError, match="draws must be"):
        econ.tariff_probability(50, 0.25, ("uniform", 1, 2), ("uniform", 1, 2), draws=draws)
