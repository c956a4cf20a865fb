r"""Both views of one model: a tree's reduced normal form, and a matrix game as a tree.

A pure strategy of a player names an action at each of their information
sets. The *reduced* normal form keeps only the choices at information sets
the player's own earlier actions do not rule out, so "Stay out" is one
strategy, not one per thing the player would have done after entering.
Strategy names read as plans: ``"Pledge; Accept if Tariff"``.

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
...     "Tariff": ng.decision("China", {"Retaliate": ng.outcome(-1, -2), "Pledge": ng.outcome(2, 1)}),
...     "No tariff": ng.decision("China", {"Retaliate": ng.outcome(-3, 1), "Pledge": ng.outcome(1, 2)})}))
>>> game = tree.to_normal_form()
>>> game.strategies[1][:2]
('Retaliate if Tariff; Retaliate if No tariff', 'Retaliate if Tariff; Pledge if No tariff')
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import BudgetError
from .arithmetic import to_fraction
from .normal_form import NormalFormGame
from .tree import GameTree

__all__ = ["reduced_strategies", "to_normal_form", "from_normal_form", "behaviour_from_mixed"]

_BUDGET = 100_000


def reduced_strategies(tree: GameTree, player: str | int) -> list[tuple[str, dict[str, str]]]:
    """``(label, plan)`` for each reduced pure strategy; a plan is ``{infoset: action}``."""
    i = tree.player_index(player)
    c = tree.compiled()
    plans = _plans(tree, c, 0, i)
    order = {name: k for k, name in enumerate(tree.infosets())}
    plans = [dict(sorted(p.items(), key=lambda item: order[item[0]])) for p in plans]
    plans.sort(key=lambda p: [tree.actions(tree.infosets()[s][0]).index(a) for s, a in p.items()])
    labels = [_label(tree, plan) for plan in plans]
    if len(set(labels)) < len(labels):  # two information sets share a label: use ids
        labels = ["; ".join(f"{a} at {s or 'start'}" for s, a in plan.items()) or "(no move)" for plan in plans]
    return list(zip(labels, plans))


def _plans(tree, c, k, i) -> list[dict]:
    kind = c.kind[k]
    if kind == 0:
        return [{}]
    children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
    if kind == 1 and c.player[k] == i:
        infoset = tree.infoset_of(c.order[k])
        found = []
        for j in children:
            for plan in _plans(tree, c, j, i):
                if plan.get(infoset, c.actions[j]) == c.actions[j]:
                    found.append({infoset: c.actions[j], **plan})
        return _unique(found)
    combined = [{}]
    for j in children:
        merged = []
        for left in combined:
            for right in _plans(tree, c, j, i):
                if all(left.get(s, a) == a for s, a in right.items()):
                    merged.append({**left, **right})
        combined = _unique(merged)
        if len(combined) > _BUDGET:
            raise BudgetError(f"{tree.players[i]} has more than {_BUDGET} reduced strategies")
    return combined


def _unique(plans: list[dict]) -> list[dict]:
    seen, result = set(), []
    for plan in plans:
        key = frozenset(plan.items())
        if key not in seen:
            seen.add(key)
            result.append(plan)
    return result


def _label(tree: GameTree, plan: dict[str, str]) -> str:
    if not plan:
        return "(no move)"
    if len(plan) == 1:
        return next(iter(plan.values()))
    parts = []
    for infoset, action in plan.items():
        context = tree.infoset_label(infoset)
        parts.append(action if context == "start" else f"{action} if {context}")
    return "; ".join(parts)


def to_normal_form(tree: GameTree) -> NormalFormGame:
    """The reduced normal form, with readable strategy names."""
    tree.require_numeric("the normal form")
    strategies = [reduced_strategies(tree, i) for i in range(len(tree.players))]
    shape = tuple(len(s) for s in strategies)
    if int(np.prod(shape)) > _BUDGET:
        raise BudgetError(f"the normal form would have {int(np.prod(shape))} cells (limit {_BUDGET})")
    c = tree.compiled()
    exact = c.exact
    arrays = [np.empty(shape, dtype=object) for _ in tree.players]
    for cell in itertools.product(*(range(n) for n in shape)):
        plans = {}
        for i, k in enumerate(cell):
            plans.update(strategies[i][k][1])
        values = _play(tree, c, plans, exact)
        for i, v in enumerate(values):
            arrays[i][cell] = v
    return NormalFormGame(
        arrays,
        players=tree.players,
        strategies=[[label for label, _ in s] for s in strategies],
        title=tree.title,
    )


def _play(tree, c, plans, exact):
    """Expected payoffs when every player follows their plan (chance averaged)."""
    num = to_fraction if exact else float
    total = [num(0)] * len(tree.players)
    stack = [(0, num(1))]
    while stack:
        k, weight = stack.pop()
        kind = c.kind[k]
        if kind == 0:
            for i, v in enumerate(c.payoffs[k]):
                total[i] += weight * num(v)
            continue
        children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
        if kind == 2:
            stack.extend((j, weight * num(c.probability[j])) for j in children)
        else:
            action = plans[tree.infoset_of(c.order[k])]
            stack.append((next(j for j in children if c.actions[j] == action), weight))
    return total


def from_normal_form(game: NormalFormGame) -> GameTree:
    """A simultaneous-move game as a tree: each player moves in one information set."""
    from .tree import ROOT

    game.require_numeric("a tree from a normal-form game")
    tree = GameTree(game.players, title=game.title)
    layer = [(ROOT, ())]
    for i, player in enumerate(game.players):
        infoset = f"{player} moves"
        next_layer = []
        for node, cell in layer:
            tree.add_decision(node, player, infoset=infoset)
            for k, label in enumerate(game.strategies[i]):
                child = label if node == ROOT else f"{node}/{label}"
                tree.add_move(node, child, label)
                next_layer.append((child, cell + (k,)))
        layer = next_layer
    for node, cell in layer:
        tree.add_terminal(node, [_plain(a[cell]) for a in game.payoffs])
    return tree.check()


def _plain(value: Any) -> Any:
    return float(value) if isinstance(value, np.floating) else value


def behaviour_from_mixed(tree: GameTree, mixed: list) -> tuple[dict, set]:
    """Kuhn's conversion of reduced-normal-form mixed strategies to behaviour.

    Returns the behaviour profile and the information sets it leaves
    undefined (those each player's own strategy never reaches).
    """
    behaviour: dict[str, dict[str, Any]] = {}
    undefined = set()
    infosets = tree.infosets()
    for i, weights in enumerate(mixed):
        plans = reduced_strategies(tree, i)
        own = [s for s, nodes in infosets.items() if tree.player_of(nodes[0]) == tree.players[i]]
        for infoset in own:
            reach = [(p, plan[infoset]) for p, (_, plan) in zip(weights, plans) if infoset in plan and p > 0]
            total = sum((p for p, _ in reach), Fraction(0) if all(isinstance(p, Fraction) for p, _ in reach) else 0.0)
            if not reach or total == 0:
                undefined.add(infoset)
                continue
            choice: dict[str, Any] = {}
            for p, action in reach:
                choice[action] = choice.get(action, 0) + p / total
            behaviour[infoset] = choice
    return behaviour, undefined
