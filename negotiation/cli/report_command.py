"""``negotiation report``: one self-contained HTML page of solved scenarios, for a workshop."""

from __future__ import annotations

import sys

from .common import check_output, scenario, value_lists, write_output

HELP = "a self-contained HTML report of scenarios, with figures, for a workshop"
DESCRIPTION = ("Solve scenarios and write one HTML page: a bottom line for each, summaries, sources, "
               "parameters, results, figures (inline SVG, with a 'who gains' chart) and a glossary of the "
               "terms used. With --set, add a side-by-side comparison of the first scenario. With --pdf, "
               "also print it to PDF through headless Chromium, ready to hand out. With --workshop, also write each "
               "scenario's interactive page with sliders, linked from its section.")


def add_arguments(parser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="scenario names (default: the whole catalogue)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    parser.add_argument("--set", metavar="NAME=V1,V2,...", action="append", default=[],
                        help="compare the first scenario at these values (repeatable: every combination)")
    parser.add_argument("--title", default="Negotiation report", help="the page title")
    parser.add_argument("--no-figures", action="store_true", help="leave the figures out (faster, no matplotlib)")
    parser.add_argument("--pdf", metavar="FILE", help="also print the report to this PDF file (needs Chromium)")
    parser.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="the PDF's paper size (default: A4)")
    parser.add_argument("--workshop", action="store_true",
                        help="also write each scenario's interactive workshop page beside the report "
                             "(REPORT-NAME-workshop.html) and link it")
    parser.add_argument("--trust-python", action="store_true",
                        help="allow .py scenario files: loading them runs their code")


def run(args) -> int:
    from ..catalog import list_scenarios
    from ..render.report import comparison, html_report

    path = check_output(args.output)
    pdf = check_output(args.pdf, (".pdf",)) if args.pdf else None
    if pdf:
        from ..render.pdf import find_chromium

        find_chromium()  # before the work: a missing browser is a one-line error, not a late surprise
    names = args.names or list_scenarios()
    grid = value_lists(args.set)
    instances = [scenario(args, name) for name in names]
    reports = [instance.report() for instance in instances]
    comparisons = [comparison(names[0], grid)] if args.set else []
    workshops = _workshops(instances, path) if args.workshop else None
    page = html_report(reports, title=args.title, figures=not args.no_figures, comparisons=comparisons,
                       workshops=workshops)
    write_output(page, path)
    if pdf:
        from ..render.pdf import html_to_pdf

        html_to_pdf(page, pdf, args.paper)
    if not args.no_figures:
        from ..render.figures import have_matplotlib

        if not have_matplotlib():
            print("negotiation: note: the report has no figures: they need matplotlib "
                  "(pip install 'negotiation[plot]')", file=sys.stderr)
    return 0


def _workshops(instances, report_path: str) -> dict[str, str]:
    """Write each scenario's workshop page beside the report; ``{name: file name}`` for the links."""
    import os

    from .._writing import write_text
    from ..render.workshop import workshop_page

    folder, stem = os.path.split(os.path.splitext(report_path)[0])
    links = {}
    for instance in instances:
        name = instance.scenario.name
        links[name] = f"{stem}-{name}-workshop.html"
        write_text(os.path.join(folder, links[name]), workshop_page(instance))
    return links
