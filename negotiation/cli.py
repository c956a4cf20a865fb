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
  negotiation show tariff_standoff --format latex > slide.tex
  negotiation plot purchase_pledges --kind regions -o regions.png
  negotiation export tariff_standoff --format efg -o standoff.efg
  negotiation report -o report.html             every scenario, with figures, in one HTML page

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
                       help="a scenario name (see 'negotiation list'), a scenario file (.toml, .json or .py), "
                       "or a JSON game file")
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
    show = commands.add_parser(
        "show", help="a scenario's summary, moves, parameters and sources (or all of it, solved)",
        description="Describe a scenario. --format text (default) gives the summary, moves, parameters and "
        "sources; markdown, latex and html give the solved scenario: games with best responses marked, "
        "trees, results and questions (latex is a complete document for pdflatex).",
    )
    show.add_argument("name", help="a scenario name")
    show.add_argument("--format", choices=("text", "markdown", "latex", "html"), default="text",
                      help="output format (default: text)")
    show.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                      help="override a scenario parameter (repeatable)")
    plot = commands.add_parser(
        "plot", help="draw a scenario's matrix, tree, deal or parameter regions to an image file",
        description="Draw one figure of a scenario (needs the plot extra: pip install 'negotiation[plot]'). "
        "The file type follows the extension: .png, .svg or .pdf.",
    )
    plot.add_argument("name", help="a scenario name")
    plot.add_argument("--kind", choices=("matrix", "tree", "deal", "regions"),
                      help="which figure (default: the scenario's first form)")
    plot.add_argument("-o", "--output", metavar="FILE", required=True, help="where to save the figure")
    plot.add_argument("--x", metavar="PARAMETER", help="regions: the parameter across (default: the first)")
    plot.add_argument("--y", metavar="PARAMETER", help="regions: the parameter up (default: the second)")
    plot.add_argument("--points", type=int, default=21, help="regions: values per parameter (default: 21)")
    plot.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                      help="override a scenario parameter (repeatable)")
    export = commands.add_parser(
        "export", help="write a scenario's game as a Gambit .nfg/.efg file or our JSON format",
        description="Export a scenario's matrix game (nfg, json) or game tree (efg), for Gambit or other tools.",
    )
    export.add_argument("name", help="a scenario name, or a built-in example with --example")
    export.add_argument("--example", action="store_true", help="NAME is a built-in example game")
    export.add_argument("--format", choices=("nfg", "efg", "json"), required=True, help="file format")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: print)")
    export.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                        help="override a scenario parameter (repeatable)")
    report = commands.add_parser(
        "report", help="a self-contained HTML report of scenarios, with figures, for a workshop",
        description="Solve scenarios and write one HTML page: summaries, sources, parameters, results and "
        "figures (inline SVG). With --set, add a side-by-side comparison of the first scenario.",
    )
    report.add_argument("names", nargs="*", metavar="NAME", help="scenario names (default: the whole catalogue)")
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    report.add_argument("--set", metavar="NAME=V1,V2,...", action="append", default=[],
                        help="compare the first scenario at these values (repeatable: every combination)")
    report.add_argument("--title", default="Negotiation report", help="the page title")
    report.add_argument("--no-figures", action="store_true", help="leave the figures out (faster, no matplotlib)")
    sweep = commands.add_parser(
        "sweep", help="a scenario over a grid of parameter values, written as a CSV table",
        description="Evaluate a scenario's metrics (or its teaching answers) at every point of a grid.",
    )
    sweep.add_argument("name", help="a scenario name")
    sweep.add_argument("--grid", metavar="NAME=START:STOP:COUNT", action="append", required=True,
                       help="COUNT evenly spaced values from START to STOP (repeatable: every combination)")
    sweep.add_argument("-o", "--output", metavar="FILE", help="write the table as CSV (default: print it)")
    sweep.add_argument("--workers", type=int, default=0, help="processes to use (default: this process)")
    sweep.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="stop after this long and keep the rows done (exit status 3); Ctrl-C does the same "
                       "(exit status 130)")
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
    from .io.scenario_file import is_scenario_file

    if args.all:
        return _solve_scenarios(list_scenarios(), args)
    if args.target and not args.example and (
            args.target.endswith(".py") or is_scenario_file(args.target) or args.target in list_scenarios()):
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
    return {name: _number(text, name) for name, text in _settings(settings, "NAME=VALUE")}


