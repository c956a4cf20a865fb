"""All equilibria of games with three or more players (support enumeration, elimination, homotopy)."""

import io
import os
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import Phase, assume, example, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.errors import BudgetError, DegenerateGameWarning
from negotiation.io import gambit
from negotiation.solvers.homotopy import real_positions, start_count, track_paths
from negotiation.solvers.indifference import (PaddedEquations, SupportEquations, multilinear_tensors, padded_tensors,
                                              shape_for)

from ..brute import n_player_equilibria

DATA = Path(__file__).parent.parent / "data" / "gambit"


def random_game(shape, seed, integers=False):
    rng = np.random.default_rng(seed)
    if integers:
        arrays = [rng.integers(-9, 10, size=shape) for _ in shape]
    else:
        arrays = [rng.normal(size=shape) for _ in shape]
    return ng.NormalFormGame.from_arrays(*arrays)


def flat(eq):
    return tuple(round(float(p), 9) + 0.0 for v in eq.profile for p in v)


def test_mckelvey_mclennan_has_nine_equilibria_two_totally_mixed_as_fractions():
    game = gambit.load(DATA / "mckelvey_mclennan_2x2x2.nfg")
    result = ng.all_equilibria(game, exact=True)
    assert len(result) == 9 and result.complete and not result.degenerate
    assert all(eq.exact and eq.regret == 0 for eq in result)
    assert all(isinstance(p, Fraction) for eq in result for v in eq.profile for p in v)
    totally_mixed = [eq for eq in result if all(len(s) == 2 for s in eq.support)]
    assert len(totally_mixed) == 2
    assert "odd" in result.message


def test_the_known_games_agree_with_an_independent_symbolic_enumeration():
    game = gambit.load(DATA / "mckelvey_mclennan_2x2x2.nfg")
    arrays = [np.asarray(a, dtype=float).astype(int) for a in game.payoffs]
    assert {flat(eq) for eq in ng.all_equilibria(game)} == n_player_equilibria(arrays)


def test_jordans_cyclic_matching_pennies_has_one_equilibrium_all_mixing_half():
    # Player 1 wants to match 2, 2 wants to match 3, 3 wants to mismatch 1 (Jordan 1993).
    match = np.array([[1, -1], [-1, 1]])
    u1 = np.broadcast_to(match[:, :, None], (2, 2, 2))
    u2 = np.broadcast_to(match[None, :, :], (2, 2, 2))
    u3 = np.broadcast_to(-match.T[:, None, :], (2, 2, 2))
    game = ng.NormalFormGame.from_arrays(u1, u2, u3)
    result = ng.all_equilibria(game, exact=True)
    assert len(result) == 1
    assert all(list(v) == [Fraction(1, 2)] * 2 for v in result[0].profile)


def test_labels_are_kept():
    game = ng.NormalFormGame.from_arrays(
        *[random_game((2, 2, 2), 3).payoffs[i] for i in range(3)],
        players=("U.S.", "China", "Brazil"),
        strategies=(("Tariff", "Hold"), ("Retaliate", "Buy"), ("Sell", "Wait")))
    result = ng.all_equilibria(game)
    assert set(result[0].strategy_of("Brazil")) <= {"Sell", "Wait"}
    assert "Brazil" in str(result)


@settings(max_examples=12, deadline=None)
@given(st.sampled_from([(3, 3, 3), (2, 2, 2, 2), (4, 4, 3)]), st.integers(0, 10**6))
def test_random_games_give_verified_equilibria_an_odd_number_of_them(shape, seed):
    game = random_game(shape, seed)
    result = ng.all_equilibria(game)
    assert result.complete and not result.degenerate
    assert len(result) % 2 == 1
    assert result.max_regret <= 1e-10 * ng.payoff_scale(game)


