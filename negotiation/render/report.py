"""A self-contained HTML report for a workshop: scenarios, sources, results and figures.

One file, no external assets: styles inline and figures as inline SVG, so it
can be mailed, printed or opened offline.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render.report import html_report
>>> page = html_report([ng.load_scenario("purchase_pledges").report()], figures=False)
>>> page.startswith("<!DOCTYPE html>"), 'id="purchase_pledges"' in page
(True, True)
"""

from __future__ import annotations

import datetime
import html
import warnings
from typing import Mapping, Sequence

from .. import __version__, _format
from ..errors import NegotiationError, UnsupportedGameError
from .comparison import Comparison, comparison
from .outcomes import bottom_line

__all__ = ["html_report", "comparison", "Comparison"]

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { border-bottom: 3px solid #4c72b0; padding-bottom: .3rem; }
h2 { margin-top: 3rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
caption { font-weight: 600; text-align: left; padding: .2rem 0; }
pre { background: #f7f7f7; padding: .6rem; overflow-x: auto; font-size: .85rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #555; }
nav ul { columns: 2; } .meta { color: #666; font-size: .9rem; }
td.changed { background: #fff3c4; font-weight: 600; }
@media print { p.workshop { display: none; } }
.bottom-line { background: #eef6ee; border-left: 4px solid #55a868; padding: .5rem .8rem; font-size: 1.02rem; }
dl.glossary dt { font-weight: 600; } dl.glossary dd { margin: 0 0 .5rem 1.2rem; }
@page { margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  nav ul { columns: 2; margin: 0; }
  section.scenario, section.comparison { break-before: page; }
  main > section:first-child { break-before: auto; }  /* the first scenario shares page 1 with the contents */
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  /* a figure's picture stays whole, but the figure may start low on a page: no page left nearly empty */
  table, figure svg, .bottom-line, dl.glossary dd { break-inside: avoid; }
  figcaption { break-before: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  table { max-width: 100%; } td, th { overflow-wrap: anywhere; }
  figure svg { max-height: 230mm; }
  a { color: inherit; text-decoration: none; }
}
"""


def html_report(reports: Sequence, title: str = "Negotiation report", figures: bool = True,
                comparisons: Sequence["Comparison"] = (), workshops: Mapping[str, str] | None = None) -> str:
    """A complete HTML page for solved scenarios (``ScenarioReport`` objects).

    ``figures`` embeds each scenario's matrix, tree and deal figures as SVG
    (matplotlib, the ``plot`` extra). ``comparisons`` adds side-by-side tables
    from :func:`comparison`. ``workshops`` maps scenario names to the address
    of their interactive workshop page, linked from each section; a scenario
    without one says how to make it.
    """
    from .figures import have_matplotlib

    missing = figures and not have_matplotlib()
    figures = figures and not missing
    sections = [_scenario_section(r, figures, (workshops or {}).get(r.instance.scenario.name)) for r in reports]
    sections += [_comparison_section(c, figures) for c in comparisons]
    glossary = _glossary_section(sections)
    contents = "".join(
        f'<li><a href="#{html.escape(r.instance.scenario.name)}">{html.escape(r.instance.scenario.title)}</a></li>'
        for r in reports
    ) + "".join(f'<li><a href="#compare-{html.escape(c.name)}">{html.escape(c.title)}</a></li>' for c in comparisons)
    contents += '<li><a href="#glossary">Glossary</a></li>' if glossary else ""
    stamp = datetime.date.today().isoformat()
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f"<p class=\"meta\">negotiation {__version__}, {stamp}. Every result below was computed from the "
        "parameters shown; every parameter names its source.</p>"
        f"{_NO_FIGURES if missing else ''}"
        f"<nav><h2 id=\"contents\">Contents</h2><ul>{contents}</ul></nav></header>"
        f"<main>{''.join(sections)}{glossary}</main></body></html>\n"
    )


_NO_FIGURES = ('<p class="note">This report has no figures: they need matplotlib '
               "(pip install 'negotiation[plot]').</p>")


def _scenario_section(report, figures: bool, workshop: str | None = None) -> str:
    s = report.instance.scenario
    values = report.instance.values
    parts = [f'<section class="scenario" id="{html.escape(s.name)}">',
             f"<h2>{html.escape(s.title)}</h2>",
             f'<p class="meta">{s.date.isoformat()} · scenario <code>{html.escape(s.name)}</code></p>',
             f'<p class="bottom-line"><strong>Bottom line.</strong> {html.escape(bottom_line(report))}</p>',
             f"<p>{html.escape(s.summary)}</p>", _workshop_link(s.name, workshop)]
    rows = [[p.name, _format.number(values[p.name]), p.unit, f"{_format.number(p.low)}..{_format.number(p.high)}",
             p.source, p.reason] for p in s.parameters]
    parts.append('<div class="parameters">' + _format.html_table(
        ["parameter", "value", "unit", "range", "source", "why"], rows, caption="Parameters") + "</div>")
    parts.append('<div class="sources"><h3>Sources</h3><ul>'
                 + "".join(f"<li>{html.escape(source.cite())}</li>" for source in s.sources) + "</ul></div>")
    parts.append('<div class="results"><h3>Results</h3>')
    for title, result in report.sections.items():
        body = result._repr_html_() if hasattr(result, "_repr_html_") else f"<pre>{html.escape(str(result))}</pre>"
        parts.append(f"<h4>{html.escape(title[:1].upper() + title[1:])}</h4>{body}")
    parts.append("</div>")
    answers = report.instance.answers()
    if answers:
        parts.append('<div class="questions"><h3>Questions</h3><dl>' + "".join(
            f"<dt>{html.escape(q)}</dt><dd>{html.escape(a)}</dd>" for q, a in answers) + "</dl></div>")
    if figures:
        parts.append(_figures(report))
    parts.append("</section>")
    return "".join(parts)


def _workshop_link(name: str, href: str | None) -> str:
    if href:
        return (f'<p class="workshop">Explore it with sliders: <a href="{html.escape(href)}">the interactive '
                "workshop page</a> (works offline).</p>")
    return (f'<p class="workshop">To explore it with sliders, make its workshop page: '
            f"<code>negotiation workshop {html.escape(name)} -o {html.escape(name)}-workshop.html</code>.</p>")


def _figures(report) -> str:
    from . import figures

    instance = report.instance
    shown = []
    for kind in ("matrix", "tree", "deal"):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                figure = figures.scenario_figure(instance, kind)
        except UnsupportedGameError as exc:  # too large, or a form no figure can show: say so
            shown.append(f'<p class="note">No {kind} figure: {html.escape(str(exc))}</p>')
            continue
        except NegotiationError:
            continue  # the scenario has no such form
        shown.append(f'<figure class="figure-{kind}">{figures.figure_to_svg(figure)}'
                     f"<figcaption>{html.escape(_CAPTIONS[kind])}</figcaption></figure>")
    shown += _who_gains_html(lambda: figures.who_gains(report))
    if "tournament" in report.sections:
        shown += tournament_figures_html(report.sections["tournament"])
    return '<div class="figures"><h3>Figures</h3>' + "".join(shown) + "</div>" if shown else ""


_CAPTIONS = {
    "matrix": "The matrix game, one panel per side, coloured by that side's payoff: best responses in bold, "
              "pure equilibria framed.",
    "tree": "The game tree: the equilibrium path in thick red, the plan off the path dotted, each leaf's payoffs "
            "named by side.",
    "who-gains": "Who gains: each side's payoff under each outcome the analysis predicts (equilibria, the "
                 "subgame-perfect path, bargaining solutions). Bars to the right of the line are gains, to the "
                 "left losses.",
    "who-gains-compared": "Who gains in each setting: each side's payoff on the predicted path (or in the first "
                          "equilibrium) at each setting compared.",
    "deal": "The deal: what each side accepts and the overlap, or the feasible payoffs with the disagreement "
            "point and the bargaining solutions.",
    "ranking": "Tournament ranking: each entry's scores over the repetitions, best at the top; the red bar is "
               "the 95% interval of the median.",
    "pairwise": "Tournament pairings: the row's mean result against each column.",
    "evolution": "Evolution: shares of a population that copies what pays (replicator dynamics on the "
                 "tournament's payoff table).",
    "payoff-set": "What theory allows: the subgame-perfect payoffs of the repeated game, with each pairing's "
                  "average outcome (hollow when outside the set).",
    "offers": "Offers of the two best-ranked agents in the utility plane, over the packages, the Pareto "
              "frontier and the Nash and Kalai–Smorodinsky packages.",
}


def tournament_figures_html(result) -> list[str]:
    """The tournament's figures as inline SVG, each with a caption that says how to read it."""
    from .figures import figure_to_svg
    from .play_figures import tournament_figures

    try:
        drawn = tournament_figures(result)
    except NegotiationError as exc:
        return [f'<p class="note">No tournament figures: {html.escape(str(exc))}</p>']
    return [f'<figure class="figure-tournament-{stem}">{figure_to_svg(figure)}'
            f"<figcaption>{html.escape(_CAPTIONS[stem])}</figcaption></figure>" for stem, figure in drawn.items()]


def _who_gains_html(draw, stem: str = "who-gains") -> list[str]:
    from . import figures

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            figure = draw()
    except UnsupportedGameError:
        return []  # nothing with payoffs to chart (a deal range alone, say)
    return [f'<figure class="figure-{stem}">{figures.figure_to_svg(figure)}'
            f"<figcaption>{html.escape(_CAPTIONS[stem])}</figcaption></figure>"]


def _comparison_section(c: Comparison, figures: bool = True) -> str:
    section = c.html_section()
    if not figures:
        return section
    from .figures import who_gains_figure

    outcomes = c.payoff_outcomes()
    if not outcomes:
        return section
    chart = "".join(_who_gains_html(lambda: who_gains_figure(outcomes, "Who gains: " + c.title),
                                    "who-gains-compared"))
    return section.replace("</section>", chart + "</section>")


def _glossary_section(sections: Sequence[str]) -> str:
    """The solver terms the page uses, each explained: the page's own glossary."""
    import re

    from ..glossary import terms_in

    text = re.sub(r"<svg.*?</svg>", " ", " ".join(sections), flags=re.S)
    terms = terms_in(html.unescape(re.sub(r"<[^>]+>", " ", text)))
    if not terms:
        return ""
    items = "".join(f"<dt>{html.escape(term)}</dt><dd>{html.escape(meaning)}</dd>" for term, meaning in terms)
    return (f'<section class="glossary" id="glossary"><h2>Glossary</h2><p>The terms the results above use, '
            f'in plain words.</p><dl class="glossary">{items}</dl></section>')
