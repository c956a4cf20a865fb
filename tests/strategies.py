"""Shared hypothesis generators for games (one place, as in Axelrod's property.py)."""

from fractions import Fraction

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import negotiation as ng


@st.composite
def bimatrix(draw, min_size=1, max_size=7, integers=None, low=-10, high=10):
    """(A, B) of one shape, either small integers (often degenerate) or floats."""
    m = draw(st.integers(min_size, max_size))
    n = draw(st.integers(min_size, max_size))
    if integers is None:
        integers = draw(st.booleans())
    if integers:
        elements = st.integers(low, high)
        dtype = np.int64
    else:
        elements = st.floats(-100, 100, allow_nan=False, allow_infinity=False, width=64)
        dtype = np.float64
    A = draw(hnp.arrays(dtype, (m, n), elements=elements))
    B = draw(hnp.arrays(dtype, (m, n), elements=elements))
    return A, B


@st.composite
def games(draw, **kwargs):
    A, B = draw(bimatrix(**kwargs))
    return ng.NormalFormGame.from_arrays(A, B)


@st.composite
def nplayer_games(draw, max_players=4, max_size=4):
    count = draw(st.integers(1, max_players))
    shape = tuple(draw(st.integers(1, max_size)) for _ in range(count))
    arrays = [draw(hnp.arrays(np.int64, shape, elements=st.integers(-5, 5))) for _ in range(count)]
    return ng.NormalFormGame(arrays)


def exact(array):
    return np.array([[Fraction(int(v)) if float(v).is_integer() else Fraction(repr(float(v))) for v in row] for row in np.asarray(array)], dtype=object)
