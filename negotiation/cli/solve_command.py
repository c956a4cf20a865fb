"""``negotiation solve``: a scenario, a game file (.json, .nfg, .efg) or a textbook example."""

from __future__ import annotations

import json

from .common import add_scenario_arguments, add_workers_argument, check_workers, emit, overrides, scenario, workers

HELP = "solve a scenario, a game file, or a built-in example"
DESCRIPTION = ("Solve a scenario (equilibria, subgame-perfect path and credible threats, deal range and "
               "bargaining solutions, enforcement), a game file (our JSON format, or Gambit's .nfg and .efg), "
               "or a textbook example.")
METHODS = ("auto", "all", "pure", "lemke-howson", "zero-sum", "dominance")
GAME_SUFFIXES = (".nfg", ".efg")


def add_arguments(parser) -> None:
    parser.add_argument("target", nargs="?",
                        help="a scenario name (see 'negotiation list'), a scenario file (.toml or .json; .py with "
                        "--trust-python), or a game file (.json, .nfg, .efg)")
    parser.add_argument("--all", action="store_true", help="solve every scenario in the catalogue")
    parser.add_argument("--example", metavar="NAME", help="a built-in textbook game (see 'negotiation examples')")
    add_scenario_arguments(parser)
    parser.add_argument(
        "--method", choices=METHODS, default="auto",
        help="for matrix games: auto (default) picks one and says which; all = every extreme equilibrium; "
        "pure = pure equilibria only; lemke-howson = one equilibrium of a large game; "
        "zero-sum = value by linear programming; dominance = iterated strict dominance")
    parser.add_argument("--exact", action="store_true", help="exact fractions, verified exactly")
    parser.add_argument("--probabilities", action="store_true",
                        help="for scenarios: also answer each question as a probability under the priors of the "
                        "scenario's uncertain parameters (see --draws, --seed)")
    parser.add_argument("--draws", type=int, default=10_000, help="draws from the priors (default: 10000)")
    parser.add_argument("--seed", type=int, default=0, help="the seed of the draws (default: 0)")
    add_workers_argument(parser, "the draws")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args) -> int:
    from ..catalog import list_scenarios
    from ..errors import ParameterError
    from ..io.scenario_file import is_scenario_file

    if args.all:
        return _scenarios(list_scenarios(), args)
    if not args.target and not args.example:
        raise ParameterError("give a scenario name, a game file, --example NAME, or --all")
    target = args.target or ""
    if not args.example and not target.endswith(GAME_SUFFIXES) and (
            target.endswith(".py") or is_scenario_file(target) or target in list_scenarios()):
        return _scenarios([target], args)
    return _game(args)


def _scenarios(names, args) -> int:
    check_workers(args.workers)
    values = overrides(args.set)
    instances = [scenario(args, name, **(values if len(names) == 1 else {})) for name in names]
    reports = [instance.report(exact=args.exact) for instance in instances]
    chances = _probabilities(instances, args) if args.probabilities else [None] * len(instances)
    if args.json:
        data = [{**r.to_dict(), **({"probabilities": c.to_dict()} if c else {})} for r, c in zip(reports, chances)]
        emit(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        emit("\n\n".join(str(r) + (f"\n-- probabilities\n{c}" if c else "") for r, c in zip(reports, chances)))
    return 0


def _probabilities(instances, args) -> list:
    """Each scenario's verdicts under its priors; a scenario without metrics gets None."""
    from ..analysis.verdicts import verdict_probabilities

    with workers(args.workers) as executor:
        return [verdict_probabilities(i, draws=args.draws, seed=args.seed, executor=executor, progress=not args.json)
                if i.scenario.metrics is not None else None for i in instances]


def load_game(args):
    """The game named on the command line: a built-in example, or a .json, .nfg or .efg file."""
    from .. import examples
    from ..io import gambit, json_format

    if args.example:
        return examples.get(args.example)
    if args.target.lower().endswith(GAME_SUFFIXES):
        return gambit.load(args.target)
    return json_format.load(args.target)


def _game(args) -> int:
    from ..games.tree import GameTree

    game = load_game(args)
    if isinstance(game, GameTree):
        return _tree(game, args)
    result = _solved(game.as_exact() if args.exact else game, args)
    if args.json:
        from ..io import json_format

        data = {"game": json.loads(json_format.dumps(game)), "result": result.to_dict()}
        emit(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        emit(str(game))
        emit()
        emit(str(result))
    return 0


def _solved(game, args):
    import negotiation as ng

    methods = {"dominance": ng.iterated_elimination, "zero-sum": ng.solve_zero_sum,
               "pure": ng.pure_equilibria, "lemke-howson": ng.lemke_howson,
               "all": lambda g: ng.all_equilibria(g, exact=args.exact)}
    return methods.get(args.method, lambda g: ng.solve(g, exact=args.exact))(game)


def _tree(tree, args) -> int:
    import negotiation as ng

    from ..errors import ParameterError

    if args.method != "auto":
        raise ParameterError(f"--method {args.method} is for matrix games; a game tree is solved by subgame "
                             "perfection")
    result = ng.subgame_perfect_equilibria(tree, exact=args.exact)
    if args.json:
        emit(json.dumps({"result": result.to_dict()}, indent=2, ensure_ascii=False, default=str))
    else:
        emit(str(tree))
        emit()
        emit(str(result))
    return 0
