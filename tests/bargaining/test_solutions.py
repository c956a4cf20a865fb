"""Bargaining solutions: textbook answers, and the axioms each one claims, on random problems."""

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors


def split_the_pie(d=(0, 0)):
    return ng.BargainingProblem.from_points([(0, 1), (1, 0)], disagreement=d)


def test_split_the_pie_symmetric():
    """A symmetric problem: Nash, KS and egalitarian all give (1/2, 1/2)."""
    problem = ng.BargainingProblem.from_points([(0, F(1)), (F(1), 0)], disagreement=(0, 0))
    for solve in (ng.nash_bargaining, ng.kalai_smorodinsky, ng.egalitarian):
        assert solve(problem).point == (F(1, 2), F(1, 2))


def test_asymmetric_nash_weights():
    """Weights (2, 1) on the unit pie give shares 2/3 and 1/3."""
    problem = ng.BargainingProblem.from_points([(0, F(1)), (F(1), 0)], disagreement=(0, 0))
    assert ng.nash_bargaining(problem, weights=(2, 1)).point == (F(2, 3), F(1, 3))


def test_kalai_smorodinsky_differs_from_nash():
    """Frontier (0,1)-(1/2,9/10)-(1,0). The Nash product u1·u2 rises along the
    first segment and, on the second (u2 = 9/5 - 9/5 u1), peaks at u1 = 1/2: the
    kink (1/2, 9/10). KS heads for the ideal point (1, 1) along the diagonal and
    meets the second segment at u1 = u2 = 9/14."""
    problem = ng.BargainingProblem.from_points([(0, F(1)), (F(1, 2), F(9, 10)), (F(1), 0)], disagreement=(0, 0))
    nash = ng.nash_bargaining(problem).point
    ks = ng.kalai_smorodinsky(problem).point
    assert nash == (F(1, 2), F(9, 10))  # the product 9/20 beats every other frontier point
    assert ks == (F(9, 14), F(9, 14))
    assert ks != nash


def test_no_agreement_is_reported():
    problem = ng.BargainingProblem.from_points([(0, 1), (1, 0)], disagreement=(0.8, 0.8))
    solution = ng.nash_bargaining(problem)
    assert not solution.agreement and "no agreement" in str(solution)


def test_packages_and_labels():
    problem = ng.BargainingProblem.from_packages(
        {"small pledge": (1, 5), "medium pledge": (3, 3), "large pledge": (5, 0.5)}, disagreement=(0, 0),
        players=("U.S.", "China"))
    assert ng.nash_bargaining(problem).label == "medium pledge"
    assert ng.utilitarian(problem).label == "small pledge"  # total 6 ties with medium; the first wins
    assert ng.egalitarian(problem).label == "medium pledge"


def test_frontier_function():
    problem = ng.BargainingProblem.from_frontier(lambda u: 1 - u**2, (0, 1), disagreement=(0, 0))
    nash = ng.nash_bargaining(problem).point
    # maximise u (1 - u^2): u = 1/sqrt(3)
    assert nash[0] == pytest.approx(1 / np.sqrt(3), abs=1e-7)
    egal = ng.egalitarian(problem).point
    assert egal[0] == pytest.approx(egal[1], abs=1e-9)


def test_from_game_minimax_disagreement():
    """Battle of the Sexes: each side can guarantee 2/3 (its maximin mix); the
    Nash solution on the hull of (2,1), (1,2), (0,0) is the midpoint (3/2, 3/2)."""
    from negotiation import examples

    problem = ng.BargainingProblem.from_game(examples.battle_of_the_sexes())
    assert problem.disagreement == pytest.approx((2 / 3, 2 / 3), abs=1e-9)
    assert ng.nash_bargaining(problem).point == pytest.approx((1.5, 1.5), abs=1e-9)


