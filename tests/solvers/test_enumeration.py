"""all_equilibria: textbook answers, brute force in exact arithmetic, invariants, nashpy."""

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors
from tests import brute
from tests.known_games import KNOWN, as_set, expected_set
from tests.strategies import bimatrix, games

REGRET_TOL = 1e-9  # relative to the payoff scale
PROB_TOL = 1e-9


def quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ng.errors.DegenerateGameWarning)
        return function(*args, **kwargs)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_games_exact(name):
    factory, expected, degenerate = KNOWN[name]
    game = factory()
    result = quiet(ng.all_equilibria, game, exact=True)
    if expected is None:
        A, B = game.payoffs
        expected = brute.extreme_equilibria(A.tolist(), B.tolist())
    assert as_set(result) == expected_set(expected)
    assert result.degenerate is degenerate
    assert result.complete
    assert all(eq.regret == 0 and eq.exact for eq in result)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_games_float(name):
    factory, expected, _ = KNOWN[name]
    game = factory()
    result = quiet(ng.all_equilibria, game)
    if expected is None:
        A, B = game.payoffs
        expected = brute.extreme_equilibria(A.tolist(), B.tolist())
    want = sorted(tuple(float(p) for v in prof for p in v) for prof in expected_set(expected))
    got = sorted(tuple(float(p) for v in eq.profile for p in v) for eq in result)
    assert np.allclose(got, want, atol=PROB_TOL)
    assert result.max_regret <= REGRET_TOL * ng.payoff_scale(game)


def test_degenerate_components_and_warning():
    game = KNOWN["degenerate-segment"][0]()
    with pytest.warns(ng.errors.DegenerateGameWarning):
        result = ng.all_equilibria(game)
    assert result.degenerate
    assert len(result.components) == 1
    assert result.components[0].extreme == (0, 1)
    assert result.components[0].nash_subsets == ((0, 1),)
    # every point of the segment is an equilibrium
    for t in np.linspace(0, 1, 11):
        assert ng.is_nash(game, [[1, 0], [t, 1 - t]])


def test_fully_indifferent_game_is_one_component():
    game = ng.NormalFormGame.from_arrays(np.ones((3, 3)), np.ones((3, 3)))
    result = quiet(ng.all_equilibria, game)
    assert len(result) == 9
    assert len(result.components) == 1
    assert result.components[0].nash_subsets == (tuple(range(9)),)


def test_two_separate_components():
    # coordination with an indifferent column player on both sides: two segments
    game = ng.NormalFormGame.from_arrays([[1, 1, 0], [0, 0, 1]], [[1, 1, 0], [0, 0, 1]])
    result = quiet(ng.all_equilibria, game, exact=True)
    assert as_set(result) == brute.extreme_equilibria([[1, 1, 0], [0, 0, 1]], [[1, 1, 0], [0, 0, 1]])
    sizes = sorted(len(c.extreme) for c in result.components)
    assert result.degenerate and sizes[-1] >= 2


def test_one_strategy_players():
    game = ng.NormalFormGame.from_arrays([[1, 5, 5]], [[0, 2, 2]])
    result = quiet(ng.all_equilibria, game, exact=True)
    assert as_set(result) == {((F(1),), (0, 1, 0)), ((F(1),), (0, 0, 1))}
    single = ng.NormalFormGame.from_arrays([[7]], [[-3]])
    assert len(ng.all_equilibria(single)) == 1


def test_more_than_two_players_go_to_support_enumeration():
    game = ng.NormalFormGame([np.zeros((2, 2, 2))] * 3)
    result = quiet(ng.all_equilibria, game)
    assert result.method == "support enumeration" and result.degenerate


def test_scale_invariance_of_float_answers():
    rng = np.random.default_rng(3)
    A, B = rng.random((5, 5)), rng.random((5, 5))
    base = ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B))
    for scale in (1e-12, 1e12):
        scaled = ng.all_equilibria(ng.NormalFormGame.from_arrays(A * scale, B * scale))
        assert len(scaled) == len(base)
        for a, b in zip(base, scaled):
            assert np.allclose(np.concatenate(a.profile), np.concatenate(b.profile), atol=1e-8)
        assert scaled.max_regret <= REGRET_TOL * 1e12 * scale


