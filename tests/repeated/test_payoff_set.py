"""The Abreu-Sannikov payoff set: textbook answer, self-generation, and QuantEcon in a separate process."""

import json
import subprocess
import sys
from unittest import mock

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation.errors import ParameterError, SolverError
from negotiation.repeated import generation
from negotiation.repeated.polygon import convex_hull, cross_sections, inside

PD = ng.examples.prisoners_dilemma()
AS_EXAMPLE = ng.NormalFormGame.from_arrays(  # Abreu and Sannikov (2014), section 6
    [[16, 3, 0], [21, 10, -1], [9, 5, -5]], [[9, 13, 3], [1, 4, 0], [0, -4, -15]])


def self_generating(vertices, game, delta, tol=1e-8) -> bool:
    """Every vertex is (1-δ)u(a) + δw with w in the polygon and no profitable deviation (APS 1990)."""
    A, B = (np.asarray(p, dtype=float) for p in game.payoffs)
    worst = vertices.min(axis=0)
    gain_a = (1 - delta) / delta * (A.max(axis=0, keepdims=True) - A)
    gain_b = (1 - delta) / delta * (B.max(axis=1, keepdims=True) - B)
    for v in vertices:
        ok = False
        for i, j in np.ndindex(A.shape):
            w = (v - (1 - delta) * np.array([A[i, j], B[i, j]])) / delta
            ic = worst + np.array([gain_a[i, j], gain_b[i, j]])
            ok |= bool((w >= ic - tol).all() and inside(w[None, :], vertices, tol)[0])
        if not ok:
            return False
    return True


def random_games(count, seed):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        yield rng.random((3, 3)), rng.random((3, 3)), float(rng.choice([0.5, 0.7, 0.9]))


def test_prisoners_dilemma_at_three_quarters():
    result = ng.equilibrium_payoff_set(PD, 0.75)
    expected = np.array([[1, 1], [13 / 3, 1], [3, 3], [1, 13 / 3]])
    assert result.converged
    assert np.allclose(result.vertices, expected, atol=1e-10)
    assert result.punishment == pytest.approx((1, 1))


def test_low_patience_leaves_only_the_stage_equilibrium():
    result = ng.equilibrium_payoff_set(PD, 0.2)
    assert np.allclose(result.vertices, [[1, 1]], atol=1e-12)


@pytest.mark.parametrize("game, delta", [(PD, 0.75), (AS_EXAMPLE, 0.3)]
                         + [(ng.NormalFormGame.from_arrays(A, B), d) for A, B, d in random_games(8, 1)])
def test_the_set_generates_itself(game, delta):
    try:
        result = ng.equilibrium_payoff_set(game, delta)
    except SolverError:
        assert not len(ng.pure_equilibria(game))
        return
    assert self_generating(result.vertices, game, delta)


_QUANTECON = """
import json, sys
import numpy as np
from quantecon.game_theory import NormalFormGame, RepeatedGame
out = []
for A, B, delta in json.loads(sys.stdin.read()):
    A, B = np.array(A), np.array(B)
    game = NormalFormGame([[(A[i, j], B[i, j]) for j in range(A.shape[1])] for i in range(A.shape[0])])
    try:
        hull = RepeatedGame(game, delta).equilibrium_payoffs()
        out.append(hull.points[hull.vertices].tolist())
    except Exception as exc:  # QuantEcon refuses sets of fewer than three vertices
        out.append(type(exc).__name__)
print(json.dumps(out), flush=True)
"""


def test_agrees_with_quantecon():
    """QuantEcon runs in a child process: it has corrupted the heap at exit on some inputs."""
    pytest.importorskip("quantecon")
    cases = [(PD, 0.75), (AS_EXAMPLE, 0.3)] + [(ng.NormalFormGame.from_arrays(A, B), d)
                                               for A, B, d in random_games(30, 2)]
    data = [[np.asarray(g.payoffs[0], float).tolist(), np.asarray(g.payoffs[1], float).tolist(), d]
            for g, d in cases]
    child = subprocess.run([sys.executable, "-c", _QUANTECON], input=json.dumps(data), capture_output=True,
                           text=True, timeout=600)
    theirs = json.loads(child.stdout.strip().splitlines()[-1])
    compared = 0
    for (game, delta), answer in zip(cases, theirs):
        if isinstance(answer, str):
            continue
        ours = ng.equilibrium_payoff_set(game, delta).vertices
        assert np.allclose(ours, convex_hull(np.array(answer)), atol=1e-8), (delta, ours, answer)
        compared += 1
    assert compared >= 15


