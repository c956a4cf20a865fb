"""Small formatting helpers shared by games and results: numbers and tables.

Full renderers (LaTeX game tables, figures, reports) live in ``render/``;
this module only gives every object a readable text, HTML and LaTeX form.
"""

from __future__ import annotations

import html
from fractions import Fraction
from typing import Any, Sequence

__all__ = ["number", "plain", "text_table", "html_table", "latex_table", "latex_escape", "latex_monospace"]


def number(value: Any, digits: int = 6) -> str:
    """A short, readable form of a payoff or probability."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value)
    try:
        as_float = float(value)
    except (TypeError, ValueError):
        return str(value)  # a symbolic expression
    if type(value).__module__.startswith("sympy") and not getattr(value, "is_Float", False):
        return str(value)
    text = f"{as_float:.{digits}g}"
    return "0" if text == "-0" else text


def plain(value: Any) -> Any:
    """JSON-ready form: floats stay floats, Fractions become "p/q", sympy becomes text."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if type(value).__module__.startswith("sympy"):
        return str(value)
    if hasattr(value, "tolist"):
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return float(value)


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces, with a rule under the header."""
    table = [list(map(str, header))] + [list(map(str, row)) for row in rows]
    widths = [max(len(row[c]) for row in table) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def fitted_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int = 100,
                 first: int = 26, least: int = 24) -> str:
    """A text table no wider than ``width``: cells wrap, and columns that do not fit go to a further block.

    The first column (the row labels, at most ``first`` characters wide) repeats
    in every block; the others get at least ``least`` characters each.
    """
    import textwrap

    table = [list(map(str, header))] + [list(map(str, row)) for row in rows]
    label = min(first, max(len(row[0]) for row in table))
    per_block = max(1, (width - label) // (least + 2))
    blocks = []
    for start in range(1, len(header), per_block):
        columns = list(range(start, min(start + per_block, len(header))))
        room = (width - label - 2 * len(columns)) // len(columns)
        widths = [label] + [min(room, max(len(row[c]) for row in table)) for c in columns]
        lines = []
        for n, row in enumerate(table):
            cells = [textwrap.wrap(row[c], w) or [""] for c, w in zip([0] + columns, widths)]
            for k in range(max(map(len, cells))):
                lines.append("  ".join((cell[k] if k < len(cell) else "").ljust(w)
                                       for cell, w in zip(cells, widths)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "",
               marked: set | frozenset = frozenset()) -> str:
    """An HTML table; cells ``(row, column)`` in ``marked`` get the class "changed"."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="changed">{html.escape(str(c))}</td>' if (r, k) in marked
                         else f"<td>{html.escape(str(c))}</td>" for k, c in enumerate(row)) + "</tr>"
        for r, row in enumerate(rows)
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """``text`` safe anywhere in a LaTeX document: specials escaped, control characters and line breaks
    turned into spaces (a blank line would end a paragraph inside a label)."""
    return "".join(_LATEX_SPECIALS.get(ch, " " if ch < " " or "\x7f" <= ch <= "\x9f" else ch) for ch in str(text))


def latex_monospace(text: str) -> str:
    """Preformatted text (a result as printed) as escaped, line-by-line typewriter text.

    Never ``verbatim``: a label containing ``\\end{verbatim}`` would close it and
    let the rest of the label run as LaTeX.
    """
    lines = [latex_escape(line).replace(" ", "~") or r"\mbox{}" for line in str(text).split("\n")]
    return "\\begin{flushleft}\\small\\ttfamily\n" + "\\\\\n".join(lines) + "\n\\end{flushleft}"


def latex_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    spec = "l" * len(header)
    lines = [
        rf"\begin{{tabular}}{{{spec}}}",
        " & ".join(latex_escape(h) for h in header) + r" \\ \hline",
    ]
    lines += [" & ".join(latex_escape(c) for c in row) + r" \\" for row in rows]
    lines.append(r"\end{tabular}")
    return "\n".join(lines)


_TEXT_SPECIALS = {**_LATEX_SPECIALS, "\\": r"\backslash "}


class Displays:
    """Notebook display for results whose printed form is their best form.

    Jupyter shows ``_repr_html_`` (the text, preformatted) and, where LaTeX is
    preferred, ``_repr_latex_`` (the same lines in a MathJax array).
    """

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"

    def _repr_latex_(self) -> str:
        return latex_lines(str(self))


def latex_lines(text: str) -> str:
    r"""Plain text as display math that MathJax renders: one ``\text{}`` per line."""
    lines = []
    for line in text.splitlines():
        body = line.lstrip(" ")
        indent = rf"\hspace{{{(len(line) - len(body)) * 0.5:g}em}}" if body != line else ""
        lines.append(indent + r"\text{" + "".join(_TEXT_SPECIALS.get(ch, ch) for ch in body) + "}")
    return r"$$\begin{array}{l}" + r" \\ ".join(lines or [r"\text{}"]) + r"\end{array}$$"
