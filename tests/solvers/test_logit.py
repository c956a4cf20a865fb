"""Logit QRE: uniform at λ = 0, the fixed point along the branch, a verified Nash limit, agreement with
all_equilibria on two-player games and with Gambit's logit_solve where pygambit is installed."""

import io
import os
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import examples
from negotiation.errors import SolverError
from negotiation.solvers.contractions import Contractions
from negotiation.solvers.logit import _equations

SHAPES = st.sampled_from([(3, 3, 3), (2, 2, 2, 2), (4, 4, 3), (2, 3), (4, 4)])


def random_game(shape, seed):
    rng = np.random.default_rng(seed)
    return ng.NormalFormGame([rng.random(shape) for _ in shape])


def payoff_against(array, profile, i):
    """Player i's payoff for each of its strategies against the others' mixtures, one axis at a time."""
    for axis in range(len(profile) - 1, -1, -1):
        if axis != i:
            array = np.tensordot(array, profile[axis], axes=([axis], [0]))
    return array


def logit_image(game, profile, lam):
    """softmax(λ u_i(σ)) for each player: a QRE is a fixed point of this map."""
    arrays = [np.asarray(a, float) for a in game.payoffs]
    out = []
    for i, array in enumerate(arrays):
        u = lam * payoff_against(array, [np.asarray(p, float) for p in profile], i)
        e = np.exp(u - u.max())
        out.append(e / e.sum())
    return out


def test_uniform_at_zero_precision():
    game = random_game((3, 4, 2), 1)
    response = ng.quantal_response(game, 0)
    for vector, size in zip(response.profile, game.shape):
        assert np.allclose(vector, 1 / size, atol=1e-15)


@settings(max_examples=25)
@given(SHAPES, st.integers(0, 10**6), st.floats(0.1, 40))
def test_the_response_is_a_fixed_point(shape, seed, lam):
    game = random_game(shape, seed)
    scale = ng.games.profiles.payoff_scale(game)
    response = ng.quantal_response(game, lam / scale)
    for ours, image in zip(response.profile, logit_image(game, response.profile, lam / scale)):
        assert np.allclose(ours, image, atol=1e-9)


@settings(max_examples=25)
@given(SHAPES, st.integers(0, 10**6))
def test_the_limit_is_a_verified_nash_equilibrium(shape, seed):
    game = random_game(shape, seed)
    result = ng.logit_equilibrium(game)
    assert len(result) == 1 and not result.complete
    scale = ng.games.profiles.payoff_scale(game)
    assert result[0].regret <= 1e-10 * scale
    assert ng.is_nash(game, result[0].profile, tol=1e-10)


