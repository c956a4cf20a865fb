r"""The roots of a support where four players each mix over two strategies, by hiding two of them.

Write the mixtures of players 2 and 3 as :math:`\sigma_2 = (1 - w, w)` and
:math:`\sigma_3 = (1 - z, z)`. Player 0's condition is then linear in
:math:`\sigma_1`, and player 1's in :math:`\sigma_0`, so

.. math:: \sigma_1 = J\, (D_0 \times_2 \sigma_2 \times_3 \sigma_3), \qquad
          \sigma_0 = J\, (D_1 \times_2 \sigma_2 \times_3 \sigma_3),
          \qquad J (a, b) = (b, -a),

each linear in w. Players 2's and 3's conditions become polynomials in w of
degrees 2 and 3 whose coefficients are polynomials in z of degrees 3 and 2.
They share a root w exactly where their 5×5 Sylvester resultant vanishes, a
polynomial in z of degree 3·3 + 2·2 = 13, found (as in
:mod:`~negotiation.solvers.hidden_player`) from its values at roots of unity
and the eigenvalues of its companion matrix; w is read off the Sylvester
matrix's null vector :math:`(1, w, \dots, w^4)`.

Of the 13, four are spurious: the points where :math:`\sigma_0` or
:math:`\sigma_1` vanishes (two each, where :math:`D_1 \times_3 \sigma_3` or
:math:`D_0 \times_3 \sigma_3` is singular). The support's own roots number at
most its Bézout count, 9 (the derangements of four players). The caller
polishes all 13 and certifies the support only when exactly 9 distinct,
converged, nonsingular roots remain (:mod:`~negotiation.solvers.hidden_player`).
"""

from __future__ import annotations

import numpy as np

from .circle_roots import polynomial_roots

__all__ = ["pair_roots", "SIZES", "CANDIDATES"]

#: The support sizes solved here, and how many candidate roots they give (the resultant's degree).
SIZES = (2, 2, 2, 2)
CANDIDATES = 13

#: σ2 = E[0] + w E[1]
_E = np.array([[1.0, 0.0], [-1.0, 1.0]])


def pair_roots(tensors):
    """Per support, the 13 candidate roots as mixtures (σ0, σ1, σ2, σ3), each of shape (supports, 13, 2).

    ``tensors[s][i]`` is player i's payoff differences, shape (1, 2, 2, 2) over
    the other players in order.
    """
    D = [np.array([t[i][0] for t in tensors], dtype=complex) for i in range(4)]
    z = polynomial_roots(lambda s: np.linalg.det(_sylvester(D, s)[0]), CANDIDATES, len(tensors))
    raw = np.stack([1 - z, z], axis=-1)  # NaN where a root was lost
    s = np.where(np.isfinite(raw), raw, 0)
    S, C0, C1 = _sylvester(D, s)
    _, _, vh = np.linalg.svd(S)
    null = vh[..., -1, :].conj()  # ∝ (1, w, w², w³, w⁴)
    w = (null[..., 1] / null[..., 0])[..., None]  # a root at w = ∞ is NaN: it fails the certificate
    sigma_2 = np.stack([1 - w[..., 0], w[..., 0]], axis=-1)
    sigma_0 = C0[..., 0, :] + w * C0[..., 1, :]
    sigma_1 = C1[..., 0, :] + w * C1[..., 1, :]
    return sigma_0, sigma_1, sigma_2, raw


def _sylvester(D, s):
    """At each σ3 in ``s`` (supports, points, 2): the Sylvester matrices in w and σ0's and σ1's coefficients in w."""
    D0, D1, D2, D3 = D  # axes (support, the others in order)
    R0 = np.einsum("sabc,snc->snab", D0, s)  # player 0's condition, axes (σ1, σ2)
    R1 = np.einsum("sabc,snc->snab", D1, s)  # player 1's, axes (σ0, σ2)
    C1 = _rotate(np.einsum("snab,kb->snka", R0, _E))  # σ1 = C1[0] + w C1[1]
    C0 = _rotate(np.einsum("snab,kb->snka", R1, _E))
    T2 = np.einsum("sabc,snc->snab", D2, s)  # player 2's condition, axes (σ0, σ1)
    by_terms_2 = np.einsum("snia,snab,snjb->snij", C0, T2, C1)
    by_terms_3 = np.einsum("sabc,snia,snjb,kc->snijk", D3, C0, C1, _E)
    F2 = np.stack([by_terms_2[..., 0, 0], by_terms_2[..., 0, 1] + by_terms_2[..., 1, 0], by_terms_2[..., 1, 1]],
                  axis=-1)  # ascending powers of w
    degree = np.add.outer(np.add.outer(np.arange(2), np.arange(2)), np.arange(2))
    F3 = np.stack([by_terms_3[..., degree == p].sum(axis=-1) for p in range(4)], axis=-1)
    S = np.zeros((*F2.shape[:-1], 5, 5), dtype=complex)
    for k in range(3):  # w^k F2(w): deg F3 = 3 rows
        S[..., k, k:k + 3] = F2
    for k in range(2):  # w^k F3(w): deg F2 = 2 rows
        S[..., 3 + k, k:k + 4] = F3
    return S, C0, C1


def _rotate(vectors):
    """J v = (v[1], -v[0]) along the last axis: the direction orthogonal to v."""
    return np.stack([vectors[..., 1], -vectors[..., 0]], axis=-1)
