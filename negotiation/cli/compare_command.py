"""``negotiation compare``: one scenario's outcomes side by side, under several parameter values or strategies."""

from __future__ import annotations

import json

from .common import emit, value_lists

HELP = "one scenario's outcomes side by side, under several parameter values or strategies"
DESCRIPTION = ("Solve a scenario once per setting and show its outcomes side by side: the equilibria with "
               "their payoffs, the subgame-perfect path, the deal range and the verdicts. Cells that differ "
               "from the first setting are marked with ▲; the table fits 100 columns. With --strategies, "
               "compare entries of the scenario's tournament: rank, score, behaviour and head to head.")
MAX_COMBINATIONS = 64


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name")
    parser.add_argument("--set", metavar="NAME=V1,V2,...", action="append", default=[],
                        help="a parameter and the values to compare (repeatable: every combination is solved, "
                        f"at most {MAX_COMBINATIONS})")
    parser.add_argument("--strategies", metavar="A,B,...",
                        help="compare these entries of the scenario's tournament (strategies or agents)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args) -> int:
    import math

    from ..errors import ParameterError
    from ..render.comparison import comparison

    if not args.set and not args.strategies:
        raise ParameterError("give --set NAME=V1,V2,... or --strategies A,B,... (or both) to compare")
    grid = value_lists(args.set) if args.set else {}
    count = math.prod(len(v) for v in grid.values())
    if not 1 <= count <= MAX_COMBINATIONS:
        raise ParameterError(f"--set gives {count} combinations to compare; give 1 to {MAX_COMBINATIONS}")
    strategies = [s.strip() for s in (args.strategies or "").split(",") if s.strip()]
    result = comparison(args.name, grid, strategies)
    if args.json:
        emit(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        emit(str(result))
    return 0