@settings(max_examples=25)
@given(st.integers(2, 5), st.integers(2, 5), st.integers(0, 10**6))
def test_two_player_limits_are_among_all_equilibria(m, n, seed):
    game = random_game((m, n), seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        every = ng.all_equilibria(game)
    limit = np.concatenate(ng.logit_equilibrium(game)[0].profile)
    assert min(np.max(np.abs(limit - np.concatenate(eq.profile))) for eq in every) <= 1e-8


def test_textbook_games():
    assert ng.logit_equilibrium(examples.prisoners_dilemma())[0].support == (("Defect",), ("Defect",))
    pennies = ng.logit_equilibrium(examples.matching_pennies())[0]
    assert all(np.allclose(v, 0.5, atol=1e-12) for v in pennies.profile)


def test_the_curve_starts_uniform_and_ends_near_the_equilibrium():
    game = random_game((3, 3, 3), 7)
    curve = ng.quantal_response_curve(game)
    assert curve.lams[0] == 0 and np.allclose(curve.probabilities[0], 1 / 3)
    limit = np.concatenate(ng.logit_equilibrium(game)[0].profile)
    assert np.max(np.abs(curve.probabilities[-1] - limit)) <= 1e-4
    assert "logit QRE branch" in str(curve) and "object at 0x" not in str(curve)


def test_bad_precisions_are_named():
    with pytest.raises(ng.errors.SolverError, match="finite number ≥ 0"):
        ng.quantal_response(examples.chicken(), -1)
    with pytest.raises(ng.errors.SolverError, match="must be a number"):
        ng.quantal_response(examples.chicken(), "high")


def test_gambit_logit_finds_the_same_equilibrium():
    if os.environ.get("NEGOTIATION_REQUIRE_GAMBIT"):
        import pygambit as gbt
    else:
        gbt = pytest.importorskip("pygambit")
    from negotiation.io import gambit

    for seed in range(10):
        game = random_game((3, 3, 3), seed)
        theirs = gbt.nash.logit_solve(gbt.read_nfg(io.StringIO(gambit.dumps(game)))).equilibrium
        flat = np.array([float(theirs[p][s]) for p, labels in zip(game.players, game.strategies) for s in labels])
        ours = np.concatenate(ng.logit_equilibrium(game)[0].profile)
        assert np.max(np.abs(flat - ours)) <= 1e-4, seed  # Gambit stops its trace at a regret tolerance


@given(shape=st.sampled_from([(2, 2), (3, 2), (2, 4), (3, 3, 3), (4, 2, 3), (2, 2, 2, 2), (3, 1, 2)]),
       seed=st.integers(0, 10**6), lam=st.floats(0, 50))
def test_the_equations_and_their_derivatives(shape, seed, lam):
    """Every player is computed at once, padded to a common strategy count: check against the definition.

    G(β, λ) = β - log softmax(λ u(exp β)); its Jacobian and λ-derivative against central differences.
    """
    rng = np.random.default_rng(seed)
    arrays = [rng.random(shape) for _ in shape]
    beta = rng.normal(size=sum(shape))
    residual, jacobian, by_lambda = _equations(beta, lam, Contractions(arrays))

    def definition(b, precision):
        blocks = np.split(np.exp(b), np.cumsum(shape)[:-1])
        out = []
        for i, array in enumerate(arrays):
            z = precision * payoff_against(array, blocks, i)
            out.append(np.split(b, np.cumsum(shape)[:-1])[i] - (z - z.max() - np.log(np.exp(z - z.max()).sum())))
        return np.concatenate(out)

    assert np.allclose(residual, definition(beta, lam), atol=1e-12)
    h = 1e-6
    numeric = np.column_stack([(definition(beta + h * e, lam) - definition(beta - h * e, lam)) / (2 * h)
                               for e in np.eye(len(beta))])
    assert np.allclose(jacobian, numeric, atol=1e-6 * max(1, lam))
    assert np.allclose(by_lambda, (definition(beta, lam + h) - definition(beta, lam - h)) / (2 * h), atol=1e-6)


def test_a_degenerate_limit_falls_back_to_the_nearest_verified_equilibrium():
    # Integer payoffs: the branch ends where Newton on the played strategies cannot land (a continuum).
    game = ng.NormalFormGame.from_arrays([[2, 0, 0], [0, 1, 2], [1, 0, 1]], [[1, 2, 2], [2, 0, 2], [0, 1, 0]])
    result = ng.logit_equilibrium(game)
    assert len(result) == 1 and not result.complete
    assert result[0].regret <= 1e-9 * ng.payoff_scale(game)
    assert result.method == "logit tracing, then support enumeration"
    assert "did not verify" in result.message and "nearest" in result.message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        everything = ng.all_equilibria(game)
    assert any(all(np.allclose(p, q, atol=1e-9) for p, q in zip(eq.profile, result[0].profile)) for eq in everything)


def test_a_branch_point_the_trace_cannot_pass_is_named_in_payoff_units():
    A = [[0, 2, 1, 1], [0, 0, 2, 2], [0, 0, 2, 1], [2, 2, 0, 0]]
    B = [[0, 0, 1, 0], [2, 2, 2, 2], [2, 0, 1, 0], [2, 2, 2, 0]]
    game = ng.NormalFormGame.from_arrays(A, B)
    with pytest.raises(SolverError, match=r"could not be continued past λ = 8\d\.\d"):  # 173 in units of the range 2
        ng.quantal_response(game, 1000)
    result = ng.logit_equilibrium(game)
    assert len(result) == 1 and result[0].regret <= 1e-9 * ng.payoff_scale(game)
    assert "could not be continued" in result.message
