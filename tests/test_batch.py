"""batch_equilibria: the same answers as all_equilibria game by game, degenerate members flagged."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import negotiation as ng
from negotiation import errors


def _set(rows, cols, digits=7):
    return sorted(tuple(np.round(np.concatenate([r, c]), digits)) for r, c in zip(rows, cols))


def _reference(A, B):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", errors.DegenerateGameWarning)
        result = ng.all_equilibria(ng.NormalFormGame.from_arrays(A, B))
    return _set([e.profile[0] for e in result], [e.profile[1] for e in result])


@pytest.mark.parametrize("shape", [(2, 2), (3, 3), (2, 4), (4, 3)])
def test_random_sample_matches_all_equilibria(shape):
    rng = np.random.default_rng(sum(shape))
    A, B = rng.random((300, *shape)), rng.random((300, *shape))
    result = ng.batch_equilibria(A, B)
    for i in rng.choice(300, 60, replace=False):
        assert _set(*result.of(i)) == _reference(A[i], B[i])
    assert result.counts.sum() == len(result)


@given(hnp.arrays(np.int64, st.tuples(st.integers(1, 20), st.just(2), st.just(2)), elements=st.integers(-2, 2)),
       hnp.arrays(np.int64, st.tuples(st.integers(1, 20), st.just(2), st.just(2)), elements=st.integers(-2, 2)))
@settings(max_examples=60)
def test_small_integer_games_often_degenerate_are_never_dropped(A, B):
    k = min(len(A), len(B))
    A, B = A[:k].astype(float), B[:k].astype(float)
    result = ng.batch_equilibria(A, B)
    for i in range(k):
        assert _set(*result.of(i)) == _reference(A[i], B[i])
        assert result.counts[i] >= 1


def test_degenerate_members_are_flagged():
    A = np.array([[[1, 1], [0, 0]], [[3, 0], [5, 1]]], dtype=float)
    B = np.array([[[1, 1], [0, 2]], [[3, 5], [0, 1]]], dtype=float)
    result = ng.batch_equilibria(A, B)
    assert result.degenerate.tolist() == [True, False]
    assert result.counts.tolist() == [2, 1]


def test_payoffs_and_table():
    A = np.array([[[2, 0], [0, 1]]], dtype=float)
    B = np.array([[[1, 0], [0, 2]]], dtype=float)
    result = ng.batch_equilibria(A, B)
    assert sorted(np.round(result.payoffs[:, 0], 9).tolist()) == [round(2 / 3, 9), 1.0, 2.0]
    assert set(result.columns()) >= {"game", "row_0", "column_1", "payoff_row"}


def test_errors():
    with pytest.raises(errors.ShapeError, match="same shape"):
        ng.batch_equilibria(np.zeros((3, 2, 2)), np.zeros((3, 2, 3)))
    with pytest.raises(errors.PayoffValueError, match="game 1"):
        ng.batch_equilibria(np.array([[[0.0]], [[np.nan]]]), np.zeros((2, 1, 1)))
