"""Stacks of small square systems, padded to one size and solved in one call.

A vertex or a support profile gives a square system whose size is its
support's. Solving every size separately costs a numpy call per size; padding
each system to the largest size with identity rows (whose right-hand side is
zero) solves them all at once, and the padded unknowns come out exactly zero.
"""

from __future__ import annotations

import numpy as np

__all__ = ["padded_right_hand_sides", "solve_padded"]

#: Beyond this estimated condition number a system is too close to singular to trust in floating point.
CONDITION = 1e10


def padded_right_hand_sides(inside: np.ndarray) -> np.ndarray:
    """Right-hand sides for :func:`solve_padded`: ones on each system's ``inside`` rows, and alternating signs."""
    ones = inside.astype(float)
    signs = np.where(np.arange(inside.shape[1]) % 2, -ones, ones)
    return np.stack([ones, signs], axis=2)


def solve_padded(systems: np.ndarray, rhs: np.ndarray, norm_bound: float) -> np.ndarray | None:
    """Solutions of ``M z = 1`` on the inside rows (0 on the padding), or None if a system is near singular.

    Ill-conditioning is caught as LAPACK's estimators do, from a lower bound on
    each inverse's norm: ``|M^-1 w|`` for the two right-hand sides of
    :func:`padded_right_hand_sides`, times ``norm_bound``, a bound on every
    matrix's 1-norm. The extra right-hand side costs far less than inverting
    every system (numpy factors a stack one matrix at a time).
    """
    try:
        both = np.linalg.solve(systems, rhs)
    except np.linalg.LinAlgError:
        return None
    if not norm_bound * np.abs(both).sum(axis=1).max(initial=0) <= CONDITION:  # also catches NaN
        return None
    return both[:, :, 0]
