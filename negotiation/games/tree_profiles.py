r"""Behaviour strategies on game trees: expected payoffs, subgames and the SPE check.

A *behaviour profile* gives, for every information set, a probability
distribution over its actions: ``{infoset: {action: probability}}``; a pure
choice may be written ``{infoset: action}``. Chance moves use their own
probabilities.

A *proper subgame* starts at a node whose subtree contains every information
set it touches. A profile is *subgame perfect* iff it is a Nash equilibrium of
every proper subgame, which we check by comparing each player's payoff with
their best-response payoff in each subgame (by backward induction over the
player's own singleton information sets, and by enumerating their pure
strategies within the subgame otherwise; perfect recall makes that exact).

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(("Entrant", "Incumbent"), ng.decision("Entrant", {
...     "Enter": ng.decision("Incumbent", {"Fight": ng.outcome(-1, -1), "Accommodate": ng.outcome(1, 1)}),
...     "Stay out": ng.outcome(0, 2)}))
>>> threat = {"": "Stay out", "Enter": "Fight"}
>>> ng.tree_payoffs(tree, threat)
(0.0, 2.0)
>>> ng.is_subgame_perfect(tree, threat)
False
>>> ng.is_subgame_perfect(tree, {"": "Enter", "Enter": "Accommodate"})
True
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Mapping

import numpy as np

from ..errors import BudgetError, LabelError, ProfileError
from .arithmetic import to_fraction
from .tree import GameTree

__all__ = [
    "as_behaviour",
    "node_values",
    "tree_payoffs",
    "subgame_roots",
    "is_subgame_perfect",
    "tree_payoff_scale",
    "reach_probabilities",
]

_ENUMERATION_BUDGET = 200_000


def as_behaviour(tree: GameTree, profile: Mapping[str, Any], partial: bool = False) -> dict[str, dict[str, Any]]:
    """Check a behaviour profile and return ``{infoset: {action: probability}}``.

    Unless ``partial``, every information set needs a choice.
    """
    if not isinstance(profile, Mapping):
        raise ProfileError(f"a behaviour profile is a mapping {{information set: action}}, got {profile!r}")
    infosets = tree.infosets()
    behaviour = {}
    for infoset, choice in profile.items():
        if infoset not in infosets:
            raise LabelError(f"the tree has no information set {infoset!r}")
        actions = tree.actions(infosets[infoset][0])
        if isinstance(choice, str):
            choice = {choice: 1}
        if not isinstance(choice, Mapping):
            raise ProfileError(f"the choice at {infoset!r} must be an action or {{action: probability}}")
        for action, p in choice.items():
            if action not in actions:
                raise LabelError(f"{infoset!r} offers {', '.join(map(repr, actions))}, not {action!r}")
            if isinstance(p, bool) or not isinstance(p, (int, float, Fraction, np.floating, np.integer)):
                raise ProfileError(f"probability of {action!r} at {infoset!r} must be a number")
            if p < 0 or not math.isfinite(float(p)):
                raise ProfileError(f"probability of {action!r} at {infoset!r} is {p!r}")
        total = sum(choice.values())
        if abs(float(total) - 1) > 1e-9 or (all(isinstance(p, (int, Fraction)) for p in choice.values()) and total != 1):
            raise ProfileError(f"the probabilities at {infoset!r} sum to {total}, not 1")
        behaviour[infoset] = dict(choice)
    if not partial:
        missing = [i for i in infosets if i not in behaviour]
        if missing:
            labels = ", ".join(repr(tree.infoset_label(i)) for i in missing[:4])
            raise ProfileError(f"the profile has no choice at the information set(s) {labels}")
    return behaviour


def _is_exact(tree: GameTree, behaviour: Mapping) -> bool:
    compiled = tree.compiled()
    return compiled.exact and all(
        isinstance(p, (int, Fraction)) for choice in behaviour.values() for p in choice.values()
    )


def node_values(tree: GameTree, profile: Mapping[str, Any]) -> list[tuple]:
    """Expected payoff vector at every node (breadth-first order) under a behaviour profile."""
    tree.require_numeric("expected payoffs")
    behaviour = as_behaviour(tree, profile, partial=True)
    return _values(tree, behaviour, _is_exact(tree, behaviour))


def _values(tree: GameTree, behaviour: Mapping, exact: bool) -> list[tuple]:
    c = tree.compiled()
    num = to_fraction if exact else float
    zero = Fraction(0) if exact else 0.0
    count = len(tree.players)
    values: list[tuple] = [()] * len(c.order)
    for k in range(len(c.order) - 1, -1, -1):
        kind = c.kind[k]
        if kind == 0:
            values[k] = tuple(num(v) for v in c.payoffs[k])
            continue
        start, stop = c.first_child[k], c.first_child[k] + c.num_children[k]
        if kind == 2:
            weights = [num(c.probability[j]) for j in range(start, stop)]
        else:
            node = c.order[k]
            choice = behaviour.get(tree.infoset_of(node))
            if choice is None:
                raise ProfileError(
                    f"the profile has no choice at {tree.infoset_label(tree.infoset_of(node))!r}, "
                    f"which is needed at node {node!r}"
                )
            weights = [num(choice.get(c.actions[j], 0)) for j in range(start, stop)]
        total = [zero] * count
        for w, j in zip(weights, range(start, stop)):
            if w:
                child = values[j]
                for i in range(count):
                    total[i] += w * child[i]
        values[k] = tuple(total)
    return values


def tree_payoffs(tree: GameTree, profile: Mapping[str, Any]) -> tuple:
    """Each player's expected payoff at the root under a behaviour profile."""
    return node_values(tree, profile)[0]


