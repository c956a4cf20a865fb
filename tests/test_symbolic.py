"""Symbolic thresholds: deal-range end points as expressions, and equilibrium regions."""

import numpy as np
import pytest
import sympy

import negotiation as ng
from negotiation import errors


def test_deal_exists_iff_capacity_covers_the_demand():
    pledge, capacity, demand = sympy.symbols("pledge capacity demand", positive=True)
    zone = ng.symbolic_deal_range({"U.S.": pledge - demand, "China": capacity - pledge},
                                  {"U.S.": 0, "China": 0}, variable="pledge", solve_for="capacity")
    assert zone.low == demand and zone.high == capacity
    assert zone.solved == sympy.Ge(capacity, demand)


def test_evaluate_on_a_grid_matches_numeric_deal_range():
    pledge, capacity, demand = sympy.symbols("pledge capacity demand", positive=True)
    zone = ng.symbolic_deal_range({"U.S.": pledge - demand, "China": 2 * capacity - pledge},
                                  {"U.S.": 0, "China": 10}, variable="pledge")
    caps, dems = np.meshgrid(np.linspace(10, 100, 7), np.linspace(20, 150, 5))
    out = zone.evaluate(capacity=caps, demand=dems)
    for c, d, lo, hi in zip(caps.flat, dems.flat, out["low"].flat, out["high"].flat):
        numeric = ng.deal_range({"U.S.": lambda p: p - d, "China": lambda p: 2 * c - p},
                                {"U.S.": 0, "China": 10}, bounds=(-1000, 1000))
        if numeric.empty:
            assert lo > hi
        else:
            assert (lo, hi) == pytest.approx((numeric.low, numeric.high), abs=1e-6)


def test_unknown_slope_sign_is_an_error():
    pledge, a = sympy.symbols("pledge a")
    with pytest.raises(errors.GameError, match="rises or falls"):
        ng.symbolic_deal_range({"A": a * pledge, "B": -pledge}, {"A": 0, "B": 0}, variable="pledge")


def test_equilibrium_regions_of_a_symbolic_game():
    """Tariff/Retaliate is an equilibrium iff the tariff's cost is below 1."""
    cost = sympy.Symbol("cost")
    game = ng.NormalFormGame.from_arrays([[2 - cost, 3], [1, 2]], [[1, 0], [0, 1]],
                                         strategies=(("Tariff", "Hold"), ("Retaliate", "Pledge")))
    regions = ng.equilibrium_conditions(game, solve_for="cost")
    assert regions[("Tariff", "Retaliate")] == sympy.Interval(-sympy.oo, 1)
    # at (Hold, Pledge) the U.S. would rather impose the tariff (3 > 2) whatever the cost
    assert regions[("Hold", "Pledge")] == sympy.S.EmptySet
