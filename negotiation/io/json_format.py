"""The JSON file format for normal-form games (version 1), read safely.

A game file is one JSON object::

    {
      "format": "negotiation/normal-form",
      "version": 1,
      "title": "Tariff standoff",                       (optional)
      "players": ["U.S.", "China"],
      "strategies": [["Tariff", "Hold"], ["Retaliate", "Pledge"]],
      "payoffs": [[[-2, 3], [-1, 1]], [[-3, -1], [1, 1]]]
    }

``payoffs`` holds one nested array per player, of shape (s1, ..., sN).
Instead of ``payoffs`` a file may give ``outcomes``, a list of
``{"profile": [strategy labels], "payoffs": [one number per player]}``.

A number is a JSON number, or a string holding an exact rational such as
``"2/3"``, ``"-4"`` or ``"0.25"`` (which makes the game exact). Nothing else
is accepted: no NaN or Infinity, no expressions, no duplicate keys, no unknown
fields. Files larger than ``MAX_BYTES`` are refused before parsing. Every
error is a :class:`~negotiation.errors.FileFormatError` naming the file and
the field (and the line, for JSON syntax errors).

Examples
--------
>>> import negotiation as ng
>>> from negotiation.io import json_format
>>> text = '''{"format": "negotiation/normal-form", "version": 1,
...   "players": ["A", "B"], "strategies": [["x", "y"], ["x", "y"]],
...   "payoffs": [[[1, 0], [0, "1/2"]], [[1, 0], [0, 1]]]}'''
>>> game = json_format.loads(text)
>>> game.kind
'exact'
>>> json_format.loads(json_format.dumps(game)) == game
True
"""

from __future__ import annotations

import json
import os
import re
from fractions import Fraction
from typing import Any

from ..errors import FileFormatError, NegotiationError
from ..games.normal_form import NormalFormGame
from .._writing import write_text
from .files import check_text, json_int, read_text
from .locations import check_json_nesting, json_lines, line_of, path_of, rejected_line

__all__ = ["FORMAT", "VERSION", "MAX_BYTES", "loads", "load", "dumps", "dump"]

FORMAT = "negotiation/normal-form"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_NESTING = 64  # brackets, checked before parsing (payoff arrays of many players nest deeply)
_FIELDS = {"format", "version", "title", "players", "strategies", "payoffs", "outcomes"}
_RATIONAL = re.compile(r"^\s*-?\d{1,400}(\s*/\s*\d{1,400}|\.\d{1,400})?\s*$")


