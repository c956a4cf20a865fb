"""Three-player supports solved by hiding one player's mixture, checked against the homotopy.

(Brute-force exact enumeration covers them too: test_n_player's 2×2×2 and 3×2×2 games go through here.)
"""

import itertools
import warnings

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import negotiation as ng
import negotiation.solvers.n_player as n_player
from negotiation.solvers.hidden_player import hidden_player_roots, solvable
from negotiation.solvers.homotopy import real_positions, start_count, track_paths
from negotiation.solvers.indifference import SupportEquations, multilinear_tensors, padded_tensors, shape_for

SHAPES = sorted({p for sizes in ((2, 2, 2), (2, 2, 3), (2, 3, 3), (3, 3, 3)) for p in itertools.permutations(sizes)})


def payoffs(seed, integers=False, shape=(3, 3, 3)):
    rng = np.random.default_rng(seed)
    if integers:
        return [rng.integers(-4, 5, size=shape).astype(float) for _ in shape]
    return [rng.normal(size=shape) for _ in shape]


def supports_of(sizes):
    return tuple(tuple(range(k)) for k in sizes)


def test_a_far_root_the_homotopy_loses_is_found():
    # Found by hypothesis: one of this (2, 3, 3) support's four paths fails near a root of size 130.
    sizes, arrays = (2, 3, 3), payoffs(29588)
    roots, complete = hidden_player_roots(sizes, [multilinear_tensors(arrays, supports_of(sizes), 1.0)])
    assert complete[0] and np.abs(roots[0]).max() > 100
    assert len(homotopy_roots(arrays, supports_of(sizes))) == 3


def homotopy_roots(arrays, supports):
    full = (max(np.shape(arrays[0])),) * len(supports)
    sizes = tuple(len(s) for s in supports)
    x, _, status = track_paths(full, [(sizes, padded_tensors(arrays, supports, 1.0))])
    return x[status == "finished"][:, real_positions(sizes, full)]


def test_the_shapes_it_solves():
    assert all(solvable(sizes) for sizes in SHAPES)
    assert not any(solvable(sizes) for sizes in ((2, 2, 4), (4, 4, 4), (3, 2, 2, 2), (1, 2, 2), (3, 3, 4)))
    assert solvable((2, 3, 4)) and solvable((4, 4, 2)) and solvable((2, 2, 2, 2))
    with pytest.raises(ValueError, match="cannot be solved"):
        hidden_player_roots((4, 4, 4), [])


@pytest.mark.parametrize("sizes", SHAPES)
@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_certified_roots_are_the_homotopys_and_solve_the_equations(sizes, seed):
    arrays = payoffs(seed)
    supports = supports_of(sizes)
    tensors = multilinear_tensors(arrays, supports, 1.0)
    roots, complete = hidden_player_roots(sizes, [tensors])
    assert roots.shape == (1, start_count(sizes), sum(k - 1 for k in sizes))
    if not complete[0]:
        return  # left to the homotopy: allowed, and counted in the next test
    f, _ = SupportEquations(shape_for(sizes), [tensors]).evaluate(roots[0], np.zeros(len(roots[0]), int))
    assert np.abs(f).max() <= 1e-9 * (1 + np.abs(roots).max()) ** 2
    theirs = homotopy_roots(arrays, supports)  # a path may fail (e.g. toward a root far outside the simplex)
    for root in theirs:  # every root the homotopy finds is one of ours
        assert np.abs(roots[0] - root).max(axis=1).min() <= 1e-6 * (1 + np.abs(root).max())


