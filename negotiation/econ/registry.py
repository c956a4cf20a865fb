"""One registry of sourced quantities for the whole catalogue, with the look-ahead check.

A quantity used by two scenarios is one entry here, not two typed numbers.
:meth:`Registry.as_of` hands out quantities for a scenario dated ``date``
and refuses any quantity published after it (for a derived quantity: any of
its inputs), naming the quantity and both dates.

Examples
--------
>>> import datetime
>>> from negotiation.econ import REGISTRY
>>> facts = REGISTRY.as_of(datetime.date(2018, 5, 1), ["us_imports_from_china_2017"])
>>> facts["us_imports_from_china_2017"].value
505.6
>>> REGISTRY.as_of(datetime.date(2018, 5, 1), ["us_imports_from_china_2018"])
Traceback (most recent call last):
...
negotiation.errors.LookAheadError: us_imports_from_china_2018 was published on 2019-03-06, after the scenario's date 2018-05-01: a model may not use it (it can validate one)
"""

from __future__ import annotations

import datetime
import difflib
from typing import Iterable, Mapping

from ..errors import LookAheadError, ParameterError
from .quantity import Quantity

__all__ = ["Registry", "REGISTRY"]


class Registry(Mapping):
    """Quantities by name; each name once."""

    def __init__(self, quantities: Iterable[Quantity] = ()):
        self._items: dict[str, Quantity] = {}
        for quantity in quantities:
            self.add(quantity)

    def add(self, quantity: Quantity) -> None:
        if not isinstance(quantity, Quantity):
            raise ParameterError(f"the registry holds Quantity objects, not {type(quantity).__name__}")
        if quantity.name in self._items:
            raise ParameterError(f"{quantity.name} is already in the registry: one entry per real quantity")
        for name in quantity.inputs:
            if name not in self._items:
                raise ParameterError(f"{quantity.name} is derived from {name}, which is not in the registry")
        self._items[quantity.name] = quantity

    def __getitem__(self, name: str) -> Quantity:
        try:
            return self._items[name]
        except (KeyError, TypeError):
            close = difflib.get_close_matches(str(name), self._items, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ParameterError(f"no quantity called {str(name)[:60]!r} in the registry{hint}") from None

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def published(self, name: str) -> datetime.date | None:
        """When ``name`` became knowable: its own date, or for a derived quantity the latest of its inputs'."""
        quantity = self[name]
        dates = [quantity.published] if quantity.published else []
        dates += [self.published(n) for n in quantity.inputs]
        dates = [d for d in dates if d is not None]
        return max(dates) if dates else None

    def as_of(self, date: datetime.date, names: Iterable[str] | None = None) -> dict[str, Quantity]:
        """The quantities ``names`` (default: all) for a model dated ``date``; refuses look-ahead."""
        if not isinstance(date, datetime.date):
            raise ParameterError(f"a scenario date is a datetime.date, got {type(date).__name__}")
        chosen = list(self._items) if names is None else list(names)
        out = {}
        for name in chosen:
            published = self.published(name)
            if published is not None and published > date:
                raise LookAheadError(f"{name} was published on {published.isoformat()}, after the scenario's date "
                                     f"{date.isoformat()}: a model may not use it (it can validate one)")
            out[name] = self[name]
        return out

    def available(self, date: datetime.date) -> list[str]:
        """The names a model dated ``date`` may use."""
        return [n for n in self._items if (self.published(n) or date) <= date]

    def table(self) -> str:
        """Every entry as one line, for a reader who wants to see what the catalogue rests on."""
        return "\n".join(q.describe() for q in self._items.values())


def _build() -> Registry:
    from .facts import FACTS

    return Registry(FACTS)


REGISTRY = _build()
