"""Reading a text file safely.

Only regular files (a FIFO would block, ``/dev/zero`` never ends), at most
the limit plus one byte whatever the file system says the size is, UTF-8
only, every failure a :class:`~negotiation.errors.FileFormatError`.
"""

from __future__ import annotations

import os
import stat

from ..errors import FileFormatError

__all__ = ["read_text", "peek_text", "check_text", "json_int", "MAX_DIGITS"]

#: Digits in one integer of a file: far beyond any payoff, and far below Python's 4300-digit
#: conversion limit, whose error would otherwise escape from inside the parser.
MAX_DIGITS = 400


def read_text(path: str | os.PathLike, max_bytes: int) -> str:
    """The file's text, refusing special files and files over ``max_bytes`` bytes."""
    name = _name(path)
    data = _read_bytes(name, max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError("the file is not UTF-8 text", source=name) from None


def _name(path) -> str:
    try:
        name = os.fspath(path)
    except TypeError:
        raise FileFormatError(f"a file name is text or a path, got {type(path).__name__}") from None
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if "\0" in name:
        raise FileFormatError("the file name contains a NUL character", source=repr(name))
    return name


def peek_text(path: str | os.PathLike, count: int) -> str | None:
    """The first ``count`` bytes of a regular file as text, or None where there is no such file."""
    try:
        data = _read_bytes(_name(path), count, truncate=True)
    except FileFormatError:
        return None
    return data.decode("utf-8", errors="replace")


def _read_bytes(name: str, max_bytes: int, truncate: bool = False) -> bytes:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the mode check then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(name, flags)
    except OSError as exc:
        raise FileFormatError(f"cannot read the file ({exc.strerror})", source=name) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise FileFormatError(f"not a regular file (it is {_kind(mode)})", source=name)
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        chunks, remaining = [], max_bytes + 1
        try:
            while remaining > 0:
                chunk = handle.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        except OSError as exc:
            raise FileFormatError(f"cannot read the file ({exc.strerror})", source=name) from None
    data = b"".join(chunks)
    if truncate:
        return data[:max_bytes]
    if len(data) > max_bytes:
        raise FileFormatError(f"the file has more than {max_bytes} bytes; the limit is {max_bytes}", source=name)
    return data


def _kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((text for test, text in kinds if test(mode)), "a special file")


def check_text(text, source: str, max_bytes: int) -> None:
    """Refuse what is not text, or is longer than ``max_bytes`` characters, before any parsing."""
    if not isinstance(text, str):
        raise FileFormatError(f"expected text, got {type(text).__name__}", source=source)
    if len(text) > max_bytes:
        raise FileFormatError(f"the text has {len(text)} characters; the limit is {max_bytes}", source=source)


def json_int(text: str) -> int:
    """``parse_int`` for :func:`json.loads`: integers of at most ``MAX_DIGITS`` digits."""
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"an integer has {len(text.lstrip('-'))} digits; the limit is {MAX_DIGITS}")
    return int(text)
