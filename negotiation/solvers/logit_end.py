"""From the end of the logit branch to a verified Nash equilibrium.

Far along the branch the quantal response is within about 1/λ of an
equilibrium: :func:`polish` takes the strategies still played and solves
their indifference equations by Newton's method. In a degenerate game the
branch can end at a continuum of equilibria, where that can fail, or stop at
a branch point it cannot pass; :func:`nearest_verified` then falls back, for
games small enough, on every equilibrium from
:func:`~negotiation.all_equilibria` and picks the one nearest to where the
branch got.
"""

from __future__ import annotations

import numpy as np

from ..errors import BudgetError, SolverError
from ..games.normal_form import NormalFormGame
from .contractions import Contractions

__all__ = ["polish", "nearest_verified", "FALLBACK_SECONDS"]

#: Time allowed to the fallback enumeration (degenerate games can take far longer to enumerate completely;
#: any verified equilibrium found by then serves).
FALLBACK_SECONDS = 2.0


def nearest_verified(game: NormalFormGame, traced, bound: float):
    """``(equilibrium, '')``: the verified equilibrium nearest to ``traced`` (a profile, or None: the first);
    ``(None, reason)`` when the enumeration is refused (too large) or fails, or none verifies."""
    import warnings

    from .enumeration import all_equilibria

    try:
        with warnings.catch_warnings():  # the caller's message says the game looks degenerate
            warnings.simplefilter("ignore")
            everything = all_equilibria(game, timeout=FALLBACK_SECONDS)
    except (BudgetError, SolverError) as exc:
        return None, f"enumerating every equilibrium instead did not work: {exc}"
    verified = [eq for eq in everything if eq.regret <= bound]
    if not verified:
        return None, "all_equilibria found none that verifies within the tolerance"
    if traced is None:
        return verified[0], ""
    return min(verified, key=lambda eq: max(np.max(np.abs(np.asarray(p, dtype=float) - t))
                                            for p, t in zip(eq.profile, traced))), ""


def polish(game: NormalFormGame, profile, threshold: float = 1e-6):
    """Newton on the indifference equations of the strategies still played at the branch's end."""
    tables = Contractions(game.as_float().payoffs)
    supports = [np.flatnonzero(p > threshold) for p in profile]
    sigmas = [np.where(p > threshold, p, 0.0) for p in profile]
    sigmas = [s / s.sum() for s in sigmas]
    for _ in range(30):
        residual, jacobian = _support_system(tables, sigmas, supports)
        if np.max(np.abs(residual)) <= 1e-13:
            break
        try:
            step = np.linalg.lstsq(jacobian, -residual, rcond=None)[0]
        except np.linalg.LinAlgError:
            return None
        sigmas = _apply(sigmas, supports, step)
    else:
        return None  # Newton did not converge: the support is not yet the equilibrium's
    if any(np.any(s < 0) or not np.all(np.isfinite(s)) for s in sigmas):
        return None
    return tuple(np.maximum(s, 0) / np.maximum(s, 0).sum() for s in sigmas)


def _support_system(tables: Contractions, sigmas, supports):
    """Residuals u_i(s) - u_i(first of support) for s in the support, and sums of probabilities minus 1."""
    n = len(sigmas)
    sizes = [len(s) for s in supports]
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    rows, jac_rows = [], []
    for i in range(n):
        pairs = {j: tables.pair(i, j, sigmas) for j in range(n) if j != i}
        u = tables.payoff(i, sigmas, pairs[1 if i == 0 else 0])
        base = supports[i][0]
        for s in supports[i][1:]:
            rows.append(u[s] - u[base])
            row = np.zeros(offsets[-1])
            for j, pair in pairs.items():
                row[offsets[j]:offsets[j + 1]] = pair[s, supports[j]] - pair[base, supports[j]]
            jac_rows.append(row)
    for i in range(n):
        rows.append(sigmas[i][supports[i]].sum() - 1)
        row = np.zeros(offsets[-1])
        row[offsets[i]:offsets[i + 1]] = 1
        jac_rows.append(row)
    return np.array(rows), np.array(jac_rows)


def _apply(sigmas, supports, step):
    out, at = [], 0
    for sigma, support in zip(sigmas, supports):
        sigma = sigma.copy()
        sigma[support] += step[at:at + len(support)]
        at += len(support)
        out.append(sigma)
    return out
