"""``negotiation workshop``: an interactive page with sliders, one HTML file that works offline."""

from __future__ import annotations

from .common import (add_scenario_arguments, add_workers_argument, check_output, check_workers, emit, overrides,
                     scenario, workers)

HELP = "an interactive HTML page with sliders over a scenario's parameters, for a workshop (works offline)"
DESCRIPTION = (
    "Solve a scenario at every point of a grid of parameter values and write one self-contained HTML page "
    "(no server, no network) with a slider for each parameter varied. Moving a slider shows, at once, the "
    "verdicts, the payoff table with its equilibria, the tree's subgame-perfect path, the deal range and who "
    "gains at that grid point. Sliders move only between grid points, and the page says which point it shows. "
    "By default the two parameters that change the outcome most (a tornado screen) get sliders.")


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name or scenario file")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    parser.add_argument("--vary", metavar="PARAMETER", action="append",
                        help="a parameter to give a slider (repeatable, 1 to 3; default: the two with the widest "
                             "effect)")
    parser.add_argument("--points", type=int, metavar="N",
                        help="values per slider, evenly spaced over its range, plus the scenario's value (default: "
                             "41 for one slider, 21 for two, 9 for three)")
    add_workers_argument(parser, "the grid")
    add_scenario_arguments(parser, help_text="hold a parameter at this value instead of its default (repeatable)")


def run(args) -> int:
    from ..render.workshop import workshop_page

    check_workers(args.workers)
    path = check_output(args.output, (".html", ".htm"))
    instance = scenario(args, args.name, **overrides(args.set))
    with workers(args.workers) as executor:
        page = workshop_page(instance, vary=args.vary, points=args.points, executor=executor)
    from .._writing import write_text

    write_text(path, page)
    emit(f"workshop page for {instance.scenario.name} written to {path} ({len(page.encode()) / 1e3:.0f} kB); open "
         "it in any browser")
    return 0
