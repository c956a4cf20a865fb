"""Exact linear solves against SymPy's, on random sparse systems with rational entries."""

from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.solvers.exact_linear import solve_exact

entries = st.one_of(st.just(0), st.just(0), st.fractions(min_value=-5, max_value=5, max_denominator=4))


@st.composite
def systems(draw):
    d = draw(st.integers(1, 7))
    n = draw(st.integers(max(1, d - 1), d + 3))
    rows = draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=n, max_size=n))
    if draw(st.booleans()):  # consistent by construction, perhaps with one right-hand side nudged
        x = draw(st.lists(st.fractions(min_value=-5, max_value=5, max_denominator=6), min_size=d, max_size=d))
        rhs = [sum((Fraction(a) * b for a, b in zip(row, x)), Fraction(0)) for row in rows]
        if draw(st.booleans()):
            rhs[0] += 1
    else:
        rhs = draw(st.lists(entries, min_size=n, max_size=n))
    return rows, rhs, d


def sympy_answer(rows, rhs, d):
    """The unique solution by SymPy, or None (rank below d, or inconsistent)."""
    A = sympy.Matrix([[sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v for v in row]
                      for row in rows])
    b = sympy.Matrix([sympy.Rational(Fraction(v).numerator, Fraction(v).denominator) for v in rhs])
    if A.rank() < d or A.row_join(b).rank() > A.rank():
        return None
    solution = (A.T * A).LUsolve(A.T * b)
    return [Fraction(int(v.p), int(v.q)) for v in solution]


@settings(max_examples=300, deadline=None)
@given(systems())
def test_agrees_with_sympy(system):
    assert solve_exact(*system) == sympy_answer(*system)


def test_a_large_sparse_system_is_solved_exactly():
    # a chain x_k - x_{k+1} / 3 = 1 over 400 unknowns: dense elimination in Fractions took seconds at this size
    d = 400
    rows = [[Fraction(0)] * d for _ in range(d)]
    for k in range(d):
        rows[k][k] = Fraction(1)
        if k + 1 < d:
            rows[k][k + 1] = Fraction(-1, 3)
    x = solve_exact(rows, [1] * d, d)
    assert x[-1] == 1 and all(x[k] - x[k + 1] / 3 == 1 for k in range(d - 1))
