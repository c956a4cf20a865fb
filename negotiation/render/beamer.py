r"""Beamer slides: a game, a tree or a solved scenario as frames that compile and fit the slide.

Each frame is ``[fragile]``, because the ``sgame`` table changes the meaning
of ``&`` and beamer would otherwise read it too early ("Missing } inserted").
Tables and trees are scaled down to the slide (never up) with
``adjustbox``'s ``max width`` and ``max totalheight``.

* :func:`frame` puts a game, tree, equilibrium set or any result on one slide;
* :func:`scenario_slides` gives a scenario's frames: the bottom line, the
  matrix, the tree, and the answers;
* :func:`slides` wraps frames in a complete beamer document for ``pdflatex``.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import beamer
>>> game = ng.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]])
>>> print(beamer.frame(game, "A prisoner's dilemma").splitlines()[0])
\begin{frame}[fragile]{A prisoner's dilemma}
"""

from __future__ import annotations

from typing import Any

from .._format import latex_escape, latex_monospace
from .latex import PREAMBLE, equilibria_latex, game_latex, tree_latex

__all__ = ["frame", "scenario_slides", "slides", "BEAMER_PREAMBLE"]

#: The article preamble's packages and Unicode declarations, on a 16:9 beamer class.
BEAMER_PREAMBLE = (r"\documentclass[aspectratio=169]{beamer}" + "\n"
                   + "\n".join(line for line in PREAMBLE.splitlines()[1:]
                               if "geometry" not in line and "pagestyle" not in line)
                   + "\n" + r"\usepackage{varwidth}" + "\n" + r"\usepackage{adjustbox}" + "\n" + r"\setbeamertemplate{navigation symbols}{}" + "\n")

# grown to at least 85% of the slide's width, then shrunk to fit it: small tables fill the slide, large ones fit
_FIT = r"varwidth=8\textwidth, min width=0.85\textwidth, max width=\textwidth, max totalheight=0.78\textheight, center"
_TEXT_FIT = r"max width=\textwidth, max totalheight=0.85\textheight"


def frame(obj: Any, title: str = "", note: str = "") -> str:
    """One slide holding ``obj`` (a game, a tree, equilibria, or any result as text), scaled to fit."""
    body, _, caption = _body(obj).partition("\n\\par\\smallskip")
    heading = latex_escape(title or getattr(obj, "title", "") or "")
    # a table's caption wraps at the slide's width below it, instead of widening (and so shrinking) the table
    extra = f"\n\\par\\smallskip{caption}" if caption else ""
    extra += f"\n\\par\\smallskip{{\\small {latex_escape(note)}}}" if note else ""
    return (f"\\begin{{frame}}[fragile]{{{heading}}}\n\\begin{{adjustbox}}{{{_FIT}}}\n"
            f"\\centering\n{body}\n\\end{{adjustbox}}{extra}\n\\end{{frame}}")


def _body(obj: Any) -> str:
    from ..games.normal_form import NormalFormGame
    from ..games.tree import GameTree
    from ..solvers.results import EquilibriumSet

    if isinstance(obj, NormalFormGame):
        return game_latex(obj)
    if isinstance(obj, GameTree):
        return tree_latex(obj)
    if isinstance(obj, EquilibriumSet):
        return equilibria_latex(obj)
    if hasattr(obj, "tree") and hasattr(obj, "equilibria"):  # a subgame-perfect result: its tree, path in red
        return tree_latex(obj.tree, obj)
    return latex_monospace(str(obj))


def scenario_slides(report) -> list[str]:
    """A solved scenario's frames: its summary, its matrix and tree, its outcomes, and the answers."""
    from ..games.normal_form import NormalFormGame
    from ..games.tree import GameTree
    from .outcomes import outcome_rows

    s = report.instance.scenario
    frames = [_text_frame(s.title, [report.instance.bottom_line()] if hasattr(report.instance, "bottom_line")
                          else [s.summary], subtitle=f"{s.date.isoformat()} · scenario {s.name}")]
    sections = dict(report.sections)
    for title, result in sections.items():
        if isinstance(result, NormalFormGame):
            frames.append(frame(result, result.title or title))
        elif isinstance(result, GameTree) or (hasattr(result, "tree") and hasattr(result, "equilibria")):
            frames.append(frame(result, getattr(result, "title", "") or title[:1].upper() + title[1:],
                                note="Thick red: the subgame-perfect choices."))
    answers = report.instance.answers()
    outcomes = outcome_rows(report)[: len(outcome_rows(report)) - len(answers)]
    if outcomes:
        frames.append(_text_frame("Outcomes", [f"\\textbf{{{latex_escape(a)}:}} {latex_escape(o)}" for a, o in outcomes],
                                  escaped=True))
    if answers:
        frames.append(_text_frame("Questions", [f"\\textbf{{{latex_escape(q)}}} {latex_escape(a)}"
                                                for q, a in answers], escaped=True))
    return frames


def _text_frame(title: str, paragraphs: list[str], subtitle: str = "", escaped: bool = False) -> str:
    items = "\n".join(f"\\item {p if escaped else latex_escape(p)}" for p in paragraphs)
    sub = f"{{{latex_escape(subtitle)}}}" if subtitle else ""
    return (f"\\begin{{frame}}[fragile]{{{latex_escape(title)}}}{sub}\n\\begin{{adjustbox}}{{{_TEXT_FIT}}}\n"
            f"\\begin{{minipage}}{{\\linewidth}}\\small\n\\begin{{itemize}}\n{items}\n\\end{{itemize}}\n"
            f"\\end{{minipage}}\n\\end{{adjustbox}}\n\\end{{frame}}")


def slides(*frames: str, title: str = "") -> str:
    """A complete beamer document (16:9) of ``frames``, with a title slide when ``title`` is given."""
    heading = (f"\\title{{{latex_escape(title)}}}\n\\date{{}}\n" if title else "")
    opening = "\\begin{frame}\n\\titlepage\n\\end{frame}\n" if title else ""
    return BEAMER_PREAMBLE + heading + "\\begin{document}\n" + opening + "\n\n".join(frames) + "\n\\end{document}\n"
