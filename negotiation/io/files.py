"""Reading a text file safely: size limit first, UTF-8 only, every failure a FileFormatError."""

from __future__ import annotations

import os

from ..errors import FileFormatError

__all__ = ["read_text", "check_text"]


def read_text(path: str | os.PathLike, max_bytes: int) -> str:
    """The file's text, refusing files over ``max_bytes`` before reading them."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FileFormatError(f"cannot read the file ({reason})", source=name) from None
    if size > max_bytes:
        raise FileFormatError(f"the file has {size} bytes; the limit is {max_bytes}", source=name)
    try:
        with open(name, encoding="utf-8") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise FileFormatError("the file is not UTF-8 text", source=name) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read the file ({exc.strerror})", source=name) from None


def check_text(text, source: str, max_bytes: int) -> None:
    """Refuse what is not text, or is longer than ``max_bytes`` characters, before any parsing."""
    if not isinstance(text, str):
        raise FileFormatError(f"expected text, got {type(text).__name__}", source=source)
    if len(text) > max_bytes:
        raise FileFormatError(f"the text has {len(text)} characters; the limit is {max_bytes}", source=source)
