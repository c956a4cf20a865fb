"""Arithmetic in scenario files, parsed by a whitelist: numbers, names, + - * / ^, min, max, comparisons.

Nothing in an expression is ever executed as code: the text is tokenised and
parsed by the small grammar below into a tree of tuples, and only that tree
is evaluated. There is no ``eval``, ``exec``, ``sympify`` or ``parse_expr``,
no attribute access, no calls except ``min`` and ``max``, and no names except
the scenario's parameters (and a deal's variable).

Grammar (lowest precedence first)::

    comparison := sum [("<" | "<=" | ">" | ">=" | "==" | "!=") sum]
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/" | "×" | "÷") unary)*
    unary      := ("-" | "+") unary | power
    power      := atom [("^" | "**") unary]
    atom       := number | name | ("min" | "max") "(" comparison ("," comparison)* ")" | "(" comparison ")"

Numbers are exact: ``0.3`` is the fraction 3/10 and ``2/5`` is the fraction
2/5, so a file whose parameters are integers or fractions gives an exact game.
A comparison is 1 when true and 0 when false.

Costs are bounded before they are paid: a literal beyond 10^±400 is refused
before it is expanded (``1e999999999``); an exact power is refused when its
result would pass 4096 bits; a fractional power is a float; every exact
intermediate value stays under 4096 bits. Sums and products are flat, so no
recursion follows the length of the input, only its nesting (at most 40).

Examples
--------
>>> from negotiation.io.expressions import parse
>>> cost = parse("-(tariff + 0.5 * retaliation)")
>>> sorted(cost.names)
['retaliation', 'tariff']
>>> cost.evaluate({"tariff": 30, "retaliation": 5})
Fraction(-65, 2)
>>> parse("max(0, pledge - cap)").evaluate({"pledge": 80, "cap": 50})
30
>>> parse("__import__('os')")
Traceback (most recent call last):
...
negotiation.errors.ExpressionError: unknown name '__import__' at character 1 of "__import__('os')": names must be parameters
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

from ..errors import ExpressionError

__all__ = ["Expression", "parse", "MAX_LENGTH", "MAX_DEPTH"]

MAX_LENGTH = 2000  # characters in one expression
MAX_DEPTH = 40  # nesting of parentheses and operators
MAX_EXPONENT = 1000  # |n| in x^n, so that 10^10^10 cannot run for hours
MAX_MAGNITUDE = 1e300
MAX_DECIMAL_DIGITS = 400  # a literal's size: 10^±400 at most, checked before it is built
MAX_BITS = 4096  # numerator and denominator of any exact intermediate value (about 10^1233)

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|<=|>=|==|!=|[-+*/^×÷<>(),]))"
)
_FUNCTIONS = {"min": min, "max": max}
_COMPARE = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
            ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its text, its tree, and the names it uses."""

    text: str
    tree: tuple
    names: frozenset

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """The value, with ``values`` for the names (int, float, Fraction or numpy arrays)."""
        missing = self.names - set(values)
        if missing:
            raise ExpressionError(f"{_short(self.text)} uses {', '.join(sorted(missing))}, which has no value")
        try:
            result = _evaluate(self.tree, values, self.text)
        except ZeroDivisionError:
            raise ExpressionError(f"{_short(self.text)} divides by zero at these values") from None
        except OverflowError:
            raise ExpressionError(f"{_short(self.text)} overflows at these values") from None
        return _checked(result, self.text)

    def to_sympy(self, symbols: Mapping[str, Any] | None = None):
        """The same expression built from sympy objects (for thresholds), never from text."""
        import sympy

        table = dict(symbols or {})
        for name in self.names:
            table.setdefault(name, sympy.Symbol(name, real=True))
        return _evaluate(self.tree, table, self.text, sympy_mode=True)

    def __str__(self) -> str:
        return self.text


