"""``negotiation show``: a scenario described, or solved in a chosen format."""

from __future__ import annotations

from .common import add_scenario_arguments, emit, overrides, scenario

HELP = "a scenario's summary, moves, parameters and sources (or all of it, solved)"
DESCRIPTION = ("Describe a scenario. --format text (default) gives the summary, moves, parameters and sources; "
               "markdown, latex and html give the solved scenario: games with best responses marked, trees, "
               "results and questions (latex is a complete document for pdflatex; add --beamer for slides).")


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name or scenario file")
    parser.add_argument("--format", choices=("text", "markdown", "latex", "html"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--beamer", action="store_true",
                        help="with --format latex: beamer slides (16:9), tables and trees scaled to the slide")
    add_scenario_arguments(parser)


def run(args) -> int:
    from ..render import render

    from ..errors import ParameterError

    if args.beamer and args.format != "latex":
        raise ParameterError("--beamer needs --format latex")
    values = overrides(args.set)
    instance = scenario(args, args.name, **values)
    if args.format == "text" and not args.set:
        emit(instance.scenario.describe())
        return 0
    emit(render(instance.report(), args.format, beamer=args.beamer))
    return 0
