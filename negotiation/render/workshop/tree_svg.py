"""A game tree as an SVG template: drawn once, then filled in at each grid point.

The shape, the players and the moves are the template; each point of the
workshop page fills in the leaves' payoffs and marks the subgame-perfect
path and the plan off it. So the tree stays put while a slider moves and
only what changed is redrawn.

Examples
--------
>>> import negotiation as ng
>>> template = tree_template(ng.load_scenario("tariff_standoff").build("tree"))
>>> template.svg.startswith("<svg"), len(template.leaves), len(template.edges)
(True, 4, 6)
>>> fill = tree_fill(template, ng.load_scenario("tariff_standoff").build("tree"))
>>> fill["values"][0], [template.edges[k][1] for k in fill["path"]]
(['50', '-70'], ['Refuse', 'Impose tariffs', 'Retaliate'])
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..._format import number
from ...errors import UnsupportedGameError
from ..layout import tree_layout
from ..marks import chosen_moves, equilibrium_path

__all__ = ["TreeTemplate", "tree_template", "tree_fill", "MAX_NODES"]

#: Past this many nodes a tree is not legible on a projected page; the page shows the path in words instead.
MAX_NODES = 120
_CHAR = 7.2  # px per character at the page's 12 px font
_LEVEL = 96  # px between depths
_MARGIN = 24


@dataclass(frozen=True)
class TreeTemplate:
    """The SVG with empty payoff slots, and the order of its leaves and edges (``(node, action)``)."""

    svg: str
    leaves: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]


def tree_template(tree) -> TreeTemplate:
    """Draw ``tree``'s nodes, moves, players and information sets; payoffs are left for :func:`tree_fill`."""
    if tree.num_nodes > MAX_NODES:
        raise UnsupportedGameError(f"a tree of {tree.num_nodes} nodes is too large for the page (at most {MAX_NODES})")
    layout = tree_layout(tree)
    leaves = tuple(node for node in layout if tree.kind(node) == "terminal")
    edges = tuple((node, action) for node in layout for action, _ in tree.children(node))
    widest_payoff = max(len(p) for p in tree.players) + 8
    widest_action = max((len(_action_label(tree, n, a)) for n, a in edges), default=0)
    unit = max(96.0, _CHAR * widest_payoff + 20, _CHAR * widest_action * 0.9)
    depth = max(y for _, y in layout.values())
    lines = len(tree.players)

    def at(node):
        x, y = layout[node]
        return _MARGIN + unit / 2 + x * unit, _MARGIN + 22 + y * _LEVEL

    width = unit * len(leaves) + 2 * _MARGIN
    height = _MARGIN + 22 + depth * _LEVEL + 16 * lines + 16
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="tree" viewBox="0 0 {width:.0f} {height:.0f}" '
             f'style="min-width:{0.8 * width:.0f}px;max-width:{1.4 * width:.0f}px" role="img" aria-label="game tree">']
    parts += _infoset_links(tree, at)
    parts += [_edge(tree, k, node, action, at) for k, (node, action) in enumerate(edges)]
    for node in layout:
        parts.append(_node(tree, node, at))
    parts += [_leaf_slot(tree, k, leaf, at) for k, leaf in enumerate(leaves)]
    parts.append("</svg>")
    return TreeTemplate("".join(parts), leaves, edges)


def tree_fill(template: TreeTemplate, tree, solution=None) -> dict:
    """What one grid point puts into the template: each leaf's payoffs, and the path and plan as edge numbers."""
    chosen = chosen_moves(tree, solution)
    path = equilibrium_path(tree, chosen)
    return {"values": [[number(v, 4) for v in tree.payoffs_of(leaf)] for leaf in template.leaves],
            "path": [k for k, edge in enumerate(template.edges) if edge in path],
            "plan": [k for k, edge in enumerate(template.edges) if edge in chosen and edge not in path]}


def _action_label(tree, node, action) -> str:
    if tree.kind(node) == "chance":
        return f"{action} ({number(tree.probabilities(node)[action], 3)})"
    return action


def _edge(tree, k, node, action, at) -> str:
    child = dict(tree.children(node))[action]
    (x1, y1), (x2, y2) = at(node), at(child)
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    anchor, dx = ("end", -6) if x2 < x1 - 1 else ("start", 6)
    label = escape(_action_label(tree, node, action))
    return (f'<g class="edge" data-edge="{k}"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'
            f'<text x="{mx + dx:.1f}" y="{my:.1f}" text-anchor="{anchor}">{label}</text></g>')


def _node(tree, node, at) -> str:
    x, y = at(node)
    kind = tree.kind(node)
    if kind == "terminal":
        return f'<circle class="leaf" cx="{x:.1f}" cy="{y:.1f}" r="3"/>'
    if kind == "chance":
        return (f'<rect class="chance" x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" '
                f'transform="rotate(45 {x:.1f} {y:.1f})"/><text class="player" x="{x:.1f}" y="{y - 12:.1f}" '
                'text-anchor="middle">Chance</text>')
    return (f'<circle class="decision" cx="{x:.1f}" cy="{y:.1f}" r="6"/><text class="player" x="{x:.1f}" '
            f'y="{y - 12:.1f}" text-anchor="middle">{escape(tree.player_of(node))}</text>')


def _leaf_slot(tree, k, leaf, at) -> str:
    x, y = at(leaf)
    spans = "".join(f'<tspan x="{x:.1f}" dy="{16 if i else 18}">{escape(player)} <tspan class="v"></tspan></tspan>'
                    for i, player in enumerate(tree.players))
    return f'<text class="payoff" data-leaf="{k}" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{spans}</text>'


def _infoset_links(tree, at) -> list[str]:
    """A dashed line through the nodes of each information set with more than one node."""
    links = []
    for members in tree.infosets().values():
        if len(members) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in sorted(at(n) for n in members))
            links.append(f'<polyline class="infoset" points="{points}"/>')
    return links
