"""Where to draw each node of a game tree: one layout for TikZ and for matplotlib figures.

Leaves sit one unit apart, left to right in the order moves were added; a
parent sits midway between its first and last child; depth grows downwards.
"""

from __future__ import annotations

__all__ = ["tree_layout"]


def tree_layout(tree) -> dict[str, tuple[float, float]]:
    """``{node: (x, depth)}`` with ``x`` in leaf units and the root at depth 0."""
    tree.check()
    depth = {tree.root: 0}
    order = []  # preorder, so children follow their parent
    stack = [tree.root]
    while stack:
        node = stack.pop()
        order.append(node)
        children = [child for _, child in tree.children(node)]
        for child in children:
            depth[child] = depth[node] + 1
        stack.extend(reversed(children))
    x: dict[str, float] = {}
    next_leaf = 0.0
    for node in order:
        if tree.kind(node) == "terminal":
            x[node] = next_leaf
            next_leaf += 1.0
    for node in reversed(order):
        if node not in x:
            children = [child for _, child in tree.children(node)]
            x[node] = (x[children[0]] + x[children[-1]]) / 2
    return {node: (x[node], float(depth[node])) for node in order}
