"""What every figure shares: the optional matplotlib import, a blank figure, colours and literal dollars."""

from __future__ import annotations

import textwrap

from ...errors import MissingDependencyError

__all__ = ["have_matplotlib", "require_matplotlib", "new_figure", "literal_dollars", "figure_to_svg",
           "wrap_title", "CHOSEN", "PLANNED", "PALETTE"]

CHOSEN = "#b22222"  # the equilibrium path
PLANNED = "#e08a2c"  # choices the equilibrium plans off its path
PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c",
           "#ccb974", "#64b5cd"]


def have_matplotlib() -> bool:
    """Whether the ``plot`` extra (matplotlib) is installed."""
    try:
        import matplotlib  # noqa: F401  (only to find out whether it is installed)
    except ImportError:
        return False
    return True


def require_matplotlib(what: str = "figures") -> None:
    """A one-line error naming the extra to install, instead of a traceback from an import."""
    if not have_matplotlib():
        raise MissingDependencyError(f"{what} need matplotlib: pip install 'negotiation[plot]'")


def new_figure(width: float, height: float):
    """A blank figure of ``width`` × ``height`` inches, without pyplot (scripts, servers and notebooks alike)."""
    require_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def wrap_title(title: str, width_inches: float, fontsize: float = 12) -> str:
    """``title`` broken into lines that fit ``width_inches`` at ``fontsize`` points."""
    per_line = max(20, int(width_inches * 72 / (0.55 * fontsize)))
    return "\n".join(textwrap.wrap(title, per_line)) or title


def literal_dollars(figure):
    """Make every ``$`` in the figure's text print as a dollar sign, never start mathtext.

    Labels come from users ("Pledge $50B"); matplotlib would read ``$...$`` as
    mathematics and fail on it. Escaped dollars are drawn literally.
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter

    def escape(text: str) -> str:
        return text.replace("\\$", "$").replace("$", "\\$")

    for text in figure.findobj(Text):
        if "$" in text.get_text():
            text.set_text(escape(text.get_text()))
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, FixedFormatter):
                formatter.seq = [escape(str(label)) for label in formatter.seq]
    return figure


def figure_to_svg(figure) -> str:
    """The figure as an SVG string, for inline HTML."""
    import io

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]
