"""Turning a block's arguments (numbers, arrays or quantities) into checked numpy arrays in known units."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import ParameterError
from .quantity import Quantity

__all__ = ["amount", "quantity_of"]


def amount(value: Any, name: str, unit: str, low: float | None = None, high: float | None = None,
           open_low: bool = False) -> np.ndarray:
    """``value`` as a float array in ``unit``: a Quantity is converted, a plain number taken as ``unit``."""
    if isinstance(value, Quantity):
        value = value.magnitude(unit)
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(f"{name} must be a number or an array of numbers, got {type(value).__name__}") from None
    if array.size == 0:
        return array
    smallest, largest = extremes(array)
    if not (math.isfinite(smallest) and math.isfinite(largest)):
        raise ParameterError(f"{name} must be finite")
    if low is not None and (smallest <= low if open_low else smallest < low):
        raise ParameterError(f"{name} must be {'above' if open_low else 'at least'} {low:g}, got {smallest:g}")
    if high is not None and largest > high:
        raise ParameterError(f"{name} must be at most {high:g}, got {largest:g}")
    return array


def extremes(array: np.ndarray) -> tuple[float, float]:
    """The smallest and largest element (NaN if any is NaN); a number without numpy's reductions, which cost
    microseconds each and are paid on every call of a block inside a Monte Carlo."""
    if array.ndim == 0:
        x = float(array)
        return x, x
    return float(array.min()), float(array.max())


def quantity_of(value: Any, name: str, unit: str) -> Quantity:
    """The input as a Quantity for the derivation's record (plain numbers become unsourced inputs)."""
    if isinstance(value, Quantity):
        return value
    return Quantity(name, np.asarray(value, dtype=float) if np.ndim(value) else float(value), unit, kind="derived",
                    note="given directly, without a source")