FOUR_BINARY = (2, 2, 2, 2)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10**6), integers=st.booleans())
def test_four_binary_players_roots_are_the_homotopys(seed, integers):
    # 13 candidates, 4 of them spurious (where σ0 or σ1 vanishes): certified only with 9 distinct good roots
    arrays = payoffs(seed, integers, FOUR_BINARY)
    supports = supports_of(FOUR_BINARY)
    tensors = multilinear_tensors(arrays, supports, 1.0)
    roots, complete = hidden_player_roots(FOUR_BINARY, [tensors])
    assert roots.shape == (1, 9, 4)
    if not complete[0]:
        return
    f, _ = SupportEquations(shape_for(FOUR_BINARY), [tensors]).evaluate(roots[0], np.zeros(9, int))
    assert np.abs(f).max() <= 1e-9 * (1 + np.abs(roots).max()) ** 3
    gaps = np.abs(roots[0][:, None] - roots[0][None]).max(axis=2) + np.eye(9)
    assert gaps.min() > 1e-6
    for root in homotopy_roots(arrays, supports):
        assert np.abs(roots[0] - root).max(axis=1).min() <= 1e-6 * (1 + np.abs(root).max())


def test_four_binary_players_are_nearly_always_certified():
    tensors = [multilinear_tensors(payoffs(seed, shape=FOUR_BINARY), supports_of(FOUR_BINARY), 1.0)
               for seed in range(40)]
    _, complete = hidden_player_roots(FOUR_BINARY, tensors)
    assert complete.sum() >= 38


@pytest.mark.parametrize("sizes", SHAPES)
def test_nearly_every_generic_support_is_certified(sizes):
    arrays = [payoffs(seed) for seed in range(40)]
    tensors = [multilinear_tensors(a, supports_of(sizes), 1.0) for a in arrays]
    _, complete = hidden_player_roots(sizes, tensors)
    assert complete.sum() >= 36


def test_a_support_with_a_continuum_is_not_certified():
    arrays = payoffs(3)
    arrays[0][:] = 0  # player 1 is indifferent everywhere: its conditions vanish, the roots form a continuum
    for sizes in ((2, 2, 2), (3, 3, 3), (2, 3, 3)):
        _, complete = hidden_player_roots(sizes, [multilinear_tensors(arrays, supports_of(sizes), 1.0)])
        assert not complete[0]
    arrays = payoffs(3, shape=FOUR_BINARY)
    arrays[2][:] = 0
    _, complete = hidden_player_roots(FOUR_BINARY, [multilinear_tensors(arrays, supports_of(FOUR_BINARY), 1.0)])
    assert not complete[0]


def equilibria(game, eliminate):
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        patch.setattr(n_player, "solvable", solvable if eliminate else lambda sizes: False)
        warnings.simplefilter("ignore")
        result = ng.all_equilibria(game)
    return {tuple(np.round(np.concatenate(eq.profile), 7)) for eq in result}, result.complete, result.degenerate


# Four players: supports where three mix and one stays pure are three-player ones to the elimination.
@pytest.mark.parametrize("shape", [(3, 3, 3), (2, 3, 3), (3, 2, 3), (4, 4, 3), (2, 2, 2, 2), (3, 2, 2, 2)])
@settings(max_examples=6, deadline=None)
@example(seed=1, integers=True)  # degenerate: the homotopy alone leaves a path failed
@given(seed=st.integers(0, 10**6), integers=st.booleans())
def test_all_equilibria_are_the_same_with_and_without_elimination(shape, seed, integers):
    game = ng.NormalFormGame(payoffs(seed, integers, shape))
    (ours, complete, degenerate), (theirs, tracked_complete, tracked_degenerate) = \
        equilibria(game, True), equilibria(game, False)
    assert ours == theirs and degenerate == tracked_degenerate
    # In a degenerate game a failed homotopy path marks the list incomplete; a support the elimination
    # certifies has no continuum, so the list may be complete with it and not without it, never the reverse.
    assert complete >= tracked_complete


def test_a_degenerate_game_whose_paths_meet_a_singular_jacobian_gives_a_result_not_a_traceback():
    # Found while benchmarking: a path of this 3×2×4 integer game reached non-finite values and least squares
    # raised from deep inside LAPACK.
    rng = np.random.default_rng(517)
    game = ng.NormalFormGame([rng.integers(0, 4, size=(3, 2, 4)).astype(float) for _ in range(3)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = ng.all_equilibria(game)
    assert result.degenerate and len(result) >= 1
    assert all(eq.regret <= 1e-9 for eq in result)
