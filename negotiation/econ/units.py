"""Units for economic quantities, checked by pint (imported lazily).

Units are written the way trade economists write them and translated for
pint: ``$B/yr`` (billions of U.S. dollars a year, a flow), ``$B`` (a one-off
stock), ``%``, ``1`` (dimensionless: shares, elasticities), ``yr``. Money and
time are separate dimensions, so adding a one-off ``$B`` to a flow in
``$B/yr``, or a percentage to ``$B/yr``, raises :class:`~negotiation.errors.UnitError`
naming both units.

pint, rather than a hand-made table of units, because it is well kept, knows
time (months, quarters, years) and percentages, and reports dimensions; it is
imported on first use so that ``import negotiation`` stays fast.

Examples
--------
>>> from negotiation.econ.units import convert
>>> convert(12, "$B/yr", "$B/month")
1.0
>>> convert(25, "%", "1")
0.25
>>> convert(1, "$B", "$B/yr")
Traceback (most recent call last):
...
negotiation.errors.UnitError: cannot convert $B to $B/yr: a one-off amount of money is not a flow per unit of time
"""

from __future__ import annotations

import functools
from typing import Any

from ..errors import UnitError

__all__ = ["pint_unit", "convert", "same_dimension", "registry", "UNITS"]

#: Our unit names and their pint spellings.
UNITS = {
    "$B/yr": "billion_usd / year",
    "$B/month": "billion_usd / month",
    "$B/quarter": "billion_usd / quarter",
    "$B": "billion_usd",
    "$M": "million_usd",
    "%": "percent",
    "1": "dimensionless",
    "yr": "year",
    "month": "month",
    "1/yr": "1 / year",
}


@functools.lru_cache(maxsize=1)
def registry():
    """The pint registry, with dollars as a base dimension of their own (money is not time)."""
    try:
        import pint
    except ImportError:  # pragma: no cover - pint is a core dependency
        raise UnitError("units need pint: pip install pint") from None
    units = pint.UnitRegistry()
    units.define("usd = [currency]")
    units.define("million_usd = 1e6 * usd")
    units.define("billion_usd = 1e9 * usd")
    return units


def pint_unit(unit: str):
    """The pint unit for one of our unit names (or any pint expression)."""
    if not isinstance(unit, str) or not unit.strip():
        raise UnitError(f"a unit is a name such as '$B/yr', got {unit!r}")
    return _parsed(unit)


@functools.lru_cache(maxsize=256)
def _parsed(unit: str):
    # parsing is the cost of every Quantity (0.02 ms); a Monte Carlo makes thousands with the same few units
    units = registry()
    try:
        return units.Unit(UNITS.get(unit, unit))
    except Exception:  # pint raises several kinds of error for unknown names
        raise UnitError(f"unknown unit {unit!r}; known: {', '.join(UNITS)}") from None


def same_dimension(a: str, b: str) -> bool:
    return pint_unit(a).dimensionality == pint_unit(b).dimensionality


def convert(value: Any, source: str, target: str) -> Any:
    """``value`` in ``source`` units, expressed in ``target`` units (numbers and numpy arrays alike)."""
    if not same_dimension(source, target):
        raise UnitError(f"cannot convert {source} to {target}: {_why(source, target)}")
    return value * _factor(source, target)


@functools.lru_cache(maxsize=256)
def _factor(source: str, target: str) -> float:
    return (1 * pint_unit(source)).to(pint_unit(target)).magnitude


def _why(a: str, b: str) -> str:
    dims = {str(pint_unit(u).dimensionality) for u in (a, b)}
    if dims == {"[currency]", "[currency] / [time]"}:
        return "a one-off amount of money is not a flow per unit of time"
    if "dimensionless" in dims:
        return "a pure number (a share, a percentage, an elasticity) is not an amount"
    return "the dimensions differ (" + " vs ".join(str(pint_unit(u).dimensionality) for u in (a, b)) + ")"
