"""Quantities with a unit, a plausible range, a source and a publication date; derivations of payoffs.

A :class:`Quantity` is one economic number and where it comes from. Its
``kind`` says what sort of number it is:

* ``primitive``: measured (a trade flow, a tariff list, an elasticity);
* ``political``: a weight, an audience cost or a belief, in $B-equivalent a
  year and labelled as such;
* ``derived``: computed from others (its ``inputs`` name them).

``published`` is when the source was published, not the period it describes:
2018 trade figures were published in March 2019. A scenario may bind only
quantities published on or before its own date.

Quantities add and subtract only when their units agree in dimension; the
error names both units. A :class:`Derivation` is what an economic block
returns: its outputs as quantities, the formulas, and the inputs with their
sources, so a report can show where every payoff comes from.

Examples
--------
>>> import datetime
>>> from negotiation.econ import Quantity
>>> imports = Quantity("imports", 505.6, "$B/yr", source="U.S. Census", published=datetime.date(2018, 2, 6))
>>> rate = Quantity("rate", 25, "%", source="USTR list", published=datetime.date(2018, 4, 3))
>>> (imports * rate).to("$B/yr").value
126.4
>>> imports + rate
Traceback (most recent call last):
...
negotiation.errors.UnitError: cannot add rate (%) to imports ($B/yr): a pure number (a share, a percentage, an elasticity) is not an amount
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

import numpy as np

from .. import _format
from ..errors import ParameterError, UnitError
from . import units as _units

__all__ = ["Quantity", "Derivation", "KINDS"]

KINDS = ("primitive", "political", "derived")
_POLITICAL_UNITS = ("$B/yr",)


@dataclass(frozen=True)
class Quantity:
    """A value with a unit, a plausible range, its source and the date that source was published."""

    name: str
    value: Any
    unit: str
    source: str = ""
    published: datetime.date | None = None
    kind: str = "primitive"
    low: Any = None
    high: Any = None
    note: str = ""
    inputs: tuple = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ParameterError(f"a quantity needs a name, got {self.name!r}")
        if self.kind not in KINDS:
            raise ParameterError(f"{self.name}: kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        _units.pint_unit(self.unit)  # an unknown unit is refused here
        if self.kind != "derived" and (not self.source or self.published is None):
            raise ParameterError(f"{self.name}: a {self.kind} quantity needs a source and its publication date")
        if self.kind == "political" and self.unit not in _POLITICAL_UNITS:
            raise UnitError(f"{self.name}: political terms are stated in $B-equivalent a year ($B/yr), "
                            f"not {self.unit}")
        values = np.asarray(self.value, dtype=float)
        # a number is checked without numpy's reductions: blocks make thousands of quantities in a Monte Carlo
        if not (math.isfinite(values) if values.ndim == 0 else np.isfinite(values).all()):
            raise ParameterError(f"{self.name}: the value must be finite, got {self.value!r}")
        if self.low is not None and self.high is not None:
            if not self.low <= self.high:
                raise ParameterError(f"{self.name}: the range {self.low}..{self.high} is empty")
            if values.ndim == 0 and not self.low <= float(values) <= self.high:
                raise ParameterError(f"{self.name} = {self.value} lies outside its range {self.low}..{self.high}")

    # -------------------------------------------------------------- units
    def to(self, unit: str) -> "Quantity":
        """The same quantity in ``unit`` (the range converted too)."""
        convert = lambda v: None if v is None else _units.convert(v, self.unit, unit)  # noqa: E731
        return replace(self, value=convert(self.value), unit=unit, low=convert(self.low), high=convert(self.high))

    def magnitude(self, unit: str) -> Any:
        """The value in ``unit``."""
        return _units.convert(self.value, self.unit, unit)

    def _combine(self, other, operator: str) -> "Quantity":
        other = _as_quantity(other)
        if operator in "+-":
            if not _units.same_dimension(self.unit, other.unit):
                verb = "add" if operator == "+" else "subtract"
                raise UnitError(f"cannot {verb} {other.name} ({other.unit}) {'to' if operator == '+' else 'from'} "
                                f"{self.name} ({self.unit}): {_units._why(other.unit, self.unit)}")
            right = other.magnitude(self.unit)
            value = self.value + right if operator == "+" else self.value - right
            unit = self.unit
        else:
            product = (1 * _units.pint_unit(self.unit)) * (1 * _units.pint_unit(other.unit)) if operator == "*" \
                else (1 * _units.pint_unit(self.unit)) / (1 * _units.pint_unit(other.unit))
            unit, factor = _our_unit(product)
            value = (self.value * other.value if operator == "*" else self.value / other.value) * factor
        return Quantity(f"{self.name} {operator} {other.name}", value, unit, kind="derived",
                        inputs=(self.name, other.name))

    def __add__(self, other):
        return self._combine(other, "+")

    def __sub__(self, other):
        return self._combine(other, "-")

    def __mul__(self, other):
        return self._combine(other, "*")

    def __rmul__(self, other):
        return self._combine(other, "*")

    def __truediv__(self, other):
        return self._combine(other, "/")

    def __neg__(self):
        return replace(self, name=f"-{self.name}", value=-self.value, kind="derived", inputs=(self.name,),
                       low=None if self.high is None else -self.high, high=None if self.low is None else -self.low)

    # -------------------------------------------------------------- words
    def describe(self) -> str:
        """One line: name, value, unit, kind, and where it comes from."""
        text = f"{self.name} = {_show(self.value)}{_unit_suffix(self.unit)}"
        if self.low is not None:
            text += f" (range {_show(self.low)}–{_show(self.high)})"
        if self.kind == "political":
            text += " [political term, $B-equivalent a year]"
        if self.source:
            text += f"; {self.source}"
        if self.published:
            text += f", published {self.published.isoformat()}"
        return text

    def __str__(self) -> str:
        return self.describe()

    def to_dict(self) -> dict:
        return {"name": self.name, "value": _plain(self.value), "unit": self.unit, "kind": self.kind,
                "low": _plain(self.low), "high": _plain(self.high), "source": self.source,
                "published": self.published.isoformat() if self.published else None, "note": self.note}


def _as_quantity(other) -> Quantity:
    if isinstance(other, Quantity):
        return other
    if isinstance(other, (int, float, np.ndarray)) and not isinstance(other, bool):
        return Quantity(_show(other), other, "1", kind="derived")
    raise UnitError(f"a quantity combines with quantities and plain numbers, not {type(other).__name__}")


def _our_unit(quantity) -> tuple[str, float]:
    """The unit of a pint product in our names where one fits, and the factor to get there."""
    for name in _units.UNITS:
        target = _units.pint_unit(name)
        if quantity.dimensionality == target.dimensionality:
            return name, quantity.to(target).magnitude
    return str(quantity.units), quantity.magnitude


def _unit_suffix(unit: str) -> str:
    return "" if unit == "1" else unit if unit == "%" else f" {unit}"


def _show(value) -> str:
    array = np.asarray(value, dtype=float)
    if array.ndim:
        return f"array of {array.size} (mean {_format.number(float(array.mean()), 4)})"
    return _format.number(float(array), 6) if math.isfinite(float(array)) else str(value)


def _plain(value):
    if value is None:
        return None
    array = np.asarray(value, dtype=float)
    return array.tolist() if array.ndim else float(array)


@dataclass(frozen=True, eq=False)
class Derivation(_format.Displays):
    """What an economic block returns: outputs as quantities, the formulas, and the inputs with sources.

    Outputs are attributes too: ``derivation.revenue`` is the revenue quantity.
    """

    block: str
    formulas: tuple[str, ...]
    inputs: tuple[Quantity, ...]
    outputs: Mapping[str, Quantity] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __getattr__(self, name: str):
        outputs = self.__dict__.get("outputs", {})
        if name in outputs:
            return outputs[name]
        raise AttributeError(f"the {self.__dict__.get('block', '')} derivation has no output {name!r}; "
                             f"it has {', '.join(outputs)}")

    def __getitem__(self, name: str) -> Quantity:
        return self.outputs[name]

    def __str__(self) -> str:
        lines = [f"{self.block}", "  inputs:"]
        lines += [f"    {q.describe()}" for q in self.inputs]
        lines.append("  formulas:")
        lines += [f"    {f}" for f in self.formulas]
        lines.append("  outputs:")
        lines += [f"    {q.name} = {_show(q.value)}{_unit_suffix(q.unit)}" for q in self.outputs.values()]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"block": self.block, "formulas": list(self.formulas), "inputs": [q.to_dict() for q in self.inputs],
                "outputs": {k: q.to_dict() for k, q in self.outputs.items()}, "notes": list(self.notes)}
