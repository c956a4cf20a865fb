"""The ``negotiation`` command: parse arguments, call the library, print the result.

Nothing here computes; every answer comes from the public API.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

DESCRIPTION = """\
Model negotiations as games. The catalogue holds the 2018-2019 U.S.-China
trade talks as sourced scenarios; for each, find the equilibria, which threats
are credible, whether a deal exists and where, and when it would hold. Game
files and textbook examples are solved too, exactly if asked.
"""

EPILOG = """\
examples:
  negotiation solve --all                       every scenario of the 2018-2019 talks, solved
  negotiation list                              the scenario catalogue
  negotiation show purchase_pledges             summary, moves, parameters and sources
  negotiation solve tariff_standoff --set backdown_cost=40
  negotiation compare purchase_pledges --set us_reservation=40,100
  negotiation sweep purchase_pledges --grid us_reservation=0:200:41 -o out.csv
  negotiation solve --example chicken --exact   a textbook game, every equilibrium as fractions
  negotiation solve game.json --json            a game file, machine-readable output

Game files use the JSON format described in docs/reference/json-format.md.
"""

METHODS = ("auto", "all", "pure", "lemke-howson", "zero-sum", "dominance")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="negotiation",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"negotiation {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    solve = commands.add_parser(
        "solve",
        help="solve a scenario, a game file, or a built-in example",
        description="Solve a scenario (equilibria, subgame-perfect path and credible threats, deal range "
        "and bargaining solutions, enforcement), a game in the JSON format, or a textbook example.",
    )
    solve.add_argument("target", nargs="?",
                       help="a scenario name (see 'negotiation list'), a scenario .py file, or a JSON game file")
    solve.add_argument("--all", action="store_true", help="solve every scenario in the catalogue")
    solve.add_argument("--example", metavar="NAME", help="a built-in textbook game (see 'negotiation examples')")
    solve.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                       help="override a scenario parameter (repeatable)")
    solve.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="for games: auto (default) picks one and says which; all = every extreme equilibrium; "
        "pure = pure equilibria only; lemke-howson = one equilibrium of a large game; "
        "zero-sum = value by linear programming; dominance = iterated strict dominance",
    )
    solve.add_argument("--exact", action="store_true", help="exact fractions, verified exactly")
    solve.add_argument("--json", action="store_true", help="print JSON instead of text")

    commands.add_parser("list", help="list the scenario catalogue")
    show = commands.add_parser("show", help="a scenario's summary, moves, parameters and sources")
    show.add_argument("name", help="a scenario name")
    sweep = commands.add_parser(
        "sweep", help="a scenario over a grid of parameter values, written as a CSV table",
        description="Evaluate a scenario's metrics (or its teaching answers) at every point of a grid.",
    )
    sweep.add_argument("name", help="a scenario name")
    sweep.add_argument("--grid", metavar="NAME=START:STOP:COUNT", action="append", required=True,
                       help="COUNT evenly spaced values from START to STOP (repeatable: every combination)")
    sweep.add_argument("-o", "--output", metavar="FILE", help="write the table as CSV (default: print it)")
    sweep.add_argument("--workers", type=int, default=0, help="processes to use (default: this process)")
    compare = commands.add_parser(
        "compare", help="one scenario under several parameter values, side by side",
        description="Solve a scenario once per value and show the outcomes side by side.",
    )
    compare.add_argument("name", help="a scenario name")
    compare.add_argument("--set", metavar="NAME=V1,V2,...", action="append", required=True,
                         help="a parameter and the values to compare (repeatable: every combination is solved)")
    compare.add_argument("--json", action="store_true", help="print JSON instead of text")
    commands.add_parser("examples", help="list the built-in example games")
    commands.add_parser("demo", help="the illustrative tariff standoff: matrix, dominance, equilibria")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from .errors import NegotiationError

    try:
        return _COMMANDS[args.command](args)
    except NegotiationError as exc:
        print(f"negotiation: error: {exc}", file=sys.stderr)
        return 2


def _load(args):
    from . import examples
    from .io import json_format

    return examples.get(args.example) if args.example else json_format.load(args.target)


def _solve(args) -> int:
    from .catalog import list_scenarios
    from .errors import ParameterError

    if args.all:
        return _solve_scenarios(list_scenarios(), args)
    if args.target and not args.example and (args.target.endswith(".py") or args.target in list_scenarios()):
        return _solve_scenarios([args.target], args)
    if not args.target and not args.example:
        raise ParameterError("give a scenario name, a game file, --example NAME, or --all")
    return _solve_game(args)


def _solve_scenarios(names, args) -> int:
    from .catalog import load_scenario

    overrides = _overrides(args.set)
    reports = []
    for name in names:
        instance = load_scenario(name, **(overrides if len(names) == 1 else {}))
        reports.append(instance.report(exact=args.exact))
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False, default=str))
    else:
        print("\n\n".join(str(r) for r in reports))
    return 0


def _overrides(settings) -> dict:
    from .errors import ParameterError

    values = {}
    for item in settings:
        name, _, text = item.partition("=")
        if not name or not text:
            raise ParameterError(f"--set needs NAME=VALUE, got {item!r}")
        values[name.strip()] = _number(text, name)
    return values


def _number(text: str, name: str):
    from fractions import Fraction

    from .errors import ParameterError

    try:
        return int(text) if text.strip().lstrip("-").isdigit() else (
            Fraction(text) if "/" in text else float(text))
    except (ValueError, ZeroDivisionError):
        raise ParameterError(f"the value of {name} must be a number, got {text!r}") from None


def _solve_game(args) -> int:
    import negotiation as ng

    game = _load(args)
    if args.exact:
        game = game.as_exact()
    method = args.method
    if method == "dominance":
        result = ng.iterated_elimination(game)
    elif method == "zero-sum":
        result = ng.solve_zero_sum(game)
    elif method == "all":
        result = ng.all_equilibria(game, exact=args.exact)
    elif method == "pure":
        result = ng.pure_equilibria(game)
    elif method == "lemke-howson":
        result = ng.lemke_howson(game)
    else:
        result = ng.solve(game, exact=args.exact)
    if args.json:
        print(json.dumps({"game": _game_data(game), "result": result.to_dict()}, indent=2, ensure_ascii=False))
    else:
        print(game)
        print()
        print(result)
    return 0


def _list(args) -> int:
    from . import _format
    from .catalog import get_scenario, list_scenarios

    rows = []
    for name in list_scenarios():
        s = get_scenario(name)
        rows.append([name, s.date.isoformat(), s.title, ", ".join(s.forms)])
    print(_format.text_table(["name", "date", "title", "forms"], rows))
    return 0


def _show(args) -> int:
    from .catalog import get_scenario

    print(get_scenario(args.name).describe())
    return 0


def _compare(args) -> int:
    import itertools

    from . import _format
    from .catalog import load_scenario

    grid = {}
    for item in args.set:
        name, _, text = item.partition("=")
        grid[name.strip()] = [_number(t, name) for t in text.split(",") if t.strip()]
    combos = [dict(zip(grid, values)) for values in itertools.product(*grid.values())]
    reports = [load_scenario(args.name, **combo).report() for combo in combos]
    if args.json:
        print(json.dumps([{"values": c, **r.to_dict()} for c, r in zip(combos, reports)],
                         indent=2, ensure_ascii=False, default=str))
        return 0
    sections = [t for t in reports[0].sections if t != "threshold"]  # the same in every column
    header = ["section"] + [", ".join(f"{k}={_format.number(v)}" for k, v in c.items()) for c in combos]
    rows = []
    for title in sections:
        rows.append([title] + [_headline(r.sections[title]) for r in reports])
    for k, (question, _) in enumerate(reports[0].instance.answers()):
        rows.append([question] + [r.instance.answers()[k][1] for r in reports])
    print(f"{reports[0].instance.scenario.title}: side by side")
    print(_format.text_table(header, rows))
    return 0


def _sweep(args) -> int:
    import numpy as np

    from .analysis import sweep
    from .errors import ParameterError

    grid = {}
    for item in args.grid:
        name, _, spec = item.partition("=")
        parts = spec.split(":")
        if len(parts) != 3:
            raise ParameterError(f"--grid needs NAME=START:STOP:COUNT, got {item!r}")
        start, stop, count = _number(parts[0], name), _number(parts[1], name), int(_number(parts[2], name))
        values = np.linspace(float(start), float(stop), count).tolist()
        grid[name.strip()] = values
    executor = None
    if args.workers > 0:
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(args.workers)
    try:
        table = sweep(args.name, grid=grid, executor=executor, progress=True)
    finally:
        if executor is not None:
            executor.shutdown()
    if args.output:
        table.to_csv(args.output)
        print(f"{len(table)} rows written to {args.output}")
    else:
        print(table)
    return 0


def _headline(result) -> str:
    """The first line of a result: what a workshop compares across columns."""
    lines = [line for line in str(result).splitlines() if line.strip()]
    return lines[0] if lines else ""


def _game_data(game):
    from .io import json_format

    return json.loads(json_format.dumps(game))


def _examples(args) -> int:
    from . import _format, examples

    rows = []
    for name, build in sorted(examples.EXAMPLES.items()):
        game = build()
        rows.append([name, game.title, "×".join(map(str, game.shape))])
    print(_format.text_table(["name", "title", "size"], rows))
    return 0


def _demo(args) -> int:
    import negotiation as ng
    from . import examples

    game = examples.tariff_standoff()
    print(game)
    print()
    print(ng.iterated_elimination(game))
    print()
    print(ng.all_equilibria(game, exact=True))
    return 0


_COMMANDS = {
    "solve": _solve,
    "examples": _examples,
    "demo": _demo,
    "list": _list,
    "show": _show,
    "compare": _compare,
    "sweep": _sweep,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
