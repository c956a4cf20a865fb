"""Exceptions and warnings raised by :mod:`negotiation`.

Every error the package raises on bad input derives from
:class:`NegotiationError`. Subclasses also derive from :class:`ValueError` or
:class:`TypeError` where that fits, so ``except ValueError`` keeps working for
callers who do not know this module. Messages name what is wrong: the player,
the strategy, the shape, the value or the file position.
"""

from __future__ import annotations

__all__ = [
    "NegotiationError",
    "GameError",
    "ShapeError",
    "LabelError",
    "PayoffValueError",
    "ParameterError",
    "SymbolicPayoffError",
    "ProfileError",
    "UnsupportedGameError",
    "NotZeroSumError",
    "SolverError",
    "BudgetError",
    "ExpressionError",
    "FileFormatError",
    "MissingDependencyError",
    "NegotiationWarning",
    "DegenerateGameWarning",
]


#: Longest message an error carries: a reader wants the gist, and a hostile file must not be echoed whole.
MAX_MESSAGE = 500


def _capped(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 40] + f" ... [{len(text)} characters in all]"


class NegotiationError(Exception):
    """Base class of every error raised by this package. Messages are capped at ``MAX_MESSAGE`` characters."""

    def __init__(self, *args):
        super().__init__(*(_capped(a) if isinstance(a, str) else a for a in args))


class GameError(NegotiationError, ValueError):
    """A game is not well formed."""


class ShapeError(GameError):
    """Payoff arrays have the wrong number of dimensions or mismatched shapes."""


class LabelError(GameError, KeyError):
    """A player or strategy label is missing, empty, duplicated or unknown."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class PayoffValueError(GameError):
    """A payoff is not a finite number (NaN, infinity, text, a boolean...)."""


class ParameterError(NegotiationError, ValueError):
    """A parameter is unknown, missing, or outside its allowed range."""


class UnitError(NegotiationError, ValueError):
    """Quantities with incompatible units were combined (a % added to $B/yr, a one-off $B to a flow)."""


class LookAheadError(ParameterError):
    """A scenario would use a fact published after its own date."""


class SymbolicPayoffError(NegotiationError, TypeError):
    """A numeric answer was asked of a game whose payoffs still hold parameters."""


class ProfileError(NegotiationError, ValueError):
    """A strategy profile does not fit the game (length, sign, sum)."""


class UnsupportedGameError(NegotiationError, ValueError):
    """The solver does not handle this kind of game (e.g. more than two players)."""


class NotZeroSumError(UnsupportedGameError):
    """A zero-sum method was asked to solve a game whose payoffs do not sum to zero."""


class SolverError(NegotiationError, RuntimeError):
    """An algorithm failed to produce a verified answer."""


class BudgetError(NegotiationError, ValueError):
    """The requested computation exceeds the work budget the caller allowed."""


class ExpressionError(NegotiationError, ValueError):
    """An arithmetic expression (in a scenario file) is malformed or cannot be evaluated."""


class FileFormatError(NegotiationError, ValueError):
    """A file (JSON game, Gambit file, scenario file) is malformed.

    The message starts with the file name and, where known, the line.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        where = source or "<input>"
        if len(where) > 120:
            where = where[:100] + "..."
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.detail = _capped(message)  # the message without the file and line


class MissingDependencyError(NegotiationError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""


class NegotiationWarning(UserWarning):
    """Base class of the package's warnings."""


class DegenerateGameWarning(NegotiationWarning):
    """The game is degenerate: equilibria may form continua (see ``components``)."""
