"""Stacks of square systems padded to one size: the same solutions as one at a time, padding exactly zero."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.solvers.padded import padded_right_hand_sides, solve_padded


def _padded(blocks, size):
    systems = np.tile(np.eye(size), (len(blocks), 1, 1))
    inside = np.zeros((len(blocks), size), dtype=bool)
    for k, block in enumerate(blocks):
        s = len(block)
        systems[k, :s, :s] = block
        inside[k, :s] = True
    return systems, inside


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 6), st.lists(st.integers(1, 6), min_size=1, max_size=8), st.integers(0, 10**6))
def test_padded_solutions_equal_each_system_solved_alone(size, sizes, seed):
    rng = np.random.default_rng(seed)
    blocks = [1 + rng.random((min(s, size), min(s, size))) for s in sizes]
    systems, inside = _padded(blocks, size)
    z = solve_padded(systems, padded_right_hand_sides(inside), 2 * size)
    if z is None:  # refused only when some block is badly conditioned
        assert max(np.linalg.cond(b, 1) for b in blocks) > 1e8
        return
    for k, block in enumerate(blocks):
        s = len(block)
        assert np.allclose(z[k, :s], np.linalg.solve(block, np.ones(s)), rtol=1e-9, atol=1e-12)
        assert (z[k, s:] == 0).all()


def test_a_singular_or_nearly_singular_system_is_refused():
    systems, inside = _padded([np.array([[1.0, 2.0], [2.0, 4.0]]), np.eye(2)], 3)
    assert solve_padded(systems, padded_right_hand_sides(inside), 6) is None
    nearly = np.array([[1.0, 2.0], [1.0, 2.0 + 1e-13]])
    systems, inside = _padded([nearly], 2)
    assert solve_padded(systems, padded_right_hand_sides(inside), 4) is None


def test_a_well_conditioned_stack_is_accepted():
    systems, inside = _padded([np.array([[2.0, 1.0], [1.0, 2.0]]), np.array([[1.5]])], 2)
    z = solve_padded(systems, padded_right_hand_sides(inside), 4)
    assert np.allclose(z, [[1 / 3, 1 / 3], [2 / 3, 0]], atol=1e-15)
