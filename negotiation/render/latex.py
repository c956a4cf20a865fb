r"""LaTeX for slides and papers: matrix games in ``sgame`` format, trees in TikZ.

* :func:`game_latex` writes a two-player game as an ``sgame`` table
  (``\usepackage{sgame}``), each player's best responses underlined, so the
  pure equilibria are the cells with both payoffs underlined; the equilibria
  (mixed ones too, when a result is given) are listed under it. Games of
  three or more players are written as a table of profiles.
* :func:`tree_latex` draws a game tree in plain TikZ: information sets as
  dashed lines, chance probabilities on the moves, payoffs under the leaves,
  and the subgame-perfect choices as thick red moves.
* :func:`document` wraps pieces in a complete ``article`` that ``pdflatex``
  compiles.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import latex
>>> game = ng.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     players=("U.S.", "China"), strategies=(("Hold", "Tariff"), ("Hold", "Tariff")))
>>> print(latex.game_latex(game))
\begin{game}{2}{2}[U.S.][China]
 & Hold & Tariff \\
Hold & $3, 3$ & $0, \underline{5}$ \\
Tariff & $\underline{5}, 0$ & $\underline{1}, \underline{1}$
\end{game}
\par\smallskip{\small Best responses underlined. Pure equilibria: (Tariff, Tariff).}
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from .._format import latex_escape, latex_monospace, number
from .layout import tree_layout
from .marks import best_response_cells, chosen_moves

__all__ = ["game_latex", "tree_latex", "equilibria_latex", "report_latex", "document", "math_number", "PREAMBLE"]

PREAMBLE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[margin=2cm,landscape]{geometry}
\usepackage{amsmath}
\usepackage{sgame}
\usepackage{tikz}
\usetikzlibrary{positioning}
\pagestyle{empty}
\DeclareUnicodeCharacter{2192}{\ensuremath{\rightarrow}}
\DeclareUnicodeCharacter{2265}{\ensuremath{\geq}}
\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}
\DeclareUnicodeCharacter{2212}{\ensuremath{-}}
\DeclareUnicodeCharacter{2248}{\ensuremath{\approx}}
\DeclareUnicodeCharacter{03B4}{\ensuremath{\delta}}
\DeclareUnicodeCharacter{0394}{\ensuremath{\Delta}}
\DeclareUnicodeCharacter{2014}{---}
\DeclareUnicodeCharacter{2013}{--}
\DeclareUnicodeCharacter{2026}{\ldots}
\DeclareUnicodeCharacter{00D7}{\ensuremath{\times}}
\DeclareUnicodeCharacter{2019}{'}
"""

# Greek letters and symbols that labels, sources and verdicts use (η for an elasticity, λ for logit…)
_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma "
          "tau upsilon phi chi psi omega").split()
_SYMBOLS = {"00B1": r"\pm", "00B7": r"\cdot", "2260": r"\neq", "221E": r"\infty", "2211": r"\sum",
            "221A": r"\surd", "2208": r"\in"}
PREAMBLE += "".join(
    rf"\DeclareUnicodeCharacter{{{0x3B1 + k:04X}}}{{\ensuremath{{\{name}}}}}" + "\n"
    for k, name in enumerate(_GREEK) if name not in ("delta", "omicron"))
PREAMBLE += r"\DeclareUnicodeCharacter{03BF}{o}" + "\n"
PREAMBLE += "".join(rf"\DeclareUnicodeCharacter{{{code}}}{{\ensuremath{{{command}}}}}" + "\n"
                    for code, command in _SYMBOLS.items())


def math_number(value: Any) -> str:
    """A payoff or probability for math mode: fractions as ``\\tfrac``, symbols via sympy."""
    if isinstance(value, Fraction) and value.denominator != 1:
        sign = "-" if value < 0 else ""
        return rf"{sign}\tfrac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if type(value).__module__.startswith("sympy"):
        import sympy

        return sympy.latex(value)
    return number(value)


