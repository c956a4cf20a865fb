"""Where a field sits in a TOML or JSON text: ``{path: line}`` maps for error messages.

The standard parsers say where the *syntax* is wrong but not where a field
that parses yet means something wrong lives. These scanners walk the text
once, with the same paths the readers use (``("tree", "nodes", 3, "payoffs")``),
and refuse nesting deeper than a limit before any parser recurses into it.
"""

from __future__ import annotations

import json
import re

from ..errors import FileFormatError

__all__ = ["toml_lines", "json_lines", "check_json_nesting", "line_of", "path_of", "line_of_match", "rejected_line"]


def line_of(lines: dict, path: tuple) -> int | None:
    """The line of ``path``, or of its nearest enclosing field that has one."""
    for cut in range(len(path), -1, -1):
        line = lines.get(tuple(path[:cut]))
        if line is not None:
            return line
    return None


def path_of(field: str) -> tuple:
    """``'outcomes[3].profile'`` as ``('outcomes', 3, 'profile')``."""
    parts: list = []
    for name, index in re.findall(r"([A-Za-z_][\w ]*)|\[(\d+)\]", field):
        parts.append(int(index) if index else name)
    return tuple(parts)


def toml_lines(text: str, source: str, max_nesting: int) -> dict[tuple, int]:
    """``{path: line}`` for every table, array-of-tables entry and key; checks nesting depth."""
    lines: dict[tuple, int] = {}
    counters: dict[tuple, int] = {}
    table: tuple = ()
    depth = 0
    in_string = None
    array: list = []  # [path, next index] of a multi-line array being read
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if depth == 1 and array and in_string is None and stripped.startswith(("{", "[")):
            lines.setdefault(array[0] + (array[1],), number)  # one element of a multi-line array
            array[1] += 1
        if depth == 0 and in_string is None:
            header = re.match(r"^\[\[\s*([^\]]+?)\s*\]\]", stripped) or re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
            if header and not re.match(r"^\[\s*[\"'\d\-\[{]", stripped[1:] if stripped.startswith("[[") else "x"):
                key = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
                if stripped.startswith("[["):
                    lines.setdefault(key, number)
                    counters[key] = counters.get(key, 0) + 1
                    table = key + (counters[key] - 1,)
                else:
                    table = key
                lines.setdefault(table, number)
                continue
            assignment = re.match(r"^([A-Za-z0-9_\-.\"' ]+?)\s*=", stripped)
            if assignment:
                key = tuple(part.strip().strip("\"'") for part in assignment.group(1).split("."))
                lines.setdefault(table + key, number)
                value = stripped[assignment.end():].strip()
                array = [table + key, 0] if value.startswith("[") else []
                if value.startswith("[") and value[1:].lstrip()[:1] in ("{", "["):
                    lines.setdefault(table + key + (0,), number)
                    array[1] = 1
        depth, in_string = _bracket_depth(line, depth, in_string, source, number, max_nesting)
    return lines


def _bracket_depth(line: str, depth: int, in_string, source: str, number: int, max_nesting: int):
    k = 0
    while k < len(line):
        ch = line[k]
        if in_string is not None:
            if line.startswith(in_string, k) and (len(in_string) == 3 or line[k - 1:k] != "\\" or in_string == "'"):
                k += len(in_string)
                in_string = None
                continue
            k += 1
            continue
        if ch == "#":
            break
        for quote in ('"""', "'''", '"', "'"):
            if line.startswith(quote, k):
                in_string = quote
                k += len(quote)
                break
        else:
            if ch in "[{":
                depth += 1
                if depth > max_nesting:
                    raise FileFormatError(f"brackets nest deeper than {max_nesting} levels", source=source,
                                          line=number)
            elif ch in "]}":
                depth = max(depth - 1, 0)
            k += 1
    if in_string in ('"', "'"):
        in_string = None  # a one-line string left open: the TOML parser reports it
    return depth, in_string


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}\n]+")


def check_json_nesting(text: str, source: str, max_nesting: int) -> None:
    """Refuse brackets nested deeper than ``max_nesting`` before parsing, at the cost of a regex pass."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub('""', text).replace('""', ""))
    depth, line = 0, 1
    for ch in brackets:
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > max_nesting:
                raise FileFormatError(f"brackets nest deeper than {max_nesting} levels", source=source, line=line)
        else:
            depth = max(depth - 1, 0)


def json_lines(text: str, source: str, max_nesting: int) -> dict[tuple, int]:
    """``{path: line}`` for every key and array element of a JSON document; checks nesting depth."""
    lines: dict[tuple, int] = {}
    tokens = []
    line = 1
    last = 0
    for match in _JSON_TOKEN.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        tokens.append((match.group(), line))
    stack: list[list] = []
    for k, (token, number) in enumerate(tokens):
        if token in "}]":
            if stack:
                stack.pop()
            continue
        if token in ":,":
            continue
        top = stack[-1] if stack else None
        if top is not None and top[0] == "object":
            following = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            if following == ":" and token.startswith('"'):
                top[1] = _json_key(token)
                lines.setdefault(tuple(entry[1] for entry in stack), number)
                continue
        elif top is not None:
            top[1] += 1
            lines.setdefault(tuple(entry[1] for entry in stack), number)
        if token in "{[":
            stack.append(["object", None] if token == "{" else ["array", -1])
            if len(stack) > max_nesting:
                raise FileFormatError(f"brackets nest deeper than {max_nesting} levels", source=source, line=number)
    return lines


def _json_key(token: str) -> str:
    try:
        return json.loads(token)
    except ValueError:
        return token.strip('"')


def line_of_match(text: str, pattern: str, nth: int = 1) -> int | None:
    """The line of the ``nth`` match of ``pattern`` in ``text`` (for errors raised inside a parser)."""
    for k, match in enumerate(re.finditer(pattern, text), 1):
        if k == nth:
            return text.count("\n", 0, match.start()) + 1
    return None


def rejected_line(text: str, message: str) -> int | None:
    """Where the JSON hooks' complaint lies: the second copy of a repeated key, or a NaN/Infinity."""
    repeated = re.search(r"the key '(.*)' appears twice", message)
    if repeated:
        return line_of_match(text, r'"' + re.escape(repeated.group(1)) + r'"\s*:', 2)
    if re.match(r"an integer has \d+ digits", message):
        return line_of_match(text, r"\d{401}")
    constant = re.match(r"(-?Infinity|NaN)", message)
    if constant:
        return line_of_match(text, r"(?<![\w\"])" + re.escape(constant.group(1)) + r"(?![\w\"])")
    return None
