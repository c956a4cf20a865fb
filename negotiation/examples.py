"""Classic games with labelled strategies, for teaching and for trying the solvers.

Each function returns a fresh :class:`~negotiation.NormalFormGame`. The
``tariff_standoff`` game is an illustrative, ordinal sketch of the May 2018
standoff (payoffs are ranks, not calibrated values); the sourced version
belongs in the scenario catalogue.

Examples
--------
>>> from negotiation import examples
>>> sorted(examples.EXAMPLES)[:3]
['battle-of-the-sexes', 'chicken', 'matching-pennies']
>>> examples.get("prisoners-dilemma").players
('Row', 'Column')
"""

from __future__ import annotations

from typing import Callable

from .errors import LabelError
from .games.normal_form import NormalFormGame

__all__ = [
    "EXAMPLES",
    "get",
    "prisoners_dilemma",
    "battle_of_the_sexes",
    "matching_pennies",
    "chicken",
    "stag_hunt",
    "rock_paper_scissors",
    "tariff_standoff",
]


def prisoners_dilemma() -> NormalFormGame:
    """Both defect in the unique equilibrium, though both prefer mutual cooperation."""
    return NormalFormGame.from_arrays(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=("Row", "Column"),
        strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")),
        title="Prisoner's Dilemma",
    )


def battle_of_the_sexes() -> NormalFormGame:
    """Two pure equilibria and one mixed: (2/3, 1/3) against (1/3, 2/3)."""
    return NormalFormGame.from_arrays(
        [[2, 0], [0, 1]],
        [[1, 0], [0, 2]],
        players=("Row", "Column"),
        strategies=(("Opera", "Football"), ("Opera", "Football")),
        title="Battle of the Sexes",
    )


def matching_pennies() -> NormalFormGame:
    """Zero-sum; the unique equilibrium mixes 1/2, 1/2."""
    return NormalFormGame.zero_sum(
        [[1, -1], [-1, 1]],
        players=("Matcher", "Mismatcher"),
        strategies=(("Heads", "Tails"), ("Heads", "Tails")),
        title="Matching Pennies",
    )


def chicken() -> NormalFormGame:
    """Two asymmetric pure equilibria and one mixed one."""
    return NormalFormGame.from_arrays(
        [[0, -1], [1, -10]],
        [[0, 1], [-1, -10]],
        players=("Row", "Column"),
        strategies=(("Swerve", "Straight"), ("Swerve", "Straight")),
        title="Chicken",
    )


def stag_hunt() -> NormalFormGame:
    """Payoff-dominant (Stag, Stag), risk-dominant (Hare, Hare), and a mixed equilibrium."""
    return NormalFormGame.from_arrays(
        [[4, 0], [3, 3]],
        [[4, 3], [0, 3]],
        players=("Row", "Column"),
        strategies=(("Stag", "Hare"), ("Stag", "Hare")),
        title="Stag Hunt",
    )


def rock_paper_scissors() -> NormalFormGame:
    """Zero-sum; the unique equilibrium plays each move with probability 1/3."""
    return NormalFormGame.zero_sum(
        [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
        players=("Row", "Column"),
        strategies=(("Rock", "Paper", "Scissors"),) * 2,
        title="Rock-Paper-Scissors",
    )


def tariff_standoff() -> NormalFormGame:
    """An ordinal sketch of the May 2018 tariff standoff (ranks 1 = worst, 4 = best).

    The U.S. chooses whether to impose the threatened tariffs; China whether
    to retaliate or to offer purchases. Illustrative only: it has the shape
    of a Prisoner's Dilemma, which is the textbook reading of a trade war.
    """
    return NormalFormGame.from_outcomes(
        {
            ("Tariffs on $150B", "Retaliate"): (2, 2),
            ("Tariffs on $150B", "Offer purchases"): (4, 1),
            ("No tariffs", "Retaliate"): (1, 4),
            ("No tariffs", "Offer purchases"): (3, 3),
        },
        players=("U.S.", "China"),
        title="Tariff standoff (illustrative ranks)",
    )


EXAMPLES: dict[str, Callable[[], NormalFormGame]] = {
    "prisoners-dilemma": prisoners_dilemma,
    "battle-of-the-sexes": battle_of_the_sexes,
    "matching-pennies": matching_pennies,
    "chicken": chicken,
    "stag-hunt": stag_hunt,
    "rock-paper-scissors": rock_paper_scissors,
    "tariff-standoff": tariff_standoff,
}


def get(name: str) -> NormalFormGame:
    """An example game by its short name (see :data:`EXAMPLES`)."""
    try:
        return EXAMPLES[name]()
    except KeyError:
        raise LabelError(f"no example called {name!r}; choose one of {', '.join(sorted(EXAMPLES))}") from None
