"""Pictures in notebooks: trees, deal ranges, bargaining problems and deal spaces display as inline SVG.

The game model never imports the renderers, so the pictures are attached
from here, as IPython display formatters: :func:`enable` registers them, and
``import negotiation`` calls it when it runs inside IPython or Jupyter. Each
display is the figure (SVG) followed by the object's text; without
matplotlib, or for a figure too large to draw, it is the text alone.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render.notebook import picture_html
>>> page = picture_html(ng.load_scenario("tariff_standoff").build("tree"))
>>> page.startswith('<div class="negotiation-picture"><svg'), "<pre>" in page
(True, True)
"""

from __future__ import annotations

import warnings

__all__ = ["picture_html", "enable", "PICTURED"]

#: The classes that display as pictures, as (module, class name).
PICTURED = (("negotiation.games.tree", "GameTree"), ("negotiation.bargaining.deal_range", "DealRange"),
            ("negotiation.bargaining.problem", "BargainingProblem"),
            ("negotiation.bargaining.deal_space", "DealSpace"))


def picture_html(obj) -> str:
    """The object's figure as inline SVG, then its text; the text alone when no figure can be drawn."""
    from ..errors import NegotiationError
    from . import figures

    text = obj._repr_html_()
    if not figures.have_matplotlib():
        return text
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            figure = _figure(obj)
    except NegotiationError:  # too large, or a form the figures do not draw: the text says it all
        return text
    return f'<div class="negotiation-picture">{figures.figure_to_svg(figure)}</div>{text}'


def _figure(obj):
    from . import figures

    if type(obj).__name__ == "GameTree":
        return figures.tree_figure(obj)
    if type(obj).__name__ == "BargainingProblem" and obj.num_players != 2:
        from ..errors import UnsupportedGameError

        raise UnsupportedGameError("only two-sided bargaining problems are drawn")
    return figures.deal_figure(obj)


def enable(shell=None) -> bool:
    """Register the pictures with IPython's HTML formatter; False when not running in IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or "text/html" not in formatters:
        return False
    for module, name in PICTURED:
        formatters["text/html"].for_type_by_name(module, name, picture_html)
    return True
