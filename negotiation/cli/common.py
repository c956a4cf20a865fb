"""What every command shares: safe printing, --set parsing, scenario loading and output files."""

from __future__ import annotations

import os
import re
import sys

__all__ = ["emit", "fail", "quiet_broken_pipe", "terminal_safe", "short", "overrides", "value_lists", "number",
           "add_scenario_arguments", "scenario", "write_output", "check_output", "workers", "add_workers_argument",
           "check_workers", "MAX_WORKERS"]

MAX_MESSAGE = 400  # characters of an error message shown; the rest is cut, never echoed whole
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without control characters (escape sequences, bidi overrides); newlines and tabs stay."""
    return _CONTROL.sub("", text)


def short(text: str, limit: int = 60) -> str:
    """A value as quoted in messages: repr'd, and cut to ``limit`` characters."""
    quoted = repr(text)
    return quoted if len(quoted) <= limit else quoted[: limit - 4] + "...'"


def emit(text: str = "", end: str = "\n") -> None:
    """Print to stdout with control characters removed (labels come from untrusted files)."""
    sys.stdout.write(terminal_safe(text) + end)


def fail(message: str, status: int = 2) -> int:
    message = terminal_safe(" ".join(message.split()))
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 30] + f" ... ({len(message)} characters)"
    print(f"negotiation: error: {message}", file=sys.stderr)
    return status


def quiet_broken_pipe() -> int:
    """The reader went away (``... | head``): stop quietly, and keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it): nothing to silence
    return 141


# ---------------------------------------------------------------------- --set
def add_scenario_arguments(parser, values: str = "NAME=VALUE", help_text: str = "override a scenario parameter "
                           "(repeatable)", required: bool = False) -> None:
    parser.add_argument("--set", metavar=values, action="append", default=[] if not required else None,
                        required=required, help=help_text)
    parser.add_argument("--trust-python", action="store_true",
                        help="allow a .py scenario file: loading it runs its code")


def scenario(args, name: str, **values):
    """The scenario ``name``, bound to ``values``, refusing .py files unless --trust-python."""
    from ..catalog import load_scenario

    return load_scenario(name, trust_python=getattr(args, "trust_python", False), **values)


def overrides(settings) -> dict:
    return {name: number(text, name) for name, text in _settings(settings, "NAME=VALUE")}


def value_lists(settings) -> dict:
    return {name: [number(t, name) for t in text.split(",") if t.strip()]
            for name, text in _settings(settings, "NAME=V1,V2,...")}


def _settings(settings, form: str):
    """``(name, text)`` for each ``--set NAME=...`` given, refusing any without a name or a value."""
    from ..errors import ParameterError

    for item in settings or ():
        name, _, text = item.partition("=")
        if not name.strip() or not text:
            raise ParameterError(f"--set needs {form}, got {short(item)}")
        yield name.strip(), text


def number(text: str, name: str):
    """A finite number from the command line: an integer, a fraction like 2/5, or a decimal."""
    import math
    from fractions import Fraction

    from ..errors import ParameterError

    bad = ParameterError(f"the value of {short(name, 40)} must be a number (finite, at most 400 digits), "
                         f"got {short(text)}")
    stripped = text.strip()
    if len(stripped) > 400:
        raise bad
    try:
        if re.fullmatch(r"[+-]?\d+", stripped):
            return int(stripped)
        if "/" in stripped:
            return Fraction(stripped)
        value = float(stripped)
    except (ValueError, ZeroDivisionError):
        raise bad from None
    if not math.isfinite(value):
        raise bad
    return value


# ---------------------------------------------------------------------- worker processes
MAX_WORKERS = 256


def add_workers_argument(parser, what: str = "the points") -> None:
    parser.add_argument("--workers", type=int, default=0, help=f"processes to solve {what} with (default: this "
                        "process)")


def check_workers(count: int) -> int:
    from ..errors import ParameterError

    if not 0 <= count <= MAX_WORKERS:
        raise ParameterError(f"--workers must be from 0 to {MAX_WORKERS}, got {count}")
    return count


class workers:
    """A process pool of ``count`` workers for the duration of a ``with`` block, or None for this process."""

    def __init__(self, count: int):
        self.count = check_workers(count)
        self.pool = None

    def __enter__(self):
        if self.count > 0:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.count)
        return self.pool

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        return False


# ---------------------------------------------------------------------- output
def check_output(path: str | None, suffixes: tuple[str, ...] = ()) -> str | None:
    """Check an output path before any work: its folder exists and is writable, its suffix fits."""
    if path is None:
        return None
    from .._writing import check_output_path
    from ..errors import ParameterError

    if suffixes and not path.lower().endswith(suffixes):
        raise ParameterError(f"the output file must end in {', '.join(suffixes)}, got {short(path)}")
    return check_output_path(path)


def write_output(text: str | bytes, path: str | None, what: str = "") -> None:
    """Print ``text``, or write it atomically to ``path`` and say so."""
    if path is None:
        emit(text if isinstance(text, str) else text.decode(), end="")
        return
    from .._writing import write_text

    write_text(path, text)
    emit(f"{what + ' ' if what else ''}written to {path}")


def exit_status(result) -> int:
    """0 for a complete result; else say why on stderr: 130 after Ctrl-C, 3 after a timeout."""
    if result.complete:
        return 0
    import sys

    print(f"negotiation: incomplete: {result.message}", file=sys.stderr)
    return 130 if "interrupted" in result.message else 3
