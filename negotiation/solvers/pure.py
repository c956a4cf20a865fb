r"""All pure-strategy Nash equilibria of an N-player game.

A pure profile :math:`s` is an equilibrium iff every player's payoff is a
maximum along that player's own axis:
:math:`u_i(s) = \max_{t \in S_i} u_i(t, s_{-i})` for all :math:`i`.
The check is one vectorised best-response mask per player, so a 3000×3000
game takes a few tens of milliseconds.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.NormalFormGame.from_arrays(
...     [[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     players=("U.S.", "China"),
...     strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> result = ng.pure_equilibria(pd)
>>> [eq.support for eq in result]
[(('Defect',), ('Defect',))]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..games.arithmetic import EXACT
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .results import EquilibriumSet, make_equilibrium

__all__ = ["pure_equilibria", "pure_equilibrium_mask", "PureProfiles"]


def pure_equilibrium_mask(game: NormalFormGame, tol: float | None = None) -> np.ndarray:
    """Boolean array over pure profiles: True where the profile is an equilibrium.

    ``tol`` is the allowed regret relative to the payoff scale (default
    :data:`~negotiation.games.profiles.DEFAULT_TOL`; exact games compare exactly).
    """
    game.require_numeric("pure equilibria")
    exact = game.kind == EXACT and tol is None
    slack = 0 if exact else (DEFAULT_TOL if tol is None else tol) * payoff_scale(game)
    mask = None
    for i, payoff in enumerate(game.payoffs):
        if not exact and payoff.dtype == object:
            payoff = payoff.astype(float)
        best = payoff.max(axis=i, keepdims=True)
        ok = payoff >= best - slack if slack else payoff == best
        mask = ok if mask is None else mask & ok
    return mask


def pure_equilibria(game: NormalFormGame, tol: float | None = None) -> EquilibriumSet:
    """Every pure Nash equilibrium of ``game``, with labels.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    tol : float, optional
        Allowed regret relative to the payoff scale. Default 1e-9 for float
        games; exact games are compared exactly.

    Returns
    -------
    EquilibriumSet
        ``complete`` is True: every pure equilibrium is listed.

    Examples
    --------
    >>> import negotiation as ng
    >>> from negotiation import examples
    >>> [eq.support for eq in ng.pure_equilibria(examples.chicken())]
    [(('Swerve',), ('Straight',)), (('Straight',), ('Swerve',))]
    """
    mask = pure_equilibrium_mask(game, tol)
    cells = np.argwhere(mask)
    equilibria = PureProfiles(game, cells, exact=game.kind == EXACT)
    return EquilibriumSet(
        equilibria=equilibria,
        game=game,
        method="pure best-response mask",
        options={"tol": tol},
        complete=True,
        message="" if len(cells) else "no pure-strategy equilibrium; look for mixed ones",
    )


class PureProfiles(Sequence):
    """Pure equilibria held compactly: one row of strategy indices per equilibrium.

    A game with many ties can have tens of thousands of pure equilibria; each
    :class:`~negotiation.solvers.results.Equilibrium` (labels, payoffs,
    regret) is built only when it is looked at. The regrets of all of them are
    computed at once, vectorised, when first asked for.
    """

    def __init__(self, game: NormalFormGame, cells: np.ndarray, exact: bool = False):
        self.game, self.cells, self.exact = game, np.asarray(cells, dtype=np.int64), exact
        self.cells.setflags(write=False)
        self._regrets = None

    def __len__(self) -> int:
        return len(self.cells)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        cell = self.cells[index]
        vectors = []
        for size, k in zip(self.game.shape, cell):
            vector = np.zeros(size, dtype=int)
            vector[k] = 1
            vectors.append(vector)
        return make_equilibrium(self.game, vectors, exact=self.exact)

    def __iter__(self):
        return (self[k] for k in range(len(self)))

    def __eq__(self, other) -> bool:
        if isinstance(other, PureProfiles):
            return self.game is other.game and np.array_equal(self.cells, other.cells)
        return tuple(self) == tuple(other) if isinstance(other, (tuple, list)) else NotImplemented

    def labels(self, index: int) -> tuple[str, ...]:
        """The strategy labels of equilibrium ``index``, one per player."""
        return tuple(labels[k] for labels, k in zip(self.game.strategies, self.cells[index]))

    def regrets(self) -> np.ndarray:
        """Every equilibrium's regret, computed in one vectorised pass (exact games: exactly)."""
        if self._regrets is None:
            gaps = np.zeros(len(self.cells), dtype=object if self.exact else float)
            payoffs = self.game.as_exact().payoffs if self.exact else self.game.as_float().payoffs
            index = tuple(self.cells.T)
            for i, payoff in enumerate(payoffs):
                best = payoff.max(axis=i)
                others = tuple(c for j, c in enumerate(index) if j != i)
                gaps = np.maximum(gaps, best[others] - payoff[index])
            self._regrets = gaps
        return self._regrets

    def max_regret(self):
        regrets = self.regrets()
        return regrets.max() if len(regrets) else 0.0

    def __repr__(self) -> str:
        return f"<{len(self)} pure equilibria of a {'×'.join(map(str, self.game.shape))} game>"
