r"""Scenario files: a negotiation written in TOML or JSON, for people who don't write Python.

A file holds the same things as a scenario module: title, date, summary,
players, parameters (each with a default, a unit, a plausible range, a source
and a reason; ``whole = true`` marks a count such as rounds), sources (outlet,
date, the sentence relied on, the seed file), and any of three forms: a matrix game, a game tree, and a deal range. Payoffs
are arithmetic in the parameters, read by the whitelist parser of
:mod:`negotiation.io.expressions`; loading a file never runs code.

The format (version 1) is described in full in ``docs/reference/scenario-files.md``.
A minimal file::

    format = "negotiation/scenario"
    version = 1
    name = "standoff"
    title = "A tariff standoff"
    date = 2018-05-02
    summary = "The U.S. threatens tariffs; China decides whether to concede."
    players = ["U.S.", "China"]

    [[parameters]]
    name = "backdown_cost"
    default = 5
    unit = "$B/yr"
    low = 0
    high = 60
    source = "illustrative"
    reason = "what backing down from a public threat costs the U.S."

    [tree]
    nodes = [
      {at = "", player = "U.S.", moves = ["Threaten", "No threat"]},
      {at = "Threaten", player = "China", moves = ["Concede", "Refuse"]},
      {at = "Threaten/Concede", payoffs = ["100", "-120"]},
      {at = "Threaten/Refuse", player = "U.S.", moves = ["Impose", "Back down"]},
      {at = "Threaten/Refuse/Impose", payoffs = ["-27.5", "-42.5"]},
      {at = "Threaten/Refuse/Back down", payoffs = ["-backdown_cost", "0"]},
      {at = "No threat", payoffs = ["0", "0"]},
    ]

Every error is a :class:`~negotiation.errors.FileFormatError` that names the
file, the line and what was expected.

Examples
--------
>>> from negotiation.io import scenario_file
>>> scenario = scenario_file.loads(EXAMPLE, source="standoff.toml")
>>> scenario.forms
('tree',)
>>> import negotiation as ng
>>> ng.backward_induction(scenario.bind().build("tree"))[0].describe()
'path: No threat; payoffs 0, 0'
>>> [ng.backward_induction(scenario.bind(backdown_cost=c).build("tree"))[0].choices["Threaten/Refuse"]
...  for c in (5, 40)]
['Back down', 'Impose']
"""

from __future__ import annotations

import datetime
import math
import os
import re
from fractions import Fraction
from typing import Any, Callable

from ..errors import ExpressionError, NegotiationError
from .documents import MAX_ITEMS, Reader, describe
from .documents import parse as parse_document
from .expressions import Expression, parse
from .files import peek_text, read_text
from .scenario_tree import read_tree

__all__ = ["FORMAT", "VERSION", "MAX_BYTES", "load", "loads", "is_scenario_file", "EXAMPLE"]

FORMAT = "negotiation/scenario"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
MAX_NESTING = 32  # brackets and braces, checked before parsing
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
_TOP = {"format", "version", "name", "title", "date", "summary", "players", "moves", "parameters", "sources",
        "matrix", "tree", "deal"}

EXAMPLE = __doc__[__doc__.index("    format ="):__doc__.index("Every error")].replace("\n    ", "\n").strip() + "\n"


