"""NormalFormGame: constructors, labels, kinds of number, validation, conversions."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

import negotiation as ng
from negotiation import errors


def pd():
    return ng.NormalFormGame.from_arrays(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=("U.S.", "China"),
        strategies=(("Hold", "Tariff"), ("Hold", "Retaliate")),
    )


class TestConstructors:
    def test_from_arrays_labels_and_shape(self):
        game = pd()
        assert game.shape == (2, 2)
        assert game.players == ("U.S.", "China")
        assert game.payoff_of(("Tariff", "Hold")) == (5.0, 0.0)
        assert game.payoff_of((1, 0)) == (5.0, 0.0)
        assert game.player_index("China") == 1
        assert game.strategy_index("China", "Retaliate") == 1

    def test_default_labels(self):
        game = ng.NormalFormGame.from_arrays(np.zeros((2, 3)), np.zeros((2, 3)))
        assert game.players == ("Player 1", "Player 2")
        assert game.strategies == (("s1", "s2"), ("s1", "s2", "s3"))

    def test_zero_sum(self):
        game = ng.NormalFormGame.zero_sum([[1, -2], [3, 0]])
        assert np.array_equal(game.payoffs[1], -game.payoffs[0])
        assert ng.is_zero_sum(game)

    def test_from_outcomes_matches_from_arrays(self):
        table = {
            ("Hold", "Hold"): (3, 3),
            ("Hold", "Retaliate"): (0, 5),
            ("Tariff", "Hold"): (5, 0),
            ("Tariff", "Retaliate"): (1, 1),
        }
        game = ng.NormalFormGame.from_outcomes(table, players=("U.S.", "China"))
        assert game == pd()

    def test_three_players(self):
        arrays = [np.arange(8).reshape(2, 2, 2) * (i + 1) for i in range(3)]
        game = ng.NormalFormGame(arrays, players=("U.S.", "China", "EU"))
        assert game.num_players == 3
        assert game.payoff_of(("s2", "s1", "s2")) == (5.0, 10.0, 15.0)

    def test_nashpy_round_trip(self):
        game = pd()
        back = ng.NormalFormGame.from_nashpy(
            game.to_nashpy(), players=game.players, strategies=game.strategies
        )
        assert back == game

    def test_payoffs_are_read_only(self):
        with pytest.raises(ValueError):
            pd().payoffs[0][0, 0] = 99


class TestNumberKinds:
    def test_floats_by_default(self):
        assert pd().kind == "float"

    def test_fractions_make_an_exact_game(self):
        game = ng.NormalFormGame.from_arrays([[Fraction(1, 3), 0], [0, 1]], [[1, 0], [0, 1]])
        assert game.kind == "exact"
        assert game.payoffs[1][0, 0] == Fraction(1)
        assert isinstance(game.payoffs[1][0, 0], Fraction)

    def test_sympy_rationals_are_exact(self):
        game = ng.NormalFormGame.from_arrays([[sympy.Rational(1, 3)]], [[sympy.Integer(2)]])
        assert game.kind == "exact"
        assert game.payoffs[0][0, 0] == Fraction(1, 3)

    def test_as_exact_reads_decimals(self):
        game = ng.NormalFormGame.from_arrays([[0.1, 0]], [[0, 0.25]]).as_exact()
        assert game.payoffs[0][0, 0] == Fraction(1, 10)

    def test_symbolic_game_and_substitution(self):
        pledge, cost = sympy.symbols("pledge cost")
        game = ng.NormalFormGame.from_arrays([[pledge - 50, 0], [1, 1]], [[cost, 0], [0, 1]])
        assert game.kind == "symbolic"
        assert game.parameters == {"pledge", "cost"}
        exact = game.substitute(pledge=Fraction(101, 2), cost=2)
        assert exact.kind == "exact"
        assert exact.payoffs[0][0, 0] == Fraction(1, 2)
        floats = game.substitute({"pledge": 50.5, "cost": 2.0})
        assert floats.kind == "float"
        assert floats.payoffs[0][0, 0] == pytest.approx(0.5, abs=1e-12)

    def test_partial_substitution_stays_symbolic(self):
        pledge, cost = sympy.symbols("pledge cost")
        game = ng.NormalFormGame.from_arrays([[pledge]], [[cost]]).substitute(pledge=1)
        assert game.parameters == {"cost"}

    def test_numeric_solvers_refuse_symbolic_games(self):
        x = sympy.Symbol("x")
        game = ng.NormalFormGame.from_arrays([[x, 0], [0, 1]], [[1, 0], [0, 1]])
        with pytest.raises(errors.SymbolicPayoffError, match="x"):
            ng.all_equilibria(game)
        with pytest.raises(errors.SymbolicPayoffError):
            ng.pure_equilibria(game)


class TestValidation:
    def test_mismatched_shapes(self):
        with pytest.raises(errors.ShapeError, match=r"China.*\(2, 3\)"):
            ng.NormalFormGame.from_arrays(np.zeros((2, 2)), np.zeros((2, 3)), players=("U.S.", "China"))

    def test_wrong_number_of_dimensions(self):
        with pytest.raises(errors.ShapeError, match="2 dimensions"):
            ng.NormalFormGame.from_arrays(np.zeros(3), np.zeros(3))

    def test_ragged_rows(self):
        with pytest.raises(errors.PayoffValueError, match="different lengths"):
            ng.NormalFormGame.from_arrays([[1, 2], [3]], [[1, 2], [3, 4]])

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
    def test_non_finite_payoffs_name_the_cell(self, bad):
        with pytest.raises(errors.PayoffValueError, match=r"China at \('Hold', 'Retaliate'\)"):
            ng.NormalFormGame.from_arrays(
                [[1, 2], [3, 4]],
                [[1, bad], [3, 4]],
                players=("U.S.", "China"),
                strategies=(("Hold", "Tariff"), ("Hold", "Retaliate")),
            )

    def test_non_finite_numpy_array(self):
        with pytest.raises(errors.PayoffValueError, match="not finite"):
            ng.NormalFormGame.from_arrays(np.array([[np.nan]]), np.array([[1.0]]))

    @pytest.mark.parametrize("bad", ["3", None, True, [1], object()])
    def test_non_numbers(self, bad):
        with pytest.raises(errors.PayoffValueError):
            ng.NormalFormGame.from_arrays([[1, bad]], [[1, 2]])

    def test_boolean_array(self):
        with pytest.raises(errors.PayoffValueError, match="boolean"):
            ng.NormalFormGame.from_arrays(np.array([[True]]), np.array([[1.0]]))

    def test_duplicate_strategy_labels(self):
        with pytest.raises(errors.LabelError, match="'Hold' appears twice"):
            ng.NormalFormGame.from_arrays(np.zeros((2, 2)), np.zeros((2, 2)), strategies=(("Hold", "Hold"), ("a", "b")))

    def test_duplicate_player_names(self):
        with pytest.raises(errors.LabelError, match="'U.S.' appears twice"):
            ng.NormalFormGame.from_arrays(np.zeros((1, 1)), np.zeros((1, 1)), players=("U.S.", "U.S."))

    @pytest.mark.parametrize("label", ["", "   ", 3])
    def test_empty_or_non_string_labels(self, label):
        with pytest.raises(errors.LabelError):
            ng.NormalFormGame.from_arrays(np.zeros((2, 1)), np.zeros((2, 1)), strategies=(("a", label), ("x",)))

    def test_wrong_number_of_labels(self):
        with pytest.raises(errors.LabelError, match="3 strategies in the payoffs but 2 labels"):
            ng.NormalFormGame.from_arrays(np.zeros((3, 1)), np.zeros((3, 1)), strategies=(("a", "b"), ("x",)))

    def test_player_without_strategies(self):
        with pytest.raises(errors.ShapeError, match="Player 2 has no strategies"):
            ng.NormalFormGame.from_arrays(np.zeros((2, 0)), np.zeros((2, 0)))

    def test_one_array_to_from_arrays(self):
        with pytest.raises(errors.ShapeError, match="zero_sum"):
            ng.NormalFormGame.from_arrays([[1, 2]])

    def test_unknown_parameter(self):
        x = sympy.Symbol("pledge")
        game = ng.NormalFormGame.from_arrays([[x]], [[1]])
        with pytest.raises(errors.ParameterError, match="pledg.*this game's parameters are pledge"):
            game.substitute(pledg=3)

    def test_non_numeric_parameter_value(self):
        x = sympy.Symbol("pledge")
        game = ng.NormalFormGame.from_arrays([[x]], [[1]])
        with pytest.raises(errors.ParameterError, match="pledge must be a number"):
            game.substitute(pledge="200")

    def test_unknown_player_and_strategy(self):
        game = pd()
        with pytest.raises(errors.LabelError, match="unknown player 'EU'"):
            game.player_index("EU")
        with pytest.raises(errors.LabelError, match="China has no strategy 'Pledge'"):
            game.strategy_index("China", "Pledge")

    def test_outcome_table_missing_cell(self):
        with pytest.raises(errors.ShapeError, match=r"\('b', 'y'\)"):
            ng.NormalFormGame.from_outcomes(
                {("a", "x"): (1, 1), ("a", "y"): (1, 1), ("b", "x"): (1, 1)}, players=("P", "Q")
            )

    def test_outcome_table_wrong_payoff_count(self):
        with pytest.raises(errors.ShapeError, match="needs 2 payoffs"):
            ng.NormalFormGame.from_outcomes({("a", "x"): (1,)}, players=("P", "Q"))

    def test_errors_are_value_errors(self):
        with pytest.raises(ValueError):
            ng.NormalFormGame.from_arrays(np.zeros((2, 2)), np.zeros((2, 3)))


class TestConversions:
    def test_permute_players_swaps_payoffs(self):
        game = pd()
        swapped = game.permute_players(["China", "U.S."])
        assert swapped.players == ("China", "U.S.")
        assert swapped.payoff_of(("Retaliate", "Tariff")) == (1.0, 1.0)
        assert swapped.payoff_of(("Hold", "Tariff")) == (0.0, 5.0)

    def test_text_html_latex_and_dict(self):
        game = pd()
        text = str(game)
        assert "Tariff" in text and "Retaliate" in text and "5, 0" in text
        assert "<table>" in game._repr_html_()
        assert r"\begin{tabular}" in game._repr_latex_()
        data = game.to_dict()
        assert data["players"] == ["U.S.", "China"]
        assert data["payoffs"][0] == [[3.0, 0.0], [5.0, 1.0]]
