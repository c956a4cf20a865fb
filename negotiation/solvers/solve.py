"""``solve(game)``: pick a sensible equilibrium method and say which one was used.

* two players, both with at most ``ENUMERATION_LIMIT`` strategies:
  :func:`~negotiation.all_equilibria` (every extreme equilibrium);
* larger two-player zero-sum games: linear programming, one optimal pair;
* larger two-player games: :func:`~negotiation.lemke_howson`, one equilibrium;
* three or more players, small enough to enumerate: every equilibrium by
  support enumeration;
* larger games with three or more players: every pure equilibrium and the
  limit of the logit branch, marked as not covering all mixed equilibria.

Examples
--------
>>> import negotiation as ng
>>> chicken = ng.NormalFormGame.from_arrays([[0, -1], [1, -10]], [[0, 1], [-1, -10]])
>>> result = ng.solve(chicken)
>>> result.method, len(result)
('vertex enumeration', 3)
"""

from __future__ import annotations

from ..games.normal_form import NormalFormGame
from .enumeration import all_equilibria
from .lemke_howson import lemke_howson
from .pure import pure_equilibria
from .results import EquilibriumSet
from .zero_sum import is_zero_sum, solve_zero_sum

__all__ = ["solve", "ENUMERATION_LIMIT"]

#: Largest number of strategies per player for which ``solve`` enumerates everything.
ENUMERATION_LIMIT = 15  # below all_equilibria's own max_size


def solve(game: NormalFormGame, exact: bool = False) -> EquilibriumSet:
    """Equilibria of ``game`` by the most suitable method; ``result.message`` says why.

    Examples
    --------
    >>> import negotiation as ng
    >>> from negotiation import examples
    >>> result = ng.solve(examples.prisoners_dilemma())
    >>> [eq.support for eq in result]
    [(('Defect',), ('Defect',))]
    >>> result.message
    'small game (at most 15 strategies each): all extreme equilibria'
    """
    game.require_numeric("solve")
    if game.num_players != 2:
        from .n_player import ROUTINE_SUPPORTS
        from .supports import support_count

        if game.num_players >= 3 and support_count(game.shape) <= ROUTINE_SUPPORTS:
            result = all_equilibria(game, exact=exact)
            return result.replace(message=result.message + f"\nsmall {game.num_players}-player game: "
                                  "every equilibrium by support enumeration")
        return _many_players(game)
    if max(game.shape) <= ENUMERATION_LIMIT:
        result = all_equilibria(game, exact=exact)
        return result.replace(
            message=(result.message + "\n" if result.message else "")
            + f"small game (at most {ENUMERATION_LIMIT} strategies each): all extreme equilibria"
        )
    if is_zero_sum(game):
        solution = solve_zero_sum(game)
        return EquilibriumSet(
            equilibria=(solution.equilibrium,),
            game=game,
            method=solution.method,
            options={"value": solution.value},
            complete=False,
            message=f"large zero-sum game: one optimal pair; the value is {solution.value:.6g}",
        )
    result = lemke_howson(game)
    return result.replace(message="large game: one equilibrium by Lemke–Howson")


def _many_players(game: NormalFormGame) -> EquilibriumSet:
    """Every pure equilibrium, and the limit of the logit branch when it is not one of them."""
    from ..errors import SolverError
    from .logit import logit_equilibrium

    pure = pure_equilibria(game)
    found = list(pure)
    note = "the limit of the logit branch is one of them"
    try:
        traced = logit_equilibrium(game)
    except SolverError as exc:
        traced, note = (), f"logit tracing failed ({exc})"
    for eq in traced:
        if all(max(abs(float(a) - float(b)) for u, v in zip(eq.profile, other.profile) for a, b in zip(u, v)) > 1e-9
               for other in found):
            found.append(eq)
            note = "and one more: the limit of the logit quantal response branch"
    return pure.replace(
        equilibria=tuple(found),
        method="pure best-response mask and logit tracing",
        complete=False,
        message=f"{game.num_players}-player game: every pure equilibrium, {note}; other mixed equilibria "
        "are not enumerated",
    )
