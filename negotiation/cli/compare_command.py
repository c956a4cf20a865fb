"""``negotiation compare``: one scenario under several parameter values, side by side."""

from __future__ import annotations

import json

from .common import emit, value_lists

HELP = "one scenario under several parameter values, side by side"
DESCRIPTION = "Solve a scenario once per value and show the outcomes side by side."
MAX_COMBINATIONS = 64


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name")
    parser.add_argument("--set", metavar="NAME=V1,V2,...", action="append", required=True,
                        help="a parameter and the values to compare (repeatable: every combination is solved, "
                        f"at most {MAX_COMBINATIONS})")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args) -> int:
    import math

    from ..errors import ParameterError
    from ..render.report import comparison

    grid = value_lists(args.set)
    count = math.prod(len(v) for v in grid.values())
    if not 1 <= count <= MAX_COMBINATIONS:
        raise ParameterError(f"--set gives {count} combinations to compare; give 1 to {MAX_COMBINATIONS}")
    result = comparison(args.name, grid)
    if args.json:
        emit(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        emit(str(result))
    return 0
