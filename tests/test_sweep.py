"""Sweeps, tornado and Monte Carlo: grids, seeds, executors, a real Dask cluster, CSV."""

import csv
from concurrent.futures import ProcessPoolExecutor

import pytest

import negotiation as ng
from negotiation import errors


def test_grid_sweep_over_a_scenario():
    table = ng.sweep("purchase_pledges", grid={"us_reservation": [20, 60], "divertible": [30, 60]}, progress=False)
    assert len(table) == 4
    assert table.column("deal_exists") == [True, True, False, True]
    assert table.names[:2] == ["us_reservation", "divertible"]


def test_function_target_and_csv(tmp_path):
    table = ng.sweep(lambda a, b: {"sum": a + b}, grid={"a": [1, 2], "b": [10]}, progress=False)
    assert table.column("sum") == [11, 12]
    path = tmp_path / "out.csv"
    table.to_csv(path)
    rows = list(csv.DictReader(open(path)))
    assert rows[1] == {"a": "2", "b": "10", "sum": "12"}


def test_random_samples_are_seeded():
    one = ng.sweep("purchase_pledges", samples=20, ranges={"divertible": (20, 60)}, seed=3, progress=False)
    two = ng.sweep("purchase_pledges", samples=20, ranges={"divertible": (20, 60)}, seed=3, progress=False)
    assert one.rows == two.rows


def test_monte_carlo_probability_and_error():
    """With a reservation of 50, a deal exists iff diversion plus the headroom of 10 reaches 50: with the
    diversion pool uniform on [20, 60] that is (60 - 40) / 40 = 0.5."""
    bound = ng.load_scenario("purchase_pledges", us_reservation=50)
    mc = ng.monte_carlo(bound, {"divertible": ("uniform", 20, 60)}, draws=2000, seed=7, progress=False)
    p, se = mc.probability("deal_exists"), mc.standard_error("deal_exists")
    assert abs(p - 0.5) < 4 * se
    assert "standard error" in str(mc)


def test_tornado_orders_by_swing():
    result = ng.tornado("enforcement", "p_survives_year")
    swings = {name: abs(hi - lo) for name, lo, hi in result.bars}
    assert list(swings.values()) == sorted(swings.values(), reverse=True)
    assert swings["award"] == 0 and swings["hazard"] > 0  # an MOU has no arbitration award


def test_process_pool_gives_the_same_table():
    grid = {"us_reservation": list(range(0, 200, 5))}
    local = ng.sweep("purchase_pledges", grid=grid, progress=False)
    with ProcessPoolExecutor(2) as pool:
        remote = ng.sweep("purchase_pledges", grid=grid, executor=pool, progress=False)
    assert remote.rows == local.rows


def test_dask_local_cluster_gives_the_same_table():
    import distributed
    grid = {"us_hazard": [0.1, 0.3, 0.5, 0.7], "china_hazard": [0.05, 0.1]}
    local = ng.sweep("march_deadline", grid=grid, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            remote = ng.sweep("march_deadline", grid=grid, executor=client.get_executor(), progress=False)
    assert remote.rows == local.rows


def test_errors():
    with pytest.raises(errors.ParameterError, match="unknown parameter"):
        ng.sweep("purchase_pledges", grid={"pledge_size": [1]}, progress=False)
    with pytest.raises(errors.ParameterError, match="outside its plausible range"):
        ng.sweep("purchase_pledges", grid={"divertible": [1000]}, progress=False)
    with pytest.raises(errors.ParameterError, match="grid"):
        ng.sweep("purchase_pledges", progress=False)
    with pytest.raises(errors.ParameterError, match="unknown distribution"):
        ng.monte_carlo("purchase_pledges", {"divertible": ("cauchy", 0, 1)}, draws=5, progress=False)


def test_symbolic_target_is_evaluated_in_one_vectorised_call():
    """The same table as the numeric deal range point by point."""
    import sympy

    pledge, capacity, demand = sympy.symbols("pledge capacity demand", positive=True)
    zone = ng.symbolic_deal_range({"U.S.": pledge - demand, "China": capacity - pledge},
                                  {"U.S.": 0, "China": 0}, variable="pledge")
    table = ng.sweep(zone, grid={"capacity": [50, 150], "demand": [100, 120]}, progress=False)
    assert table.column("exists") == [False, False, True, True]
    for row in table.rows:
        numeric = ng.deal_range({"U.S.": lambda p, d=row["demand"]: p - d,
                                 "China": lambda p, c=row["capacity"]: c - p},
                                {"U.S.": 0, "China": 0}, bounds=(0, 300))
        assert numeric.empty == (not row["exists"])
    with pytest.raises(errors.ParameterError, match="needs values for demand"):
        ng.sweep(zone, grid={"capacity": [1]}, progress=False)
