r"""One Nash equilibrium of a two-player game by the Lemke–Howson algorithm.

Complementary pivoting on the best-response polytopes
:math:`P = \{x \ge 0 : B^\top x \le 1\}` and
:math:`Q = \{y \ge 0 : A y \le 1\}`: drop one *initial label* and follow the
path of almost-complementary vertices until that label is picked up again
(Lemke and Howson, 1964; von Stengel, 2002). Ties in the ratio test are broken
lexicographically, so the path never cycles, even in degenerate games, and the
pivot count is bounded by ``max_pivots``.

Payoffs are first mapped affinely into [1, 2], which leaves the equilibria
unchanged and makes the pivoting tolerances independent of the payoff scale.

Examples
--------
>>> import negotiation as ng
>>> bos = ng.NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
>>> ng.lemke_howson(bos, initial_label=0)[0].support
(('s1',), ('s1',))
>>> len(ng.lemke_howson(bos, initial_label="all"))  # the mixed one is on no path from 0
2
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from ..budget import Deadline
from ..errors import BudgetError, LabelError, SolverError
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .polytope import shift_positive
from .results import EquilibriumSet, make_equilibrium

__all__ = ["lemke_howson", "EXACT_FALLBACK_SECONDS"]

#: Time allowed to the exact re-run of a path that rounding spoilt, when no timeout is given.
EXACT_FALLBACK_SECONDS = 20.0

_PIVOT_EPS = 1e-12


def lemke_howson(
    game: NormalFormGame,
    initial_label: Any = 0,
    max_pivots: int = 1_000_000,
    tol: float | None = None,
    timeout: float | None = None,
) -> EquilibriumSet:
    """One equilibrium (or one per initial label) by Lemke–Howson pivoting.

    Parameters
    ----------
    game : NormalFormGame
        Two players, numeric payoffs.
    initial_label : int, str, (player, strategy) or "all"
        The label dropped first: ``0 .. m-1`` are the row player's strategies,
        ``m .. m+n-1`` the column player's. A strategy label or a
        ``(player, strategy)`` pair names one. ``"all"`` runs every label and
        returns the distinct equilibria found.
    max_pivots : int
        Bound on pivots per path; exceeding it raises :class:`SolverError`.
    tol : float, optional
        Largest accepted regret, relative to the payoff scale (default 1e-9).
    timeout : float, optional
        Seconds before giving up with :class:`BudgetError` (Ctrl-C does the
        same). The exact fallback, taken when rounding spoils a path, is
        always bounded: by ``timeout`` or by ``EXACT_FALLBACK_SECONDS``.

    Returns
    -------
    EquilibriumSet
        ``complete`` is False: Lemke–Howson need not find every equilibrium.
    """
    game.require_numeric("lemke_howson")
    game.require_players(2, "lemke_howson")
    m, n = game.shape
    labels = range(m + n) if _is_all(initial_label) else [_label_index(game, initial_label)]
    A, B = (np.asarray(a, dtype=float) for a in game.as_float().payoffs)
    A, B = shift_positive(A), shift_positive(B)
    bound = (DEFAULT_TOL if tol is None else tol) * payoff_scale(game)
    found, seen, pivots, exact_labels = [], set(), [], []
    deadline = Deadline(timeout)
    for label in labels:
        try:
            x, y, count = _path(A, B, label, max_pivots, deadline=deadline)
            eq = make_equilibrium(game, (x, y))
        except _Cycling:
            eq = None
        if eq is None or eq.regret > bound:
            # Rounding broke the lexicographic rule or spoilt the final profile; exact pivots cannot.
            # Exact pivots on a large game are slow: they always run under a time budget.
            budget = deadline if timeout is not None else Deadline(EXACT_FALLBACK_SECONDS)
            x, y, count = _path(*_exact_payoffs(game), label, max_pivots, exact=True, deadline=budget)
            eq = make_equilibrium(game, (x, y))
            exact_labels.append(label)
        pivots.append(count)
        if eq.regret > bound:
            raise SolverError(
                f"Lemke–Howson from label {label} ended at a profile with regret {eq.regret:.3g}; "
                "the game may be numerically ill-conditioned: try all_equilibria(game, exact=True)"
            )
        if eq._key() not in seen:
            seen.add(eq._key())
            found.append(eq)
    return EquilibriumSet(
        equilibria=tuple(found),
        game=game,
        method="Lemke-Howson",
        options={"initial_label": initial_label, "max_pivots": max_pivots, "pivots": pivots},
        complete=False,
        message="Lemke–Howson finds some equilibria, not necessarily all"
        + (f"; exact pivoting was needed from label(s) {', '.join(map(str, exact_labels))}" if exact_labels else ""),
    )


def _is_all(label: Any) -> bool:
    return isinstance(label, str) and label == "all"


def _label_index(game: NormalFormGame, label: Any) -> int:
    m, n = game.shape
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        if 0 <= label < m + n:
            return int(label)
        raise LabelError(f"initial_label {label} is out of range 0..{m + n - 1}")
    if isinstance(label, tuple) and len(label) == 2:
        i = game.player_index(label[0])
        k = game.strategy_index(i, label[1])
        return k if i == 0 else m + k
    if isinstance(label, str):
        owners = [i for i in range(2) if label in game.strategies[i]]
        if len(owners) == 1:
            return _label_index(game, (owners[0], label))
        if len(owners) == 2:
            raise LabelError(
                f"both players have a strategy {label!r}; pass (player, {label!r}) instead"
            )
    raise LabelError(
        f"initial_label {label!r} is neither a label index, a strategy label, "
        "a (player, strategy) pair, nor 'all'"
    )


class _Cycling(Exception):
    """The float path revisited a basis: rounding has broken the lexicographic rule."""


def _exact_payoffs(game: NormalFormGame):
    """The payoffs as Fractions, shifted to be at least 1 (no rounding anywhere)."""
    A, B = game.as_exact().payoffs
    return A - min(A.flat) + 1, B - min(B.flat) + 1


def _path(A: np.ndarray, B: np.ndarray, label: int, max_pivots: int, exact: bool = False,
          deadline: Deadline | None = None):
    """Follow the Lemke–Howson path from ``label``; return (x, y, pivot count)."""
    deadline = deadline or Deadline(None)
    m, n = A.shape
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    dtype = object if exact else float
    # Columns are indexed by label: P holds x (0..m-1) and slacks s (m..m+n-1);
    # Q holds slacks r (0..m-1) and y (m..m+n-1). The last column is the rhs.
    eye_n, eye_m = _identity(n, one, zero, dtype), _identity(m, one, zero, dtype)
    tableau_p = np.hstack([B.T.astype(dtype), eye_n, np.full((n, 1), one, dtype=dtype)])
    tableau_q = np.hstack([eye_m, A.astype(dtype), np.full((m, 1), one, dtype=dtype)])
    basis_p = list(range(m, m + n))
    basis_q = list(range(m))
    lex_p = list(range(m, m + n))
    lex_q = list(range(m))
    entering = label
    in_p = label < m
    visited = set()
    eps = 0 if exact else _PIVOT_EPS
    with deadline.interruptible():
        for count in range(1, max_pivots + 1):
            if count % 16 == 0 and deadline.passed():
                break
            tableau, basis, lex = (tableau_p, basis_p, lex_p) if in_p else (tableau_q, basis_q, lex_q)
            # Only a hash of each basis is kept: memory stays small on long paths (a collision
            # merely sends the path to exact pivoting).
            state = hash((in_p, entering, tuple(sorted(basis_p)), tuple(sorted(basis_q))))
            if state in visited:
                raise _Cycling
            visited.add(state)
            row = _lex_min_ratio(tableau, entering, lex, eps)
            leaving = basis[row]
            _pivot(tableau, row, entering)
            basis[row] = entering
            if leaving == label:
                return _strategy(tableau_p, basis_p, range(m)), _strategy(
                    tableau_q, basis_q, range(m, m + n)
                ), count
            entering = leaving
            in_p = not in_p
    if deadline.reason:
        kind = "exact " if exact else ""
        raise BudgetError(f"Lemke–Howson ({kind}pivots from label {label}) {deadline.reason} after {count} pivots; "
                          "pass a longer timeout, or try another initial_label")
    raise SolverError(f"Lemke–Howson did not finish within {max_pivots} pivots (label {label})")


def _identity(size, one, zero, dtype):
    eye = np.full((size, size), zero, dtype=dtype)
    for k in range(size):
        eye[k, k] = one
    return eye


def _lex_min_ratio(tableau: np.ndarray, column: int, lex_columns: list[int], eps) -> int:
    pivots = tableau[:, column]
    rows = np.flatnonzero(pivots > eps)
    if rows.size == 0:
        raise _Cycling  # only rounding can lose every positive pivot
    for k in [tableau.shape[1] - 1, *lex_columns]:
        ratios = tableau[rows, k] / pivots[rows]
        best = min(ratios)
        rows = rows[ratios <= best + eps * max(1, abs(best))]
        if rows.size == 1:
            break
    return int(rows[0])


def _pivot(tableau: np.ndarray, row: int, column: int) -> None:
    tableau[row] = tableau[row] / tableau[row, column]
    factors = tableau[:, column].copy()
    factors[row] = 0 * factors[row]
    tableau -= np.outer(factors, tableau[row])


def _strategy(tableau: np.ndarray, basis: list[int], own: range) -> np.ndarray:
    vector = np.zeros(len(own))
    for row, variable in enumerate(basis):
        if variable in own:
            vector[variable - own.start] = max(float(tableau[row, -1]), 0.0)
    total = vector.sum()
    if total <= 0:
        raise SolverError("Lemke–Howson ended at the artificial equilibrium")
    return vector / total