def _settings(settings, form: str):
    """``(name, text)`` for each ``--set NAME=...`` given, refusing any without a name or a value."""
    from .errors import ParameterError

    for item in settings:
        name, _, text = item.partition("=")
        if not name.strip() or not text:
            raise ParameterError(f"--set needs {form}, got {item!r}")
        yield name.strip(), text


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


def _compare(args) -> int:
    from .render.report import comparison

    result = comparison(args.name, _value_lists(args.set))
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        print(result)
    return 0


def _value_lists(settings) -> dict:
    return {name: [_number(t, name) for t in text.split(",") if t.strip()]
            for name, text in _settings(settings, "NAME=V1,V2,...")}


def _show(args) -> int:
    from .catalog import get_scenario, load_scenario
    from .render import render

    if args.format == "text" and not args.set:
        print(get_scenario(args.name).describe())
        return 0
    print(render(load_scenario(args.name, **_overrides(args.set)).report(), args.format))
    return 0


def _plot(args) -> int:
    from .catalog import load_scenario
    from .errors import ParameterError

    try:
        from .render import figures
    except ImportError:
        raise ParameterError("plotting needs matplotlib: pip install 'negotiation[plot]'") from None
    instance = load_scenario(args.name, **_overrides(args.set))
    figure = figures.scenario_figure(instance, args.kind, x=args.x, y=args.y, points=args.points)
    _save_figure(figure, args.output)
    print(f"{args.kind or 'figure'} of {args.name} written to {args.output}")
    return 0


def _save_figure(figure, path: str) -> None:
    from .errors import ParameterError

    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in ("png", "svg", "pdf"):
        raise ParameterError(f"the figure file must end in .png, .svg or .pdf, got {path!r}")
    try:
        figure.savefig(path)
    except OSError as exc:
        raise ParameterError(f"cannot write {path}: {exc.strerror}") from None


def _export(args) -> int:
    from . import examples
    from .catalog import load_scenario
    from .io import gambit, json_format

    if args.example:
        game = examples.get(args.name)
        if args.format == "efg":
            from .games.tree import GameTree

            game = GameTree.from_normal_form(game)
    else:
        instance = load_scenario(args.name, **_overrides(args.set))
        game = _scenario_game(instance, "tree" if args.format == "efg" else "matrix")
    text = json_format.dumps(game) + "\n" if args.format == "json" else gambit.dumps(game)
    _write(text, args.output)
    return 0


def _scenario_game(instance, form: str):
    from .errors import ParameterError

    scenario = instance.scenario
    if form == "matrix" and scenario.matrix is None and scenario.bayesian is not None:
        return instance.build("bayesian").to_normal_form()
    if getattr(scenario, form) is None:
        other = "efg" if form == "matrix" else "nfg or json"
        hint = f"; try --format {other}" if getattr(scenario, "tree" if form == "matrix" else "matrix") else ""
        raise ParameterError(f"scenario {scenario.name} has no {form} form{hint}")
    return instance.build(form)


def _write(text: str, path: str | None) -> None:
    from .errors import ParameterError

    if path is None:
        print(text, end="")
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise ParameterError(f"cannot write {path}: {exc.strerror}") from None
    print(f"written to {path}")


def _report(args) -> int:
    from .catalog import list_scenarios, load_scenario
    from .render.report import comparison, html_report

    names = args.names or list_scenarios()
    reports = [load_scenario(name).report() for name in names]
    comparisons = [comparison(names[0], _value_lists(args.set))] if args.set else []
    page = html_report(reports, title=args.title, figures=not args.no_figures, comparisons=comparisons)
    _write(page, args.output)
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
        table = sweep(args.name, grid=grid, executor=executor, progress=True, timeout=args.timeout)
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    if args.output:
        table.to_csv(args.output)
        print(f"{len(table)} rows written to {args.output}")
    else:
        print(table)
    if not table.complete:
        print(f"negotiation: incomplete: {table.message}", file=sys.stderr)
        return 130 if "interrupted" in table.message else 3
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


_COMMANDS = {
    "solve": _solve,
    "examples": _examples,
    "demo": _demo,
    "list": _list,
    "show": _show,
    "compare": _compare,
    "sweep": _sweep,
    "plot": _plot,
    "export": _export,
    "report": _report,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
