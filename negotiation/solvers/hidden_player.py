r"""Every root of a three-player support's indifference equations by hiding one player's mixture.

When players A, B and C all mix, on supports of sizes a, b and c, each one's
indifference conditions are bilinear in the other two mixtures:

.. math:: \sigma_B^\top D_{A,r}\, \sigma_C = 0, \qquad
          \sigma_A^\top D_{B,r}\, \sigma_C = 0, \qquad
          \sigma_A^\top D_{C,r}\, \sigma_B = 0.

Fix C's mixture :math:`s = (1 - z, z)` (C mixes over two strategies): A's
conditions become linear in :math:`\sigma_B`, through an (a-1)×b matrix
:math:`M_A(z)` whose entries are linear in z, and B's linear in
:math:`\sigma_A`, through :math:`M_B(z)`. Then

* **a = b**: :math:`\sigma_B` spans the null space of :math:`M_A(z)`, given by
  its signed maximal minors (polynomials of degree a - 1), and
  :math:`\sigma_A` likewise; C's one condition is a polynomial of degree
  2(a - 1) in z.
* **b = a + 1**: B's a×a matrix :math:`M_B(z)` must be singular, a polynomial
  of degree a; :math:`\sigma_A` is its null vector, and :math:`\sigma_B` the
  null vector of A's conditions together with C's.

Both degrees equal the support's multihomogeneous Bézout number
(:func:`~negotiation.solvers.homotopy.start_count`), which bounds the number
of isolated roots. The polynomial's coefficients come from its values at
roots of unity (a discrete Fourier transform) and its roots are the
eigenvalues of its companion matrix: a handful of array operations for every
support of one shape together, where path tracking takes dozens of rounds.

Every root is polished by Newton's method on the support's own equations. The
support's roots are accepted only when there are as many as the Bézout number,
pairwise distinct, converged and nonsingular: no isolated root can then be
missing, and there is no continuum. Supports where every player mixes over
three strategies are solved as two plane curves
(:mod:`~negotiation.solvers.hidden_plane`), and supports where four players
mix over two strategies each by hiding two of them
(:mod:`~negotiation.solvers.hidden_pair`); both give a few spurious
candidates, so there the support is certified when exactly the Bézout number
of distinct good roots remain. Supports that fail the certificate, or have no
such shape, are left to the homotopy.
"""

from __future__ import annotations

import numpy as np

from .circle_roots import polynomial_roots
from .hidden_pair import pair_roots
from .hidden_pair import SIZES as FOUR_BINARY
from .hidden_plane import plane_roots
from .homotopy import solve_stack, start_count
from .indifference import SupportEquations, shape_for

__all__ = ["hidden_player_roots", "solvable"]

#: Newton iterations polishing each root.
POLISH = 5
#: Largest accepted Newton step after polishing, relative to the root's size.
CONVERGED = 1e-9
#: Largest accepted condition number of the Jacobian at a root.
NONSINGULAR = 1e9
#: Smallest accepted distance between two roots, relative to their size.
DISTINCT = 1e-6


def solvable(sizes: tuple[int, ...]) -> bool:
    """Whether the supports of these sizes can be solved here (three players, one hidden as above, or four binary)."""
    return tuple(sizes) == FOUR_BINARY or _roles(sizes) is not None


def hidden_player_roots(sizes: tuple[int, ...], tensors: list) -> tuple[np.ndarray, np.ndarray]:
    """The roots of many supports of one shape, and which supports' roots are certified complete.

    ``tensors[s]`` is support s's list of payoff-difference tensors
    (:func:`~negotiation.solvers.indifference.multilinear_tensors`). Returns
    ``(roots, complete)``: roots of shape (supports, Bézout number, unknowns),
    in the support's own unknowns, and a boolean per support. Roots of
    supports not marked complete must not be used.
    """
    sizes = tuple(sizes)
    if not solvable(sizes):
        raise ValueError(f"supports of sizes {sizes} cannot be solved by hiding a player")
    count = start_count(sizes)
    with np.errstate(all="ignore"):  # a lost root is NaN (say, 0/0 in a degenerate support) and fails below
        try:
            sigmas = _candidates(sizes, tensors)
        except (np.linalg.LinAlgError, ValueError):  # e.g. an SVD that does not converge: left to the homotopy
            return np.zeros((len(tensors), count, sum(k - 1 for k in sizes)), complex), np.zeros(len(tensors), bool)
        x, finite = _unknowns(sigmas)
        x, polished = _polish(SupportEquations(shape_for(sizes), tensors), x)
    good = finite & polished
    if x.shape[1] == count:
        return x, good.all(axis=1) & _distinct(x)
    return _distinct_good(x, good, count)


def _candidates(sizes, tensors):
    """Every player's mixture at each candidate root, in player order: arrays (supports, candidates, size)."""
    if sizes == FOUR_BINARY:
        return list(pair_roots(tensors))
    A, B, C = _roles(sizes)
    D_A, D_B, D_C = (_oriented(tensors, player, others) for player, others in ((A, (B, C)), (B, (A, C)), (C, (A, B))))
    method = plane_roots if sizes[C] == 3 else _equal_sizes if sizes[A] == sizes[B] else _one_larger
    sigma = dict(zip((A, B, C), method(D_A, D_B, D_C)))
    return [sigma[i] for i in range(3)]


