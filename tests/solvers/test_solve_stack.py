"""The homotopy's batched linear solve: regular systems solved, singular ones by least squares, as lstsq would."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.solvers.homotopy import solve_stack


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), size=st.integers(1, 5), count=st.integers(1, 12))
def test_every_system_is_solved_as_least_squares_would(seed, size, count):
    rng = np.random.default_rng(seed)
    M = rng.normal(size=(count, size, size)) + 1j * rng.normal(size=(count, size, size))
    b = rng.normal(size=(count, size)) + 1j * rng.normal(size=(count, size))
    kinds = rng.integers(0, 3, size=count)  # 0 regular, 1 singular, 2 not finite
    M[kinds == 1, -1] = 0  # a zero row: LAPACK's solve raises for the whole stack
    M[kinds == 2, 0, 0] = np.nan
    x = solve_stack(M, b)
    for k in range(count):
        if kinds[k] == 2:
            assert not (kinds == 1).any() or np.isnan(x[k]).all()  # marked NaN whenever the stack had to split
        else:
            expected = np.linalg.lstsq(M[k], b[k], rcond=None)[0]
            assert np.allclose(x[k], expected, rtol=1e-8, atol=1e-8)
