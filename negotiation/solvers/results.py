"""Result types of the equilibrium solvers.

Every equilibrium solver returns an :class:`EquilibriumSet`: an iterable,
sized collection of verified :class:`Equilibrium` objects that also records
the method, its options, whether the enumeration is complete, and whether the
game was degenerate (with the connected components of equilibria).

Examples
--------
>>> import negotiation as ng
>>> from negotiation import examples
>>> result = ng.all_equilibria(examples.battle_of_the_sexes(), exact=True)
>>> len(result), result.complete, result.degenerate, result.method
(3, True, False, 'vertex enumeration')
>>> mixed = result[1]
>>> mixed.support
(('Opera', 'Football'), ('Opera', 'Football'))
>>> mixed.strategy_of("Column")
{'Opera': Fraction(1, 3), 'Football': Fraction(2, 3)}
>>> mixed.payoffs, mixed.regret
((Fraction(2, 3), Fraction(2, 3)), Fraction(0, 1))
>>> result.to_dict()["equilibria"][1]["profile"]["Row"]
{'Opera': '2/3', 'Football': '1/3'}
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterator

import numpy as np

from .. import __version__, _format
from ..games.arithmetic import to_fraction
from ..games.normal_form import NormalFormGame
from ..games.profiles import payoff_scale, regret
from ..games.profiles import expected_payoffs as _expected

__all__ = ["Equilibrium", "EquilibriumSet", "Component", "make_equilibrium", "bimatrix_equilibria"]


@dataclass(frozen=True, eq=False)
class Equilibrium:
    """One Nash equilibrium, verified.

    Attributes
    ----------
    profile : tuple of arrays
        One probability vector per player (Fractions when exact).
    payoffs : tuple
        Each player's expected payoff.
    regret : float or Fraction
        The largest gain from a unilateral deviation (0 when exact).
    players, strategies : labels, copied from the game.
    """

    profile: tuple
    payoffs: tuple
    regret: Any
    players: tuple
    strategies: tuple
    exact: bool = False

    @property
    def support(self) -> tuple[tuple[str, ...], ...]:
        """Labels of the strategies each player uses with positive probability."""
        return tuple(
            tuple(label for label, p in zip(labels, vector) if p > 0)
            for labels, vector in zip(self.strategies, self.profile)
        )

    @property
    def is_pure(self) -> bool:
        return all(len(s) == 1 for s in self.support)

    def strategy_of(self, player: str | int) -> dict[str, Any]:
        """``{strategy label: probability}`` for one player (positive entries only)."""
        i = player if isinstance(player, int) else self.players.index(player)
        return {
            label: _py(p) for label, p in zip(self.strategies[i], self.profile[i]) if p > 0
        }

    def describe(self) -> str:
        """One line per player, e.g. ``U.S.: Tariff 2/3, Hold 1/3 -> payoff 1``."""
        lines = []
        for i, player in enumerate(self.players):
            parts = ", ".join(
                label if self.is_pure else f"{label} {_format.number(p)}"
                for label, p in self.strategy_of(i).items()
            )
            lines.append(f"{player}: {parts} -> payoff {_format.number(self.payoffs[i])}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        support = "; ".join(
            f"{p}: {', '.join(s)}" for p, s in zip(self.players, self.support)
        )
        return f"<Equilibrium {support} | regret {_format.number(self.regret, 3)}>"

    def to_dict(self) -> dict:
        return {
            "profile": {
                player: {label: _format.plain(p) for label, p in zip(labels, vector)}
                for player, labels, vector in zip(self.players, self.strategies, self.profile)
            },
            "payoffs": {p: _format.plain(v) for p, v in zip(self.players, self.payoffs)},
            "regret": _format.plain(self.regret),
            "exact": self.exact,
        }

    def _key(self, digits: int = 9) -> tuple:
        """A hashable, sortable identity: exact values, or floats rounded to ``digits``."""
        if self.exact:
            return tuple(tuple(v) for v in self.profile)
        return tuple(np.round(np.concatenate(self.profile), digits).tolist())


@dataclass(frozen=True)
class Component:
    """A connected set of equilibria of a degenerate two-player game.

    ``extreme`` lists the indices (into the :class:`EquilibriumSet`) of its
    extreme equilibria. ``nash_subsets`` lists its maximal Nash subsets, each
    as the indices of the extreme equilibria it contains: any mixture of the
    row strategies of those equilibria, played against any mixture of their
    column strategies, is again an equilibrium.
    """

    extreme: tuple[int, ...]
    nash_subsets: tuple[tuple[int, ...], ...]

    @property
    def is_singleton(self) -> bool:
        return len(self.extreme) == 1


class EquilibriumSequence:
    """Iteration, length and indexing over ``self.equilibria`` (shared by result types)."""

    def __iter__(self) -> Iterator:
        return iter(self.equilibria)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __getitem__(self, index: int):
        return self.equilibria[index]

    @property
    def success(self) -> bool:
        """True when at least one verified equilibrium was found."""
        return bool(self.equilibria)


@dataclass(frozen=True, eq=False)
class EquilibriumSet(EquilibriumSequence):
    """The equilibria a solver found, with how it found them.

    Iterable, sized and indexable. ``complete`` says whether these are all
    the equilibria the method targets (all pure ones, or all extreme ones);
    ``degenerate`` flags a degenerate game, whose equilibria may form continua
    described by ``components``.
    """

    equilibria: tuple[Equilibrium, ...]
    game: NormalFormGame = field(repr=False)
    method: str
    options: dict = field(default_factory=dict)
    complete: bool = True
    degenerate: bool | None = None
    components: tuple[Component, ...] = ()
    message: str = ""
    version: str = __version__

    @property
    def max_regret(self):
        fast = getattr(self.equilibria, "max_regret", None)  # compact results compute it vectorised
        if fast is not None:
            return fast()
        return max((e.regret for e in self.equilibria), default=0.0)

    @property
    def pure(self) -> tuple[Equilibrium, ...]:
        if hasattr(self.equilibria, "cells"):  # a compact set of pure equilibria: all of them are pure
            return tuple(self.equilibria)
        return tuple(e for e in self.equilibria if e.is_pure)

    def _status(self) -> str:
        count = len(self)
        noun = "equilibrium" if count == 1 else "equilibria"
        parts = [f"{count} {noun} by {self.method}"]
        parts.append("complete" if self.complete else "not necessarily all")
        if self.degenerate:
            parts.append(f"degenerate game: {len(self.components)} connected component(s)")
        if self.equilibria:
            parts.append(f"max regret {_format.number(self.max_regret, 3)}")
        return "; ".join(parts)

    #: Sets larger than this print their first ``SHOWN`` members and a count of the rest.
    LONG, SHOWN = 1000, 20

    def _rows(self) -> tuple[list[str], list[list[str]]]:
        header = ["#", *self.game.players, "payoffs"]
        rows = []
        shown = self.equilibria if len(self) <= self.LONG else self.equilibria[: self.SHOWN]
        for k, eq in enumerate(shown, 1):
            cells = []
            for i in range(len(self.game.players)):
                items = eq.strategy_of(i)
                cells.append(
                    next(iter(items))
                    if len(items) == 1
                    else ", ".join(f"{s} {_format.number(p)}" for s, p in items.items())
                )
            payoffs = ", ".join(_format.number(v) for v in eq.payoffs)
            rows.append([str(k), *cells, payoffs])
        return header, rows

    def __str__(self) -> str:
        lines = [self._status()]
        if self.equilibria:
            lines.append(_format.text_table(*self._rows()))
            if len(self) > self.LONG:
                lines.append(f"... and {len(self) - self.SHOWN} more (result[k] gives any one; "
                             "result.equilibria.cells lists them all as strategy indices)")
        if self.degenerate and any(not c.is_singleton for c in self.components):
            for n, comp in enumerate(self.components, 1):
                members = ", ".join(f"#{k + 1}" for k in comp.extreme)
                lines.append(f"component {n}: extreme equilibria {members}")
        if self.message:
            lines.append(self.message)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<p>{self._status()}</p>" + _format.html_table(*self._rows())

    def _repr_latex_(self) -> str:
        return "$$" + _format.latex_table(*self._rows()).replace("\n", " ") + "$$"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "options": _format.plain(self.options),
            "complete": self.complete,
            "degenerate": self.degenerate,
            "players": list(self.game.players),
            "equilibria": [e.to_dict() for e in self.equilibria],
            "components": [
                {"extreme": list(c.extreme), "nash_subsets": [list(s) for s in c.nash_subsets]}
                for c in self.components
            ],
            "message": self.message,
            "version": self.version,
        }

    def replace(self, **changes) -> "EquilibriumSet":
        return dataclasses.replace(self, **changes)


def make_equilibrium(game: NormalFormGame, vectors, exact: bool = False) -> Equilibrium:
    """Wrap probability vectors as an :class:`Equilibrium` of ``game``, with its regret.

    With ``exact`` the vectors are Fractions and the game is used exactly.
    The vectors come from a solver, so they are trusted to have the right
    lengths; their regret is what verifies them.
    """
    if exact:
        game = game.as_exact()
        vectors = tuple(np.array([to_fraction(p) for p in v], dtype=object) for v in vectors)
        payoffs, gap = _expected(game, vectors), regret(game, vectors)
    else:
        game = game.as_float()
        vectors = tuple(np.asarray(v, dtype=float) for v in vectors)
        if game.num_players == 2:
            return bimatrix_equilibria(game, vectors[0][None], vectors[1][None])[0]
        payoffs, gap = _expected(game, vectors), regret(game, vectors)
    for v in vectors:
        v.setflags(write=False)
    return Equilibrium(
        profile=vectors,
        payoffs=payoffs,
        regret=gap,
        players=game.players,
        strategies=game.strategies,
        exact=exact,
    )


def bimatrix_equilibria(game: NormalFormGame, X: np.ndarray, Y: np.ndarray) -> list[Equilibrium]:
    """:func:`make_equilibrium` for many float profiles of a two-player game at once (rows of ``X`` and ``Y``)."""
    game = game.as_float()
    A, B = game.payoffs
    row_values, col_values = Y @ A.T, X @ B
    u, v = (X * row_values).sum(axis=1), (col_values * Y).sum(axis=1)
    gaps = np.maximum(np.maximum(row_values.max(axis=1) - u, col_values.max(axis=1) - v), 0.0)
    X, Y = X.copy(), Y.copy()
    X.setflags(write=False)
    Y.setflags(write=False)
    return [
        Equilibrium(profile=(x, y), payoffs=(pu, pv), regret=gap,
                    players=game.players, strategies=game.strategies, exact=False)
        for x, y, pu, pv, gap in zip(X, Y, u.tolist(), v.tolist(), gaps.tolist())
    ]


def relative_regret(equilibrium: Equilibrium, game: NormalFormGame) -> float:
    return float(equilibrium.regret) / payoff_scale(game)


def _py(value: Any) -> Any:
    return float(value) if isinstance(value, np.floating) else value
