"""Turning a block's arguments (numbers, arrays or quantities) into checked numpy arrays in known units."""

from __future__ import annotations

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
    if not np.all(np.isfinite(array)):
        raise ParameterError(f"{name} must be finite")
    if low is not None and (np.any(array <= low) if open_low else np.any(array < low)):
        raise ParameterError(f"{name} must be {'above' if open_low else 'at least'} {low:g}, got "
                             f"{float(array.min()):g}")
    if high is not None and np.any(array > high):
        raise ParameterError(f"{name} must be at most {high:g}, got {float(array.max()):g}")
    return array


def quantity_of(value: Any, name: str, unit: str) -> Quantity:
    """The input as a Quantity for the derivation's record (plain numbers become unsourced inputs)."""
    if isinstance(value, Quantity):
        return value
    return Quantity(name, np.asarray(value, dtype=float) if np.ndim(value) else float(value), unit, kind="derived",
                    note="given directly, without a source")