# No shrinking: a smaller seed is not a simpler game, and each shrink step re-runs the slow sympy oracle.
@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.sampled_from([(2, 2, 2), (3, 2, 2)]), st.integers(0, 10**6))
@example(shape=(3, 2, 2), seed=1489)  # exact ties that float payoffs missed: the game is degenerate
def test_small_integer_games_match_brute_force_exact_enumeration(shape, seed):
    game = random_game(shape, seed, integers=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        result = ng.all_equilibria(game, exact=True)
    assume(not result.degenerate)
    arrays = [np.asarray(a, dtype=object).astype(int) for a in game.payoffs]
    assert {flat(eq) for eq in result} == n_player_equilibria(arrays)
    assert all(eq.regret == 0 for eq in result if eq.exact)


def _mixture(eq_a, eq_b, w):
    return tuple(w * a + (1 - w) * b for a, b in zip(eq_a.profile, eq_b.profile))


def test_a_segment_cut_short_by_a_pure_player_is_one_nash_subset_with_both_corners():
    # Player 2 is pinned at (7/15, 8/15), which leaves player 1 exactly indifferent among all three
    # strategies; player 1's segment is cut short where player 3 becomes indifferent. Float payoffs
    # once hid the tie, and the cut corner was reported as a separate, nondegenerate equilibrium.
    game = random_game((3, 2, 2), 1489, integers=True)
    with pytest.warns(DegenerateGameWarning):
        result = ng.all_equilibria(game, exact=True)
    assert result.degenerate and result.complete and len(result) == 2
    assert result.components[0].nash_subsets == ((0, 1),)
    assert {tuple(result[k].profile[0]) for k in (0, 1)} == {
        (Fraction(8, 15), 0, Fraction(7, 15)), (Fraction(660, 1769), Fraction(1063, 1769), Fraction(46, 1769))}
    exact = game.as_exact()
    for w in (Fraction(1, 3), Fraction(1, 2), Fraction(9, 10)):
        assert ng.regret(exact, _mixture(result[0], result[1], w)) == 0
    assert ng.regret(exact, _mixture(result[0], result[1], Fraction(-1, 100))) > 0  # a step past the cut


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6))
def test_every_mixture_of_a_nash_subset_is_an_equilibrium_in_small_tie_heavy_games(seed):
    rng = np.random.default_rng(seed)
    game = ng.NormalFormGame.from_arrays(*[rng.integers(-2, 3, size=(3, 2, 2)) for _ in range(3)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        result = ng.all_equilibria(game, exact=True)
    exact = game.as_exact()
    for component in result.components:
        for subset in component.nash_subsets:
            weights = rng.integers(1, 10, size=len(subset))
            weights = [Fraction(int(w), int(weights.sum())) for w in weights]
            point = tuple(sum(w * result[k].profile[p] for w, k in zip(weights, subset))
                          for p in range(game.num_players))
            if all(result[k].exact for k in subset):
                assert ng.regret(exact, point) == 0
            else:  # an irrational corner is a float
                assert ng.regret(game, point) <= 1e-9 * ng.payoff_scale(game)


def _key(eq):
    return tuple(np.round(np.concatenate([np.asarray(v, float) for v in eq.profile]), 6))


def _keys(result):
    return {_key(eq) for eq in result}


def _structure(result):
    """Components and their Nash subsets as sets of profiles, so that listing order does not matter."""
    def members(indices):
        return frozenset(_key(result[k]) for k in indices)
    return {(members(c.extreme), frozenset(members(s) for s in c.nash_subsets)) for c in result.components}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([(2, 2, 2), (3, 2, 2), (3, 3, 2)]), st.integers(0, 10**6))
def test_exact_and_float_agree_on_tie_heavy_games(shape, seed):
    rng = np.random.default_rng(seed)
    game = ng.NormalFormGame.from_arrays(*[rng.integers(-2, 3, size=shape) for _ in shape])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        exact, approx = ng.all_equilibria(game, exact=True), ng.all_equilibria(game)
    assert _keys(exact) == _keys(approx) and len(exact) == len(approx)
    assert (exact.degenerate, exact.complete) == (approx.degenerate, approx.complete)
    assert _structure(exact) == _structure(approx)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([(3, 2, 2), (2, 3, 2, 2)]), st.integers(0, 10**6), st.randoms(use_true_random=False))
