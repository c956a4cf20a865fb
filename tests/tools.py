"""External programs some tests need (pdflatex, Chromium): use them where installed.

`.ci/run` installs them and sets NEGOTIATION_REQUIRE_TOOLS, so there a missing
tool fails the test; on a developer's machine without it the test is skipped,
saying how to get it.
"""

import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


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


def seeds_dir() -> pathlib.Path:
    """The seed articles: ``NEGOTIATION_SEEDS``, else ``../shared/seeds`` beside the clone.

    A user's clone has neither, so the seed checks skip there, saying why; `.ci/run`
    sets NEGOTIATION_REQUIRE_SEEDS, and there a missing folder fails the test.
    """
    configured = os.environ.get("NEGOTIATION_SEEDS")
    seeds = pathlib.Path(configured) if configured else ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        message = (f"the seed articles are not at {seeds}; set NEGOTIATION_SEEDS to the folder of seed "
                   "articles to check the scenarios' quotes against them")
        if os.environ.get("NEGOTIATION_REQUIRE_SEEDS"):
            pytest.fail(message + " (NEGOTIATION_REQUIRE_SEEDS says they must be here)")
        pytest.skip(message)
    return seeds
