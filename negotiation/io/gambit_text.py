"""Gambit's text layer, shared by ``.nfg`` and ``.efg``: tokens with their lines, numbers, labels, quoting.

Numbers read back as what the file says: ``3`` an integer, ``1/2`` a
Fraction, ``0.25`` a float; and they are written so that they do.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import FileFormatError, UnsupportedGameError
from .files import MAX_DIGITS

__all__ = ["Tokens", "read_number", "read_header", "fill_labels", "require_numbers", "quote", "number_writer",
           "write_number"]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}]|,|[^\s{}",]+', re.S)
_NUMBER = re.compile(r"^[+-]?(\d+(/\d+)?|\d*\.\d+([eE][+-]?\d+)?|\d+\.?([eE][+-]?\d+)?)$")


@dataclass
class Tokens:
    """Gambit's tokens (quoted strings, braces, words and numbers), with their lines."""

    text: str
    source: str
    items: list = field(init=False)
    position: int = 0
    last_line: int = 1

    def __post_init__(self) -> None:
        self.items = []
        line, start = 1, 0
        for match in _TOKEN.finditer(self.text):
            line = self._skip(start, match.start(), line)
            token = match.group()
            if token != ",":
                self.items.append((token, line))
            line += token.count("\n")
            start = match.end()
        self._skip(start, len(self.text), line)

    def _skip(self, start: int, stop: int, line: int) -> int:
        """Count the lines in the whitespace between tokens; anything else there is an error."""
        gap = self.text[start:stop]
        stripped = gap.lstrip()
        if stripped:
            line += gap[: len(gap) - len(stripped)].count("\n")
            if stripped[0] == '"':
                raise self.error("a quoted label is not closed", line)
            raise self.error(f"unexpected text {stripped[:20]!r}", line)
        return line + gap.count("\n")

    def error(self, message: str, line: int | None = None) -> FileFormatError:
        return FileFormatError(message, source=self.source, line=line if line is not None else self.last_line)

    def done(self) -> bool:
        return self.position >= len(self.items)

    def peek(self) -> str | None:
        return None if self.done() else self.items[self.position][0]

    def next(self, expected: str) -> str:
        if self.done():
            raise self.error(f"the file ends where {expected} was expected")
        token, self.last_line = self.items[self.position]
        self.position += 1
        return token

    def word(self) -> str:
        token = self.next("a keyword")
        if token.startswith('"') or token in "{}":
            raise self.error(f"expected a keyword, found {token[:20]!r}")
        return token

    def string(self, what: str) -> str:
        token = self.next(what)
        if not token.startswith('"'):
            raise self.error(f"expected {what} in double quotes, found {token[:20]!r}")
        return re.sub(r"\\(.)", r"\1", token[1:-1], flags=re.S)

    def brace(self, which: str) -> None:
        token = self.next(f"'{which}'")
        if token != which:
            raise self.error(f"expected '{which}', found {token[:20]!r}")

    def number(self, what: str):
        token = self.next(what)
        return read_number(token, what, self)

    def integer(self, what: str, low: int = 0, high: int | None = None) -> int:
        token = self.next(what)
        if not re.fullmatch(r"\d{1,9}", token):
            raise self.error(f"expected {what} (a whole number), found {token[:20]!r}")
        value = int(token)
        if value < low or (high is not None and value > high):
            bound = f"{low}..{high}" if high is not None else f"at least {low}"
            raise self.error(f"{what} is {value}; it must be {bound}")
        return value

    def strings_in_braces(self, what: str) -> list[str]:
        return self._in_braces(self.string, what)

    def numbers_in_braces(self, what: str) -> list:
        return self._in_braces(self.number, what)

    def _in_braces(self, read, what: str) -> list:
        """``{ item item ... }``, each item read by ``read(what)``."""
        self.brace("{")
        items = []
        while self.peek() != "}":
            items.append(read(what))
        self.brace("}")
        return items


def read_number(token: str, what: str, tokens: Tokens):
    if len(token) > MAX_DIGITS:
        raise tokens.error(f"{what} has {len(token)} characters; numbers have at most {MAX_DIGITS} digits")
    if not _NUMBER.match(token):
        raise tokens.error(f"expected {what} (a number such as 3, -1/2 or 0.25), found {token[:20]!r}")
    if "/" in token:
        numerator, denominator = token.split("/")
        if int(denominator) == 0:
            raise tokens.error(f"{what} {token!r} divides by zero")
        return Fraction(int(numerator), int(denominator))
    if re.fullmatch(r"[+-]?\d+", token):
        return int(token)
    value = float(token)
    if not math.isfinite(value):
        raise tokens.error(f"{what} {token!r} is not a finite number")
    return value


def read_header(tokens: Tokens, version: str) -> tuple[str, list[str]]:
    found = tokens.next("the format version")
    if found != version:
        raise tokens.error(f"only version {version} of this format is supported, found {found!r}")
    mode = tokens.next("R or D")
    if mode not in ("R", "D"):
        raise tokens.error(f"expected R (rational) or D (decimal) after the version, found {mode[:20]!r}")
    title = tokens.string("the title")
    players = tokens.strings_in_braces("a player name")
    if not players:
        raise tokens.error("the game has no players")
    players = [p if p.strip() else f"Player {k}" for k, p in enumerate(players, 1)]
    if len(set(players)) != len(players):
        raise tokens.error(f"player names must be unique: {players}")
    return title, players


def fill_labels(labels: list[str], prefix: str = "") -> list[str]:
    """Gambit allows empty labels; ours need a name, so number the empty ones."""
    return [label if label.strip() else f"{prefix}{k}" for k, label in enumerate(labels, 1)]


def require_numbers(symbolic: bool, parameters) -> None:
    if symbolic:
        names = ", ".join(sorted(parameters))
        raise UnsupportedGameError(
            "Gambit files hold numbers only; substitute values for the parameters first"
            + (f" ({names})" if names else "")
        )


def quote(label: str) -> str:
    return '"' + str(label).replace("\\", "\\\\").replace('"', '\\"') + '"'


def number_writer(exact: bool, values):
    """How to write payoffs: an exact game whose payoffs are all whole numbers
    writes them as ``n/1``, so that the file reads back exact."""
    if exact and all(isinstance(v, Fraction) and v.denominator == 1 for v in values):
        return lambda value: f"{int(value)}/1"
    return write_number


def write_number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return f"{int(number)}.0"  # keeps the float kind on reading
    return np.format_float_positional(number, unique=True, trim="-")
