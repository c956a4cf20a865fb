"""Payoff tensors against every player's mixture but one or two, each as one matrix product.

Continuation and Newton methods on n-player games ask, many times a step, for
:math:`u_i(s, t, \\sigma_{-ij})`: player i's payoff when i plays ``s``, j plays
``t`` and everyone else mixes. Laying each tensor out once with axes
``(i, j, others…)`` turns that into one matrix–vector product with the outer
product of the others' mixtures, instead of a ``tensordot`` per player.
"""

from __future__ import annotations

from functools import reduce

import numpy as np

__all__ = ["Contractions"]

_ONE = np.ones(1)


class Contractions:
    """Every player's payoff tensor, laid out for contraction against all mixtures but two."""

    def __init__(self, payoffs):
        arrays = [np.asarray(a, dtype=float) for a in payoffs]
        self.shape = arrays[0].shape
        n = len(arrays)
        ends = np.cumsum(self.shape).tolist()
        #: Each player's slice of a vector that stacks every player's strategies.
        self.blocks = [slice(end - size, end) for end, size in zip(ends, self.shape)]
        self.others = [tuple(j for j in range(n) if j != i) for i in range(n)]
        self._tables = {}
        for i, array in enumerate(arrays):
            for j in range(n):
                if j != i:
                    others = tuple(k for k in range(n) if k not in (i, j))
                    matrix = np.transpose(array, (i, j, *others)).reshape(self.shape[i] * self.shape[j], -1)
                    self._tables[i, j] = (np.ascontiguousarray(matrix), others)
        self._stack(arrays)

    def _stack(self, arrays) -> None:
        """Every ordered pair's table at once, padded to the largest player's strategy count."""
        n, m = len(arrays), max(self.shape)
        self.width = m
        self.real = np.zeros((n, m), dtype=bool)  # which padded entries are strategies
        for i, size in enumerate(self.shape):
            self.real[i, :size] = True
        strategies = np.flatnonzero(self.real.ravel())
        self.square = bool(self.real.all())  # no padding
        self.strategy_block = np.ix_(strategies, strategies)  # the real rows and columns of a padded matrix
        pairs = [(i, j) for i in range(n) for j in range(n) if j != i]
        self.first, self.second = (np.array(side) for side in zip(*pairs))
        self.rest = np.array([self._tables[pair][1] for pair in pairs]).reshape(len(pairs), n - 2)
        stacked = np.zeros((len(pairs), m, m, *([m] * (n - 2))))
        for k, (i, j) in enumerate(pairs):
            array = np.transpose(arrays[i], (i, j, *self._tables[i, j][1]))
            stacked[(k, *[slice(0, size) for size in array.shape])] = array
        self.stacked = stacked.reshape(len(pairs), m * m, m ** (n - 2))

    def all_pairs(self, padded: np.ndarray) -> np.ndarray:
        """``pair(i, j)`` for every ordered pair (``first``, ``second``), from padded mixtures (players × width)."""
        weights = np.ones((len(self.first), 1))
        for t in range(self.rest.shape[1]):
            weights = (weights[:, :, None] * padded[self.rest[:, t]][:, None, :]).reshape(len(weights), -1)
        m = self.width
        return np.matmul(self.stacked, weights[:, :, None]).reshape(len(weights), m, m)

    def pair(self, i: int, j: int, sigmas) -> np.ndarray:
        """``u_i(s, t, σ_others)``: rows are i's strategies, columns j's."""
        matrix, others = self._tables[i, j]
        return (matrix @ _outer([sigmas[k] for k in others])).reshape(self.shape[i], self.shape[j])

    def payoff(self, i: int, sigmas, pair: np.ndarray | None = None) -> np.ndarray:
        """``u_i(s, σ_-i)`` for each of i's strategies (from ``pair(i, j)`` when it is at hand)."""
        j = 1 if i == 0 else 0
        return (self.pair(i, j, sigmas) if pair is None else pair) @ sigmas[j]


def _outer(vectors) -> np.ndarray:
    """The flattened outer product of the vectors (one for none)."""
    if not vectors:
        return _ONE
    if len(vectors) == 1:
        return vectors[0]
    return reduce(np.multiply.outer, vectors).ravel()