@given(games(max_size=7))
def test_every_returned_profile_has_small_regret(game):
    result = quiet(ng.all_equilibria, game)
    assert len(result) >= 1  # every finite game has an equilibrium
    for eq in result:
        assert eq.regret <= REGRET_TOL * ng.payoff_scale(game)
        assert ng.is_nash(game, eq.profile, tol=REGRET_TOL)
        for vector in eq.profile:
            assert abs(vector.sum() - 1) <= PROB_TOL and (vector >= -PROB_TOL).all()


@given(bimatrix(max_size=4, integers=True, low=-3, high=3))
@settings(max_examples=80)
def test_small_integer_games_match_exact_brute_force(pair):
    """Small integer payoffs are often degenerate; the extreme set must still match."""
    A, B = pair
    game = ng.NormalFormGame.from_arrays(A, B)
    result = quiet(ng.all_equilibria, game, exact=True)
    assert as_set(result) == brute.extreme_equilibria(A.tolist(), B.tolist())
    assert all(eq.regret == 0 for eq in result)


@given(bimatrix(max_size=5, integers=True, low=-2, high=2))
@settings(max_examples=60)
def test_degenerate_flag_matches_a_brute_force_vertex_check_exact_and_float(pair):
    """A tie off any equilibrium (a pure strategy with two best replies) still makes the game degenerate."""
    A, B = pair
    game = ng.NormalFormGame.from_arrays(A, B)
    exact, approx = quiet(ng.all_equilibria, game, exact=True), quiet(ng.all_equilibria, game)
    assert exact.degenerate is approx.degenerate is brute.is_degenerate(A.tolist(), B.tolist())
    def rounded(result):
        return {tuple(round(float(p), 9) + 0.0 for v in eq.profile for p in v) for eq in result}
    assert rounded(exact) == rounded(approx) and exact.complete is approx.complete
    assert len(exact.components) == len(approx.components)


def well_separated(values, scale, gap=1e-6):
    distinct = np.unique(values)
    return len(distinct) < 2 or np.diff(distinct).min() > gap * scale


@given(bimatrix(max_size=4, integers=False))
@settings(max_examples=60)
def test_small_float_games_match_exact_brute_force(pair):
    """Float mode treats payoff gaps below tol × scale as ties; with no such
    near-ties its answer must match the exact brute force."""
    A, B = pair
    game = ng.NormalFormGame.from_arrays(A, B)
    assume(well_separated(A, ng.payoff_scale(game)) and well_separated(B, ng.payoff_scale(game)))
    result = quiet(ng.all_equilibria, game)
    exact_game = game.as_exact()
    expected = brute.extreme_equilibria(exact_game.payoffs[0].tolist(), exact_game.payoffs[1].tolist())
    want = [np.array([float(p) for v in prof for p in v]) for prof in expected]
    got = [np.concatenate(eq.profile) for eq in result]
    assert len(got) == len(want)
    for w in want:
        assert any(np.allclose(w, g, atol=1e-6) for g in got)
    exact = quiet(ng.all_equilibria, game, exact=True)
    assert as_set(exact) == expected


@given(games(max_size=6))
def test_swapping_players_transposes_the_answer(game):
    result = quiet(ng.all_equilibria, game)
    swapped = quiet(ng.all_equilibria, game.permute_players([1, 0]))
    key = lambda profiles: sorted(tuple(np.round(np.concatenate(p), 7)) for p in profiles)  # noqa: E731
    assert key(eq.profile for eq in result) == key(eq.profile[::-1] for eq in swapped)
    assert result.degenerate == swapped.degenerate


