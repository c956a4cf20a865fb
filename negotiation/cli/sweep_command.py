"""``negotiation sweep``: a scenario's metrics over a grid of parameter values, as a CSV table."""

from __future__ import annotations

from .common import add_workers_argument, check_output, check_workers, emit, exit_status, number, short, workers

HELP = "a scenario over a grid of parameter values, written as a CSV table"
DESCRIPTION = ("Evaluate a scenario's metrics (or its teaching answers) at every point of a grid. "
               "Every argument is checked before the work starts.")


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name or scenario file")
    parser.add_argument("--grid", metavar="NAME=START:STOP:COUNT", action="append", required=True,
                        help="COUNT evenly spaced values from START to STOP (repeatable: every combination; "
                        "at most a million points in all)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the table as CSV (default: print it)")
    add_workers_argument(parser, "the grid")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="stop after this long and keep the rows done (exit status 3); Ctrl-C does the same "
                        "(exit status 130)")
    parser.add_argument("--trust-python", action="store_true",
                        help="allow a .py scenario file: loading it runs its code")


def grid(items) -> dict:
    """``{name: values}`` from ``--grid NAME=START:STOP:COUNT`` items, each checked."""
    import numpy as np

    from ..analysis.sweep import grid_points
    from ..errors import ParameterError

    values = {}
    for item in items:
        name, _, spec = item.partition("=")
        parts = spec.split(":")
        if not name.strip() or len(parts) != 3:
            raise ParameterError(f"--grid needs NAME=START:STOP:COUNT, got {short(item)}")
        start, stop = (float(number(part, name)) for part in parts[:2])
        count = number(parts[2], f"{name}'s COUNT")
        if not isinstance(count, int) or count < 1:
            raise ParameterError(f"the COUNT of --grid {short(name, 40)} must be a positive whole number, "
                                 f"got {short(parts[2])}")
        grid_points({**values, name.strip(): range(count)})  # the size, checked before any list is built
        values[name.strip()] = np.linspace(start, stop, count).tolist()
    return values


def run(args) -> int:
    import math

    from ..analysis import sweep
    from ..catalog import get_scenario
    from ..errors import ParameterError

    check_workers(args.workers)
    if args.timeout is not None and not (math.isfinite(args.timeout) and args.timeout > 0):
        raise ParameterError(f"--timeout must be a positive number of seconds, got {args.timeout}")
    path = check_output(args.output)
    points = grid(args.grid)
    target = get_scenario(args.name, trust_python=args.trust_python)
    with workers(args.workers) as executor:
        table = sweep(target, grid=points, executor=executor, progress=True, timeout=args.timeout)
    if path:
        table.to_csv(path)
        emit(f"{len(table)} rows written to {path}")
    else:
        emit(str(table))
    return exit_status(table)
