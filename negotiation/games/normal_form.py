r"""Normal-form (matrix) games with labelled players and strategies.

A normal-form game has players :math:`i = 1, \dots, N`, finite strategy sets
:math:`S_i` and payoff functions :math:`u_i : S_1 \times \dots \times S_N \to
\mathbb{R}`. Player ``i``'s payoffs are stored as an array of shape
``(|S_1|, ..., |S_N|)``; for two players the row player's array is ``A`` and
the column player's ``B``, both indexed ``[row, col]``.

Payoffs are floats by default, exact (:class:`fractions.Fraction`) when the
input holds Fractions or sympy rationals, or symbolic (sympy expressions in
named parameters). :meth:`NormalFormGame.substitute` turns a symbolic game
into a numeric one.

Examples
--------
>>> import negotiation as ng
>>> game = ng.NormalFormGame.from_arrays(
...     [[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     players=("U.S.", "China"),
...     strategies=(("Hold", "Tariff"), ("Hold", "Retaliate")),
... )
>>> game.shape
(2, 2)
>>> game.payoff_of(("Tariff", "Retaliate"))
(1.0, 1.0)
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .. import _format
from ..errors import LabelError, ParameterError, ShapeError, SymbolicPayoffError
from .arithmetic import (
    EXACT,
    FLOAT,
    SYMBOLIC,
    combined_kind,
    is_sympy,
    map_array,
    to_exact,
    to_payoff_array,
    to_symbolic,
)
from .game_labels import cell_locator, check_shapes, player_labels, strategy_labels
from .matrix_display import html_matrix, matrix_cells
from .outcome_table import outcome_arrays

__all__ = ["NormalFormGame"]

Label = str
PlayerRef = int | str


class NormalFormGame:
    """A finite game in normal form with labelled players and strategies.

    Build one with a named constructor: :meth:`from_arrays`,
    :meth:`zero_sum`, :meth:`from_outcomes` or :meth:`from_nashpy`.
    The payoff arrays are read-only; methods that change a game return a new one.
    """

    __slots__ = ("_payoffs", "players", "strategies", "kind", "title")

    def __init__(
        self,
        payoffs: Sequence[Any],
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ):
        if len(payoffs) == 0:
            raise ShapeError("a game needs at least one player's payoffs")
        count = len(payoffs)
        self.players = player_labels(players, count)
        arrays, kinds = [], []
        for i, data in enumerate(payoffs):
            locate = cell_locator(self.players, i, strategies)
            array, kind = to_payoff_array(data, f"payoffs of {self.players[i]}", locate)
            arrays.append(array)
            kinds.append(kind)
        check_shapes(arrays, self.players)
        self.strategies = strategy_labels(strategies, arrays[0].shape, self.players)
        self.kind = combined_kind(kinds)
        if self.kind == SYMBOLIC:
            arrays = [to_symbolic(a) for a in arrays]
        elif self.kind == EXACT:
            arrays = [to_exact(a) for a in arrays]
        else:
            arrays = [np.array(a, dtype=float) for a in arrays]
        for a in arrays:
            a.setflags(write=False)
        self._payoffs = tuple(arrays)
        self.title = title

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_arrays(
        cls,
        *payoffs: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ) -> "NormalFormGame":
        """A game from one payoff array per player.

        For two players pass ``A`` (row player) and ``B`` (column player),
        both of shape ``(m, n)``. For ``N`` players pass ``N`` arrays of shape
        ``(s_1, ..., s_N)``.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        >>> pd.players, pd.strategies[0]
        (('Player 1', 'Player 2'), ('s1', 's2'))
        """
        if len(payoffs) == 1:
            raise ShapeError(
                "from_arrays needs one payoff array per player; for a zero-sum game "
                "with one matrix use NormalFormGame.zero_sum(A)"
            )
        return cls(payoffs, players=players, strategies=strategies, title=title)

    @classmethod
    def zero_sum(
        cls,
        A: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ) -> "NormalFormGame":
        """A two-player zero-sum game from the row player's matrix ``A``.

        Examples
        --------
        >>> import negotiation as ng
        >>> pennies = ng.NormalFormGame.zero_sum([[1, -1], [-1, 1]])
        >>> pennies.payoffs[1].tolist()
        [[-1.0, 1.0], [1.0, -1.0]]
        """
        array, _ = to_payoff_array(A, "A")
        if array.ndim != 2:
            raise ShapeError(f"a zero-sum matrix must be 2-dimensional, got shape {array.shape}")
        return cls((array, -array), players=players, strategies=strategies, title=title)

    @classmethod
    def from_outcomes(
        cls,
        outcomes: Mapping[tuple, Sequence[Any]],
        players: Sequence[str],
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ) -> "NormalFormGame":
        """A game from a table ``{(strategy of player 1, ...): (payoff 1, ...)}``.

        Strategies are taken in the order they first appear unless given.
        Every profile must appear exactly once.

        Examples
        --------
        >>> import negotiation as ng
        >>> game = ng.NormalFormGame.from_outcomes(
        ...     {("Tariff", "Retaliate"): (-2, -3), ("Tariff", "Pledge"): (3, -1),
        ...      ("No tariff", "Retaliate"): (-1, 1), ("No tariff", "Pledge"): (1, 1)},
        ...     players=("U.S.", "China"))
        >>> game.strategies
        (('Tariff', 'No tariff'), ('Retaliate', 'Pledge'))
        """
        players, strategies, arrays = outcome_arrays(outcomes, players, strategies)
        return cls(arrays, players=players, strategies=strategies, title=title)

    @classmethod
    def from_nashpy(
        cls,
        game: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
    ) -> "NormalFormGame":
        """Convert a :class:`nashpy.Game` (its ``payoff_matrices``)."""
        try:
            A, B = game.payoff_matrices
        except (AttributeError, TypeError, ValueError):
            raise ShapeError(f"{game!r} is not a two-player nashpy.Game") from None
        return cls((A, B), players=players, strategies=strategies)

    def to_nashpy(self):
        """The same game as a :class:`nashpy.Game` (two players, numeric payoffs)."""
        import nashpy

        self.require_players(2, "nashpy")
        A, B = self.as_float().payoffs
        return nashpy.Game(np.array(A), np.array(B))

    # ------------------------------------------------------------------ access
    @property
    def payoffs(self) -> tuple[np.ndarray, ...]:
        """One read-only array per player, each of shape :attr:`shape`."""
        return self._payoffs

    @property
    def num_players(self) -> int:
        return len(self.players)

    @property
    def shape(self) -> tuple[int, ...]:
        return self._payoffs[0].shape

    @property
    def is_exact(self) -> bool:
        return self.kind == EXACT

    @property
    def is_symbolic(self) -> bool:
        return self.kind == SYMBOLIC

    @property
    def parameters(self) -> frozenset[str]:
        """Names of the symbolic parameters in the payoffs (empty when numeric)."""
        if self.kind != SYMBOLIC:
            return frozenset()
        return frozenset(
            str(s) for array in self._payoffs for value in array.flat for s in value.free_symbols
        )

    def player_index(self, player: PlayerRef) -> int:
        """Index of a player given by label or index."""
        if isinstance(player, (int, np.integer)) and not isinstance(player, bool):
            if 0 <= player < self.num_players:
                return int(player)
            raise LabelError(f"player index {player} is out of range 0..{self.num_players - 1}")
        try:
            return self.players.index(player)
        except ValueError:
            raise LabelError(
                f"unknown player {player!r}; the players are {', '.join(self.players)}"
            ) from None

    def strategy_index(self, player: PlayerRef, strategy: int | str) -> int:
        """Index of one of ``player``'s strategies, given by label or index."""
        i = self.player_index(player)
        labels = self.strategies[i]
        if isinstance(strategy, (int, np.integer)) and not isinstance(strategy, bool):
            if 0 <= strategy < len(labels):
                return int(strategy)
            raise LabelError(
                f"{self.players[i]} has {len(labels)} strategies; index {strategy} is out of range"
            )
        try:
            return labels.index(strategy)
        except ValueError:
            raise LabelError(
                f"{self.players[i]} has no strategy {strategy!r}; "
                f"the choices are {', '.join(map(repr, labels))}"
            ) from None

    def payoff_array(self, player: PlayerRef) -> np.ndarray:
        """The payoff array of one player, by label or index."""
        return self._payoffs[self.player_index(player)]

    def payoff_of(self, profile: Sequence[int | str]) -> tuple:
        """Payoffs of a pure profile given by labels or indices, one per player."""
        if len(profile) != self.num_players:
            raise ShapeError(
                f"a pure profile needs one strategy for each of {', '.join(self.players)}"
            )
        cell = tuple(self.strategy_index(i, s) for i, s in enumerate(profile))
        return tuple(_scalar(a[cell]) for a in self._payoffs)

    def profiles(self) -> Iterable[tuple[str, ...]]:
        """Every pure profile, as labels."""
        return itertools.product(*self.strategies)

    # ------------------------------------------------------------------ conversions
    def as_float(self) -> "NormalFormGame":
        """The same game with float payoffs (an error while parameters remain)."""
        if self.kind == FLOAT:
            return self
        self.require_numeric("converting to floats")
        return self._replace([np.asarray(a, dtype=float) for a in self._payoffs])

    def as_exact(self) -> "NormalFormGame":
        """The same game with Fraction payoffs (floats read as the decimals they print as)."""
        if self.kind == EXACT:
            return self
        self.require_numeric("exact arithmetic")
        return self._replace([to_exact(a) for a in self._payoffs])

    def substitute(self, values: Mapping[str, Any] | None = None, **kwargs: Any) -> "NormalFormGame":
        """Replace parameters by numbers; returns a numeric game when all are given.

        Exact values (ints, Fractions) give an exact game; floats give a float
        game. Unknown parameter names are an error.

        Examples
        --------
        >>> import sympy, negotiation as ng
        >>> c = sympy.Symbol("cost")
        >>> game = ng.NormalFormGame.from_arrays([[3 - c, 0], [1, 1]], [[1, 0], [0, 1]])
        >>> sorted(game.parameters)
        ['cost']
        >>> game.substitute(cost=1).payoffs[0].tolist()
        [[Fraction(2, 1), Fraction(0, 1)], [Fraction(1, 1), Fraction(1, 1)]]
        """
        values = {**(values or {}), **kwargs}
        known = self.parameters
        unknown = sorted(set(values) - known)
        if unknown:
            listed = ", ".join(sorted(known)) or "none"
            raise ParameterError(
                f"unknown parameter(s) {', '.join(unknown)}; this game's parameters are {listed}"
            )
        if self.kind != SYMBOLIC:
            return self
        import sympy

        mapping = {}
        for name, value in values.items():
            if isinstance(value, Fraction):
                value = sympy.Rational(value.numerator, value.denominator)
            elif isinstance(value, (bool, str)) or not (
                isinstance(value, (int, float, np.integer, np.floating)) or is_sympy(value)
            ):
                raise ParameterError(f"parameter {name} must be a number, got {value!r}")
            mapping[sympy.Symbol(name)] = value
        arrays = [map_array(a, lambda v: v.xreplace(mapping)) for a in self._payoffs]
        return self._replace(arrays)

    def permute_players(self, order: Sequence[PlayerRef]) -> "NormalFormGame":
        """The same game with players reordered; ``order`` lists the old players."""
        idx = [self.player_index(p) for p in order]
        if sorted(idx) != list(range(self.num_players)):
            raise LabelError(f"{order!r} is not an ordering of the players {self.players}")
        arrays = [np.transpose(self._payoffs[i], idx) for i in idx]
        return NormalFormGame(
            arrays,
            players=[self.players[i] for i in idx],
            strategies=[self.strategies[i] for i in idx],
            title=self.title,
        )

    def require_numeric(self, purpose: str) -> None:
        """Raise :class:`SymbolicPayoffError` if parameters remain."""
        if self.kind == SYMBOLIC:
            raise SymbolicPayoffError(
                f"{purpose} needs numbers, but the payoffs depend on the parameters "
                f"{', '.join(sorted(self.parameters))}; call game.substitute(...) first"
            )

    def require_players(self, count: int, purpose: str) -> None:
        """Raise :class:`UnsupportedGameError` unless the game has ``count`` players."""
        if self.num_players != count:
            from ..errors import UnsupportedGameError

            raise UnsupportedGameError(
                f"{purpose} handles {count}-player games; this game has {self.num_players}"
            )

    def _replace(self, arrays) -> "NormalFormGame":
        return NormalFormGame(arrays, players=self.players, strategies=self.strategies, title=self.title)

    # ------------------------------------------------------------------ comparisons and display
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return (
            self.players == other.players
            and self.strategies == other.strategies
            and self.shape == other.shape
            and all(np.array_equal(a, b) for a, b in zip(self._payoffs, other._payoffs))
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        sizes = "×".join(map(str, self.shape))
        return f"<NormalFormGame {sizes} {self.kind}: {', '.join(self.players)}>"

    def __str__(self) -> str:
        title = self.title or f"{' vs '.join(self.players)}"
        return f"{title}\n" + _format.text_table(*matrix_cells(self))

    def _repr_html_(self) -> str:
        """A table with best responses in bold and pure equilibria shaded (numeric games)."""
        return html_matrix(self)

    def _repr_latex_(self) -> str:
        return "$$" + _format.latex_table(*matrix_cells(self)).replace("\n", " ") + "$$"

    def to_dict(self) -> dict:
        """Plain data in the JSON game format (see :mod:`negotiation.io.json_format`)."""
        return {
            "format": "negotiation/normal-form",
            "version": 1,
            "title": self.title,
            "players": list(self.players),
            "strategies": [list(s) for s in self.strategies],
            "payoffs": [_format.plain(a) for a in self._payoffs],
        }


def _scalar(value: Any) -> Any:
    return float(value) if isinstance(value, np.floating) else value
