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

The paths of every support with the same sizes are tracked together as arrays
(an Euler predictor and a Newton corrector with per-path step control), so the
cost is a few dozen batched small linear solves, not a Python loop per path.
The random choices come from a seeded generator: answers are reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["IndifferenceShape", "shape_for", "track_paths", "start_count"]

#: Paths farther out than this are going to infinity (no finite solution).
DIVERGED = 1e8
#: Smallest step in t before a path is given up.
MIN_STEP = 1e-13
MAX_ITERATIONS = 4000


@dataclass(frozen=True)
class IndifferenceShape:
    """The layout of the unknowns for support sizes ``sizes`` (one per player)."""

    sizes: tuple[int, ...]

    @property
    def mixing(self) -> tuple[int, ...]:
        return tuple(i for i, k in enumerate(self.sizes) if k > 1)

    @property
    def offsets(self) -> dict[int, int]:
        """Where each mixing player's unknowns start in the vector x."""
        out, at = {}, 0
        for i in self.mixing:
            out[i] = at
            at += self.sizes[i] - 1
        return out

    @property
    def dimension(self) -> int:
        return sum(k - 1 for k in self.sizes)


@lru_cache(maxsize=256)
def shape_for(sizes: tuple[int, ...]) -> IndifferenceShape:
    return IndifferenceShape(sizes)


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


class _Target:
    """The indifference equations f of many supports of one shape, evaluated in a batch."""

    def __init__(self, shape: IndifferenceShape, tensors: list[np.ndarray]):
        # tensors[s] is the list, per mixing player i, of its payoff differences restricted to support s:
        # shape (k_i - 1, k_j for each other mixing j in order); pure players' axes are already fixed.
        mixing, offsets, sizes = shape.mixing, shape.offsets, shape.sizes
        self.m = shape.dimension
        self.blocks = [(j, slice(offsets[j], offsets[j] + sizes[j] - 1)) for j in mixing]
        letters = dict(zip(mixing, "cdefghijklmnopqrstuvwxyz"))
        self.players = []
        for n, i in enumerate(mixing):
            D = np.array([t[n] for t in tensors], dtype=complex)
            others = [j for j in mixing if j != i]
            spec = "br" + "".join(letters[j] for j in others)
            partials = []
            for j in others:  # contract every other player but j: the Jacobian block for x_j
                rest = [o for o in others if o != j]
                subscripts = spec + "".join(",b" + letters[o] for o in rest) + "->br" + letters[j]
                partials.append((j, rest, subscripts, dict(self.blocks)[j]))
            self.players.append((D, dict(self.blocks)[i], partials))

    def evaluate(self, x, select):
        """f(x) and its Jacobian for the paths ``select`` (indices into the batch)."""
        sig = {}
        for j, cols in self.blocks:
            block = x[:, cols]
            sig[j] = np.concatenate([1 - block.sum(axis=1, keepdims=True), block], axis=1)
        B = x.shape[0]
        value = np.empty((B, self.m), dtype=complex)
        jac = np.zeros((B, self.m, self.m), dtype=complex)
        for D, rows, partials in self.players:
            D = D[select]
            for n, (j, rest, subscripts, cols) in enumerate(partials):
                C = np.einsum(subscripts, D, *[sig[o] for o in rest])
                jac[:, rows, cols] = C[:, :, 1:] - C[:, :, :1]
                if n == 0:
                    value[:, rows] = np.einsum("brk,bk->br", C, sig[j])
        return value, jac


def _start_values(a, c, x):
    """g(x) and its Jacobian for the linear-product start system."""
    L = np.einsum("efv,bv->bef", a, x) + c
    value = L.prod(axis=2)
    jac = np.zeros((x.shape[0], a.shape[0], a.shape[2]), dtype=complex)
    for f in range(a.shape[1]):
        rest = np.prod(L[:, :, :f], axis=2) * np.prod(L[:, :, f + 1:], axis=2)
        jac += rest[:, :, None] * a[None, :, f, :]
    return value, jac


