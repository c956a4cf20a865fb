"""What the renderers mark on a game: best responses, pure equilibria, the subgame-perfect choices."""

from __future__ import annotations

import numpy as np

from ..games.profiles import best_response_cells

__all__ = ["best_response_cells", "pure_equilibrium_cells", "chosen_moves", "equilibrium_path"]


def pure_equilibrium_cells(game) -> np.ndarray:
    """Cells where every player's strategy is a best response: the pure equilibria."""
    return np.logical_and.reduce(best_response_cells(game))


def chosen_moves(tree, solution=None) -> set[tuple[str, str]]:
    """``(node, action)`` pairs chosen with positive probability by a subgame-perfect equilibrium.

    ``solution`` is a result of :func:`~negotiation.backward_induction` or
    :func:`~negotiation.subgame_perfect_equilibria` (its first equilibrium is
    shown), or one equilibrium; by default backward induction (or subgame
    decomposition when information is imperfect) is run.
    """
    if solution is None:
        from ..solvers import backward_induction, subgame_perfect_equilibria

        solution = backward_induction(tree) if tree.is_perfect_information else subgame_perfect_equilibria(tree)
    equilibria = getattr(solution, "equilibria", (solution,))
    if not equilibria:
        return set()
    equilibrium = equilibria[0]
    chosen = set()
    for node in tree.nodes("decision"):
        choice = equilibrium.behaviour.get(tree.infoset_of(node), {})
        chosen.update((node, action) for action, p in choice.items() if p > 0)
    return chosen


def equilibrium_path(tree, chosen) -> set[tuple[str, str]]:
    """The moves actually played: the chosen moves reached from the root, and chance's moves on the way."""
    path, stack = set(), [tree.root]
    while stack:
        node = stack.pop()
        kind = tree.kind(node)
        if kind == "terminal":
            continue
        probabilities = tree.probabilities(node) if kind == "chance" else {}
        for action, child in tree.children(node):
            if (node, action) in chosen or (kind == "chance" and float(probabilities[action]) > 0):
                path.add((node, action))
                stack.append(child)
    return path
