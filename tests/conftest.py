"""Shared test settings: hypothesis profiles, and the fuzz counts printed at the end of a run.

``HYPOTHESIS_PROFILE=ci`` runs every property test longer; ``HYPOTHESIS_PROFILE=fuzz``
runs the fuzz tests (``-m fuzz``) for minutes.
"""

import collections
import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_FUZZ = dict(max_examples=4000, deadline=None,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
# CI replays the same inputs every run (derandomised), so a red build is always reproducible;
# "fuzz-explore" draws new ones, for hunting.
settings.register_profile("fuzz", derandomize=True, **_FUZZ)
settings.register_profile("fuzz-explore", **_FUZZ)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: What the fuzz tests saw: inputs tried, and how each ended.
FUZZ_COUNTS: collections.Counter = collections.Counter()


def pytest_terminal_summary(terminalreporter):
    if FUZZ_COUNTS:
        parts = ", ".join(f"{key} {value}" for key, value in sorted(FUZZ_COUNTS.items()))
        terminalreporter.write_line(f"fuzz: {parts}")