# ---------------------------------------------------------------------- public
def load(path: str | os.PathLike):
    """Read a scenario file (``.toml`` or ``.json``) into a :class:`~negotiation.Scenario`."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>"):
    """Read scenario text: JSON when it starts with ``{``, TOML otherwise."""
    data, lines = parse_document(text, source, MAX_BYTES, MAX_NESTING)
    return _Reader(data, lines, source).scenario()


def is_scenario_file(path: str) -> bool:
    """Whether ``path`` names a scenario file (``.toml``, or ``.json`` declaring this format)."""
    if path.endswith(".toml"):
        return True
    head = peek_text(path, 4096) if path.endswith(".json") else None
    return head is not None and re.search(r'"format"\s*:\s*"negotiation/scenario"', head) is not None


# ---------------------------------------------------------------------- reading
class _Reader(Reader):
    """Checks the parsed data field by field and builds the Scenario."""

    def __init__(self, data: dict, lines: dict, source: str):
        super().__init__(data, lines, source)
        self.defaults: dict = {}

    def date(self, mapping: dict, key: str, path: tuple) -> datetime.date:
        value = self.get(mapping, key, path, (str, datetime.date))
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"expected a date as YYYY-MM-DD, found {value!r}", path + (key,)) from None

    def expression(self, value: Any, path: tuple, names) -> Expression:
        """Parse, and evaluate once at the defaults, so that errors point at this field."""
        try:
            parsed = parse(value, frozenset(names))
            if parsed.names <= set(self.defaults):
                parsed.evaluate(self.defaults)
            return parsed
        except ExpressionError as exc:
            raise self.fail(str(exc), path) from None

    # -- the whole file
    def scenario(self):
        from ..scenario import Scenario

        d = self.data
        unknown = sorted(set(d) - _TOP)
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r}; the fields are {', '.join(sorted(_TOP))}", (unknown[0],))
        declared = self.get(d, "format", (), str)
        if declared != FORMAT:
            raise self.fail(f"expected format = {FORMAT!r}, found {declared!r}", ("format",))
        version = self.get(d, "version", (), int)
        if version != VERSION:
            raise self.fail(f"version {version} is not supported; this release reads version {VERSION}", ("version",))
        name = self.text(d, "name", (), limit=64)
        if not _NAME.match(name):
            raise self.fail("a name starts with a letter and has only letters, digits and _", ("name",))
        players = tuple(self.label_list(d, "players", ()))
        if not players:
            raise self.fail("a scenario needs at least one player", ("players",))
        parameters = self.parameters()
        names = {p.name for p in parameters}
        self.defaults = {p.name: p.default for p in parameters}
        forms = {form: getattr(self, form)(players, names) for form in ("matrix", "tree", "deal") if form in d}
        if not forms:
            raise self.fail("a scenario needs at least one of [matrix], [tree] or [deal]")
        scenario = Scenario(
            name=name, title=self.text(d, "title", ()), date=self.date(d, "date", ()),
            summary=self.text(d, "summary", ()), players=players, moves=self.moves(players, forms),
            parameters=tuple(parameters), sources=tuple(self.sources()), origin=self.source, **forms)
        self.check_builds(scenario)
        return scenario

    def parameters(self) -> list:
        from ..scenario import Parameter

        items = self.get(self.data, "parameters", (), list, required=False, default=[])
        if len(items) > 1000:
            raise self.fail(f"{len(items)} parameters; the limit is 1000", ("parameters",))
        result, seen = [], set()
        for k, item in enumerate(items):
            path = ("parameters", k)
            if not isinstance(item, dict):
                raise self.fail(f"expected a table of name, default, unit, low, high, source, reason; found "
                                f"{describe(item)}", path)
            extra = sorted(set(item) - {"name", "default", "unit", "low", "high", "source", "reason", "whole"})
            if extra:
                raise self.fail(f"unknown field {extra[0]!r}", path + (extra[0],))
            name = self.text(item, "name", path, limit=64)
            if not _NAME.match(name) or name in ("min", "max"):
                raise self.fail(f"{name!r} cannot be a parameter name: use letters, digits and _ "
                                "(starting with a letter), and not min or max", path + ("name",))
            if name in seen:
                raise self.fail(f"the parameter {name!r} is declared twice", path + ("name",))
            seen.add(name)
            numbers = {key: self.number(item, key, path) for key in ("default", "low", "high")}
            if not numbers["low"] <= numbers["default"] <= numbers["high"]:
                raise self.fail(f"the default {numbers['default']} is outside low..high "
                                f"({numbers['low']}..{numbers['high']})", path + ("default",))
            whole = self.get(item, "whole", path, bool, required=False, default=False)
            if whole and any(v != int(v) for v in numbers.values()):
                raise self.fail("a whole-number parameter needs whole default, low and high", path + ("whole",))
            result.append(Parameter(name, numbers["default"], self.text(item, "unit", path, required=False),
                                    numbers["low"], numbers["high"], self.text(item, "source", path),
                                    self.text(item, "reason", path), whole))
        return result

    def number(self, mapping: dict, key: str, path: tuple):
        value = self.get(mapping, key, path, (int, float, str))
        if isinstance(value, str):
            if not re.fullmatch(r"\s*-?\d{1,30}(\s*/\s*\d{1,30}|\.\d{1,30})?\s*", value):
                raise self.fail(f"expected a number (such as 5, 2.5 or \"1/3\"), found {value!r}", path + (key,))
            try:
                value = Fraction(value.replace(" ", ""))
            except ZeroDivisionError:
                raise self.fail(f"{value!r} divides by zero", path + (key,)) from None
        if isinstance(value, float) and (not math.isfinite(value) or abs(value) > 1e300):
            raise self.fail(f"expected a finite number, found {value!r}", path + (key,))
        return value

    def sources(self) -> list:
        from ..scenario import Source

        items = self.get(self.data, "sources", (), list, required=False, default=[])
        result = []
        for k, item in enumerate(items[:1000]):
            path = ("sources", k)
            if not isinstance(item, dict):
                raise self.fail(f"expected a table of outlet, date, quote and seed; found {describe(item)}", path)
            extra = sorted(set(item) - {"outlet", "date", "quote", "seed"})
            if extra:
                raise self.fail(f"unknown field {extra[0]!r}", path + (extra[0],))
            seed = self.text(item, "seed", path, required=False) or None
            result.append(Source(self.text(item, "outlet", path), self.date(item, "date", path),
                                 self.text(item, "quote", path), seed))
        return result

    def moves(self, players: tuple, forms: dict) -> dict:
        given = self.get(self.data, "moves", (), dict, required=False, default=None)
        if given is None:
            return {p: tuple(s) for p, s in zip(players, getattr(forms.get("matrix"), "strategies", ()))}
        unknown = sorted(set(given) - set(players))
        if unknown:
            raise self.fail(f"{unknown[0]!r} is not a player", ("moves", unknown[0]))
        return {p: tuple(self.label_list(given, p, ("moves",))) for p in players if p in given}

    # -- forms
    def matrix(self, players: tuple, names: set) -> Callable:
        from ..games.normal_form import NormalFormGame

        path = ("matrix",)
        table = self.get(self.data, "matrix", (), dict)
        extra = sorted(set(table) - {"strategies", "payoffs", "outcomes", "title"})
        if extra:
            raise self.fail(f"unknown field {extra[0]!r}", path + (extra[0],))
        strategies = self.get(table, "strategies", path, list)
        if len(strategies) != len(players):
            raise self.fail(f"{len(players)} players but {len(strategies)} strategy lists", path + ("strategies",))
        labels = [tuple(self.label_list({"s": s}, "s", path + ("strategies", k))) for k, s in enumerate(strategies)]
        shape = tuple(len(s) for s in labels)
        if math.prod(shape) > MAX_ITEMS:
            raise self.fail(f"{math.prod(shape)} strategy profiles; the limit is {MAX_ITEMS}", path + ("strategies",))
        title = self.text(table, "title", path, required=False)
        cells = self.matrix_cells(table, players, labels, names)

        def build(values):
            arrays = [_filled(shape, {cell: e[i].evaluate(values) for cell, e in cells.items()})
                      for i in range(len(players))]
            return NormalFormGame(arrays, players=players, strategies=labels, title=title or self.data.get("title", ""))

        build.strategies = labels
        return build

    def matrix_cells(self, table: dict, players: tuple, labels: list, names: set) -> dict:
        import itertools

        path = ("matrix",)
        shape = tuple(len(s) for s in labels)
        if ("payoffs" in table) == ("outcomes" in table):
            raise self.fail("give either payoffs (one nested array per player) or outcomes, not both or neither", path)
        cells: dict[tuple, list] = {}
        if "outcomes" in table:
            for k, item in enumerate(self.get(table, "outcomes", path, list)):
                where = path + ("outcomes", k)
                if not isinstance(item, dict) or set(item) != {"profile", "payoffs"}:
                    raise self.fail("each outcome is a table with exactly profile and payoffs", where)
                profile = self.get(item, "profile", where, list)
                if len(profile) != len(players) or not all(isinstance(s, str) for s in profile):
                    raise self.fail(f"a profile names one strategy for each of {', '.join(players)}", where + ("profile",))
                cell = []
                for i, label in enumerate(profile):
                    if label not in labels[i]:
                        raise self.fail(f"{label!r} is not a strategy of {players[i]} ({', '.join(labels[i])})",
                                        where + ("profile",))
                    cell.append(labels[i].index(label))
                if tuple(cell) in cells:
                    raise self.fail(f"the profile {profile} appears twice", where + ("profile",))
                cells[tuple(cell)] = self.payoff_list(item, where, len(players), names)
            missing = [c for c in itertools.product(*(range(n) for n in shape)) if c not in cells]
            if missing:
                example = [labels[i][k] for i, k in enumerate(missing[0])]
                raise self.fail(f"{len(missing)} profile(s) have no outcome, such as {example}", path + ("outcomes",))
            return cells
        arrays = self.get(table, "payoffs", path, list)
        if len(arrays) != len(players):
            raise self.fail(f"one payoff array per player: {len(players)} expected, found {len(arrays)}",
                            path + ("payoffs",))
        for cell in itertools.product(*(range(n) for n in shape)):
            cells[cell] = []
        for i, array in enumerate(arrays):
            for cell in cells:
                value, where = array, path + ("payoffs", i)
                for k in cell:
                    if not isinstance(value, list) or k >= len(value):
                        raise self.fail(f"the payoffs of {players[i]} must have shape {shape}", where)
                    value, where = value[k], where + (k,)
                cells[cell].append(self.expression(value, where, names))
            _check_shape(self, array, shape, path + ("payoffs", i), players[i])
        return cells

    def payoff_list(self, item: dict, path: tuple, count: int, names: set) -> list:
        payoffs = self.get(item, "payoffs", path, list)
        if len(payoffs) != count:
            raise self.fail(f"{count} payoffs expected (one per player), found {len(payoffs)}", path + ("payoffs",))
        return [self.expression(v, path + ("payoffs", k), names) for k, v in enumerate(payoffs)]

    def tree(self, players: tuple, names: set) -> Callable:
        return read_tree(self, players, names)

    def deal(self, players: tuple, names: set) -> Callable:
        from ..bargaining.deal_range import deal_range

        path = ("deal",)
        table = self.get(self.data, "deal", (), dict)
        extra = sorted(set(table) - {"variable", "unit", "low", "high", "payoffs", "disagreement"})
        if extra:
            raise self.fail(f"unknown field {extra[0]!r}", path + (extra[0],))
        variable = self.text(table, "variable", path, limit=64)
        if not _NAME.match(variable) or variable in names:
            raise self.fail(f"{variable!r} must be a new name (letters, digits, _), not a parameter", path + ("variable",))
        unit = self.text(table, "unit", path, required=False)
        low, high = (self.expression(self.get(table, k, path, (str, int, float)), path + (k,), names)
                     for k in ("low", "high"))
        payoffs = self.get(table, "payoffs", path, dict)
        disagreement = self.get(table, "disagreement", path, dict, required=False, default={})
        if not payoffs:
            raise self.fail("give each side's payoff as an expression in the parameters and the variable",
                            path + ("payoffs",))
        unknown = sorted(set(disagreement) - set(payoffs))
        if unknown:
            raise self.fail(f"{unknown[0]!r} has a disagreement value but no payoff", path + ("disagreement",))
        sides = {side: self.expression(e, path + ("payoffs", side), names | {variable}) for side, e in payoffs.items()}
        floors = {side: self.expression(disagreement.get(side, 0), path + ("disagreement", side), names)
                  for side in payoffs}

        def build(values):
            functions = {side: _deal_payoff(e, dict(values), variable) for side, e in sides.items()}
            return deal_range(functions, {s: e.evaluate(values) for s, e in floors.items()},
                              bounds=(low.evaluate(values), high.evaluate(values)), variable=variable, unit=unit)

        return build

    def check_builds(self, scenario) -> None:
        """Build every form at the defaults, so that a bad file fails on loading, not later."""
        instance = scenario.bind()
        for form in scenario.forms:
            try:
                instance.build(form)
            except NegotiationError as exc:
                raise self.fail(f"at the default parameter values: {exc}", (form,)) from None


def _deal_payoff(expression: Expression, values: dict, variable: str) -> Callable:
    def payoff(x):
        values[variable] = x
        return expression.evaluate(values)

    return payoff


def _filled(shape: tuple, values: dict):
    import numpy as np

    array = np.empty(shape, dtype=object)
    for cell, value in values.items():
        array[cell] = value
    return array


def _check_shape(reader: _Reader, array: Any, shape: tuple, path: tuple, player: str) -> None:
    if not shape:
        return
    if not isinstance(array, list) or len(array) != shape[0]:
        raise reader.fail(f"the payoffs of {player} must have shape {shape}", path)
    for k, item in enumerate(array):
        _check_shape(reader, item, shape[1:], path + (k,), player)
