r"""The indifference equations of support profiles, and their Jacobians, for many supports at once.

When three or more players mix, player :math:`i` is indifferent among its
support when :math:`u_i(s_r, \sigma_{-i}) - u_i(s_0, \sigma_{-i}) = 0` for
``r = 1..k_i - 1``, with :math:`\sigma_j = (1 - \sum x_j, x_j)` over player
j's support. These are multilinear in the other players' unknowns; the
payoff differences are tensors (:func:`multilinear_tensors`), contracted
against the mixtures.

* :class:`SupportEquations`: the supports of one size, in their own unknowns;
* :class:`PaddedEquations`: supports of every size in the layout of a game
  whose players all have ``K`` strategies, the padding pinned at zero (what
  :mod:`~negotiation.solvers.homotopy` tracks).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["IndifferenceShape", "shape_for", "SupportEquations", "PaddedEquations", "multilinear_tensors",
           "padded_tensors", "jacobian_condition"]


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


class SupportEquations:
    """The indifference equations f of many supports of one shape, evaluated in a batch."""

    def __init__(self, shape: IndifferenceShape, tensors: list):
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


class PaddedEquations:
    """The indifference equations of many supports, each laid out over ``n`` players of ``K`` strategies.

    Every player has ``K - 1`` unknowns; those beyond a support are dummies,
    pinned at zero by the equation ``x = 0`` and decoupled from the support's
    own equations (their Jacobian columns there are dropped: along a path they
    are zero anyway). With one layout for every support, each player's
    equations and Jacobian blocks are a few array operations for all players
    and all paths at once.
    """

    def __init__(self, n: int, K: int, tensors: list, dummy: np.ndarray):
        # tensors[s][i]: player i's payoff differences, shape (K - 1, K, ..., K) over the others in order
        self.n, self.K, self.m = n, K, n * (K - 1)
        D = np.array([np.stack(t) for t in tensors], dtype=complex).reshape(len(tensors), n, K - 1, *[K] * (n - 1))
        self.others = np.array([[j for j in range(n) if j != i] for i in range(n)], dtype=int)
        self.players = np.arange(n)
        # For each kept other player p: the tensor with p's axis next to the equations' and the rest flattened,
        # so contracting the rest is one batched matrix product with the outer product of their mixtures.
        self.partials = []
        for p in range(n - 1):
            rest = [q for q in range(n - 1) if q != p]
            order = (0, 1, 2, 3 + p, *[3 + q for q in rest])
            table = np.ascontiguousarray(np.transpose(D, order)).reshape(len(tensors), n, (K - 1) * K, K ** (n - 2))
            self.partials.append((p, rest, table))
        self.dummy = dummy  # per support, which unknowns are padding

    def evaluate(self, x, select):
        """f(x) and its Jacobian for the paths ``select`` (indices into the supports)."""
        return self.at(select)(x)

    def at(self, select):
        """The evaluation for paths of the supports ``select``, their tables gathered once for many points."""
        n, K, m = self.n, self.K, self.m
        tables = [(p, rest, table[select]) for p, rest, table in self.partials]
        pinned = self.dummy[select]
        path, row = np.nonzero(pinned)
        free = ~pinned[:, None, :]

        def evaluate(x):
            B = len(x)
            X = x.reshape(B, n, K - 1)
            sigma = np.concatenate([1 - X.sum(axis=2, keepdims=True), X], axis=2)
            around = sigma[:, self.others]  # (paths, player, other, strategy)
            blocks = np.zeros((n, n, B, K - 1, K - 1), dtype=complex)  # (player, other player, path, row, column)
            for p, rest, table in tables:
                weights = around[:, :, rest[0]] if rest else np.ones((B, n, 1), dtype=complex)
                for q in rest[1:]:
                    weights = (weights[..., None] * around[:, :, q, None, :]).reshape(B, n, -1)
                C = np.matmul(table, weights[..., None]).reshape(B, n, K - 1, K)  # (path, player, row, K)
                blocks[self.players, self.others[:, p]] = (C[..., 1:] - C[..., :1]).swapaxes(0, 1)
                if p == 0:
                    value = np.matmul(C, around[:, :, 0, :, None]).reshape(B, m)
            jac = blocks.transpose(2, 0, 3, 1, 4).reshape(B, m, m)
            value[pinned] = x[pinned]
            jac *= free
            jac[path, row, :] = 0
            jac[path, row, row] = 1
            return value, jac

        return evaluate


def jacobian_condition(sizes, tensor, x):
    """The condition number of f's Jacobian at one point (large at a singular, non-regular root)."""
    target = SupportEquations(shape_for(tuple(sizes)), [tensor])
    _, J = target.evaluate(np.asarray(x, dtype=complex)[None, :], np.array([0]))
    return float(np.linalg.cond(J[0]))


def multilinear_tensors(payoffs, supports, scale):
    """The payoff-difference tensors of one support profile, scaled to order one.

    For each mixing player i: ``U_i[s_r] - U_i[s_0]`` for r = 1..k_i-1, with the
    other players restricted to their supports and the pure players' axes dropped.
    """
    mixing = [i for i in range(len(payoffs)) if len(supports[i]) > 1]
    return _differences(payoffs, [list(s) for s in supports], mixing, scale)


def padded_tensors(payoffs, supports, scale):
    """:func:`multilinear_tensors` over every strategy, each player's support first (for :class:`PaddedEquations`)."""
    orders = [list(s) + [t for t in range(np.shape(payoffs[0])[j]) if t not in s] for j, s in enumerate(supports)]
    mixing = [i for i, order in enumerate(orders) if len(order) > 1]
    return _differences(payoffs, orders, mixing, scale)


def _differences(payoffs, orders, mixing, scale):
    """Each player in ``mixing``: its payoff differences against its first strategy, other non-mixing axes dropped."""
    n = len(payoffs)
    out = []
    for i in mixing:
        block = np.asarray(payoffs[i], dtype=float)[np.ix_(*orders)] / scale
        block = np.moveaxis(block, i, 0)
        diff = block[1:] - block[:1]
        others = [j for j in range(n) if j != i]
        drop = tuple(1 + k for k, j in enumerate(others) if j not in mixing)
        out.append(diff.reshape(diff.shape[0], *[len(orders[j]) for j in others]).squeeze(axis=drop)
                   if drop else diff)
    return out