def reach_probabilities(tree: GameTree, profile: Mapping[str, Any]) -> list:
    """Probability of reaching each node (breadth-first order) under a behaviour profile."""
    behaviour = as_behaviour(tree, profile, partial=True)
    exact = _is_exact(tree, behaviour)
    c = tree.compiled()
    num = to_fraction if exact else float
    reach = [num(0)] * len(c.order)
    reach[0] = num(1)
    for k in range(len(c.order)):
        if c.kind[k] == 0 or not reach[k]:
            continue
        start, stop = c.first_child[k], c.first_child[k] + c.num_children[k]
        if c.kind[k] == 2:
            for j in range(start, stop):
                reach[j] = reach[k] * num(c.probability[j])
        else:
            choice = behaviour.get(tree.infoset_of(c.order[k]), {})
            for j in range(start, stop):
                reach[j] = reach[k] * num(choice.get(c.actions[j], 0))
    return reach


def subgame_roots(tree: GameTree) -> list[str]:
    """Roots of the proper subgames, in breadth-first order (the root first)."""
    c = tree.compiled()
    crossing = np.zeros(len(c.order), dtype=bool)
    for nodes in tree.infosets().values():
        if len(nodes) < 2:
            continue
        members = [c.index[n] for n in nodes]
        ancestors = [_ancestors(c, k) for k in members]
        common = set(ancestors[0]).intersection(*map(set, ancestors[1:]))
        for chain in ancestors:
            for k in chain:
                if k in common:
                    break
                crossing[k] = True
    return [c.order[k] for k in range(len(c.order)) if c.kind[k] != 0 and not crossing[k]]


def _ancestors(c, k: int) -> list[int]:
    """``k`` and its ancestors, nearest first."""
    chain = [k]
    while c.parent[chain[-1]] >= 0:
        chain.append(int(c.parent[chain[-1]]))
    return chain


def tree_payoff_scale(tree: GameTree) -> float:
    """The range of all terminal payoffs (1.0 when they are all zero)."""
    c = tree.compiled()
    payoffs = c.payoff_matrix()[c.kind == 0]
    scale = float(payoffs.max() - payoffs.min())
    return scale if scale > 0 else (float(np.abs(payoffs).max()) or 1.0)