def _roles(sizes):
    """(A, B, C): C mixes over two strategies, and B's support is A's or one larger; None when no such order."""
    if len(sizes) != 3 or min(sizes) < 2:
        return None
    if sizes == (3, 3, 3):
        return 0, 1, 2
    for C in range(3):
        if sizes[C] != 2:
            continue
        A, B = sorted((i for i in range(3) if i != C), key=lambda i: sizes[i])
        if sizes[B] - sizes[A] <= 1:
            return A, B, C
    return None


def _oriented(tensors, player, others):
    """The player's tensors stacked over supports, axes (support, row, others[0], others[1])."""
    stacked = np.array([t[player] for t in tensors], dtype=complex)
    return stacked if others[0] < others[1] else stacked.transpose(0, 1, 3, 2)


def _matrices(D, s):
    """M(z) at each point: the tensor D (supports, rows, j, 2) contracted with C's mixtures s (supports, points, 2)."""
    return np.einsum("srjc,snc->snrj", D, s)


def _equal_sizes(D_A, D_B, D_C):
    """a = b: C's condition on the minors of A's and B's matrices, a polynomial of degree 2(a - 1)."""
    a = D_B.shape[2]
    z = polynomial_roots(lambda s: np.einsum("sna,sab,snb->sn", _null_minors(_matrices(D_B, s)), D_C[:, 0],
                                              _null_minors(_matrices(D_A, s))), 2 * (a - 1), len(D_A))
    raw = np.stack([1 - z, z], axis=-1)  # (supports, roots, 2), NaN where a root was lost
    s = np.where(np.isfinite(raw), raw, 0)
    return _null_minors(_matrices(D_B, s)), _null_minors(_matrices(D_A, s)), raw


def _one_larger(D_A, D_B, D_C):
    """b = a + 1: B's square matrix singular (degree a); then A's null vector, and B's from A's and C's conditions."""
    a = D_B.shape[2]
    z = polynomial_roots(lambda s: np.linalg.det(_matrices(D_B, s)), a, len(D_A))
    raw = np.stack([1 - z, z], axis=-1)
    s = np.where(np.isfinite(raw), raw, 0)
    _, _, vh = np.linalg.svd(_matrices(D_B, s))
    sigma_A = vh[..., -1, :].conj()
    C_row = np.einsum("sna,sab->snb", sigma_A, D_C[:, 0])[:, :, None, :]
    return sigma_A, _null_minors(np.concatenate([_matrices(D_A, s), C_row], axis=2)), raw


def _null_minors(M):
    """The null vector of each (m-1)×m matrix in a stack, as its signed maximal minors (a polynomial in M)."""
    m = M.shape[-1]
    columns = [[k for k in range(m) if k != j] for j in range(m)]
    minors = np.linalg.det(np.stack([M[..., cols] for cols in columns], axis=-3))
    return minors * (-1.0) ** np.arange(m)


def _unknowns(sigmas):
    """Each root's unknowns (every player's probabilities but the first, normalised), and whether each exists."""
    parts, finite = [], np.isfinite(sigmas[0]).all(axis=-1)
    for sigma in sigmas:
        total = sigma.sum(axis=-1, keepdims=True)
        size = np.abs(sigma).max(axis=-1, keepdims=True)
        finite &= (np.abs(total) > 1e-9 * size)[..., 0] & np.isfinite(sigma).all(axis=-1)
        parts.append(sigma[..., 1:] / np.where(np.abs(total) > 0, total, 1))
    x = np.concatenate(parts, axis=-1)
    x[~finite] = 0
    return x, finite


def _polish(equations, x):
    """Newton's method on the support's equations; whether each root converged to a nonsingular root."""
    S, N, m = x.shape
    flat = x.reshape(S * N, m)
    select = np.repeat(np.arange(S), N)
    for _ in range(POLISH):
        f, J = equations.evaluate(flat, select)
        step = solve_stack(J, f)
        flat = flat - np.where(np.isfinite(step), step, 0)
    f, J = equations.evaluate(flat, select)
    step = solve_stack(J, f)
    good = np.isfinite(J).all(axis=(1, 2)) & np.isfinite(step).all(axis=1)
    good &= np.linalg.norm(np.where(good[:, None], step, 0), axis=1) <= CONVERGED * (1 + np.linalg.norm(flat, axis=1))
    good[good] &= np.linalg.cond(J[good]) < NONSINGULAR
    return flat.reshape(S, N, m), good.reshape(S, N)


def _distinct(x):
    """Per support, whether its roots are pairwise apart."""
    gaps = np.linalg.norm(x[:, :, None, :] - x[:, None, :, :], axis=-1)
    scale = 1 + np.maximum(np.linalg.norm(x, axis=-1)[:, :, None], np.linalg.norm(x, axis=-1)[:, None, :])
    gaps[:, np.arange(x.shape[1]), np.arange(x.shape[1])] = np.inf
    return (gaps > DISTINCT * scale).all(axis=(1, 2))


def _distinct_good(x, good, count):
    """Per support, its good roots once each; certified when there are exactly ``count`` of them.

    A spurious candidate either fails to converge or converges onto a root already found, so it is dropped.
    """
    S, _, m = x.shape
    roots, complete = np.zeros((S, count, m), dtype=complex), np.zeros(S, dtype=bool)
    for s in range(S):
        kept = []
        for root in x[s][good[s]]:
            if all(np.linalg.norm(root - other) > DISTINCT * (1 + max(np.linalg.norm(root), np.linalg.norm(other)))
                   for other in kept):
                kept.append(root)
        if len(kept) == count:
            roots[s], complete[s] = kept, True
    return roots, complete