@pytest.mark.parametrize("delta", [0, 1, -0.5, float("nan"), "0.5", True])
def test_bad_discount_factors_are_named(delta):
    with pytest.raises(ParameterError, match="delta"):
        ng.equilibrium_payoff_set(PD, delta)


def test_games_without_pure_equilibria_say_why():
    with pytest.raises(SolverError, match="no pure-action subgame-perfect equilibrium"):
        ng.equilibrium_payoff_set(ng.examples.matching_pennies(), 0.9)


def test_hull_drops_near_collinear_points():
    points = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [1 + 1e-15, 0.5], [0.5, 1 - 1e-15]])
    assert convex_hull(points).tolist() == [[0, 0], [1, 0], [1, 1], [0, 1]]


_stage_games = st.builds(
    lambda shape, seed, integer, delta: (_random_game(shape, seed, integer), delta),
    st.sampled_from([(1, 3), (2, 2), (2, 5), (3, 3), (4, 4), (5, 3), (6, 6)]), st.integers(0, 10**6), st.booleans(),
    st.sampled_from([0.3, 0.5, 0.7, 0.9]))


def _random_game(shape, seed, integer):
    rng = np.random.default_rng(seed)
    if integer:  # ties and collinear payoffs
        return ng.NormalFormGame.from_arrays(rng.integers(0, 4, shape), rng.integers(0, 4, shape))
    return ng.NormalFormGame.from_arrays(rng.random(shape), rng.random(shape))


def _solve(game, delta, small):
    with mock.patch.object(generation, "SMALL", small):
        try:
            return ng.equilibrium_payoff_set(game, delta)
        except SolverError as exc:
            return str(exc)


@given(_stage_games)
def test_the_loop_and_the_arrays_find_the_same_set(case):
    """Small games loop over profiles, large ones use arrays and reuse last round's hull: same answer."""
    game, delta = case
    looped, arrays = _solve(game, delta, 10**9), _solve(game, delta, 0)
    if isinstance(looped, str):
        assert looped == arrays
        return
    assert looped.vertices.shape == arrays.vertices.shape
    assert np.allclose(looped.vertices, arrays.vertices, atol=1e-9)
    assert looped.punishment == pytest.approx(arrays.punishment, abs=1e-9)


@given(_stage_games)
def test_the_worst_equilibrium_payoffs_are_the_sets_lowest_points(case):
    """An earlier hull cut segment-shaped sets short at one end, below which the punishment still lay."""
    game, delta = case
    result = _solve(game, delta, generation.SMALL)
    if isinstance(result, str):
        return
    assert result.converged
    assert result.vertices.min(axis=0) == pytest.approx(result.punishment, abs=1e-9)


@given(_stage_games, st.integers(1, 40))
def test_both_forms_generate_the_same_points(case, rounds):
    game, delta = case
    try:
        state = ng.equilibrium_payoff_set(game, delta, max_iter=rounds)
    except SolverError:
        return
    A, B = (np.asarray(p, dtype=float) for p in game.payoffs)
    payoffs = np.stack([A.ravel(), B.ravel()], axis=1)
    gains = (1 - delta) / delta * np.stack([(A.max(axis=0, keepdims=True) - A).ravel(),
                                            (B.max(axis=1, keepdims=True) - B).ravel()], axis=1)
    stage = generation.Stage(payoffs, gains, delta)
    vertices = [tuple(v) for v in state.vertices.tolist()]
    sections = cross_sections(vertices, 0), cross_sections(vertices, 1)
    listed = generation.generated_points(sections, stage, state.punishment)
    xs, ys, keep = generation.generated_slots(sections, stage, state.punishment)
    assert sorted(listed) == sorted(zip(xs[keep].tolist(), ys[keep].tolist()))


def test_a_last_digit_cycle_still_converges():
    """Here the worst payoff flips between two floats 2e-16 apart every round; the set has converged."""
    result = ng.equilibrium_payoff_set(_random_game((3, 3), 1903, False), 0.7)
    assert result.converged and result.iterations < 200
