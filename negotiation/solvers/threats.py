r"""Credible threats: what a plan prescribes off its own path, and whether it would be carried out.

A threat is a choice a profile prescribes at a decision node that the profile
itself never reaches ("if you impose tariffs, we will retaliate"). It is
*credible* if, were that node reached, carrying it out would be optimal for
the mover given how play continues below. A profile all of whose threats are
credible at every node is subgame perfect (the one-shot deviation principle).

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
...     "Tariff": ng.decision("China", {"Retaliate": ng.outcome(-1, -2), "Concede": ng.outcome(2, -1)}),
...     "No tariff": ng.outcome(0, 0)}))
>>> report = ng.credible_threats(tree, {"": "No tariff", "Tariff": "Retaliate"})
>>> print(report)
China at Tariff: threatens Retaliate (payoff -2), but would rather Concede (payoff -1): NOT credible
"""

from __future__ import annotations

from typing import Any, Mapping

from ..games.tree import GameTree
from ..games.tree_profiles import _values, _is_exact, as_behaviour, reach_probabilities, tree_payoff_scale
from .tree_results import Threat, ThreatReport

__all__ = ["credible_threats"]


def credible_threats(tree: GameTree, profile: Mapping[str, Any], tol: float | None = None) -> ThreatReport:
    """Judge every choice ``profile`` makes at decision nodes it does not reach.

    ``profile`` is a behaviour profile ``{information set: action}``; the
    continuation below each node follows the profile. Differences up to
    ``tol`` × the payoff scale count as indifference (default 1e-9; exact
    trees compare exactly).
    """
    tree.check()
    tree.require_numeric("credible_threats")
    behaviour = as_behaviour(tree, profile)
    exact = _is_exact(tree, behaviour) and tol is None
    values = _values(tree, behaviour, exact)
    reach = reach_probabilities(tree, behaviour)
    slack = 0 if exact else (1e-9 if tol is None else tol) * tree_payoff_scale(tree)
    c = tree.compiled()
    threats = []
    for k in range(len(c.order)):
        if c.kind[k] != 1 or reach[k]:
            continue
        node = c.order[k]
        i = int(c.player[k])
        children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
        options = {c.actions[j]: values[j][i] for j in children}
        best_value = max(options.values())
        infoset = tree.infoset_of(node)
        others = {a: v for a, v in options.items() if not behaviour[infoset].get(a)}
        other_value = max(others.values()) if others else None
        threats.append(
            Threat(
                node=node,
                player=tree.players[i],
                where=tree.infoset_label(infoset),
                threatened=dict(behaviour[infoset]),
                best=tuple(a for a, v in options.items() if best_value - v <= slack),
                payoff_if_carried_out=values[k][i],
                best_payoff=best_value,
                credible=best_value - values[k][i] <= slack,
                alternative=tuple(a for a, v in others.items() if other_value - v <= slack),
                alternative_payoff=other_value,
            )
        )
    return ThreatReport(threats=tuple(threats), tree=tree)
