"""The ``negotiation`` command: parse arguments, call the library, print the result.

Nothing here computes; every answer comes from the public API.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

DESCRIPTION = """\
Model negotiations as games: find every Nash equilibrium of a matrix game
(exactly, if asked), show which strategies are dominated, and print the
results with the players' and strategies' own labels.
"""

EPILOG = """\
examples:
  negotiation demo                              the tariff standoff, solved step by step
  negotiation examples                          list the built-in textbook games
  negotiation solve --example chicken --exact   every equilibrium, as fractions
  negotiation solve game.json --json            machine-readable output
  negotiation solve game.json --method dominance

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
        help="solve a game from a JSON file or a built-in example",
        description="Solve a normal-form game and print its equilibria with labels.",
    )
    source = solve.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a game in the negotiation JSON format")
    source.add_argument("--example", metavar="NAME", help="a built-in game (see 'negotiation examples')")
    solve.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="auto (default) picks one and says which; all = every extreme equilibrium; "
        "pure = pure equilibria only; lemke-howson = one equilibrium of a large game; "
        "zero-sum = value by linear programming; dominance = iterated strict dominance",
    )
    solve.add_argument("--exact", action="store_true", help="exact fractions, verified exactly")
    solve.add_argument("--json", action="store_true", help="print JSON instead of text")

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

    return examples.get(args.example) if args.example else json_format.load(args.file)


def _solve(args) -> int:
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


_COMMANDS = {"solve": _solve, "examples": _examples, "demo": _demo}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
