"""``negotiation export``: a scenario's game as a Gambit .nfg/.efg file or our JSON format."""

from __future__ import annotations

from .common import (
    add_scenario_arguments,
    check_output,
    overrides,
    scenario,
    write_output,
)

HELP = "write a scenario's game as a Gambit .nfg/.efg file or our JSON format"
DESCRIPTION = "Export a scenario's matrix game (nfg, json) or game tree (efg), for Gambit or other tools."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name, or a built-in example with --example")
    parser.add_argument("--example", action="store_true", help="NAME is a built-in example game")
    parser.add_argument("--format", choices=("nfg", "efg", "json"), required=True, help="file format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: print)")
    add_scenario_arguments(parser)


def run(args) -> int:
    from .. import examples
    from ..io import gambit, json_format

    path = check_output(args.output)
    if args.example:
        game = examples.get(args.name)
        if args.format == "efg":
            from ..games.tree import GameTree

            game = GameTree.from_normal_form(game)
    else:
        instance = scenario(args, args.name, **overrides(args.set))
        game = scenario_game(instance, "tree" if args.format == "efg" else "matrix")
    text = json_format.dumps(game) + "\n" if args.format == "json" else gambit.dumps(game)
    write_output(text, path)
    return 0


def scenario_game(instance, form: str):
    from ..errors import ParameterError

    scenario = instance.scenario
    if form == "matrix" and scenario.matrix is None and scenario.bayesian is not None:
        return instance.build("bayesian").to_normal_form()
    if getattr(scenario, form) is None:
        other = "efg" if form == "matrix" else "nfg or json"
        hint = f"; try --format {other}" if getattr(scenario, "tree" if form == "matrix" else "matrix") else ""
        raise ParameterError(f"scenario {scenario.name} has no {form} form{hint}")
    return instance.build(form)
