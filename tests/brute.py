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


def _polytope_systems(A, B):
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
    return (G_P, h_P), (G_Q, h_Q)


def is_degenerate(A, B):
    """Whether some vertex of either best-response polytope has more tight labels than its dimension.

    That is von Stengel's test: a mixed strategy with more pure best replies than its support size.
    """
    return any(len(labels) > len(G[0]) for G, h in _polytope_systems(A, B) for labels in _vertices(G, h).values())


def extreme_equilibria(A, B):
    """Every extreme Nash equilibrium of (A, B), as a set of exact profile pairs."""
    m, n = len(A), len(A[0])
    (G_P, h_P), (G_Q, h_Q) = _polytope_systems(A, B)
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


def n_player_equilibria(payoffs):
    """Every equilibrium of a small nondegenerate n-player game, by exact support enumeration in sympy.

    ``payoffs`` are integer numpy arrays, one per player. Each support
    profile's indifference equations are solved symbolically; a solution is
    kept when it is real, positive on the support, and no strategy outside the
    support pays more. Returns profiles as tuples of floats rounded to 9 digits
    (irrational equilibria included). Positive-dimensional solution sets
    (degenerate games) are skipped: use nondegenerate games only.
    """
    import numpy as np
    import sympy

    shape = payoffs[0].shape
    n = len(shape)
    found = set()
    subsets = [
        [c for k in range(1, m + 1) for c in itertools.combinations(range(m), k)] for m in shape
    ]
    for supports in itertools.product(*subsets):
        p = [[sympy.Symbol(f"p{i}_{s}") if s in supports[i] else sympy.Integer(0) for s in range(m)]
             for i, m in enumerate(shape)]
        values = [sympy.Symbol(f"v{i}") for i in range(n)]
        unknowns = [x for row in p for x in row if isinstance(x, sympy.Symbol)] + values

        def pay(i, s):
            total = sympy.Integer(0)
            for cell in itertools.product(*(range(m) for m in shape)):
                if cell[i] != s:
                    continue
                weight = sympy.Integer(1)
                for j in range(n):
                    if j != i:
                        weight *= p[j][cell[j]]
                total += int(payoffs[i][cell]) * weight
            return total

        equations = []
        for i in range(n):
            equations.append(sum(p[i]) - 1)
            equations += [pay(i, s) - values[i] for s in supports[i]]
        for solution in sympy.solve(equations, unknowns, dict=True):
            if set(solution) != set(unknowns):
                continue  # a continuum: not for this oracle
            numeric = {k: complex(sympy.N(v, 30)) for k, v in solution.items()}
            if any(abs(z.imag) > 1e-12 for z in numeric.values()):
                continue
            real = {k: z.real for k, z in numeric.items()}
            probs = [[real.get(x, 0.0) if isinstance(x, sympy.Symbol) else 0.0 for x in row] for row in p]
            if any(probs[i][s] <= 1e-12 for i in range(n) for s in supports[i]):
                continue
            vectors = [np.array(row) for row in probs]
            ok = True
            for i in range(n):
                payoff = np.moveaxis(np.asarray(payoffs[i], dtype=float), i, 0)
                for j in reversed(range(n)):
                    if j != i:
                        axis = j + 1 if j < i else j
                        payoff = np.tensordot(payoff, vectors[j], axes=([axis], [0]))
                if payoff.max() > real[values[i]] + 1e-9:
                    ok = False
            if ok:
                found.add(tuple(round(v, 9) + 0.0 for row in probs for v in row))
    return found
