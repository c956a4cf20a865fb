"""Number kinds for payoffs: float, exact (``Fraction``) and symbolic (sympy).

A payoff array is a numpy array of one of three kinds:

* ``"float"``: ``float64``, the default;
* ``"exact"``: ``object`` array of :class:`fractions.Fraction`;
* ``"symbolic"``: ``object`` array of sympy expressions in named parameters.

sympy is never imported here unless a sympy object is already present, which
keeps ``import negotiation`` fast.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from ..errors import PayoffValueError

__all__ = [
    "FLOAT",
    "EXACT",
    "SYMBOLIC",
    "to_payoff_array",
    "to_exact",
    "to_fraction",
    "to_symbolic",
    "map_array",
    "combined_kind",
    "is_sympy",
]

FLOAT, EXACT, SYMBOLIC = "float", "exact", "symbolic"
INTEGER = "integer"  # only integers: float by default, exact beside exact data


def is_sympy(value: Any) -> bool:
    """True for sympy objects, detected without importing sympy."""
    return type(value).__module__.startswith("sympy")


def to_fraction(value: Any) -> Fraction:
    """Convert an int, Fraction, float or sympy rational to a Fraction exactly.

    Floats are read as the decimal they print as (``0.1`` becomes ``1/10``),
    which is what a person typing the number meant.
    """
    if isinstance(value, Fraction):
        return value
    if is_sympy(value) and getattr(value, "is_Rational", False):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, (bool, np.bool_)):
        raise PayoffValueError(f"a payoff must be a number, not the boolean {value!r}")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise PayoffValueError(f"{value!r} has no exact value")
        return Fraction(repr(float(value)))
    if is_sympy(value) and getattr(value, "is_Rational", False):
        return Fraction(int(value.p), int(value.q))
    if is_sympy(value) and getattr(value, "is_Float", False):
        return to_fraction(float(value))
    raise PayoffValueError(f"{value!r} is not a rational number")


#: The largest payoff magnitude accepted: far beyond any real stake, and small enough that
#: sums, differences and products inside the solvers stay finite in floating point.
MAX_PAYOFF = 1e100


def _magnitude(value) -> str:
    digits = len(str(abs(int(value))))
    return f"of about 1e{digits - 1}" if digits > 20 else str(value)


def _classify(value: Any, where: str) -> str:
    if isinstance(value, (bool, np.bool_)):
        raise PayoffValueError(f"{where}: a payoff must be a number, not the boolean {value!r}")
    if isinstance(value, (Fraction, numbers.Integral)) and not is_sympy(value) and abs(value) > MAX_PAYOFF:
        raise PayoffValueError(f"{where}: payoff {_magnitude(value)} is beyond the limit ±{MAX_PAYOFF:g}")
    if isinstance(value, Fraction):
        return EXACT
    if is_sympy(value):
        if getattr(value, "free_symbols", None):
            return SYMBOLIC
        if getattr(value, "is_Rational", False):
            return EXACT
        if getattr(value, "is_Float", False):
            if not math.isfinite(float(value)):
                raise PayoffValueError(f"{where}: payoff {value} is not finite")
            return FLOAT
        if getattr(value, "is_finite", None) is False or value.has_nan_or_inf():
            raise PayoffValueError(f"{where}: payoff {value} is not finite")
        if getattr(value, "is_real", None):
            return SYMBOLIC  # e.g. sqrt(2): keep it as an exact expression
        raise PayoffValueError(f"{where}: payoff {value} is not a real number")
    if isinstance(value, numbers.Integral):
        return INTEGER
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise PayoffValueError(f"{where}: payoff {value!r} is not finite")
        if abs(value) > MAX_PAYOFF:
            raise PayoffValueError(f"{where}: payoff {value:g} is beyond the limit ±{MAX_PAYOFF:g}")
        return FLOAT
    raise PayoffValueError(
        f"{where}: payoff {value!r} of type {type(value).__name__} is not a number"
    )


def to_payoff_array(
    data: Any, where: str = "payoffs", locate: Callable[[tuple], str] | None = None
) -> tuple[np.ndarray, str]:
    """Return ``(array, kind)`` for payoff data, validating every entry.

    Numeric numpy arrays and lists of ints and floats become ``float64``.
    Entries that are Fractions or sympy rationals make the array exact;
    sympy expressions with free symbols make it symbolic. ``locate`` turns an
    index into words for error messages (e.g. the strategy labels of a cell).
    """
    locate = locate or (lambda index: f"{where}{list(index)}")
    if isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        if data.dtype.kind == "b":
            raise PayoffValueError(f"{where}: payoffs must be numbers, not booleans")
        array = np.asarray(data, dtype=float)
        _check_finite(array, locate)
        return array, INTEGER if data.dtype.kind in "iu" else FLOAT
    try:
        array = np.array(data, dtype=object)
    except ValueError as exc:  # ragged nesting
        raise PayoffValueError(f"{where}: rows have different lengths ({exc})") from None
    plain = _plain_numbers(array, locate)
    if plain is not None:
        return plain
    kinds = set()
    for index, value in np.ndenumerate(array):
        if isinstance(value, (list, tuple, np.ndarray)):
            raise PayoffValueError(f"{where}: rows have different lengths near index {index}")
        kinds.add(_classify(value, locate(index)))
    if SYMBOLIC in kinds:
        return to_symbolic(array), SYMBOLIC
    if EXACT in kinds and FLOAT not in kinds:
        return map_array(array, to_fraction), EXACT
    return np.asarray(array.astype(float), dtype=float), FLOAT if FLOAT in kinds else INTEGER


def _plain_numbers(array: np.ndarray, locate: Callable[[tuple], str]) -> tuple[np.ndarray, str] | None:
    """The fast path for arrays of Python ints and floats only (no bools, no nesting): checked in bulk.

    A million-cell game read from a file takes a fraction of a second this way,
    instead of a Python call per cell; anything unusual takes the careful path.
    """
    types = set(map(type, array.ravel().tolist())) if array.ndim else {type(array.item())}
    if not types or not types <= {int, float}:
        return None
    try:
        values = array.astype(float)
    except OverflowError:  # an int beyond float range: the careful path names the cell
        return None
    _check_finite(values, locate)
    return values, INTEGER if types == {int} else FLOAT


def to_exact(array: np.ndarray) -> np.ndarray:
    """An exact (Fraction) copy of a float or exact array."""
    return map_array(array, to_fraction)


def map_array(array: np.ndarray, function) -> np.ndarray:
    """Apply ``function`` to every entry, giving an object array."""
    out = np.empty(array.shape, dtype=object)
    for index, value in np.ndenumerate(array):
        out[index] = function(value)
    return out


def to_symbolic(array: np.ndarray) -> np.ndarray:
    """A sympy copy of any payoff array."""
    import sympy

    def convert(value):
        if isinstance(value, Fraction):
            return sympy.Rational(value.numerator, value.denominator)
        if isinstance(value, float) and value.is_integer():
            return sympy.Integer(int(value))  # integer arrays are stored as floats
        return sympy.sympify(value, strict=True) if not is_sympy(value) else value  # numbers only: no text parsing

    return map_array(array, convert)


def _check_finite(array: np.ndarray, locate: Callable[[tuple], str]) -> None:
    bad = ~np.isfinite(array)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise PayoffValueError(f"{locate(index)}: payoff {array[index]!r} is not finite")
    large = np.abs(array) > MAX_PAYOFF
    if large.any():
        index = tuple(int(i) for i in np.argwhere(large)[0])
        raise PayoffValueError(f"{locate(index)}: payoff {array[index]:g} is beyond the limit ±{MAX_PAYOFF:g}")


def combined_kind(kinds) -> str:
    """The kind of a game whose payoff arrays have these kinds."""
    kinds = set(kinds)
    if SYMBOLIC in kinds:
        return SYMBOLIC
    if EXACT in kinds and FLOAT not in kinds:
        return EXACT
    return FLOAT