def load(path: str | os.PathLike) -> NormalFormGame:
    """Read a game from a JSON file."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>") -> NormalFormGame:
    """Read a game from JSON text."""
    check_text(text, source, MAX_BYTES)
    check_json_nesting(text, source, MAX_NESTING)
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys,
                          parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno) from None
    except _Reject as exc:
        raise FileFormatError(str(exc), source=source, line=rejected_line(text, str(exc))) from None
    try:
        return from_data(data, source)
    except FileFormatError as exc:
        if exc.line is not None:
            raise
        # Lines are mapped only when there is an error to place: a large valid file skips the work.
        lines = json_lines(text, source, MAX_NESTING)
        raise FileFormatError(exc.detail, source=source, line=_line_of_error(exc.detail, lines)) from None


def _line_of_error(message: str, lines: dict) -> int | None:
    """The line of the field an error is about: a path at its start ('payoffs[0][1]: ...'),
    or else the first field it mentions that the file has."""
    at_start = re.match(r'^"?([A-Za-z_]+(?:\[\d+\]|\.[A-Za-z_]+)*)"?[: ]', message)
    if at_start and at_start.group(1).split("[")[0].split(".")[0] in _FIELDS:
        return line_of(lines, path_of(at_start.group(1)))
    for word, field in (("payoff", "payoffs"), ("payoff", "outcomes"), ("outcome", "outcomes"),
                        ("strateg", "strategies"), ("player", "players"), ("title", "title")):
        if word in message and (field,) in lines:
            return lines[(field,)]
    return None


def from_data(data: Any, source: str = "<data>") -> NormalFormGame:
    """Build a game from already-parsed JSON data."""

    def fail(message: str) -> FileFormatError:
        return FileFormatError(message, source=source)

    if not isinstance(data, dict):
        raise fail(f"the top level must be a JSON object, got {type(data).__name__}")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_FIELDS))}")
    if data.get("format") != FORMAT:
        raise fail(f'"format" must be "{FORMAT}", got {data.get("format")!r}')
    if data.get("version") != VERSION:
        raise fail(f'"version" must be {VERSION}, got {data.get("version")!r}')
    players = data.get("players")
    if not isinstance(players, list) or not all(isinstance(p, str) for p in players):
        raise fail('"players" must be a list of names')
    strategies = data.get("strategies")
    if strategies is not None and (
        not isinstance(strategies, list)
        or not all(isinstance(s, list) and all(isinstance(x, str) for x in s) for s in strategies)
    ):
        raise fail('"strategies" must be a list with one list of labels per player')
    title = data.get("title", "")
    if not isinstance(title, str):
        raise fail('"title" must be a string')
    has_payoffs, has_outcomes = "payoffs" in data, "outcomes" in data
    if has_payoffs == has_outcomes:
        raise fail('give exactly one of "payoffs" and "outcomes"')
    try:
        if has_payoffs:
            payoffs = data["payoffs"]
            if not isinstance(payoffs, list):
                raise fail('"payoffs" must be a list with one array per player')
            arrays = [_numbers(a, f"payoffs[{i}]", source) for i, a in enumerate(payoffs)]
            return NormalFormGame(arrays, players=players, strategies=strategies, title=title)
        outcomes = _outcome_table(data["outcomes"], len(players), source)
        return NormalFormGame.from_outcomes(outcomes, players=players, strategies=strategies, title=title)
    except FileFormatError:
        raise
    except NegotiationError as exc:
        raise fail(str(exc)) from None


def _outcome_table(outcomes: Any, count: int, source: str) -> dict:
    if not isinstance(outcomes, list):
        raise FileFormatError('"outcomes" must be a list', source=source)
    table = {}
    for k, item in enumerate(outcomes):
        where = f"outcomes[{k}]"
        if not isinstance(item, dict) or set(item) != {"profile", "payoffs"}:
            raise FileFormatError(f'{where} must be an object with "profile" and "payoffs"', source=source)
        profile = item["profile"]
        if not isinstance(profile, list) or not all(isinstance(s, str) for s in profile):
            raise FileFormatError(f"{where}.profile must be a list of strategy labels", source=source)
        if tuple(profile) in table:
            raise FileFormatError(f"{where}: the profile {profile} appears twice", source=source)
        table[tuple(profile)] = _numbers(item["payoffs"], f"{where}.payoffs", source)
    return table


def _numbers(value: Any, where: str, source: str) -> Any:
    """Check nested lists of numbers; exact strings become Fractions."""
    if isinstance(value, list):
        if all(type(v) in (int, float) for v in value):
            return value  # the common row of plain numbers: nothing to convert, no per-cell names
        return [_numbers(v, f"{where}[{k}]", source) for k, v in enumerate(value)]
    if isinstance(value, bool) or value is None:
        raise FileFormatError(f"{where}: expected a number, got {json.dumps(value)}", source=source)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and _RATIONAL.match(value):
        try:
            return Fraction(value.replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            raise FileFormatError(f"{where}: {value!r} is not a valid rational", source=source) from None
    raise FileFormatError(
        f'{where}: expected a number or a rational string like "2/3", got {json.dumps(value)}',
        source=source,
    )


def _bounded_int(text: str) -> int:
    try:
        return json_int(text)
    except ValueError as exc:
        raise _Reject(str(exc)) from None


class _Reject(Exception):
    """Raised inside the JSON parser's hooks; turned into a FileFormatError by ``loads``."""


def _reject_constant(name: str):
    raise _Reject(f"{name} is not allowed: payoffs must be finite numbers")


def _unique_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise _Reject(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def dumps(game: NormalFormGame, indent: int | None = 2) -> str:
    """The game as JSON text; exact payoffs are written as "p/q" strings."""
    if game.is_symbolic:
        raise FileFormatError("a symbolic game cannot be written as JSON numbers; substitute first")
    data = game.to_dict()
    if not data["title"]:
        del data["title"]
    if game.is_exact:
        data["payoffs"] = _exact_strings(data["payoffs"])
    return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)


def _exact_strings(value: Any) -> Any:
    if isinstance(value, list):
        return [_exact_strings(v) for v in value]
    return str(value)


def dump(game: NormalFormGame, path: str | os.PathLike) -> None:
    """Write the game to a JSON file."""
    write_text(path, dumps(game) + "\n")
