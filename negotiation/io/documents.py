"""Safe reading of TOML and JSON documents: parse, locate fields by line, check types.

Shared by the scenario-file and strategy-file formats. Parsing never runs
code: TOML goes through ``tomllib``, JSON through ``json`` with non-finite
constants, duplicate keys and over-long integers refused. A :class:`Reader`
checks fields one by one and raises a
:class:`~negotiation.errors.FileFormatError` naming the file, the line and the
field.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from typing import Any

from ..errors import FileFormatError
from .files import MAX_DIGITS, check_text, json_int
from .locations import json_lines, line_of, line_of_match, rejected_line, toml_lines

__all__ = ["parse", "Reader", "describe", "path_text", "MAX_ITEMS"]

MAX_ITEMS = 100_000  # entries in one list: tree nodes, matrix cells, parameters, states


def parse(text: str, source: str, max_bytes: int, max_nesting: int) -> tuple[dict, dict]:
    """The document as data, and the line of each field: JSON when it starts with ``{``, TOML otherwise."""
    check_text(text, source, max_bytes)
    is_json = text.lstrip().startswith("{") or source.endswith(".json")
    lines = json_lines(text, source, max_nesting) if is_json else toml_lines(text, source, max_nesting)
    data = _parse_json(text, source) if is_json else _parse_toml(text, source)
    return data, lines


def _parse_toml(text: str, source: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, source) from None
    except ValueError:  # Python refuses integers of over 4300 digits, from inside the parser
        data = None
    if data is None or _has_long_integer(data):
        raise FileFormatError(f"an integer has more than {MAX_DIGITS} digits", source=source,
                              line=line_of_match(text, r"\d{%d}" % (MAX_DIGITS + 1)))
    return data


def _has_long_integer(data) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not isinstance(item, bool) and item.bit_length() > 1330:  # > 400 digits
            return True
    return False


def _toml_error(exc, text: str, source: str) -> FileFormatError:
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
    if found:
        message += f" (column {found.group(2)})"
        line = int(found.group(1))
    else:
        message += " (at the end of the file)"
        line = max(text.count("\n"), 1)
    return FileFormatError(f"not valid TOML: {message}", source=source, line=line)


def _parse_json(text: str, source: str) -> dict:
    def no_constants(name):
        raise ValueError(f"{name} is not allowed: numbers must be finite")

    def unique(pairs):
        data = dict(pairs)
        if len(data) < len(pairs):  # linear: an object of 100,000 keys is checked in one pass
            seen = set()
            twice = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise ValueError(f"the key {twice!r} appears twice in one object")
        return data

    try:
        data = json.loads(text, parse_constant=no_constants, object_pairs_hook=unique, parse_int=json_int)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"not valid JSON: {exc.msg} (column {exc.colno})", source=source,
                              line=exc.lineno) from None
    except ValueError as exc:
        raise FileFormatError(f"not valid here: {exc}", source=source, line=rejected_line(text, str(exc))) from None
    if not isinstance(data, dict):
        raise FileFormatError("the file must hold one JSON object", source=source, line=1)
    return data


class Reader:
    """Checks parsed data field by field; errors name the file, the line and the field."""

    def __init__(self, data: dict, lines: dict, source: str):
        self.data, self.lines, self.source = data, lines, source

    def fail(self, message: str, path: tuple = ()) -> FileFormatError:
        line = line_of(self.lines, path)
        field = path_text(path)
        return FileFormatError(f"{field}: {message}" if field else message, source=self.source, line=line)

    # -- typed getters
    def get(self, mapping: dict, key: str, path: tuple, kind, required: bool = True, default=None):
        if key not in mapping:
            if required:
                raise self.fail(f"the field {key!r} is missing", path)
            return default
        value = mapping[key]
        if not _is(value, kind):
            raise self.fail(f"expected {kind_name(kind)}, found {describe(value)}", path + (key,))
        return value

    def text(self, mapping: dict, key: str, path: tuple, required: bool = True, limit: int = 10_000) -> str:
        value = self.get(mapping, key, path, str, required, default="")
        if len(value) > limit:
            raise self.fail(f"the text is {len(value)} characters long; the limit is {limit}", path + (key,))
        return value

    def label_list(self, mapping: dict, key: str, path: tuple, required: bool = True) -> list[str]:
        values = self.get(mapping, key, path, list, required, default=[])
        if len(values) > MAX_ITEMS:
            raise self.fail(f"{len(values)} entries; the limit is {MAX_ITEMS}", path + (key,))
        for k, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"expected a non-empty label, found {describe(value)}", path + (key, k))
        if len(set(values)) != len(values):
            raise self.fail(f"labels must be unique: {values}", path + (key,))
        return values


def _is(value: Any, kind) -> bool:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool):
        return bool in kinds
    return isinstance(value, kinds)


def kind_name(kind) -> str:
    names = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a table",
             datetime.date: "a date"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"


def path_text(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
