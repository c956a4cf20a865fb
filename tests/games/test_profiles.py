"""Expected payoffs, best responses, regret and is_nash, in floats and exactly."""

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors, examples
from tests.strategies import games


def test_expected_payoffs_battle_of_the_sexes():
    bos = examples.battle_of_the_sexes()
    u = ng.expected_payoffs(bos, [[0.5, 0.5], [0.25, 0.75]])
    assert u[0] == pytest.approx(2 * 0.125 + 1 * 0.375, abs=1e-12)
    assert u[1] == pytest.approx(1 * 0.125 + 2 * 0.375, abs=1e-12)


def test_exact_profile_on_exact_game_gives_fractions():
    bos = examples.battle_of_the_sexes().as_exact()
    profile = [[F(2, 3), F(1, 3)], [F(1, 3), F(2, 3)]]
    assert ng.expected_payoffs(bos, profile) == (F(2, 3), F(2, 3))
    assert ng.regret(bos, profile) == 0
    assert ng.is_nash(bos, profile)
    # off by a hair: exact arithmetic notices, floats within tolerance do not
    near = [[F(2, 3) + F(1, 10**12), F(1, 3) - F(1, 10**12)], [F(1, 3), F(2, 3)]]
    assert ng.regret(bos, near, player="Row") == 0  # the row player is still indifferent
    assert ng.regret(bos, near, player="Column") == F(2, 10**12)  # (2/3 + e) - (2/3 - e)
    near = [[F(2, 3), F(1, 3)], [F(1, 3) + F(1, 10**12), F(2, 3) - F(1, 10**12)]]
    assert ng.regret(bos, near) > 0
    assert not ng.is_nash(bos, near)
    assert ng.is_nash(bos, near, tol=1e-9)


def test_profiles_by_label_and_mapping():
    pd = examples.prisoners_dilemma()
    assert ng.is_nash(pd, ["Defect", "Defect"])
    assert not ng.is_nash(pd, ["Cooperate", "Cooperate"])
    assert ng.regret(pd, ["Cooperate", "Cooperate"]) == pytest.approx(2.0, abs=1e-12)
    assert ng.is_nash(pd, [{"Defect": 1}, {"Defect": 1.0}])


def test_best_responses_name_strategies():
    chicken = examples.chicken()
    assert ng.best_responses(chicken, "Column", ["Straight", "Swerve"]) == ("Swerve",)
    mix = [[0.9, 0.1], [0.9, 0.1]]
    assert set(ng.best_responses(chicken, "Row", mix)) == {"Swerve", "Straight"}


def test_payoff_vector_three_players():
    arrays = [np.arange(8, dtype=float).reshape(2, 2, 2) for _ in range(3)]
    game = ng.NormalFormGame(arrays)
    vec = ng.payoff_vector(game, 0, [[1, 0], [0.5, 0.5], [0, 1]])
    assert vec == pytest.approx([0.5 * 1 + 0.5 * 3, 0.5 * 5 + 0.5 * 7], abs=1e-12)


@pytest.mark.parametrize(
    "profile, message",
    [
        ([[1, 0]], "2 players"),
        ([[0.5, 0.6], [1, 0]], "sum to"),
        ([[1.5, -0.5], [1, 0]], "negative"),
        ([[1, 0, 0], [1, 0]], "has 3 probabilities"),
        ([[float("nan"), 1], [1, 0]], "not finite"),
        ([["a", "b"], [1, 0]], "not a number|no strategy"),
        ("Defect", "sequence"),
    ],
)
def test_bad_profiles(profile, message):
    with pytest.raises(errors.ProfileError, match=message):
        ng.regret(examples.prisoners_dilemma(), profile)


def test_unknown_strategy_in_profile():
    with pytest.raises(errors.LabelError, match="no strategy 'Pledge'"):
        ng.is_nash(examples.prisoners_dilemma(), ["Defect", "Pledge"])


def test_tolerance_is_relative_to_payoff_scale():
    small = ng.NormalFormGame.from_arrays([[1e-12, 0], [0, 1e-12]], [[1e-12, 0], [0, 1e-12]])
    off = [[1, 0], [0, 1]]  # a miscoordination: regret 1e-12, which is the whole scale
    assert not ng.is_nash(small, off)
    big = ng.NormalFormGame.from_arrays([[1e12, 0], [0, 1e12]], [[1e12, 0], [0, 1e12]])
    assert ng.is_nash(big, [[1, 0], [1, 0]])


@given(games(max_size=5), st.data())
def test_regret_is_nonnegative_and_zero_iff_nash(game, data):
    m, n = game.shape
    x = np.array(data.draw(st.lists(st.integers(0, 5), min_size=m, max_size=m)), dtype=float) + 1e-3
    y = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n, max_size=n)), dtype=float) + 1e-3
    profile = [x / x.sum(), y / y.sum()]
    r = ng.regret(game, profile)
    assert r >= 0
    assert ng.is_nash(game, profile) == (r <= 1e-9 * ng.payoff_scale(game))
