"""Budgets: large enumerations are refused up front; timeouts and Ctrl-C return partial results."""

import os
import re
import select
import signal
import subprocess
import sys
import time
import warnings

import numpy as np
import pytest
from hypothesis import given

import negotiation as ng
from negotiation import errors
from negotiation.solvers.enumeration import DEFAULT_MAX_WORK, enumeration_work, upper_bound_vertices
from negotiation.solvers.polytope import best_response_polytopes
from tests.strategies import games


@given(games(max_size=6, integers=False))
def test_the_work_bound_holds_the_real_vertex_counts(game):
    m, n = game.shape
    P, Q = best_response_polytopes(*(np.asarray(a, float) for a in game.payoffs))
    assert len(P.vertices) <= upper_bound_vertices(m, m + n)
    assert len(Q.vertices) <= upper_bound_vertices(n, m + n)


@pytest.mark.parametrize("shape", [(17, 17), (8, 200), (300, 12)])
def test_large_enumerations_are_refused_before_any_work(shape):
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.from_arrays(rng.random(shape), rng.random(shape))
    assert enumeration_work(game) > DEFAULT_MAX_WORK
    started = time.perf_counter()
    with pytest.raises(errors.BudgetError, match="estimated work .* max_work=.*lemke_howson"):
        ng.all_equilibria(game)
    assert time.perf_counter() - started < 1.0  # refused, not attempted


@pytest.mark.parametrize("shape", [(5, 80), (2, 1000)])
def test_tall_games_within_the_short_side_budget_are_solved(shape):
    """Refused before the short-side path existed (both polytopes' work); now within budget and complete."""
    rng = np.random.default_rng(0)
    game = ng.NormalFormGame.from_arrays(rng.random(shape), rng.random(shape))
    assert enumeration_work(game) > DEFAULT_MAX_WORK
    result = ng.all_equilibria(game)
    assert result.complete and not result.degenerate and len(result) % 2 == 1
    assert all(ng.is_nash(game, eq.profile, tol=1e-9) for eq in result)


def test_a_raised_budget_is_honoured():
    game = ng.NormalFormGame.from_arrays(np.eye(6), np.eye(6))
    with pytest.raises(errors.BudgetError):
        ng.all_equilibria(game, max_work=10)
    assert len(ng.all_equilibria(game, max_work=enumeration_work(game))) > 0


def coordination(k):
    """k×k coordination: 2^k - 1 equilibria, every support."""
    return ng.NormalFormGame.from_arrays(np.eye(k), np.eye(k))


def test_timeout_returns_partial_equilibria_marked_incomplete():
    game = coordination(7)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = ng.all_equilibria(game, exact=True)
        partial = ng.all_equilibria(game, exact=True, timeout=1e-9)
    assert full.complete and len(full) == 2 ** 7 - 1
    assert not partial.complete and "timeout" in partial.message
    assert {e._key() for e in partial} <= {e._key() for e in full}
    with pytest.raises(errors.ParameterError, match="timeout"):
        ng.all_equilibria(game, timeout=-1)


def test_sweep_timeout_keeps_the_rows_done():
    grid = {"backdown_cost": list(np.linspace(0, 60, 2000))}
    table = ng.sweep("tariff_standoff", grid=grid, progress=False, timeout=0.05)
    assert not table.complete and 0 < len(table) < 2000
    assert "timeout" in table.message and "of 2000 points" in table.message


def test_ctrl_c_stops_a_sweep_and_keeps_the_rows(tmp_path):
    out = tmp_path / "rows.csv"
    command = [sys.executable, "-m", "negotiation.cli", "sweep", "tariff_standoff",
               "--grid", "backdown_cost=0:60:200000", "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    seen = b""
    started = time.monotonic()
    done = re.compile(rb"\d+/200000 \[[^]]*\d(point/s|s/point)")  # the progress bar has counted points
    while not done.search(seen) and time.monotonic() - started < 60:
        ready, _, _ = select.select([process.stderr], [], [], 1.0)
        if ready:
            seen += os.read(process.stderr.fileno(), 4096)
    assert done.search(seen), seen[-500:]
    process.send_signal(signal.SIGINT)
    stdout, stderr = (part.decode() for part in process.communicate(timeout=60))
    assert process.returncode == 130, stderr[-500:]
    assert "incomplete: interrupted (Ctrl-C) after" in stderr
    rows = out.read_text().splitlines()
    assert 1 < len(rows) < 200001
    assert f"{len(rows) - 1} rows written" in stdout
