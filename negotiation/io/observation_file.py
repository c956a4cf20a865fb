"""Observation files: what happened after a scenario's date, to test the model against, in TOML or JSON.

Reading a file never runs code; every error is a
:class:`~negotiation.errors.FileFormatError` naming the file, the line and the
field. A file holds one ``[[observation]]`` table per entry::

    [[observation]]
    scenario = "tariff_standoff"
    metric = "tariffs_imposed"
    relation = "=="
    value = true
    observed = 2018-07-06
    source = "USTR: 25% on $34B of imports from China from 6 July 2018"

    [[observation]]
    scenario = "purchase_pledges"
    set = { us_reservation = 100 }
    metric = "demand_in_deal_range"
    relation = "=="
    value = false
    observed = 2019-01-18
    source = "Bloomberg, 18 Jan 2019: China's offer ramps imports up over six years, not $200B a year"

``set`` overrides scenario parameters (they are held, not drawn). ``relation``
is one of ``==``, ``<``, ``<=``, ``>``, ``>=``; a yes/no metric takes ``==``
with ``true`` or ``false``. ``observed`` is the date the outcome became
known; ``note`` is optional.

Examples
--------
>>> from negotiation.io import observation_file
>>> [o.metric for o in observation_file.loads(EXAMPLE, source="example.toml")]
['tariffs_imposed', 'demand_in_deal_range']
"""

from __future__ import annotations

import datetime
import math
import os
from dataclasses import dataclass, field
from typing import Any

from .documents import MAX_ITEMS, Reader, describe
from .documents import parse as parse_document
from .files import read_text
from .locations import line_of

__all__ = ["Observation", "RELATIONS", "load", "loads", "EXAMPLE", "MAX_BYTES"]

MAX_BYTES = 1024 * 1024
MAX_NESTING = 8
RELATIONS = ("==", "<", "<=", ">", ">=")
_FIELDS = {"scenario", "set", "metric", "relation", "value", "observed", "source", "note"}

EXAMPLE = __doc__[__doc__.index("    [[observation]]"):__doc__.index("``set`` overrides")].replace(
    "\n    ", "\n").strip() + "\n"


@dataclass(frozen=True)
class Observation:
    """One thing that happened: a scenario's metric stood in ``relation`` to ``value`` when ``observed``."""

    scenario: str
    metric: str
    relation: str
    value: Any  # bool for a yes/no metric, else a number
    observed: datetime.date
    source: str
    set: dict = field(default_factory=dict)
    note: str = ""
    line: int | None = None  # where it is in its file, for messages

    def describe(self) -> str:
        value = ("yes" if self.value else "no") if isinstance(self.value, bool) else f"{self.value:g}"
        return f"{self.metric} {self.relation} {value}"


def load(path: str | os.PathLike) -> list[Observation]:
    """Read an observation file (``.toml`` or ``.json``)."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>") -> list[Observation]:
    data, lines = parse_document(text, source, MAX_BYTES, MAX_NESTING)
    return _ObservationReader(data, lines, source).observations()


class _ObservationReader(Reader):
    def observations(self) -> list[Observation]:
        unknown = sorted(set(self.data) - {"observation"})
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r}; a file holds [[observation]] tables", (unknown[0],))
        entries = self.get(self.data, "observation", (), list)
        if not 1 <= len(entries) <= MAX_ITEMS:
            raise self.fail(f"a file needs 1 to {MAX_ITEMS} observations, found {len(entries)}", ("observation",))
        return [self._observation(entry, ("observation", k)) for k, entry in enumerate(entries)]

    def _observation(self, entry: Any, path: tuple) -> Observation:
        if not isinstance(entry, dict):
            raise self.fail(f"expected a table, found {describe(entry)}", path)
        extra = sorted(set(entry) - _FIELDS)
        if extra:
            raise self.fail(f"unknown field {extra[0]!r}; an observation has {', '.join(sorted(_FIELDS))}", path)
        relation = self.text(entry, "relation", path, limit=2)
        if relation not in RELATIONS:
            raise self.fail(f"the relation must be one of {' '.join(RELATIONS)}, got {relation!r}",
                            path + ("relation",))
        value = self.get(entry, "value", path, (bool, int, float))
        if isinstance(value, bool) and relation != "==":
            raise self.fail(f"a yes/no value is compared with ==, not {relation}", path + ("relation",))
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail("the value must be finite", path + ("value",))
        observed = self.get(entry, "observed", path, datetime.date)
        if isinstance(observed, datetime.datetime):
            observed = observed.date()
        return Observation(scenario=self.text(entry, "scenario", path, limit=200),
                           metric=self.text(entry, "metric", path, limit=200), relation=relation, value=value,
                           observed=observed, source=self.text(entry, "source", path, limit=2000),
                           set=self._overrides(entry, path), note=self.text(entry, "note", path, required=False),
                           line=line_of(self.lines, path))

    def _overrides(self, entry: dict, path: tuple) -> dict:
        values = self.get(entry, "set", path, dict, required=False, default={})
        for name, value in values.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.fail(f"a parameter value is a number, found {describe(value)}", path + ("set", name))
        return dict(values)
