"""deal_range and deal_space: known answers, empty ranges with the gap, and a grid check."""

from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors


def test_purchase_pledge_range():
    zone = ng.deal_range({"U.S.": lambda p: p - 50, "China": lambda p: 200 - p},
                         disagreement={"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge")
    assert not zone.empty
    assert zone.low == pytest.approx(50, abs=1e-9) and zone.high == pytest.approx(200, abs=1e-9)
    assert zone.demands() == {"U.S.": "≥ 50", "China": "≤ 200"}
    assert "deal range for pledge: 50 to 200" in str(zone)


def test_empty_range_reports_the_gap():
    zone = ng.deal_range({"U.S.": lambda p: p - 200, "China": lambda p: 50 - p},
                         disagreement={"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge", unit="B")
    assert zone.empty and zone.intervals == ()
    assert zone.gap == pytest.approx(150, abs=1e-9)
    assert str(zone) == "no deal: U.S. needs pledge ≥ 200B, China accepts pledge ≤ 50B: gap 150B"


def test_exact_with_sympy_expressions():
    p = sympy.Symbol("pledge")
    zone = ng.deal_range({"U.S.": p - sympy.Rational(100, 3), "China": 150 - p},
                         disagreement={"U.S.": 0, "China": 0}, bounds=(0, 300), variable="pledge")
    assert zone.exact and zone.intervals == ((F(100, 3), F(150)),)


def test_nonlinear_payoff_two_pieces():
    zone = ng.deal_range({"A": lambda x: (x - 5) ** 2 - 4, "B": lambda x: 10 - x},
                         disagreement={"A": 0, "B": 0}, bounds=(0, 10))
    assert len(zone.intervals) == 2
    (a0, a1), (b0, b1) = zone.intervals
    assert (a0, a1) == pytest.approx((0, 3), abs=1e-9) and (b0, b1) == pytest.approx((7, 10), abs=1e-9)


def test_errors():
    with pytest.raises(errors.LabelError):
        ng.deal_range({"A": lambda x: x}, {"B": 0}, (0, 1))
    with pytest.raises(errors.ParameterError, match="low < high"):
        ng.deal_range({"A": lambda x: x, "B": lambda x: -x}, {"A": 0, "B": 0}, (1, 0))
    with pytest.raises(errors.GameError, match="not finite"):
        ng.deal_range({"A": lambda x: 1 / x if x else float("inf"), "B": lambda x: -x}, {"A": 0, "B": 0}, (0, 1))


@given(st.floats(-5, 5), st.floats(-50, 50), st.floats(-5, 5), st.floats(-50, 50),
       st.floats(-10, 10), st.floats(-10, 10))
def test_range_equals_grid_points_where_both_gain(a1, b1, a2, b2, d1, d2):
    f1 = lambda x: a1 * x + b1  # noqa: E731
    f2 = lambda x: a2 * x + b2  # noqa: E731
    zone = ng.deal_range({"A": f1, "B": f2}, {"A": d1, "B": d2}, bounds=(0, 10), grid=501)
    xs = np.linspace(0, 10, 2001)
    both = [(f1(x) >= d1 + 1e-7) and (f2(x) >= d2 + 1e-7) for x in xs]
    inside = [any(lo - 1e-7 <= x <= hi + 1e-7 for lo, hi in zone.intervals) for x in xs]
    for b, i in zip(both, inside):
        assert i or not b  # every point where both clearly gain lies in the range
    for x, i in zip(xs, inside):
        if i:
            assert f1(x) >= d1 - 1e-6 and f2(x) >= d2 - 1e-6


def test_deal_space_linkage():
    """ZTE relief is worth more to China than it costs the U.S.; purchases the
    reverse. Neither issue alone makes a deal; together they do."""
    space = ng.deal_space(
        issues={"purchases": [0, 50, 100], "ZTE relief": ["no", "yes"]},
        payoffs={"U.S.": lambda p: p["purchases"] / 25 - (3 if p["ZTE relief"] == "yes" else 0),
                 "China": lambda p: -p["purchases"] / 50 + (4 if p["ZTE relief"] == "yes" else 0)},
        disagreement={"U.S.": 0.5, "China": 0})
    assert space.linkage_creates_deal
    assert space.alone == {"purchases": 0, "ZTE relief": 0}
    assert [space.label(k) for k in space.frontier] == ["purchases=100, ZTE relief=yes"]
    assert space.solutions["Nash bargaining"].label == "purchases=100, ZTE relief=yes"


def test_deal_space_frontier_is_pareto():
    space = ng.deal_space(
        issues={"x": list(range(5)), "y": list(range(5))},
        payoffs={"A": lambda p: p["x"] - p["y"] / 2, "B": lambda p: p["y"] - p["x"] / 3},
        disagreement={"A": 0, "B": 0})
    for k in space.frontier:
        for j in space.acceptable:
            better = all(a >= b for a, b in zip(space.values[j], space.values[k]))
            assert not (better and space.values[j] != space.values[k])


@given(st.lists(st.tuples(st.integers(-4, 4), st.integers(-4, 4)), min_size=0, max_size=30))
def test_pareto_frontier_fast_path_matches_pairwise_comparison(points):
    from negotiation.bargaining.deal_space import pareto_frontier

    candidates = list(range(len(points)))
    brute = [k for k in candidates
             if not any(all(a >= b for a, b in zip(points[j], points[k])) and points[j] != points[k]
                        for j in candidates)]
    assert pareto_frontier(points, candidates) == brute
