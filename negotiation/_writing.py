"""Writing output files safely: checked before any work, written atomically.

A path is checked when a command starts (the folder exists and is writable,
the target is not a folder or a device), so that a long computation does not
end in "no such directory". The text goes to a temporary file in the same
folder, then ``os.replace`` puts it in place: a reader never sees half a file,
and two writers never leave a mixture of both.
"""

from __future__ import annotations

import os
import tempfile

from .errors import ParameterError

__all__ = ["write_text", "check_output_path"]


def check_output_path(path: str | os.PathLike) -> str:
    """Refuse an output path that cannot be written, before any work is done."""
    try:
        name = os.fspath(path)
    except TypeError:
        raise ParameterError(f"an output file name is text or a path, got {type(path).__name__}") from None
    if "\0" in name or not name:
        raise ParameterError("the output file name is empty or contains a NUL character")
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):
        raise ParameterError(f"cannot write {name}: the folder {folder} does not exist")
    if os.path.isdir(name):
        raise ParameterError(f"cannot write {name}: it is a folder")
    if os.path.exists(name) and not os.path.isfile(name):
        raise ParameterError(f"cannot write {name}: it is not a regular file")
    if not os.access(folder, os.W_OK):
        raise ParameterError(f"cannot write {name}: the folder {folder} is not writable")
    return name


def write_text(path: str | os.PathLike, text: str | bytes) -> None:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then ``os.replace``."""
    name = check_output_path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = os.path.dirname(os.path.abspath(name))
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    except OSError as exc:
        raise ParameterError(f"cannot write {name}: {exc.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); give it the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, name)
    except OSError as exc:
        _remove(temporary)
        raise ParameterError(f"cannot write {name}: {exc.strerror}") from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        return