def game_latex(game, result=None) -> str:
    """``game`` as LaTeX: sgame for two players, a profile table otherwise.

    ``result`` (an :class:`~negotiation.EquilibriumSet`) adds the mixed
    equilibria to the note under the table.
    """
    if game.num_players != 2:
        return _profile_table(game)
    marks = best_response_cells(game) if not game.is_symbolic else None
    rows, cols = game.strategies
    lines = [
        rf"\begin{{game}}{{{len(rows)}}}{{{len(cols)}}}[{latex_escape(game.players[0])}][{latex_escape(game.players[1])}]",
        " & " + " & ".join(latex_escape(c) for c in cols) + r" \\",
    ]
    for r, row in enumerate(rows):
        cells = []
        for c in range(len(cols)):
            values = []
            for i, array in enumerate(game.payoffs):
                text = math_number(array[r, c])
                values.append(rf"\underline{{{text}}}" if marks is not None and marks[i][r, c] else text)
            cells.append(f"${', '.join(values)}$")
        ending = r" \\" if r < len(rows) - 1 else ""
        lines.append(f"{latex_escape(row)} & " + " & ".join(cells) + ending)
    lines.append(r"\end{game}")
    lines.append(rf"\par\smallskip{{\small {_note(game, marks, result)}}}")
    return "\n".join(lines)


def _note(game, marks, result) -> str:
    if marks is None:
        return "Symbolic payoffs: substitute values to mark equilibria."
    import numpy as np

    pure = [
        "(" + ", ".join(latex_escape(game.strategies[i][k]) for i, k in enumerate(cell)) + ")"
        for cell in zip(*np.nonzero(np.logical_and.reduce(marks)))
    ]
    note = "Best responses underlined. Pure equilibria: " + (", ".join(pure) if pure else "none") + "."
    mixed = [eq for eq in (result or ()) if not eq.is_pure]
    if mixed:
        note += " Mixed: " + "; ".join(_mixed(eq) for eq in mixed) + "."
    return note


def _mixed(equilibrium) -> str:
    parts = []
    for labels, probabilities in zip(equilibrium.strategies, equilibrium.profile):
        parts.append(", ".join(
            f"{latex_escape(s)} ${math_number(p)}$" for s, p in zip(labels, probabilities) if p != 0))
    return "(" + " | ".join(parts) + ")"


def _profile_table(game) -> str:
    header = " & ".join(latex_escape(p) for p in game.players) + r" & payoffs \\ \hline"
    lines = [rf"\begin{{tabular}}{{{'l' * game.num_players}l}}", header]
    for cell in itertools.product(*(range(k) for k in game.shape)):
        labels = [latex_escape(game.strategies[i][k]) for i, k in enumerate(cell)]
        payoffs = ", ".join(math_number(a[cell]) for a in game.payoffs)
        lines.append(" & ".join(labels) + f" & ${payoffs}$ " + r"\\")
    lines.append(r"\end{tabular}")
    return "\n".join(lines)


def equilibria_latex(result) -> str:
    """An equilibrium set as a LaTeX table: each player's mix, and the payoffs."""
    header = [*result.game.players, "payoffs"]
    lines = [rf"\begin{{tabular}}{{{'l' * len(header)}}}", " & ".join(map(latex_escape, header)) + r" \\ \hline"]
    for eq in result:
        mixes = [
            ", ".join(f"{latex_escape(s)} ${math_number(p)}$" for s, p in zip(labels, probs) if p != 0)
            for labels, probs in zip(eq.strategies, eq.profile)
        ]
        payoffs = ", ".join(math_number(v) for v in eq.payoffs)
        lines.append(" & ".join(mixes) + f" & ${payoffs}$ " + r"\\")
    lines.append(r"\end{tabular}")
    return "\n".join(lines)