@given(bimatrix(max_size=5, integers=False))
@settings(max_examples=40)
def test_agrees_with_nashpy_on_nondegenerate_games(pair):
    import nashpy

    A, B = pair
    game = ng.NormalFormGame.from_arrays(A, B)
    result = quiet(ng.all_equilibria, game)
    assume(not result.degenerate)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = list(nashpy.Game(A, B).support_enumeration(non_degenerate=True, tol=0))
    # nashpy sometimes misses equilibria (it drops them on float ties), and can
    # return non-equilibria; compare on the profiles it gets right
    theirs = [p for p in theirs if ng.is_nash(game, p, tol=1e-9)]
    ours = [np.concatenate(eq.profile) for eq in result]
    for profile in theirs:
        assert any(np.allclose(np.concatenate(profile), o, atol=1e-6) for o in ours)


def test_result_container_and_rendering():
    game = KNOWN["battle-of-the-sexes"][0]()
    result = ng.all_equilibria(game, exact=True)
    assert len(result) == 3 and list(result)[0] is result[0]
    assert result.method == "vertex enumeration"
    text = str(result)
    assert "Opera 2/3, Football 1/3" in text
    assert "<table>" in result._repr_html_()
    assert r"\begin{tabular}" in result._repr_latex_()
    data = result.to_dict()
    assert data["equilibria"][1]["profile"]["Row"] == {"Opera": "2/3", "Football": "1/3"}
    assert data["complete"] is True and data["version"] == ng.__version__
    assert result[1].support == (("Opera", "Football"), ("Opera", "Football"))


def test_large_games_are_refused_rather_than_left_running():
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.from_arrays(rng.random((30, 30)), rng.random((30, 30)))
    with pytest.raises(errors.BudgetError, match="lemke_howson"):
        ng.all_equilibria(game)
    tall = ng.NormalFormGame.from_arrays(rng.random((40, 2)), rng.random((40, 2)))
    assert len(ng.all_equilibria(tall)) >= 1  # the smaller side decides


def _rounded(profiles):
    return sorted(tuple(np.round(np.concatenate(p), 7)) for p in profiles)


@given(st.integers(2, 9), st.integers(2, 9), st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None)
def test_agrees_with_quantecon_vertex_enumeration(m, n, seed):
    """QuantEcon enumerates the same two polytopes with Qhull; on nondegenerate games the sets agree."""
    gt = pytest.importorskip("quantecon.game_theory")
    rng = np.random.default_rng(seed)
    A, B = rng.random((m, n)), rng.random((m, n))
    result = ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B))
    assert result.complete and not result.degenerate
    theirs = gt.vertex_enumeration(gt.NormalFormGame((gt.Player(A), gt.Player(B.T))))
    assert _rounded(eq.profile for eq in result) == _rounded(theirs)


@pytest.mark.parametrize("k", [5, 8])
def test_convex_hull_fallback_gives_the_same_equilibria(k):
    """If scipy's private Qhull wrapper changes, ConvexHull is used instead, with the same answer."""
    from negotiation.solvers import polytope

    rng = np.random.default_rng(k)
    games_ = [ng.NormalFormGame.from_arrays(rng.random((k, k)), rng.random((k, k))) for _ in range(5)]
    games_.append(ng.NormalFormGame.from_arrays([[1, 1, 0, 2, 0], [0, 0, 1, 2, 1]], [[1, 1, 0, 0, 3], [0, 0, 1, 1, 0]]))
    direct = [quiet(ng.all_equilibria, g) for g in games_]

    calls = []

    def changed(points):
        calls.append(points.shape)
        raise AttributeError("_Qhull has no attribute 'triangulate'")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(polytope, "_raw_hull_equations", changed)
        fallback = [quiet(ng.all_equilibria, g) for g in games_]
    assert len(calls) >= 2 * len(games_) - 1  # every polytope went through the fallback (the tall game has one)
    for a, b in zip(direct, fallback):
        assert _rounded(e.profile for e in a) == _rounded(e.profile for e in b)
        assert (a.degenerate, a.complete, len(a.components)) == (b.degenerate, b.complete, len(b.components))
