"""Doctests in the docs run in a fresh temporary directory, so files they write vanish."""

import pytest


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