def test_permuting_players_permutes_the_answer(shape, seed, rnd):
    game = random_game(shape, seed)
    order = list(range(len(shape)))
    rnd.shuffle(order)
    permuted = game.permute_players([game.players[k] for k in order])
    original = {tuple(tuple(np.round(eq.profile[k], 8)) for k in order) for eq in ng.all_equilibria(game)}
    moved = {tuple(tuple(np.round(v, 8)) for v in eq.profile) for eq in ng.all_equilibria(permuted)}
    assert original == moved


def test_an_irrational_equilibrium_stays_a_float_and_says_so():
    for seed in range(200):
        game = random_game((2, 2, 2), seed, integers=True)
        result = ng.all_equilibria(game, exact=True)
        if any(not eq.exact for eq in result):
            break
    else:
        pytest.fail("no random 2×2×2 integer game with an irrational equilibrium in 200 seeds")
    assert "irrational" in result.message
    assert all(eq.regret == 0 for eq in result if eq.exact)
    assert all(float(eq.regret) <= 1e-9 * ng.payoff_scale(game) for eq in result if not eq.exact)


def test_a_degenerate_game_reports_its_components():
    zero = np.zeros((2, 2, 2), dtype=int)
    game = ng.NormalFormGame.from_arrays(zero, zero, zero)
    with pytest.warns(DegenerateGameWarning):
        result = ng.all_equilibria(game, exact=True)
    assert result.degenerate and len(result) == 8  # the eight pure profiles span the one component
    assert len(result.components) == 1 and result.components[0].extreme == tuple(range(8))


def test_a_one_sided_tie_gives_an_interval_of_equilibria():
    # The EU is indifferent whatever happens; the others coordinate on (A, A) when the EU plays A.
    u = np.zeros((2, 2, 2), dtype=int)
    u[0, 0, :] = 2
    u[1, 1, :] = 1
    game = ng.NormalFormGame.from_arrays(u, u, np.zeros((2, 2, 2), dtype=int),
                                         players=("U.S.", "China", "EU"))
    with pytest.warns(DegenerateGameWarning):
        result = ng.all_equilibria(game, exact=True)
    assert result.degenerate
    mixed = [c for c in result.components if len(c.extreme) > 1]
    assert mixed and all(ng.is_nash(game, eq.profile) for eq in result)


def test_the_budget_is_checked_before_any_work():
    with pytest.raises(BudgetError, match="support profiles"):
        ng.all_equilibria(random_game((7, 7, 7), 0))


def test_a_timeout_returns_what_was_found_marked_incomplete():
    result = ng.all_equilibria(random_game((5, 5, 4), 1), timeout=0.05)
    assert not result.complete and "timeout" in result.message


def test_start_system_sizes_are_the_multihomogeneous_bezout_numbers():
    # 2 totally mixed equilibria at most for 2×2×2, 10 for 3×3×3 (McKelvey and McLennan 1997), 9 for 2^4.
    assert start_count((2, 2, 2)) == 2
    assert start_count((3, 3, 3)) == 10
    assert start_count((2, 2, 2, 2)) == 9
    assert start_count((3, 2, 1)) == 0  # unbalanced: player 1 has two conditions and one unknown against it


def test_solve_enumerates_small_many_player_games():
    result = ng.solve(gambit.load(DATA / "mckelvey_mclennan_2x2x2.nfg"))
    assert len(result) == 9 and result.complete


def test_gambit_equilibria_are_among_ours():
    if os.environ.get("NEGOTIATION_REQUIRE_GAMBIT"):
        import pygambit as gbt
    else:
        gbt = pytest.importorskip("pygambit")
    for seed in range(6):
        game = random_game((2, 2, 2), seed, integers=True)
        theirs = gbt.nash.enumpoly_solve(gbt.read_nfg(io.StringIO(gambit.dumps(game)))).equilibria
        ours = [np.concatenate([np.asarray(v, float) for v in eq.profile]) for eq in ng.all_equilibria(game)]
        for profile in theirs:
            point = np.array([float(profile[p][s]) for p, labels in zip(game.players, game.strategies)
                              for s in labels])
            assert min(np.abs(point - o).max() for o in ours) <= 1e-6, seed


