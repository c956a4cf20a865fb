"""Conditions in plain words: sympy sets and relations as a reader would write them.

"concession_cost ≤ 42.5 $B/yr", "never", "whatever the value", "x < 1 or
x > 3": never ``Interval(-oo, 85/2)`` or ``EmptySet``. sympy is imported
only when a symbolic value arrives.

Examples
--------
>>> import sympy
>>> from negotiation.words import in_words
>>> in_words(sympy.Interval(-sympy.oo, sympy.Rational(85, 2)), "concession_cost", "$B/yr")
'concession_cost ≤ 42.5 $B/yr'
>>> in_words(sympy.S.EmptySet, "concession_cost")
'never'
"""

from __future__ import annotations

import re
from typing import Any

from . import _format

__all__ = ["in_words", "number_in_words"]

_RELATIONS = {">=": "≥", "<=": "≤", "!=": "≠", "==": "="}


def number_in_words(value: Any) -> str:
    """A number as a reader writes it (42.5, 1/3 as 0.333333); an expression in plain algebra."""
    import sympy

    value = sympy.sympify(value)
    if value.is_number:
        if value == sympy.oo:
            return "∞"
        if value == -sympy.oo:
            return "−∞"
        return _format.number(float(value))
    return _algebra(sympy.sstr(value))


def in_words(value: Any, name: str | None = None, unit: str = "") -> str:
    """A set of values of ``name`` (solved), or a condition, in words."""
    import sympy

    suffix = f" {unit}" if unit else ""
    if value is True or value == sympy.true:
        return "always"
    if value is False or value == sympy.false:
        return "never"
    if isinstance(value, sympy.Set):
        return _set(value, name or "the value", suffix)
    if isinstance(value, (list, tuple)):
        return " and ".join(in_words(v, name, unit) for v in value) or "always"
    if isinstance(value, sympy.Basic):
        return _algebra(sympy.sstr(value))
    return str(value)


def _set(region, name: str, suffix: str) -> str:
    import sympy

    if region.is_empty:
        return "never"
    if region == sympy.S.Reals or region == sympy.S.UniversalSet:
        return f"whatever {name} is"
    if isinstance(region, sympy.Interval):
        return _interval(region, name, suffix)
    if isinstance(region, sympy.Union):
        return " or ".join(_set(part, name, suffix) for part in region.args)
    if isinstance(region, sympy.FiniteSet):
        return f"{name} = " + " or ".join(number_in_words(v) + suffix for v in region)
    symbol = sympy.Symbol(name)
    try:
        return _algebra(sympy.sstr(region.as_relational(symbol)))
    except (NotImplementedError, TypeError, AttributeError):
        return "for some values of " + name  # a set sympy cannot state as a condition


def _interval(region, name: str, suffix: str) -> str:
    import sympy

    low, high = region.start, region.end
    below = "<" if region.right_open else "≤"
    above = ">" if region.left_open else "≥"
    if low == -sympy.oo and high == sympy.oo:
        return f"whatever {name} is"
    if low == -sympy.oo:
        return f"{name} {below} {number_in_words(high)}{suffix}"
    if high == sympy.oo:
        return f"{name} {above} {number_in_words(low)}{suffix}"
    if low == high:
        return f"{name} = {number_in_words(low)}{suffix}"
    left = "<" if region.left_open else "≤"
    return f"{number_in_words(low)}{suffix} {left} {name} {below} {number_in_words(high)}{suffix}"


def _algebra(text: str) -> str:
    """sympy's string form of a condition with the logic and relations a reader expects."""
    for code, sign in _RELATIONS.items():
        text = text.replace(f" {code} ", f" {sign} ")
    text = text.replace(" & ", " and ").replace(" | ", " or ").replace("**", "^")
    text = re.sub(r"\bEq\(([^,()]+), ([^()]+)\)", r"\1 = \2", text)
    text = re.sub(r"\bNe\(([^,()]+), ([^()]+)\)", r"\1 ≠ \2", text)
    return text.replace("oo", "∞")
