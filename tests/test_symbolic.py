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


# ---------------------------------------------------------------- equilibrium regions: the linear fast path
from hypothesis import assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_coefficients = st.integers(-4, 4)


@settings(max_examples=30, deadline=None)
@given(shape=st.sampled_from([(2, 2), (2, 3), (3, 2)]), data=st.data())
def test_linear_regions_equal_sympys_solveset(shape, data):
    """Payoffs a*t + b with small integers, ties included: the half-line intersection is solveset's set."""
    from negotiation.symbolic import _linear_solution

    t = sympy.Symbol("t")
    payoffs = [[[data.draw(_coefficients) * t + sympy.Rational(data.draw(_coefficients), data.draw(st.integers(1, 3)))
                 for _ in range(shape[1])] for _ in range(shape[0])] for _ in range(2)]
    assume(any(v.free_symbols for side in payoffs for row in side for v in row))
    game = ng.NormalFormGame.from_arrays(*payoffs)
    for cell, region in ng.equilibrium_conditions(game, solve_for="t").items():
        rows, cols = game.strategies
        r, c = rows.index(cell[0]), cols.index(cell[1])
        gains = [payoffs[0][r][c] - payoffs[0][k][c] for k in range(shape[0]) if k != r]
        gains += [payoffs[1][r][c] - payoffs[1][r][k] for k in range(shape[1]) if k != c]
        assert _linear_solution(gains, t) == region
        condition = sympy.And(*(sympy.Ge(g, 0) for g in gains))
        try:
            expected = sympy.solveset(condition, t, sympy.S.Reals)
        except ValueError:  # sympy cannot solve e.g. (t >= 0) & (-t >= 0); the half-lines give {0}
            continue
        assert region == expected, cell


def test_curved_or_two_symbol_conditions_still_go_to_solveset():
    from negotiation.symbolic import _linear_solution

    t, u = sympy.symbols("t u")
    assert _linear_solution([t ** 2 - 1], t) is None
    assert _linear_solution([t - u], t) is None
    game = ng.NormalFormGame.from_arrays([[t ** 2, 1], [1, 0]], [[1, 0], [0, 1]])
    assert ng.equilibrium_conditions(game, solve_for="t")[(game.strategies[0][0], game.strategies[1][0])] == \
        sympy.Union(sympy.Interval(-sympy.oo, -1), sympy.Interval(1, sympy.oo))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_bounds_read_as_intervals_equal_sympys_as_set(data):
    """x >= a, x < b and their conjunctions: the quick reading gives what sympy's as_set gives."""
    from negotiation.symbolic import _bounds_set

    x = sympy.Symbol("x", nonnegative=data.draw(st.booleans()))
    relations = [sympy.Ge, sympy.Gt, sympy.Le, sympy.Lt]

    def relation():
        kind = data.draw(st.sampled_from(relations))
        bound = sympy.Rational(data.draw(st.integers(-20, 20)), data.draw(st.integers(1, 4)))
        return kind(bound, x) if data.draw(st.booleans()) else kind(x, bound)

    condition = sympy.And(*(relation() for _ in range(data.draw(st.integers(1, 3)))))
    if condition in (sympy.true, sympy.false):
        return
    assert _bounds_set(condition) == condition.as_set()
