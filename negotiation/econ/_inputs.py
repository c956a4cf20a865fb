"""Turning a block's arguments (numbers, arrays or quantities) into checked numpy arrays in known units."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import ParameterError
from .quantity import Quantity

__all__ = ["amount", "quantity_of"]


def amount(value: Any, name: str, unit: str, low: float | None = None, high: float | None = None,
           open_low: bool = False) -> np.ndarray | np.float64:
    """``value`` as a float array in ``unit`` (a numpy float for a plain number): a Quantity is converted, a
    plain number taken as ``unit``."""
    if isinstance(value, Quantity):
        value = value.magnitude(unit)
    try:
        if type(value) is float or type(value) is int:  # a Monte Carlo's case: one number, checked as one
            array = np.float64(value)
        else:
            array = np.asarray(value, dtype=float)
    except OverflowError:
        raise ParameterError(f"{name} must be finite: it is beyond the range of a float") from None
    except (TypeError, ValueError):
        raise ParameterError(f"{name} must be a number or an array of numbers, got {type(value).__name__}") from None
    if array.ndim == 0:
        smallest = largest = float(array)
    elif array.size == 0:
        return array
    else:
        smallest, largest = float(array.min()), float(array.max())  # NaN if any element is NaN
    if not (math.isfinite(smallest) and math.isfinite(largest)):
        raise ParameterError(f"{name} must be finite")
    if low is not None and (smallest <= low if open_low else smallest < low):
        raise ParameterError(f"{name} must be {'above' if open_low else 'at least'} {low:g}, got {smallest:g}")
    if high is not None and largest > high:
        raise ParameterError(f"{name} must be at most {high:g}, got {largest:g}")
    return array


def quantity_of(value: Any, name: str, unit: str) -> Quantity:
    """The input as a Quantity for the derivation's record (plain numbers become unsourced inputs)."""
    if isinstance(value, Quantity):
        return value
    return Quantity(name, np.asarray(value, dtype=float) if np.ndim(value) else float(value), unit, kind="derived",
                    note="given directly, without a source")
