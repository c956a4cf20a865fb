r"""Subgame-perfect equilibria of trees with imperfect information, by decomposition.

1. Find the proper subgames (:func:`~negotiation.games.tree_profiles.subgame_roots`).
2. Solve the smallest ones: each becomes a normal-form game, solved with
   :func:`~negotiation.all_equilibria` (two movers: every extreme equilibrium;
   three or more: every equilibrium by support enumeration), or by
   maximisation (one mover). A subgame too large to enumerate falls back to
   :func:`~negotiation.pure_equilibria`, and the result says so.
3. Replace each solved subgame by its equilibrium payoffs and work upward.
4. When a subgame has several equilibria, every combination is followed, up
   to ``limit`` equilibria in all.

Equilibrium strategies of each subgame's normal form are turned back into
behaviour strategies (Kuhn's theorem, which needs perfect recall).

Examples
--------
>>> import negotiation as ng
>>> # the U.S. first decides whether to talk; then both choose simultaneously
>>> stage = lambda: ng.decision("U.S.", {
...     "Tariff": ng.decision("China", {"Retaliate": ng.outcome(1, 1), "Pledge": ng.outcome(3, 0)}, infoset="China blind"),
...     "Hold": ng.decision("China", {"Retaliate": ng.outcome(0, 3), "Pledge": ng.outcome(2, 2)}, infoset="China blind")},
...     infoset="U.S. in talks")
>>> tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
...     "Talk": stage(), "Walk away": ng.outcome(0.5, 0.5)}))
>>> result = ng.subgame_perfect_equilibria(tree)
>>> result[0].describe()
'path: Talk → Tariff → Retaliate; payoffs 1, 1'
"""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction

import numpy as np

from ..errors import BudgetError, DegenerateGameWarning
from ..games.arithmetic import to_fraction
from ..games.normal_form import NormalFormGame
from ..games.tree import DECISION, GameTree
from ..games.tree_normal_form import behaviour_from_mixed
from ..games.tree_profiles import node_values, reach_probabilities, subgame_roots
from .enumeration import all_equilibria
from .n_player import ROUTINE_SUPPORTS
from .pure import pure_equilibria
from .tree_results import SubgamePerfectEquilibrium, SubgamePerfectResult

__all__ = ["subgame_perfect_equilibria"]

#: A note that marks the result incomplete without being shown.
_INCOMPLETE = "incomplete"


def subgame_perfect_equilibria(tree: GameTree, limit: int = 100, exact: bool = False) -> SubgamePerfectResult:
    """Subgame-perfect equilibria by solving subgames bottom-up (up to ``limit``)."""
    tree.check()
    tree.require_numeric("subgame_perfect_equilibria")
    tree.require_perfect_recall("subgame_perfect_equilibria")
    exact = exact or tree.compiled().exact
    roots = subgame_roots(tree)
    root_set = set(roots)
    solutions: dict[str, list[tuple[tuple, dict]]] = {}
    if tree.kind(tree.root) == "terminal":
        solutions[tree.root] = [(tree.payoffs_of(tree.root), {})]
    notes: set[str] = set()
    truncated = False
    for root in reversed(roots):  # deepest first
        nested = _nested_roots(tree, root, root_set)
        found = []
        for combo in itertools.product(*(solutions[n] for n in nested)):
            values = {n: sol[0] for n, sol in zip(nested, combo)}
            below = {}
            for _, behaviour in combo:
                below.update(behaviour)
            for value, behaviour in _solve_piece(tree, root, values, exact, notes):
                found.append((value, {**below, **behaviour}))
            if len(found) > limit:
                break
        truncated |= len(found) > limit
        solutions[root] = found[:limit]
    equilibria = tuple(_package(tree, behaviour) for _, behaviour in solutions[tree.root])
    complete = not truncated and _INCOMPLETE not in notes
    message = "; ".join(sorted(notes - {_INCOMPLETE}))
    if truncated:
        message = (message + "; " if message else "") + f"stopped at limit={limit} equilibria"
    return SubgamePerfectResult(
        equilibria=equilibria,
        tree=tree,
        method="subgame decomposition",
        complete=complete,
        subgames=tuple(roots),
        message=message,
    )


def _nested_roots(tree: GameTree, root: str, root_set: set) -> list[str]:
    """Subgame roots strictly below ``root`` with no other subgame root between."""
    found, stack = [], [child for _, child in tree.children(root)]
    while stack:
        node = stack.pop()
        if node in root_set:
            found.append(node)
        elif tree.kind(node) != "terminal":
            stack.extend(child for _, child in tree.children(node))
    return found


