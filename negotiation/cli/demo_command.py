"""``negotiation demo``: the illustrative tariff standoff, solved three ways."""

from __future__ import annotations

from .common import emit

HELP = "the illustrative tariff standoff: matrix, dominance, equilibria"
DESCRIPTION = "Show the illustrative tariff standoff: its matrix, iterated dominance, and every equilibrium."


def add_arguments(parser) -> None:
    """No options."""


def run(args) -> int:
    import negotiation as ng

    from .. import examples

    game = examples.tariff_standoff()
    emit(str(game))
    emit()
    emit(str(ng.iterated_elimination(game)))
    emit()
    emit(str(ng.all_equilibria(game, exact=True)))
    return 0