def parse(text: str, names: frozenset | set | None = None) -> Expression:
    """Parse ``text``; with ``names``, every name used must be one of them."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float, Fraction)):
        raise ExpressionError(f"an expression is text or a number, got {type(text).__name__}")
    if not isinstance(text, str):
        return _number_expression(text)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression has {len(text)} characters; the limit is {MAX_LENGTH}")
    tokens = _tokenise(text)
    parser = _Parser(text, tokens)
    tree = parser.comparison(0)
    if parser.position < len(tokens):
        kind, value, at = tokens[parser.position]
        raise parser.error(f"unexpected {value!r}", at)
    used = frozenset(_names(tree))
    if names is not None:
        unknown = sorted(used - set(names))
        if unknown:
            known = ", ".join(sorted(names)) or "none"
            raise ExpressionError(f"{_short(text)} uses {', '.join(unknown)}, which is not a parameter (known: {known})")
    return Expression(text, tree, used)


def _number_expression(value) -> Expression:
    if isinstance(value, float) and not math.isfinite(value):
        raise ExpressionError(f"numbers must be finite, got {value!r}")
    number = Fraction(value) if isinstance(value, int) else value
    return Expression(str(value), ("num", int(number) if isinstance(value, int) else number), frozenset())


def _tokenise(text: str) -> list[tuple[str, str, int]]:
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            at = position + len(text[position:]) - len(text[position:].lstrip())
            raise ExpressionError(
                f"unexpected character {text[at]!r} at character {at + 1} of {_short(text)}: "
                "expressions allow numbers, parameter names, + - * / ^, parentheses, min, max and comparisons")
        kind = match.lastgroup
        if kind == "name" and match.group(kind).startswith("_"):
            raise ExpressionError(f"unknown name {match.group(kind)!r} at character {match.start(kind) + 1} "
                                  f"of {_short(text)}: names must be parameters")
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str, tokens: list):
        self.text, self.tokens, self.position = text, tokens, 0

    def error(self, message: str, at: int | None = None) -> ExpressionError:
        where = f" at character {at + 1}" if at is not None else " at the end"
        return ExpressionError(f"{message}{where} of {_short(self.text)}")

    def peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self) -> tuple:
        if self.position >= len(self.tokens):
            raise self.error("the expression ends too soon")
        token = self.tokens[self.position]
        self.position += 1
        return token

    def deeper(self, depth: int) -> int:
        if depth >= MAX_DEPTH:
            raise ExpressionError(f"{_short(self.text)} nests deeper than {MAX_DEPTH} levels")
        return depth + 1

    def comparison(self, depth: int) -> tuple:
        depth = self.deeper(depth)
        left = self.sum(depth)
        if self.peek() in _COMPARE:
            operator = self.take()[1]
            left = ("cmp", operator, left, self.sum(depth))
        return left

    # Sums and products are flat lists of terms, not left-nested pairs: a sum of
    # a thousand terms is one node, and nothing recurses as deep as the input is long.
    def sum(self, depth: int) -> tuple:
        terms = [("+", self.product(depth))]
        while self.peek() in ("+", "-"):
            operator = self.take()[1]
            terms.append((operator, self.product(depth)))
        return terms[0][1] if len(terms) == 1 else ("sum", tuple(terms))

    def product(self, depth: int) -> tuple:
        factors = [("*", self.unary(depth))]
        while self.peek() in ("*", "/", "×", "÷"):
            symbol = self.take()[1]
            factors.append(({"×": "*", "÷": "/"}.get(symbol, symbol), self.unary(depth)))
        return factors[0][1] if len(factors) == 1 else ("product", tuple(factors))

    def unary(self, depth: int) -> tuple:
        if self.peek() in ("-", "+"):
            operator = self.take()[1]
            inner = self.unary(self.deeper(depth))
            return ("neg", inner) if operator == "-" else inner
        return self.power(depth)

    def power(self, depth: int) -> tuple:
        base = self.atom(depth)
        if self.peek() in ("^", "**"):
            self.take()
            return ("^", base, self.unary(self.deeper(depth)))
        return base

    def atom(self, depth: int) -> tuple:
        kind, value, at = self.take()
        if kind == "number":
            return ("num", _exact(value))
        if kind == "name":
            if self.peek() == "(":
                if value not in _FUNCTIONS:
                    raise self.error(f"unknown function {value!r}; only min and max are allowed", at)
                self.take()
                arguments = [self.comparison(self.deeper(depth))]
                while self.peek() == ",":
                    self.take()
                    arguments.append(self.comparison(self.deeper(depth)))
                self._close(at)
                return ("call", value, tuple(arguments))
            if value in _FUNCTIONS:
                raise self.error(f"{value} needs arguments in parentheses", at)
            return ("name", value)
        if value == "(":
            inner = self.comparison(self.deeper(depth))
            self._close(at)
            return inner
        raise self.error(f"unexpected {value!r}", at)

    def _close(self, opened_at: int) -> None:
        if self.peek() != ")":
            raise self.error(f"the parenthesis at character {opened_at + 1} is not closed",
                             self.tokens[self.position][2] if self.position < len(self.tokens) else None)
        self.take()


_LITERAL = re.compile(r"(?P<digits>\d*)(?:\.(?P<decimals>\d*))?(?:[eE](?P<exponent>[+-]?\d+))?")


def _exact(text: str) -> Any:
    """A literal as an exact number, its size checked before it is built (``1e999999999`` is refused)."""
    match = _LITERAL.fullmatch(text)
    digits, decimals = match.group("digits") or "", match.group("decimals") or ""
    exponent_text = (match.group("exponent") or "0").lstrip("+-").lstrip("0") or "0"
    if len(exponent_text) > 6:
        raise ExpressionError(f"the number {_short(text)} is too large or too small to use")
    exponent = int(match.group("exponent") or 0)
    significant = (digits + decimals).lstrip("0")
    scale = exponent + len(digits.lstrip("0")) if digits.lstrip("0") else exponent - (len(decimals) - len(decimals.lstrip("0")))
    if significant and abs(scale) > MAX_DECIMAL_DIGITS:
        raise ExpressionError(f"the number {_short(text)} is beyond the usable 10^±{MAX_DECIMAL_DIGITS}")
    if len(digits) + len(decimals) + abs(exponent) > 4 * MAX_DECIMAL_DIGITS:
        raise ExpressionError(f"the number {_short(text)} has too many digits to use exactly")
    return _normal(Fraction(text))


def _normal(value: Any) -> Any:
    """Whole fractions as ints, so that ``4/2`` prints as 2 and counts as an integer exponent."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    return value


