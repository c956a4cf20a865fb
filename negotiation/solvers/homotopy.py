r"""Every isolated solution of a support's indifference equations, by a linear-product homotopy.

When three or more players mix, the conditions for a support profile are
polynomial: each mixing player :math:`i` must be indifferent among its support,

.. math:: f_{i,r}(x) = u_i(s_r, \sigma_{-i}) - u_i(s_0, \sigma_{-i}) = 0,
          \qquad r = 1, \dots, k_i - 1,

where :math:`\sigma_j = (1 - \sum x_j, x_j)` on player :math:`j`'s support.
Each equation is *multilinear*: of degree one in each other player's block of
unknowns and of degree zero in its own. A start system with the same structure,

.. math:: g_{i,r}(x) = \prod_{j \ne i} (a_{i,r,j} \cdot x_j + c_{i,r,j}),

with random complex :math:`a, c`, has as many solutions as the system's
multihomogeneous Bézout number (2 for three players with two strategies each,
10 for 3×3×3, 9 for 2×2×2×2), found by solving one linear system per block.
The paths of :math:`H(x, t) = (1 - t)\gamma g(x) + t f(x)` from those solutions
reach every isolated solution of :math:`f` at :math:`t = 1`, for all but a
measure-zero set of random choices (the "gamma trick"; Sommese and Wampler,
*The Numerical Solution of Systems of Polynomials*, 2005, ch. 8).

The paths of every support of a game are tracked together as arrays (a Heun
predictor and a Newton corrector with per-path step control), so the cost is a
few dozen batched small linear solves, not a Python loop per path or per
support size. Supports of different sizes share one layout, the game's: a
player's unknowns beyond its support are dummies pinned at zero by equations
``x = 0`` that are decoupled from the rest, so each path follows exactly the
homotopy of its own support. The random choices come from a seeded generator:
answers are reproducible.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .indifference import PaddedEquations, shape_for

__all__ = ["track_paths", "start_count", "real_positions", "solve_stack"]

#: Paths farther out than this are going to infinity (no finite solution).
DIVERGED = 1e8
#: Smallest step in t before a path is given up.
MIN_STEP = 1e-13
MAX_ITERATIONS = 4000


def start_count(sizes: tuple[int, ...]) -> int:
    """The multihomogeneous Bézout number: how many paths a support with these sizes needs."""
    return len(_start_system(sizes, 0)[2])


@lru_cache(maxsize=256)
def _start_system(sizes: tuple[int, ...], seed: int):
    """Random factors (a, c) of the linear-product start system and its solutions."""
    shape = shape_for(sizes)
    mixing, offsets, m = shape.mixing, shape.offsets, shape.dimension
    rng = np.random.default_rng([seed, *sizes])
    rows = [(i, r) for i in mixing for r in range(sizes[i] - 1)]
    factors = [tuple(j for j in mixing if j != i) for i, _ in rows]  # the blocks each equation multiplies
    width = len(mixing) - 1
    a = np.zeros((m, width, m), dtype=complex)
    c = rng.normal(size=(m, width)) + 1j * rng.normal(size=(m, width))
    for e, blocks in enumerate(factors):
        for f, j in enumerate(blocks):
            span = slice(offsets[j], offsets[j] + sizes[j] - 1)
            a[e, f, span] = rng.normal(size=sizes[j] - 1) + 1j * rng.normal(size=sizes[j] - 1)
    starts = []
    for choice in _assignments(factors, {j: sizes[j] - 1 for j in mixing}):
        x = np.zeros(m, dtype=complex)
        for j in mixing:
            picked = [(e, f) for e, f in enumerate(choice) if factors[e][f] == j]
            span = slice(offsets[j], offsets[j] + sizes[j] - 1)
            M = np.array([a[e, f, span] for e, f in picked])
            x[span] = np.linalg.solve(M, [-c[e, f] for e, f in picked])
        starts.append(x)
    return a, c, np.array(starts).reshape(len(starts), m)


@lru_cache(maxsize=256)
def _padded_start(sizes: tuple[int, ...], full: tuple[int, ...], seed: int):
    """The start system of support sizes ``sizes`` laid out in the unknowns of the game's sizes ``full``.

    A player's unknowns and equations beyond its support are dummies: each
    dummy equation is ``x = 0`` (one factor, the others the constant 1), so
    its unknown stays at zero along the path and every support of a game can
    be tracked in one batch. Returns ``(a, c, starts)`` with one factor slot
    per other player of the full layout.
    """
    a, c, starts = _start_system(sizes, seed)
    real, big = shape_for(sizes), shape_for(full)
    positions = real_positions(sizes, full)
    width, m = max(len(big.mixing) - 1, 1), big.dimension
    padded_a = np.zeros((m, width, m), dtype=complex)
    padded_c = np.ones((m, width), dtype=complex)
    rows = [(i, r) for i in real.mixing for r in range(sizes[i] - 1)]
    for e, (i, _) in enumerate(rows):
        real_others = [j for j in real.mixing if j != i]
        full_others = [j for j in big.mixing if j != i]
        for f, j in enumerate(real_others):
            padded_a[positions[e], full_others.index(j), positions] = a[e, f]
            padded_c[positions[e], full_others.index(j)] = c[e, f]
    for row in sorted(set(range(m)) - set(positions.tolist())):
        padded_a[row, 0, row], padded_c[row, 0] = 1, 0
    padded_starts = np.zeros((len(starts), m), dtype=complex)
    padded_starts[:, positions] = starts
    return padded_a, padded_c, padded_starts


def real_positions(sizes: tuple[int, ...], full: tuple[int, ...]) -> np.ndarray:
    """Where a support's own unknowns sit among the full layout's (each player's first ``size - 1``)."""
    big = shape_for(tuple(full))
    return np.array([big.offsets[j] + r for j in shape_for(tuple(sizes)).mixing for r in range(sizes[j] - 1)],
                    dtype=int)


def _assignments(factors, capacity):
    """Every way to let each equation vanish through one factor, so each block gets as many as it has unknowns."""
    left = dict(capacity)
    choice: list[int] = []

    def extend(e):
        if e == len(factors):
            yield tuple(choice)
            return
        for f, j in enumerate(factors[e]):
            if left[j]:
                left[j] -= 1
                choice.append(f)
                yield from extend(e + 1)
                choice.pop()
                left[j] += 1

    if all(v >= 0 for v in capacity.values()):
        yield from extend(0)


def _start_values(a, c, x):
    """g(x) and its Jacobian for linear-product start systems, one per path (``a``: paths × m × factors × m)."""
    B, m, width, _ = a.shape
    L = np.matmul(a.reshape(B, m * width, m), x[:, :, None]).reshape(B, m, width) + c
    value = L.prod(axis=2)
    if width == 1:
        rest = np.ones_like(L)
    elif width == 2:
        rest = L[:, :, ::-1]
    else:  # the product of every factor but one (no division: a factor is zero at a start point)
        rest = np.stack([np.prod(np.delete(L, f, axis=2), axis=2) for f in range(width)], axis=2)
    return value, np.matmul(rest[:, :, None, :], a)[:, :, 0, :]


#: Below this ratio of |det| to the product of the rows' norms a system is solved by least squares.
NEARLY_SINGULAR = 1e-12


def solve_stack(M, b):
    """Solve each system ``M[k] y = b[k]``; a singular one by least squares, a non-finite one as NaN."""
    try:
        return np.linalg.solve(M, b[..., None])[..., 0]
    except np.linalg.LinAlgError:
        # Degenerate games make singular systems common: solve the clearly regular ones together, and the
        # singular or nearly singular ones (determinant tiny against the product of the rows' norms, the
        # largest it can be) by least squares, also together, where a loop of lstsq calls took most of the time.
        out = np.full(b.shape, np.nan, dtype=np.result_type(M, b))
        finite = np.isfinite(M).all(axis=(1, 2)) & np.isfinite(b).all(axis=1)
        regular = finite.copy()
        bound = np.prod(np.linalg.norm(M[finite], axis=2), axis=1)
        regular[finite] = np.abs(np.linalg.det(M[finite])) > NEARLY_SINGULAR * bound
        singular = finite & ~regular
        out[regular] = np.linalg.solve(M[regular], b[regular][..., None])[..., 0]
        try:
            out[singular] = np.matmul(np.linalg.pinv(M[singular]), b[singular][..., None])[..., 0]
        except np.linalg.LinAlgError:  # an SVD that does not converge: those systems one at a time
            for k in np.flatnonzero(singular):
                out[k] = np.linalg.lstsq(M[k], b[k], rcond=None)[0]
        return out


# A path running off to infinity overflows on the way; it ends marked "infinite" or "failed", not as a warning.
@np.errstate(over="ignore", invalid="ignore", divide="ignore")
def track_paths(full, batch, seed=0, deadline=None):
    """End points of every path of the supports in ``batch``, tracked together.

    ``full`` is the game's shape; ``batch`` lists ``(sizes, tensors)`` per
    support, its payoff-difference tensors laid out over the full strategy
    sets (:func:`padded_tensors`). Returns ``(x, support_index, status)``: one
    row per path in the full layout (:func:`real_positions` picks a support's
    own unknowns), the support it belongs to, and ``"finished"``,
    ``"infinite"`` or ``"failed"``.
    """
    full = tuple(full)
    shape = shape_for(full)
    if len(set(full)) != 1:
        raise ValueError(f"track_paths needs every player to have the same number of strategies, got {full}")
    starts_of = [_padded_start(tuple(sizes), full, seed) for sizes, _ in batch]
    counts = np.array([len(starts) for _, _, starts in starts_of], dtype=int)
    owner = np.repeat(np.arange(len(batch)), counts)
    m = shape.dimension
    x = np.concatenate([starts for _, _, starts in starts_of]) if counts.sum() else np.zeros((0, m), dtype=complex)
    a_of = np.stack([a for a, _, _ in starts_of]) if batch else np.zeros((0, m, 1, m), dtype=complex)
    c_of = np.stack([c for _, c, _ in starts_of]) if batch else np.zeros((0, m, 1), dtype=complex)
    gammas = np.exp(2j * np.pi * np.array([np.random.default_rng([seed, 7, *sizes]).random() for sizes, _ in batch]))
    dummy = np.ones((len(batch), m), dtype=bool)
    for k, (sizes, _) in enumerate(batch):
        dummy[k, real_positions(tuple(sizes), full)] = False
    target = PaddedEquations(len(full), full[0], [tensors for _, tensors in batch], dummy)
    t = np.zeros(len(x))
    h = np.full(len(x), 0.1)
    streak = np.zeros(len(x), dtype=int)
    status = np.full(len(x), "running", dtype=object)

    def homotopy_of(sel):
        """H, H_x and H_t for the paths ``sel``, their data gathered once for the round."""
        support = owner[sel]
        f_at, a, c, gamma = target.at(support), a_of[support], c_of[support], gammas[support][:, None]

        def homotopy(xs, ts):
            f, Jf = f_at(xs)
            g, Jg = _start_values(a, c, xs)
            w = ts[:, None]
            return (1 - w) * gamma * g + w * f, (1 - w[..., None]) * gamma[..., None] * Jg + w[..., None] * Jf, \
                f - gamma * g

        return homotopy

    for _ in range(MAX_ITERATIONS):
        active = np.flatnonzero(status == "running")
        if not len(active) or (deadline is not None and deadline.passed()):
            break
        xs, ts, hs = x[active], t[active], h[active]
        t1 = np.minimum(ts + hs, 1.0)
        homotopy = homotopy_of(active)
        guess = _predict(homotopy, xs, ts, t1)
        sizes = []
        for _step in range(3):
            H, Hx, _ = homotopy(guess, t1)
            delta = solve_stack(Hx, H)
            guess = guess - delta
            sizes.append(np.linalg.norm(delta, axis=1) / (1 + np.linalg.norm(guess, axis=1)))
        # Accept when Newton contracts fast from a close guess; the end point is polished on f itself.
        ok = np.isfinite(sizes[-1]) & (sizes[-1] < 1e-7) & (sizes[0] < 0.1) & (sizes[1] <= 0.3 * sizes[0] + 1e-14)
        good, bad = active[ok], active[~ok]
        x[good], t[good] = guess[ok], t1[ok]
        streak[good] += 1
        grow = streak[good] >= 2
        h[good] = np.where(grow, np.minimum(2 * h[good], 0.5), h[good])
        streak[good] = np.where(grow, 0, streak[good])
        h[bad] /= 2
        streak[bad] = 0
        status[good[t[good] >= 1.0]] = "finished"
        status[bad[h[bad] < MIN_STEP]] = "failed"
        far = active[np.linalg.norm(x[active], axis=1) > DIVERGED]
        status[far] = "infinite"
    status[status == "running"] = "failed"
    _polish(target, x, owner, status)
    return x, owner, status


def _predict(homotopy, xs, ts, t1):
    """Heun's predictor along the tangent dx/dt = -H_x^{-1} H_t (second order, so steps can be long)."""
    dt = (t1 - ts)[:, None]
    _, Hx, Ht = homotopy(xs, ts)
    k1 = -solve_stack(Hx, Ht)
    _, Hx, Ht = homotopy(xs + dt * k1, t1)
    k2 = -solve_stack(Hx, Ht)
    return xs + dt * (k1 + k2) / 2


def _polish(target, x, owner, status):
    """Newton's method on f itself at the end points (also pulls in paths stopped just short of t = 1)."""
    keep = np.flatnonzero(status != "infinite")
    if not len(keep):
        return
    xs = x[keep]
    f_at = target.at(owner[keep])
    for _ in range(8):
        f, J = f_at(xs)
        step = solve_stack(J, f)
        step[~np.isfinite(step).all(axis=1)] = 0
        xs = xs - step
    x[keep] = xs