def test_variable_threat_in_a_simple_game():
    """Row can threaten an outcome that hurts Column far more than itself, which
    moves the agreement in Row's favour compared with the symmetric split."""
    game = ng.NormalFormGame.from_arrays([[4, 0], [-1, -1]], [[0, 4], [-1, -10]],
                                         strategies=(("Share", "Threaten"), ("Share", "Resist")))
    solution = ng.variable_threat(game)
    assert solution.point[0] > solution.point[1]
    assert solution.pareto_optimal and solution.threats is not None


def test_bad_inputs():
    with pytest.raises(errors.ShapeError):
        ng.BargainingProblem.from_points([(0, 1, 2)], disagreement=(0, 0))
    with pytest.raises(errors.GameError, match="weights"):
        ng.nash_bargaining(split_the_pie(), weights=(1, -1))
    with pytest.raises(errors.GameError, match="non-increasing"):
        ng.BargainingProblem.from_frontier(lambda u: u, (0, 1), (0, 0))
    with pytest.raises(errors.GameError, match="not finite"):
        ng.BargainingProblem.from_points([(0, float("nan"))], disagreement=(0, 0))


points = st.lists(
    st.tuples(st.integers(-5, 20), st.integers(-5, 20)), min_size=1, max_size=8
)


@given(points, st.tuples(st.integers(-5, 5), st.integers(-5, 5)))
def test_every_solution_is_pareto_optimal_and_individually_rational(pts, d):
    problem = ng.BargainingProblem.from_points([(F(a), F(b)) for a, b in pts], disagreement=(F(d[0]), F(d[1])))
    for solve in (ng.nash_bargaining, ng.kalai_smorodinsky, ng.egalitarian, ng.utilitarian):
        solution = solve(problem)
        if not solution.agreement:
            assert not problem.has_agreement()
            continue
        assert solution.individually_rational, (solve.__name__, solution.point)
        assert solution.pareto_optimal, (solve.__name__, solution.point)


@given(points, st.tuples(st.integers(-5, 5), st.integers(-5, 5)),
       st.fractions(min_value=F(1, 4), max_value=4), st.fractions(min_value=F(1, 4), max_value=4),
       st.integers(-3, 3), st.integers(-3, 3))
def test_nash_and_ks_are_scale_invariant(pts, d, a1, a2, b1, b2):
    """Rescaling each side's utility (u -> a u + b, a > 0) moves the solution the same way."""
    base = ng.BargainingProblem.from_points([(F(x), F(y)) for x, y in pts], disagreement=(F(d[0]), F(d[1])))
    assume(base.has_agreement())
    scaled = ng.BargainingProblem.from_points(
        [(a1 * x + b1, a2 * y + b2) for x, y in base.points], disagreement=(a1 * d[0] + b1, a2 * d[1] + b2))
    for solve in (ng.nash_bargaining, ng.kalai_smorodinsky):
        u = solve(base).point
        v = solve(scaled).point
        assert v == (a1 * u[0] + b1, a2 * u[1] + b2)


@given(points, st.integers(-5, 5))
def test_symmetric_problems_get_symmetric_solutions(pts, d):
    mirrored = pts + [(b, a) for a, b in pts]
    problem = ng.BargainingProblem.from_points([(F(a), F(b)) for a, b in mirrored], disagreement=(F(d), F(d)))
    assume(problem.has_agreement())
    for solve in (ng.nash_bargaining, ng.kalai_smorodinsky, ng.egalitarian):
        u = solve(problem).point
        assert u[0] == u[1]


@given(points, st.tuples(st.integers(-5, 5), st.integers(-5, 5)), st.integers(1, 5))
def test_egalitarian_is_monotone(pts, d, extra):
    """Adding feasible points never lowers anyone's egalitarian payoff."""
    small = ng.BargainingProblem.from_points([(F(a), F(b)) for a, b in pts], disagreement=(F(d[0]), F(d[1])))
    assume(small.has_agreement())
    top = max(a for a, _ in pts) + extra
    big = ng.BargainingProblem.from_points(list(small.points) + [(F(top), F(max(b for _, b in pts) + extra))],
                                           disagreement=small.disagreement)
    u, v = ng.egalitarian(small).point, ng.egalitarian(big).point
    assert v[0] >= u[0] and v[1] >= u[1]