def _names(tree: tuple):
    stack = [tree]
    while stack:  # iterative: no recursion follows the input
        node = stack.pop()
        kind = node[0]
        if kind == "name":
            yield node[1]
        elif kind == "call":
            stack.extend(node[2])
        elif kind in ("sum", "product"):
            stack.extend(child for _, child in node[1])
        elif kind != "num":
            stack.extend(child for child in node[1:] if isinstance(child, tuple))


def _evaluate(tree: tuple, values: Mapping[str, Any], text: str, sympy_mode: bool = False) -> Any:
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "name":
        return values[tree[1]]
    if kind == "neg":
        return -_evaluate(tree[1], values, text, sympy_mode)
    if kind == "call":
        arguments = [_evaluate(a, values, text, sympy_mode) for a in tree[2]]
        if sympy_mode:
            import sympy

            return (sympy.Min if tree[1] == "min" else sympy.Max)(*arguments)
        return _FUNCTIONS[tree[1]](arguments) if len(arguments) > 1 else arguments[0]
    if kind == "cmp":
        left, right = (_evaluate(t, values, text, sympy_mode) for t in tree[2:])
        if sympy_mode:
            import sympy

            return sympy.Piecewise((1, _COMPARE[tree[1]](left, right)), (0, True))
        return 1 if _COMPARE[tree[1]](left, right) else 0
    if kind in ("sum", "product"):
        result = None
        for operator, child in tree[1]:
            value = _evaluate(child, values, text, sympy_mode)
            result = value if result is None and operator in "+*" else _apply(operator, result, value, text)
        return result
    left, right = (_evaluate(t, values, text, sympy_mode) for t in tree[1:])
    return _power(left, right, text, sympy_mode)


def _apply(operator: str, left: Any, right: Any, text: str) -> Any:
    if operator == "+":
        result = left + right
    elif operator == "-":
        result = (0 if left is None else left) - right
    elif operator == "*":
        result = left * right
    elif _rational(left) and _rational(right):
        result = Fraction(left) / Fraction(right)  # 2/5 is exactly 2/5, not 0.4
    else:
        result = left / right
    return _bounded(_normal(result), text)


def _rational(value: Any) -> bool:
    return isinstance(value, (int, Fraction)) and not isinstance(value, bool)


def _bounded(value: Any, text: str) -> Any:
    """Refuse exact numbers whose numerator or denominator outgrow ``MAX_BITS``, so each step stays cheap."""
    if _rational(value):
        exact = Fraction(value)
        if max(exact.numerator.bit_length(), exact.denominator.bit_length()) > MAX_BITS:
            raise ExpressionError(f"{_short(text)} gives a number too large to use exactly")
    return value


def _power(base: Any, exponent: Any, text: str, sympy_mode: bool) -> Any:
    if not sympy_mode:
        try:
            too_big = abs(float(exponent)) > MAX_EXPONENT
        except (TypeError, OverflowError):
            too_big = True
        if too_big:
            raise ExpressionError(f"{_short(text)}: exponents are limited to ±{MAX_EXPONENT}")
        exponent = _normal(exponent)
        if isinstance(exponent, Fraction):
            exponent = float(exponent)  # a root: not exact, and never an exact power of unbounded size
        if _rational(base) and isinstance(exponent, int) and base != 0:
            exact = Fraction(base)
            bits = max(exact.numerator.bit_length(), exact.denominator.bit_length())
            if bits * abs(exponent) > MAX_BITS:  # refused before it is computed
                raise ExpressionError(f"{_short(text)} gives a number too large to use")
        if base == 0 and exponent < 0:
            raise ZeroDivisionError
        if isinstance(base, (int, Fraction)) and not isinstance(exponent, (int, Fraction)) and base < 0:
            raise ExpressionError(f"{_short(text)}: a negative number to a fractional power")
    return base ** exponent


def _short(text: str) -> str:
    """The expression as quoted in messages: long ones cut to their first 60 characters."""
    return repr(text) if len(text) <= 60 else repr(text[:60]) + "..."


def _checked(result: Any, text: str) -> Any:
    try:
        magnitude = abs(float(result))
    except (TypeError, ValueError):
        return result  # numpy arrays are checked element-wise below
    except OverflowError:
        raise ExpressionError(f"{_short(text)} gives a number too large to use") from None
    if math.isnan(magnitude) or magnitude > MAX_MAGNITUDE:
        raise ExpressionError(f"{_short(text)} gives {float(result):.3g}, beyond the usable ±{MAX_MAGNITUDE:g}")
    return result
