"""Time budgets and Ctrl-C for long computations: stop cleanly, keep what was found.

A :class:`Deadline` is checked between steps of a long loop. Inside
``with deadline.interruptible():`` a Ctrl-C (KeyboardInterrupt) ends the loop
instead of the program; the caller then returns its partial result marked
incomplete, with :attr:`Deadline.reason` saying why.

Examples
--------
>>> from negotiation.budget import Deadline
>>> deadline = Deadline(None)
>>> with deadline.interruptible():
...     for step in range(3):
...         if deadline.passed():
...             break
>>> deadline.reason
''
"""

from __future__ import annotations

import contextlib
import math
import time

from .errors import ParameterError

__all__ = ["Deadline", "progress_bar"]


class Deadline:
    """A wall-clock budget (``seconds`` may be None: no limit) and a record of why work stopped."""

    def __init__(self, seconds: float | None):
        if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float))
                                    or not math.isfinite(seconds) or seconds <= 0):
            raise ParameterError(f"timeout must be a positive number of seconds, got {seconds!r}")
        self.seconds = seconds
        self.end = None if seconds is None else time.monotonic() + seconds
        self.reason = ""

    def passed(self) -> bool:
        """True (and the reason recorded) once the time is up or the user interrupted."""
        if self.reason:
            return True
        if self.end is not None and time.monotonic() > self.end:
            self.reason = f"stopped at the timeout of {self.seconds:g} s"
        return bool(self.reason)

    @property
    def interrupted(self) -> bool:
        return self.reason.startswith("interrupted")

    @contextlib.contextmanager
    def interruptible(self):
        """Turn a Ctrl-C inside the block into a clean stop."""
        try:
            yield self
        except KeyboardInterrupt:
            self.reason = "interrupted (Ctrl-C)"


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        """Progress is not shown for short runs or when it was turned off."""


def progress_bar(total: int, show: bool, unit: str):
    """A tqdm bar when ``show`` (and tqdm is installed), else a silent stand-in."""
    if not show:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a convenience; the work does not need it
        return _NoBar()
    return tqdm(total=total, unit=unit, leave=False)
