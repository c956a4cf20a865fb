"""Textbook games with their known equilibria, as (factory, expected) fixtures.

Expected profiles are exact: one tuple of probabilities per player.
"""

from fractions import Fraction as F

import negotiation as ng
from negotiation import examples

# name -> (game factory, set of expected extreme equilibria, degenerate?)
KNOWN = {
    "prisoners-dilemma": (examples.prisoners_dilemma, {((0, 1), (0, 1))}, False),
    "battle-of-the-sexes": (
        examples.battle_of_the_sexes,
        {((1, 0), (1, 0)), ((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3))), ((0, 1), (0, 1))},
        False,
    ),
    "matching-pennies": (examples.matching_pennies, {((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))}, False),
    "chicken": (
        examples.chicken,
        {((1, 0), (0, 1)), ((0, 1), (1, 0)), ((F(9, 10), F(1, 10)), (F(9, 10), F(1, 10)))},
        False,
    ),
    "stag-hunt": (
        examples.stag_hunt,
        {((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(3, 4), F(1, 4)), (F(3, 4), F(1, 4)))},
        False,
    ),
    "rock-paper-scissors": (
        examples.rock_paper_scissors,
        {((F(1, 3),) * 3, (F(1, 3),) * 3)},
        False,
    ),
    # von Stengel (2002), Fig. 2.4: nondegenerate 3x2 with three equilibria
    "von-stengel-3x2": (
        lambda: ng.NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]]),
        {
            ((1, 0, 0), (1, 0)),
            ((F(4, 5), F(1, 5), 0), (F(2, 3), F(1, 3))),
            ((0, F(1, 3), F(2, 3)), (F(1, 3), F(2, 3))),
        },
        False,
    ),
    # degenerate: the column player is indifferent, so every mix of Left/Right
    # against Top is an equilibrium (a segment with two extreme points)
    "degenerate-segment": (
        lambda: ng.NormalFormGame.from_arrays([[1, 1], [0, 0]], [[1, 1], [0, 2]]),
        {((1, 0), (1, 0)), ((1, 0), (0, 1))},
        True,
    ),
    # von Stengel (2002), Fig. 2.6 style degenerate game: a continuum of
    # equilibria where the row player mixes and the column player plays Left
    "degenerate-continuum": (
        lambda: ng.NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]]),
        None,  # checked against brute force instead
        True,
    ),
}


def as_set(result):
    """The equilibria of a result as a set of exact profile tuples."""
    return {tuple(tuple(F(p) for p in v) for v in eq.profile) for eq in result}


def expected_set(expected):
    return {tuple(tuple(F(p) for p in v) for v in profile) for profile in expected}
