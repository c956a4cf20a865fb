"""``negotiation plot``: one figure of a scenario, to a .png, .svg or .pdf file."""

from __future__ import annotations

from .common import add_scenario_arguments, check_output, emit, overrides, scenario

HELP = "draw a scenario's matrix, tree, deal or parameter regions to an image file"
DESCRIPTION = ("Draw one figure of a scenario (needs the plot extra: pip install 'negotiation[plot]'). "
               "The file type follows the extension: .png, .svg or .pdf.")
KINDS = ("matrix", "tree", "deal", "regions")
MAX_POINTS = 201  # the same limit as render.figures.MAX_POINTS (a test keeps them equal)


def add_arguments(parser) -> None:
    parser.add_argument("name", help="a scenario name or scenario file")
    parser.add_argument("--kind", choices=KINDS, help="which figure (default: the scenario's first form)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="where to save the figure")
    parser.add_argument("--x", metavar="PARAMETER",
                        help="regions: the parameter across (default: the one that changes the verdict most)")
    parser.add_argument("--y", metavar="PARAMETER", help="regions: the parameter up (default: the runner-up)")
    parser.add_argument("--by", metavar="METRIC",
                        help="regions: the metric to colour by (default: the yes/no or text metric that varies "
                             "most; a numeric one gets a colour scale)")
    parser.add_argument("--points", type=int, default=21,
                        help=f"regions: values per parameter, 2 to {MAX_POINTS} (default: 21)")
    add_scenario_arguments(parser)


def run(args) -> int:
    from ..errors import ParameterError

    if not 2 <= args.points <= MAX_POINTS:
        raise ParameterError(f"--points must be from 2 to {MAX_POINTS}, got {args.points}")
    path = check_output(args.output, (".png", ".svg", ".pdf"))
    from ..render import figures

    figures.require_matplotlib("plots")

    instance = scenario(args, args.name, **overrides(args.set))
    figure = figures.scenario_figure(instance, args.kind, x=args.x, y=args.y, points=args.points, by=args.by)
    _save(figure, path)
    emit(f"{args.kind or 'figure'} of {args.name} written to {path}")
    return 0


def _save(figure, path: str) -> None:
    import io

    from .._writing import write_text

    buffer = io.BytesIO()
    figure.savefig(buffer, format=path.rsplit(".", 1)[-1].lower())
    write_text(path, buffer.getvalue())