def tree_latex(tree, solution=None, unit: float | None = None) -> str:
    """A TikZ picture of ``tree`` with the subgame-perfect choices drawn thick and red.

    ``solution`` is a backward-induction or subgame-perfect result (computed
    when omitted; pass ``False`` to draw no path). ``unit`` is the horizontal
    distance between leaves, in centimetres (by default wide enough for the
    longest payoff label, so neighbouring leaves never touch).
    """
    positions = tree_layout(tree)
    if unit is None:
        widest = max((len(", ".join(number(v) for v in tree.payoffs_of(n))) for n in positions
                      if tree.kind(n) == "terminal"), default=6)
        unit = max(1.6, 0.2 * widest + 0.7)
    chosen = set() if solution is False else chosen_moves(tree, solution)
    names = {node: f"n{k}" for k, node in enumerate(positions)}
    lines = [
        rf"\begin{{tikzpicture}}[x={unit:g}cm, y=-1.8cm, font=\small,",
        r"  decision/.style={circle, fill, inner sep=1.6pt},",
        r"  chance/.style={circle, draw, inner sep=2.2pt},",
        r"  terminal/.style={inner sep=1pt},",
        r"  move/.style={thin}, chosen/.style={very thick, red!75!black},",
        r"  infoset/.style={dashed, thick, gray}]",
    ]
    for node, (x, y) in positions.items():
        lines.append(_tikz_node(tree, node, names[node], x, y))
    for node in positions:
        if tree.kind(node) == "terminal":
            continue
        chance = tree.kind(node) == "chance"
        probabilities = tree.probabilities(node) if chance else {}
        for action, child in tree.children(node):
            style = "chosen" if (node, action) in chosen else "move"
            label = latex_escape(action)
            if chance:
                label += rf" (${math_number(probabilities[action])}$)"
            side = "left" if positions[child][0] < positions[node][0] else "right"
            if positions[child][0] == positions[node][0]:
                side = "right"
            lines.append(rf"\draw[{style}] ({names[node]}) -- node[{side}, pos=0.45, inner sep=2pt] {{{label}}} "
                         rf"({names[child]});")
    for infoset, members in tree.infosets().items():
        if len(members) > 1:
            ordered = sorted(members, key=lambda n: positions[n][0])
            path = " -- ".join(f"({names[n]})" for n in ordered)
            lines.append(rf"\draw[infoset] {path};")
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines)


def _tikz_node(tree, node: str, name: str, x: float, y: float) -> str:
    kind = tree.kind(node)
    where = f"({x:g}, {y:g})"
    if kind == "terminal":
        payoffs = ", ".join(math_number(v) for v in tree.payoffs_of(node))
        return rf"\node[terminal, below] ({name}) at {where} {{$({payoffs})$}};"
    if kind == "chance":
        return rf"\node[chance, label=above:{{Chance}}] ({name}) at {where} {{}};"
    return rf"\node[decision, label=above:{{{latex_escape(tree.player_of(node))}}}] ({name}) at {where} {{}};"


def document(*parts: str, title: str = "") -> str:
    """A complete LaTeX document holding ``parts`` (each on its own paragraph)."""
    body = "\n\n\\bigskip\n\n".join(parts)
    heading = rf"\section*{{{latex_escape(title)}}}" + "\n" if title else ""
    return PREAMBLE + "\\begin{document}\n" + heading + body + "\n\\end{document}\n"


def report_latex(report) -> str:
    """A solved scenario as a complete document: summary, parameters, sources, games and results."""
    from .._format import latex_table
    from ..games.normal_form import NormalFormGame
    from ..games.tree import GameTree

    s = report.instance.scenario
    values = report.instance.values
    parts = [latex_escape(s.summary)]
    rows = [[p.name, number(values[p.name]), p.unit, p.source] for p in s.parameters]
    parts.append(r"\subsection*{Parameters}" + "\n" + latex_table(["name", "value", "unit", "source"], rows))
    parts.append(r"\subsection*{Sources}" + "\n" + r"\begin{itemize}" + "".join(
        f"\n\\item {latex_escape(source.cite())}" for source in s.sources) + "\n" + r"\end{itemize}")
    sections = dict(report.sections)
    for title, result in sections.items():
        if isinstance(result, NormalFormGame):
            body = game_latex(result, sections.get("equilibria"))
        elif isinstance(result, GameTree):
            body = tree_latex(result)
        elif hasattr(result, "tree") and title == "sequential moves":
            body = tree_latex(result.tree, result) + "\n\n" + _verbatim(result)
        else:
            body = _verbatim(result)
        parts.append(rf"\subsection*{{{latex_escape(title[:1].upper() + title[1:])}}}" + "\n" + body)
    return document(*parts, title=f"{s.title} ({s.date.isoformat()})")


def _verbatim(result) -> str:
    return latex_monospace(str(result))
