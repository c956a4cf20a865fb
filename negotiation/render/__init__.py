"""Renderers: any game, result or solved scenario as text, Markdown, LaTeX or HTML.

:func:`render` picks the renderer for an object and a format. The modules
hold the pieces: :mod:`.markdown`, :mod:`.latex` (sgame and TikZ),
:mod:`.beamer` (slides), :mod:`.figures` (matplotlib, the ``plot`` extra)
and :mod:`.report` (a self-contained HTML page).

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import render
>>> game = ng.NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
>>> print(render(game, "markdown").splitlines()[2])
| s1 | **2**, **1** | 0, 0 |
"""

from __future__ import annotations

import html
from typing import Any

from ..errors import ParameterError

__all__ = ["render", "FORMATS"]

FORMATS = ("text", "markdown", "latex", "html")


def render(obj: Any, format: str = "text", beamer: bool = False) -> str:
    """``obj`` (a game, a tree, a result, or a ScenarioReport) in ``format``.

    With ``beamer=True`` (LaTeX only), a solved scenario becomes a complete
    beamer document and anything else one ``[fragile]`` frame, scaled to fit
    the slide (:mod:`.beamer`).
    """
    if format not in FORMATS:
        raise ParameterError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if beamer:
        if format != "latex":
            raise ParameterError(f"beamer slides are LaTeX; use format 'latex', not {format!r}")
        return _beamer(obj)
    if format == "text":
        return str(obj)
    return {"markdown": _markdown, "latex": _latex, "html": _html}[format](obj)


def _kind(obj: Any) -> str:
    from ..games.normal_form import NormalFormGame
    from ..games.tree import GameTree
    from ..scenario import ScenarioReport
    from ..solvers.results import EquilibriumSet

    for cls, name in ((NormalFormGame, "game"), (GameTree, "tree"), (EquilibriumSet, "equilibria"),
                      (ScenarioReport, "report")):
        if isinstance(obj, cls):
            return name
    return "other"


def _markdown(obj: Any) -> str:
    from . import markdown

    kind = _kind(obj)
    if kind == "game":
        return markdown.game_markdown(obj)
    if kind == "report":
        return markdown.report_markdown(obj)
    if kind == "equilibria":
        return obj._status() + "\n\n" + markdown.table_markdown(*obj._rows())
    if hasattr(obj, "to_markdown"):
        return obj.to_markdown()
    return "```text\n" + str(obj) + "\n```"


def _latex(obj: Any) -> str:
    from . import latex

    kind = _kind(obj)
    if kind == "game":
        return latex.game_latex(obj)
    if kind == "tree":
        return latex.tree_latex(obj)
    if kind == "equilibria":
        return latex.equilibria_latex(obj)
    if kind == "report":
        return latex.report_latex(obj)
    return "\\begin{verbatim}\n" + str(obj) + "\n\\end{verbatim}"


def _beamer(obj: Any) -> str:
    from . import beamer

    if _kind(obj) == "report":
        return beamer.slides(*beamer.scenario_slides(obj), title=obj.instance.scenario.title)
    return beamer.frame(obj)


def _html(obj: Any) -> str:
    from . import report

    if _kind(obj) == "report":
        return report.html_report([obj])
    if hasattr(obj, "_repr_html_"):
        return obj._repr_html_()
    return f"<pre>{html.escape(str(obj))}</pre>"
