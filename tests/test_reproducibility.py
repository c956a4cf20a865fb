"""Reproducibility: the same input gives byte-identical JSON; randomness is seeded; results say who made them."""

import json
import os
import subprocess
import sys
import warnings

import pytest

import negotiation as ng


def _run(args, seed):
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    return subprocess.run([sys.executable, "-m", "negotiation.cli", *args], capture_output=True, env=env,
                          check=True, timeout=300).stdout


@pytest.mark.parametrize("args", [["solve", "--all", "--json"], ["solve", "--example", "chicken", "--exact", "--json"],
                                  ["compare", "tariff_standoff", "--set", "backdown_cost=5,40", "--json"]])
def test_json_output_is_byte_identical_across_runs(args):
    first, second = _run(args, 1), _run(args, 2)
    assert first == second and len(first) > 100


def test_sampled_sweeps_and_monte_carlo_are_seeded():
    ranges = {"us_reservation": (50, 200), "divertible": (20, 60)}
    a = ng.sweep("purchase_pledges", samples=50, ranges=ranges, progress=False)
    b = ng.sweep("purchase_pledges", samples=50, ranges=ranges, progress=False)
    c = ng.sweep("purchase_pledges", samples=50, ranges=ranges, progress=False, seed=1)
    assert a.rows == b.rows and a.rows != c.rows
    spec = {"us_reservation": ("uniform", 50, 200)}
    assert str(ng.monte_carlo("purchase_pledges", spec, draws=40, progress=False)) == str(
        ng.monte_carlo("purchase_pledges", spec, draws=40, progress=False))


def _dicts(value):
    if isinstance(value, dict):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _dicts(item)


@pytest.mark.parametrize("name", ng.list_scenarios())
def test_every_result_records_version_and_method(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = ng.load_scenario(name).report().to_dict()
    assert data["version"] == ng.__version__
    for title, section in data["sections"].items():
        if title in ("matrix game", "threshold"):
            continue  # a game and a symbolic condition, not a computed result
        for result in _dicts(section):
            assert result.get("version") == ng.__version__ and result.get("method"), (title, sorted(result))
    json.dumps(data, default=str)
