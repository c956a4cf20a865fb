"""Brute-force reference solvers in exact arithmetic, independent of the package.

``extreme_equilibria`` solves every square system of the best-response
polytopes with Fractions, so it finds every extreme equilibrium of any small
bimatrix game, degenerate or not. It is slow and only meant for games up to
about 4×4.
"""

import itertools
from fractions import Fraction


def _solve(rows, rhs):
    """Gauss–Jordan on a square system; None if singular."""
    size = len(rows)
    matrix = [list(r) + [b] for r, b in zip(rows, rhs)]
    for c in range(size):
        pivot = next((r for r in range(c, size) if matrix[r][c] != 0), None)
        if pivot is None:
            return None
        matrix[c], matrix[pivot] = matrix[pivot], matrix[c]
        p = matrix[c][c]
        matrix[c] = [v / p for v in matrix[c]]
        for r in range(size):
            if r != c and matrix[r][c] != 0:
                f = matrix[r][c]
                matrix[r] = [a - f * b for a, b in zip(matrix[r], matrix[c])]
    return [matrix[r][-1] for r in range(size)]


def _vertices(G, h):
    d = len(G[0])
    found = {}
    for subset in itertools.combinations(range(len(G)), d):
        x = _solve([G[k] for k in subset], [h[k] for k in subset])
        if x is None or not any(x):
            continue
        values = [sum(g * v for g, v in zip(row, x)) for row in G]
        if all(v <= b for v, b in zip(values, h)):
            found[tuple(x)] = frozenset(k for k, (v, b) in enumerate(zip(values, h)) if v == b)
    return found


def extreme_equilibria(A, B):
    """Every extreme Nash equilibrium of (A, B), as a set of exact profile pairs."""
    m, n = len(A), len(A[0])
    A = [[Fraction(v) for v in row] for row in A]
    B = [[Fraction(v) for v in row] for row in B]
    low_a = min(min(r) for r in A)
    low_b = min(min(r) for r in B)
    A = [[v - low_a + 1 for v in row] for row in A]
    B = [[v - low_b + 1 for v in row] for row in B]
    one, zero = Fraction(1), Fraction(0)
    G_P = [[-one if i == k else zero for k in range(m)] for i in range(m)] + [
        [B[i][j] for i in range(m)] for j in range(n)
    ]
    h_P = [zero] * m + [one] * n
    G_Q = [[A[i][j] for j in range(n)] for i in range(m)] + [
        [-one if j == k else zero for k in range(n)] for j in range(n)
    ]
    h_Q = [one] * m + [zero] * n
    result = set()
    everything = frozenset(range(m + n))
    for x, lx in _vertices(G_P, h_P).items():
        for y, ly in _vertices(G_Q, h_Q).items():
            if lx | ly == everything:
                sx, sy = sum(x), sum(y)
                result.add((tuple(v / sx for v in x), tuple(v / sy for v in y)))
    return result


def pure_equilibria(payoffs):
    """Pure equilibria of an N-player game by checking every deviation in loops."""

    shape = payoffs[0].shape
    found = set()
    for cell in itertools.product(*(range(k) for k in shape)):
        ok = True
        for i, u in enumerate(payoffs):
            for alt in range(shape[i]):
                dev = list(cell)
                dev[i] = alt
                if u[tuple(dev)] > u[cell]:
                    ok = False
        if ok:
            found.add(cell)
    return found
