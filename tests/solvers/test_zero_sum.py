"""solve_zero_sum: the LP value equals the equilibrium payoff from enumeration."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis.extra import numpy as hnp
from hypothesis import strategies as st

import negotiation as ng
from negotiation import errors, examples


def test_rock_paper_scissors():
    result = ng.solve_zero_sum(examples.rock_paper_scissors())
    assert result.value == pytest.approx(0.0, abs=1e-9)
    assert result.equilibrium.profile[0] == pytest.approx([1 / 3] * 3, abs=1e-9)


def test_not_zero_sum_names_the_cell():
    with pytest.raises(errors.NotZeroSumError, match=r"\('Cooperate', 'Cooperate'\) sum to 6"):
        ng.solve_zero_sum(examples.prisoners_dilemma())


@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=st.floats(-50, 50)))
def test_value_matches_vertex_enumeration(A):
    game = ng.NormalFormGame.zero_sum(A)
    result = ng.solve_zero_sum(game)
    scale = ng.payoff_scale(game)
    assert result.duality_gap == pytest.approx(0.0, abs=1e-7 * scale)
    assert result.equilibrium.regret <= 1e-7 * scale
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", errors.DegenerateGameWarning)
        for eq in ng.all_equilibria(game):
            assert eq.payoffs[0] == pytest.approx(result.value, abs=1e-7 * scale)
