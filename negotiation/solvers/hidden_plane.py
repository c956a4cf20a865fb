r"""The roots of a 3×3×3 support (every player mixing over three strategies) as the meeting points of two plane curves.

Hide C's mixture :math:`s` (a point of the projective plane). A's two
conditions say that :math:`\sigma_B` is orthogonal to :math:`D_{A,1}s` and
:math:`D_{A,2}s`, so :math:`\sigma_B(s)` is their cross product, quadratic in
s; likewise :math:`\sigma_A(s)`. C's two conditions
:math:`\sigma_A(s)^\top D_{C,r}\, \sigma_B(s) = 0` are then quartic curves,
which meet in 16 points (Bézout). Six of them are spurious: the points where
a cross product vanishes (the eigenvectors of the pencils
:math:`(D_{A,1}, D_{A,2})` and :math:`(D_{B,1}, D_{B,2})`), leaving the
support's 10 roots.

The curves are written in a random chart :math:`s = P\,(1, u, v)`, their
coefficients read off a 5×5 grid of roots of unity (a two-dimensional
Fourier transform), and v is eliminated by the Sylvester resultant: the
8×8 matrix polynomial :math:`S(u)` of degree 4 is singular exactly at the
meeting points' u, found as the eigenvalues of its 32×32 companion pencil,
with :math:`(1, v, \dots, v^7)` in the null space. The caller polishes and
certifies the roots (:mod:`~negotiation.solvers.hidden_player`); a support
whose roots fail is left to the homotopy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["plane_roots"]

#: The curves' degree, and the support's roots among the points where they meet.
DEGREE = 4
ROOTS = 10


def plane_roots(D_A, D_B, D_C, seed: int = 0):
    """Per support, the 10 candidate roots as mixtures (σ_A, σ_B, σ_C), each of shape (supports, 10, 3)."""
    P = _chart(seed)
    out = [_support_roots(D_A[k], D_B[k], D_C[k], P) for k in range(len(D_A))]
    return tuple(np.array([o[p] for o in out]) for p in range(3))


def _chart(seed):
    rng = np.random.default_rng([seed, 3, 3, 3])
    return rng.normal(size=(3, 3)) + 1j * rng.normal(size=(3, 3))


def _mixtures(A, B, s):
    """σ_A(s), σ_B(s) (cross products) at points s (..., 3), and how far each is from vanishing (0 to 1)."""
    a1, a2 = np.einsum("jk,...k->...j", A[0], s), np.einsum("jk,...k->...j", A[1], s)
    b1, b2 = np.einsum("ik,...k->...i", B[0], s), np.einsum("ik,...k->...i", B[1], s)
    sigma_B, sigma_A = np.cross(a1, a2), np.cross(b1, b2)
    spread = np.minimum(
        np.linalg.norm(sigma_A, axis=-1) / (np.linalg.norm(b1, axis=-1) * np.linalg.norm(b2, axis=-1)),
        np.linalg.norm(sigma_B, axis=-1) / (np.linalg.norm(a1, axis=-1) * np.linalg.norm(a2, axis=-1)))
    return sigma_A, sigma_B, spread


def _support_roots(A, B, C, P):
    """The 10 roots of one support, as mixtures (NaN rows when fewer than 10 are found)."""
    count = DEGREE + 1
    w = np.exp(2j * np.pi * np.arange(count) / count)
    grid = np.stack(np.broadcast_arrays(1, w[:, None], w[None, :]), axis=-1) @ P.T  # s on the (u, v) grid
    sigma_A, sigma_B, _ = _mixtures(A, B, grid)
    curves = np.einsum("pqi,rij,pqj->rpq", sigma_A, C, sigma_B)
    coefficients = np.fft.fft2(curves) / count**2  # [r, p, q]: the coefficient of u^p v^q in curve r
    u, v = _common_zeros(coefficients)
    s = np.stack(np.broadcast_arrays(1, u, v), axis=-1) @ P.T
    sigma_A, sigma_B, spread = _mixtures(A, B, s)
    # Rank the candidates by how far they are from both curves, relative to how far from spurious: the
    # pencil's 16 infinite eigenvalues come out as huge finite ones, and at the six spurious points the
    # cross products vanish.
    misfit = np.abs(np.einsum("ni,rij,nj->nr", sigma_A, C, sigma_B)).max(axis=1) / (
        np.linalg.norm(sigma_A, axis=-1) * np.linalg.norm(sigma_B, axis=-1) * np.abs(C).max())
    score = misfit / spread
    keep = np.argsort(np.where(np.isfinite(score), score, np.inf))[:ROOTS]
    rows = np.full((ROOTS, 3, 3), np.nan, dtype=complex)
    found = min(len(keep), ROOTS)
    rows[:found] = np.stack([sigma_A[keep], sigma_B[keep], s[keep]], axis=1)[:found]
    return rows[:, 0], rows[:, 1], rows[:, 2]


def _common_zeros(coefficients):
    """The finite common zeros (u, v) of two bivariate polynomials, by the Sylvester resultant in v."""
    from scipy.linalg import eig

    n = DEGREE
    S = np.zeros((n + 1, 2 * n, 2 * n), dtype=complex)  # S[p]: the Sylvester matrix's coefficient of u^p
    for k in range(n):
        S[:, k, k:k + n + 1] = coefficients[0]  # v^k times the first curve, in powers of v
        S[:, n + k, k:k + n + 1] = coefficients[1]
    size = 2 * n
    L0 = np.zeros((n * size, n * size), dtype=complex)
    L1 = np.eye(n * size, dtype=complex)
    L0[:-size, size:] = np.eye((n - 1) * size)
    L0[-size:, :] = -np.concatenate([S[p] for p in range(n)], axis=1)
    L1[-size:, -size:] = S[n]
    values, vectors = eig(L0, L1)
    finite = np.isfinite(values) & (np.abs(values) < 1e8)
    values, vectors = values[finite], vectors[:, finite]
    blocks = vectors.reshape(n, size, -1)
    y = blocks[np.argmax(np.linalg.norm(blocks, axis=1), axis=0), :, np.arange(blocks.shape[2])]  # (roots, 8)
    v = np.einsum("rk,rk->r", y[:, :-1].conj(), y[:, 1:]) / np.einsum("rk,rk->r", y[:, :-1].conj(), y[:, :-1])
    return values, v