def is_subgame_perfect(tree: GameTree, profile: Mapping[str, Any], tol: float | None = None) -> bool:
    """Whether a behaviour profile is a Nash equilibrium of every proper subgame.

    ``tol`` bounds any player's gain from deviating, relative to the payoff
    scale (default 1e-9); exact trees with exact profiles are checked exactly.
    """
    return not subgame_deviations(tree, profile, tol)


def subgame_deviations(tree: GameTree, profile: Mapping[str, Any], tol: float | None = None) -> list[tuple]:
    """``(subgame root, player, gain)`` for every profitable deviation (empty if SPE)."""
    tree.require_numeric("the subgame-perfection check")
    tree.require_perfect_recall("the subgame-perfection check")
    behaviour = as_behaviour(tree, profile)
    exact = _is_exact(tree, behaviour) and tol is None
    values = _values(tree, behaviour, exact)
    bound = 0 if exact else (1e-9 if tol is None else tol) * tree_payoff_scale(tree)
    c = tree.compiled()
    roots = [c.index[r] for r in subgame_roots(tree)]
    found = []
    for i in range(len(tree.players)):
        best = _best_response_values(tree, behaviour, i, exact, roots)
        for k in roots:
            gain = best[k] - values[k][i]
            if gain > bound:
                found.append((c.order[k], tree.players[i], gain))
    return found


def _best_response_values(tree, behaviour, i, exact, roots):
    """Player i's best-response payoff in the subgame at each root in ``roots``."""
    c = tree.compiled()
    infosets = tree.infosets()
    shared = {
        name
        for name, nodes in infosets.items()
        if len(nodes) > 1 and tree.player_of(nodes[0]) == tree.players[i]
    }
    best = _dp_best_response(tree, behaviour, i, exact, fixed=None)
    if not shared:
        return best
    # Player i has information sets with several nodes: enumerate their pure
    # choices there (perfect recall makes a pure best response exist).
    result = {k: best[k] for k in roots}
    for k in roots:
        inside = [s for s in shared if any(_descends(c, c.index[n], k) for n in infosets[s])]
        if not inside:
            continue
        options = [tree.actions(infosets[s][0]) for s in inside]
        count = math.prod(len(o) for o in options)
        if count > _ENUMERATION_BUDGET:
            raise BudgetError(f"checking subgame {c.order[k]!r} needs {count} pure strategies of {tree.players[i]}")
        top = None
        for combo in itertools.product(*options):
            fixed = dict(zip(inside, combo))
            value = _dp_best_response(tree, behaviour, i, exact, fixed=fixed)[k]
            top = value if top is None or value > top else top
        result[k] = top
    return result


def _descends(c, node: int, ancestor: int) -> bool:
    while node >= 0:
        if node == ancestor:
            return True
        node = int(c.parent[node])
    return False


def _dp_best_response(tree, behaviour, i, exact, fixed):
    """Backward induction for player i over singleton sets; ``fixed`` pins shared sets."""
    c = tree.compiled()
    num = to_fraction if exact else float
    best = [None] * len(c.order)
    for k in range(len(c.order) - 1, -1, -1):
        kind = c.kind[k]
        if kind == 0:
            best[k] = num(c.payoffs[k][i])
            continue
        children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
        if kind == 2:
            best[k] = sum((num(c.probability[j]) * best[j] for j in children), num(0))
            continue
        infoset = tree.infoset_of(c.order[k])
        if c.player[k] == i:
            if fixed is not None and infoset in fixed:
                best[k] = next(best[j] for j in children if c.actions[j] == fixed[infoset])
            else:
                best[k] = max(best[j] for j in children)
        else:
            choice = behaviour[infoset]
            best[k] = sum((num(choice.get(c.actions[j], 0)) * best[j] for j in children), num(0))
    return best
