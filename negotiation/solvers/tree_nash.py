r"""The Nash equilibria of a tree, through its normal form, with the subgame-perfect ones marked.

Every equilibrium of the reduced normal form is turned into behaviour
strategies (Kuhn). Information sets that a player's own strategy never
reaches are left open by the normal form; an equilibrium is marked subgame
perfect when some subgame-perfect equilibrium's choices there complete it to a
subgame-perfect profile.

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(("Entrant", "Incumbent"), ng.decision("Entrant", {
...     "Enter": ng.decision("Incumbent", {"Fight": ng.outcome(-1, -1), "Accommodate": ng.outcome(1, 1)}),
...     "Stay out": ng.outcome(0, 2)}))
>>> result = ng.tree_nash_equilibria(tree)
>>> [(eq.support, spe) for eq, spe in zip(result.equilibria, result.subgame_perfect) if eq.is_pure]
[((('Enter',), ('Accommodate',)), True), ((('Stay out',), ('Fight',)), False)]
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from .. import _format
from ..errors import DegenerateGameWarning
from ..games.normal_form import NormalFormGame
from ..games.tree import GameTree
from ..games.tree_normal_form import behaviour_from_mixed
from ..games.tree_profiles import is_subgame_perfect
from .backward_induction import backward_induction
from .enumeration import all_equilibria
from .pure import pure_equilibria
from .results import EquilibriumSet
from .subgame_perfect import subgame_perfect_equilibria

__all__ = ["TreeNashResult", "tree_nash_equilibria"]


@dataclass(frozen=True, eq=False)
class TreeNashResult(_format.Displays):
    """Normal-form equilibria of a tree, each with its behaviour and an SPE mark."""

    normal_form: NormalFormGame = field(repr=False)
    equilibria: EquilibriumSet
    subgame_perfect: tuple[bool, ...]
    behaviours: tuple[dict, ...] = field(repr=False)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __str__(self) -> str:
        header, rows = self.equilibria._rows()
        rows = [row + ["yes" if spe else "no"] for row, spe in zip(rows, self.subgame_perfect)]
        return f"{self.equilibria._status()}\n" + _format.text_table(header + ["subgame perfect"], rows)

    def to_dict(self) -> dict:
        data = self.equilibria.to_dict()
        data["subgame_perfect"] = list(self.subgame_perfect)
        return data


def tree_nash_equilibria(tree: GameTree, exact: bool = False) -> TreeNashResult:
    """Nash equilibria of ``tree`` via its reduced normal form, with SPE marked."""
    game = tree.to_normal_form()
    if game.num_players == 2:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DegenerateGameWarning)
            equilibria = all_equilibria(game, exact=exact)
    else:
        equilibria = pure_equilibria(game)
    if tree.is_perfect_information:
        spe = backward_induction(tree)
    else:
        spe = subgame_perfect_equilibria(tree)
    marks, behaviours = [], []
    for eq in equilibria:
        behaviour, undefined = behaviour_from_mixed(tree, list(eq.profile))
        behaviours.append(behaviour)
        completions = [{**{s: ref.behaviour[s] for s in undefined}, **behaviour} for ref in spe] or [behaviour]
        marks.append(any(not undefined - set(c) and is_subgame_perfect(tree, c) for c in completions))
    return TreeNashResult(
        normal_form=game, equilibria=equilibria, subgame_perfect=tuple(marks), behaviours=tuple(behaviours)
    )
