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

import numpy as np

from ..games.arithmetic import EXACT
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .results import EquilibriumSet, make_equilibrium

__all__ = ["pure_equilibria", "pure_equilibrium_mask"]


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
    exact = game.kind == EXACT
    equilibria = []
    for cell in np.argwhere(mask):
        vectors = []
        for size, k in zip(game.shape, cell):
            vector = np.zeros(size, dtype=int)
            vector[k] = 1
            vectors.append(vector)
        equilibria.append(make_equilibrium(game, vectors, exact=exact))
    return EquilibriumSet(
        equilibria=tuple(equilibria),
        game=game,
        method="pure best-response mask",
        options={"tol": tol},
        complete=True,
        message="" if equilibria else "no pure-strategy equilibrium; look for mixed ones",
    )
