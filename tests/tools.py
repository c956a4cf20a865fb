"""External programs some tests need (pdflatex, Chromium): use them where installed.

`.ci/run` installs them and sets NEGOTIATION_REQUIRE_TOOLS, so there a missing
tool fails the test; on a developer's machine without it the test is skipped,
saying how to get it.
"""

import os
import shutil

import pytest


def require_tool(*names: str) -> list[str]:
    """The paths of ``names``; fail (in CI) or skip (elsewhere) when one is missing."""
    paths = [shutil.which(name) for name in names]
    missing = [name for name, path in zip(names, paths) if path is None]
    if missing:
        message = f"{', '.join(missing)} not installed; .ci/run installs it"
        if os.environ.get("NEGOTIATION_REQUIRE_TOOLS"):
            pytest.fail(message + ", and NEGOTIATION_REQUIRE_TOOLS says it must be here")
        pytest.skip(message)
    return paths
