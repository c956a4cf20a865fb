"""Solve every form a scenario builds: one section per result, in a fixed order."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

from . import _format
from .errors import DegenerateGameWarning

__all__ = ["solve_sections", "Lines"]


@dataclass(frozen=True)
class Lines(_format.Displays):
    """Several results shown together (e.g. every bargaining solution of one problem)."""

    items: tuple

    def __str__(self) -> str:
        return "\n".join(str(item) for item in self.items)

    def to_dict(self) -> list:
        return [item.to_dict() if hasattr(item, "to_dict") else str(item) for item in self.items]


def solve_sections(instance, exact: bool = False) -> dict[str, Any]:
    from .bargaining import (
        BargainingProblem,
        egalitarian,
        kalai_smorodinsky,
        nash_bargaining,
        utilitarian,
    )
    from .solvers import (
        backward_induction,
        credible_threats,
        iterated_elimination,
        solve,
        subgame_perfect_equilibria,
    )

    scenario = instance.scenario
    sections: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        if scenario.matrix is not None:
            game = instance.build("matrix")
            sections["matrix game"] = game
            sections["dominance"] = iterated_elimination(game)
            sections["equilibria"] = solve(game, exact=exact)
        if scenario.tree is not None:
            tree = instance.build("tree")
            result = backward_induction(tree) if tree.is_perfect_information else subgame_perfect_equilibria(tree)
            sections["sequential moves"] = result
            if scenario.threats is not None:
                sections["credible threats"] = credible_threats(tree, scenario.threats(instance.values))
        if scenario.deal is not None:
            deal = instance.build("deal")
            if isinstance(deal, BargainingProblem):
                deal = Lines(tuple(f(deal) for f in (nash_bargaining, kalai_smorodinsky, egalitarian, utilitarian)))
            sections["deal"] = deal
        if scenario.repeated is not None:
            sections["enforcement"] = instance.build("repeated")
        if scenario.bayesian is not None:
            bayesian = instance.build("bayesian")
            sections["incomplete information"] = solve(bayesian.to_normal_form(), exact=exact)
        if scenario.tournament is not None:
            played = instance.build("tournament")
            if not played.complete and "Ctrl-C" in played.message:  # a report stops at Ctrl-C, never half-played
                raise KeyboardInterrupt
            sections["tournament"] = played
        if scenario.threshold is not None:
            found = instance.build("threshold")
            if isinstance(found, dict):  # equilibrium_conditions: profile -> region
                found = Lines(tuple(f"{' / '.join(k)}: {v}" for k, v in found.items()))
            sections["threshold"] = found
    return sections