def _on_its_own(payoffs, supports):
    """The support as a game of its own, padded with unplayed strategies to equal sizes."""
    sizes = tuple(len(s) for s in supports)
    K = max(sizes)
    own = []
    for a in payoffs:
        padded = np.zeros((K,) * len(sizes))
        padded[tuple(slice(0, k) for k in sizes)] = a[np.ix_(*supports)]
        own.append(padded)
    return own, [range(k) for k in sizes], (K,) * len(sizes)


@pytest.mark.parametrize("seed", range(4))
def test_a_padded_support_follows_its_own_homotopy(seed):
    """Supports of every size share one batch in the game's layout; each path must end where it would alone."""
    rng = np.random.default_rng(seed)
    payoffs = [rng.normal(size=(3, 3, 3)) for _ in range(3)]
    supports_list = [((0, 1), (0, 2), (1, 2)), ((0, 1, 2), (1, 2), (0, 1)), ((0, 1, 2), (0, 1, 2), (0, 1, 2))]
    batch = [(tuple(len(s) for s in supports), padded_tensors(payoffs, supports, 1.0)) for supports in supports_list]
    x, owner, status = track_paths((3, 3, 3), batch)
    for k, supports in enumerate(supports_list):
        sizes = batch[k][0]
        own, everything, layout = _on_its_own(payoffs, supports)
        alone, _, alone_status = track_paths(layout, [(sizes, padded_tensors(own, everything, 1.0))])
        together = x[owner == k][:, real_positions(sizes, (3, 3, 3))]
        assert (status[owner == k] == alone_status).all()
        finished = alone_status == "finished"
        assert np.allclose(together[finished], alone[finished][:, real_positions(sizes, layout)], atol=1e-8)
        padding = np.setdiff1d(np.arange(6), real_positions(sizes, (3, 3, 3)))
        assert (x[owner == k][:, padding] == 0).all()  # the dummies never move


@given(shape=st.sampled_from([(3, 3, 3), (2, 2, 2, 2), (4, 3, 2)]), seed=st.integers(0, 10**6))
def test_padded_equations_are_the_supports_own(shape, seed):
    """The batched, padded evaluation against the one-support-size evaluation, at random complex points."""
    rng = np.random.default_rng(seed)
    payoffs = [rng.normal(size=shape) for _ in shape]
    supports = tuple(tuple(sorted(rng.choice(k, size=rng.integers(2, k + 1), replace=False))) for k in shape)
    sizes = tuple(len(s) for s in supports)
    K = max(shape)
    full = (K,) * len(shape)
    padded = []
    for a in payoffs:
        b = np.zeros(full)
        b[tuple(slice(0, k) for k in shape)] = a
        padded.append(b)
    positions = real_positions(sizes, full)
    dummy = np.ones((1, len(shape) * (K - 1)), dtype=bool)
    dummy[0, positions] = False
    batched = PaddedEquations(len(shape), K, [padded_tensors(padded, supports, 1.0)], dummy)
    own = SupportEquations(shape_for(sizes), [multilinear_tensors(payoffs, supports, 1.0)])
    point = rng.normal(size=len(positions)) + 1j * rng.normal(size=len(positions))
    x = np.zeros((1, len(shape) * (K - 1)), dtype=complex)
    x[0, positions] = point
    value, jac = batched.evaluate(x, np.array([0]))
    expected_value, expected_jac = own.evaluate(point[None, :], np.array([0]))
    assert np.allclose(value[0, positions], expected_value[0], atol=1e-10)
    assert np.allclose(jac[0][np.ix_(positions, positions)], expected_jac[0], atol=1e-10)
