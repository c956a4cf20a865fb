"""The roots of many polynomials of one degree, from their values at roots of unity.

A polynomial of degree d is fixed by its values at the d + 1 roots of unity;
their discrete Fourier transform gives its coefficients, and the eigenvalues
of its companion matrix its roots. The eliminations of
:mod:`~negotiation.solvers.hidden_player` and
:mod:`~negotiation.solvers.hidden_pair` evaluate a determinant at those points
for every support of one shape at once, and solve them all in one batch here.
"""

from __future__ import annotations

import numpy as np

__all__ = ["polynomial_roots"]


def polynomial_roots(values, degree, supports):
    """The roots of a polynomial in z of the given degree, per support, from its values on the unit circle.

    ``values(s)`` evaluates it at the points ``s = (1 - z, z)``, an array (supports, points, 2). Where the
    leading coefficient is negligible (a root at infinity) or a root is not finite, the roots are NaN.
    """
    count = degree + 1
    z = np.exp(2j * np.pi * np.arange(count) / count)
    F = values(np.broadcast_to(np.stack([1 - z, z], axis=-1), (supports, count, 2)))  # (supports, count)
    coefficients = np.fft.fft(F, axis=1) / count  # ascending powers: F(z) = sum_p c_p z^p
    lead = coefficients[:, -1]
    tiny = np.abs(lead) <= 1e-12 * np.abs(coefficients).max(axis=1)
    lead = np.where(tiny, 1.0, lead)  # a root at infinity: NaN roots, so the support fails its certificate
    companion = np.zeros((len(F), degree, degree), dtype=complex)
    companion[:, np.arange(1, degree), np.arange(degree - 1)] = 1
    companion[:, :, -1] = -coefficients[:, :-1] / lead[:, None]
    roots = np.linalg.eigvals(np.where(np.isfinite(companion), companion, 0))
    return np.where(tiny[:, None] | ~np.isfinite(roots), np.nan, roots)