def _piece(tree: GameTree, root: str, values: dict, exact: bool) -> GameTree:
    """The subgame at ``root`` with nested subgames replaced by their payoffs.

    In exact mode every payoff enters as a Fraction, so the piece is exact even
    where its own numbers are integers: its values then stay exact on the way
    up, and a chance move above mixes them without rounding.
    """
    numbers = (lambda payoffs: [to_fraction(v) for v in payoffs]) if exact else (lambda payoffs: payoffs)
    piece = GameTree(tree.players)
    stack = [root]
    while stack:
        node = stack.pop()
        if node in values and node != root:
            piece.add_terminal(node, numbers(values[node]))
            continue
        kind = tree.kind(node)
        if kind == "terminal":
            piece.add_terminal(node, numbers(tree.payoffs_of(node)))
            continue
        if kind == DECISION:
            piece.add_decision(node, tree.player_of(node), infoset=tree.infoset_of(node))
        else:
            piece.add_chance(node)
        probabilities = tree.probabilities(node) if kind != DECISION else {}
        for action, child in tree.children(node):
            piece.add_move(node, child, action, probability=probabilities.get(action))
            stack.append(child)
    return piece.check()


def _solve_piece(tree, root, values, exact, notes):
    """Equilibria of one reduced subgame as ``(value at root, behaviour)`` pairs."""
    piece = _piece(tree, root, values, exact)
    game = piece.to_normal_form()
    if exact:
        game = game.as_exact()
    movers = [i for i, size in enumerate(game.shape) if size > 1]
    if len(movers) <= 2:
        profiles = _two_mover_equilibria(game, movers)
    else:
        profiles = _many_mover_equilibria(game, notes)
    found = []
    for profile in profiles:
        behaviour, undefined = behaviour_from_mixed(piece, list(profile))
        for infoset in undefined:  # never reached, even by its own player: any choice will do
            first = piece.infosets()[infoset][0]
            behaviour[infoset] = {piece.actions(first)[0]: 1}
            notes.add("choices at information sets a player's own moves rule out are set to the first action")
        value = node_values(piece, behaviour)[0]
        found.append((value, behaviour))
    return found


def _two_mover_equilibria(game: NormalFormGame, movers: list[int]):
    """Profiles (one vector per player) of a game where at most two players choose."""
    count = game.num_players
    if not movers:
        return [tuple(_unit(1, 0, game.is_exact) for _ in range(count))]
    if len(movers) == 1:
        i = movers[0]
        values = game.payoffs[i].reshape(-1)
        best = max(values)
        profiles = []
        for k in np.flatnonzero(np.array([v == best for v in values])):
            vectors = [_unit(1, 0, game.is_exact) for _ in range(count)]
            vectors[i] = _unit(game.shape[i], k, game.is_exact)
            profiles.append(tuple(vectors))
        return profiles
    a, b = movers
    squeeze = tuple(0 if i not in movers else slice(None) for i in range(count))
    two = NormalFormGame(
        [game.payoffs[a][squeeze], game.payoffs[b][squeeze]],
        players=[game.players[a], game.players[b]],
        strategies=[game.strategies[a], game.strategies[b]],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        result = all_equilibria(two, exact=game.is_exact)
    profiles = []
    for eq in result:
        vectors = [_unit(1, 0, game.is_exact) for _ in range(count)]
        vectors[a], vectors[b] = eq.profile
        profiles.append(tuple(vectors))
    return profiles


def _unit(size: int, k: int, exact: bool) -> np.ndarray:
    """The pure strategy ``k`` of ``size`` as a vector: Fractions in exact games, so behaviour stays exact."""
    if exact:
        return np.array([Fraction(int(j == k)) for j in range(size)], dtype=object)
    return np.eye(size, dtype=int)[k]


def _many_mover_equilibria(game: NormalFormGame, notes: set):
    """Every equilibrium of a subgame where three or more players move (pure ones if it is too large)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DegenerateGameWarning)
            result = all_equilibria(game, exact=game.is_exact, max_work=ROUTINE_SUPPORTS)
    except BudgetError:
        notes.add("a subgame with three or more movers was too large to enumerate and was solved for pure "
                  "equilibria only")
        notes.add(_INCOMPLETE)
        return [eq.profile for eq in pure_equilibria(game)]
    if not result.complete:
        notes.add(f"a subgame with three or more movers may have more equilibria ({result.message.splitlines()[-1]})")
        notes.add(_INCOMPLETE)
    return [eq.profile for eq in result]



def _package(tree: GameTree, behaviour: dict) -> SubgamePerfectEquilibrium:
    values = node_values(tree, behaviour)
    reach = reach_probabilities(tree, behaviour)
    c = tree.compiled()
    path = []
    for k in range(len(c.order)):
        if c.kind[k] == 0 or not reach[k]:
            continue
        for j in range(c.first_child[k], c.first_child[k] + c.num_children[k]):
            if reach[j]:
                path.append((c.order[k], c.actions[j], reach[j] / reach[k]))
    ordered = {s: behaviour[s] for s in tree.infosets() if s in behaviour}
    return SubgamePerfectEquilibrium(
        behaviour=ordered,
        payoffs=values[0],
        path=tuple(path),
        values=dict(zip(c.order, values)),
        players=tree.players,
        tree=tree,
    )
