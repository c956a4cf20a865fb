"""Figures with matplotlib (the ``plot`` extra): each is one call returning a Figure.

* :func:`payoff_heatmap`: a two-player game, one panel per player, pure
  equilibria framed and best responses in bold;
* :func:`tree_figure`: a game tree with the equilibrium path in thick red, the
  plan off the path dotted, information sets dashed and chance probabilities
  on the moves, each leaf naming whose payoff is whose;
* :func:`deal_figure`: a deal range (what each side accepts, and the overlap),
  a bargaining problem (feasible set, Pareto frontier, disagreement point and
  the Nash, Kalai–Smorodinsky, egalitarian and utilitarian solutions), a deal
  space of packages, or the split under alternating offers;
* :func:`region_map`: which outcome holds where, over one or two parameters
  of a sweep;
* :func:`who_gains`: each side's payoff under each predicted outcome;
* :func:`scenario_figure`: any of these for a scenario, by kind
  (:func:`figure_kinds` says which a scenario has).

Save any of them with ``figure.savefig("name.png")`` (or ``.svg``, ``.pdf``).
The figures are built on :class:`matplotlib.figure.Figure` directly, without
pyplot, so they work in scripts, servers and notebooks alike.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render import figures
>>> figure = figures.payoff_heatmap(ng.NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]]))
>>> [axes.get_title() for axes in figure.axes[:2]]
['payoff to Player 1', 'payoff to Player 2']
"""

from __future__ import annotations

from .base import CHOSEN, PALETTE, PLANNED, figure_to_svg, have_matplotlib, require_matplotlib
from .deals import deal_figure, shares_figure
from .gains import who_gains, who_gains_figure
from .geometry import overlapping_texts, texts_outside
from .heatmap import MAX_HEATMAP_CELLS, payoff_heatmap
from .regions import MAX_POINTS, check_points, region_map
from .scenario import KINDS, figure_kinds, region_axes, scenario_figure
from .tree import MAX_TREE_NODES, equilibrium_path, tree_figure

__all__ = ["payoff_heatmap", "tree_figure", "equilibrium_path", "deal_figure", "shares_figure", "region_map",
           "scenario_figure", "figure_kinds", "who_gains", "who_gains_figure", "region_axes", "figure_to_svg", "KINDS", "have_matplotlib",
           "require_matplotlib", "overlapping_texts", "texts_outside", "check_points", "CHOSEN", "PLANNED",
           "PALETTE", "MAX_TREE_NODES", "MAX_HEATMAP_CELLS", "MAX_POINTS"]