def _solve(M, b):
    try:
        return np.linalg.solve(M, b[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return np.stack([np.linalg.lstsq(Mk, bk, rcond=None)[0] for Mk, bk in zip(M, b)])


def track_paths(sizes, tensors, seed=0, deadline=None):
    """End points of every path for the supports whose payoff-difference tensors are given.

    Returns ``(x, support_index, status)``: one row per path, the support each
    path belongs to, and ``"finished"``, ``"infinite"`` or ``"failed"``.
    """
    shape = shape_for(tuple(sizes))
    a, c, starts = _start_system(shape.sizes, seed)
    target = _Target(shape, tensors)
    gamma = np.exp(2j * np.pi * np.random.default_rng([seed, 7, *sizes]).random())
    S, P = len(tensors), len(starts)
    owner = np.repeat(np.arange(S), P)
    x = np.tile(starts, (S, 1)) if P else np.zeros((0, shape.dimension), dtype=complex)
    t = np.zeros(len(x))
    h = np.full(len(x), 0.1)
    streak = np.zeros(len(x), dtype=int)
    status = np.full(len(x), "running", dtype=object)

    def homotopy(xs, ts, sel):
        f, Jf = target.evaluate(xs, owner[sel])
        g, Jg = _start_values(a, c, xs)
        w = ts[:, None]
        return (1 - w) * gamma * g + w * f, (1 - w[..., None]) * gamma * Jg + w[..., None] * Jf, f - gamma * g

    for _ in range(MAX_ITERATIONS):
        active = np.flatnonzero(status == "running")
        if not len(active) or (deadline is not None and deadline.passed()):
            break
        xs, ts, hs = x[active], t[active], h[active]
        t1 = np.minimum(ts + hs, 1.0)
        guess = _predict(homotopy, xs, ts, t1, active)
        sizes = []
        for _step in range(3):
            H, Hx, _ = homotopy(guess, t1, active)
            delta = _solve(Hx, H)
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


def _predict(homotopy, xs, ts, t1, active):
    """Heun's predictor along the tangent dx/dt = -H_x^{-1} H_t (second order, so steps can be long)."""
    dt = (t1 - ts)[:, None]
    _, Hx, Ht = homotopy(xs, ts, active)
    k1 = -_solve(Hx, Ht)
    _, Hx, Ht = homotopy(xs + dt * k1, t1, active)
    k2 = -_solve(Hx, Ht)
    return xs + dt * (k1 + k2) / 2


def _polish(target, x, owner, status):
    """Newton's method on f itself at the end points (also pulls in paths stopped just short of t = 1)."""
    keep = np.flatnonzero(status != "infinite")
    if not len(keep):
        return
    xs = x[keep]
    for _ in range(8):
        f, J = target.evaluate(xs, owner[keep])
        step = _solve(J, f)
        step[~np.isfinite(step).all(axis=1)] = 0
        xs = xs - step
    x[keep] = xs


def jacobian_condition(sizes, tensor, x):
    """The condition number of f's Jacobian at one point (large at a singular, non-regular root)."""
    target = _Target(shape_for(tuple(sizes)), [tensor])
    _, J = target.evaluate(np.asarray(x, dtype=complex)[None, :], np.array([0]))
    return float(np.linalg.cond(J[0]))


def multilinear_tensors(payoffs, supports, scale):
    """The payoff-difference tensors of one support profile, scaled to order one.

    For each mixing player i: ``U_i[s_r] - U_i[s_0]`` for r = 1..k_i-1, with the
    other players restricted to their supports and the pure players' axes dropped.
    """
    n = len(payoffs)
    mixing = [i for i in range(n) if len(supports[i]) > 1]
    out = []
    for i in mixing:
        block = np.asarray(payoffs[i], dtype=float)[np.ix_(*supports)] / scale
        block = np.moveaxis(block, i, 0)
        diff = block[1:] - block[:1]
        others = [j for j in range(n) if j != i]
        drop = tuple(1 + k for k, j in enumerate(others) if j not in mixing)
        out.append(diff.reshape(diff.shape[0], *[len(supports[j]) for j in others]).squeeze(axis=drop)
                   if drop else diff)
    return out

