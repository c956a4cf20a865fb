r"""Lemke's algorithm on the sequence form: one equilibrium of a two-player tree.

With realization plans :math:`x, y`, constraints :math:`Ex = e, Fy = f` and
their free dual values :math:`u, v`, an equilibrium solves

.. math::
    w_x = E^\top u - A(y + t z_0) \ge 0 \perp x \ge 0, \qquad
    w_y = F^\top v - B^\top(x + s z_0) \ge 0 \perp y \ge 0

at :math:`z_0 = 0` (Koller, Megiddo and von Stengel 1996), where
:math:`(s, t)` is a completely mixed starting pair (von Stengel, van den Elzen
and Talman 2002). For large :math:`z_0` each player best-responds to the
start; that pure pair, with a choice at every information set, is the first
basis. :math:`z_0` is lowered until a basic variable reaches zero, and
complementary pivoting continues until :math:`z_0` leaves the basis. The free
variables stay basic throughout. Payoffs are first shifted so every leaf pays
less than zero (the same game, since realization plans reach the leaves with
total probability one).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from ..budget import Deadline
from ..errors import BudgetError, SolverError
from ..games.arithmetic import to_fraction
from .polytope import solve_exact
from .sequence_form import SequenceForm
from .tableau import NoPivot, Tableau

__all__ = ["lemke_path", "exact_from_basis", "Degenerate"]

#: Random starting pairs tried before the start is called degenerate.
START_ATTEMPTS = 6


class Degenerate(Exception):
    """The path cycled, met a ray, or every start tied: pivot exactly, or report it."""


class _BadStart(Exception):
    """The best responses to the start tie so that no first basis is feasible."""


def lemke_path(form: SequenceForm, max_pivots: int, deadline: Deadline):
    """``(x, y, pivots, basis)``: realization plans of an equilibrium (exact when ``form.exact``) and the last basis."""
    reasons = []
    for attempt in range(START_ATTEMPTS):
        try:
            return _path(form, max_pivots, deadline, seed=attempt)
        except (_BadStart, Degenerate) as exc:  # another random start gives another path
            reasons.append(str(exc) or "the start tied")
    raise Degenerate(f"{START_ATTEMPTS} starting pairs failed: {', '.join(sorted(set(reasons)))}")


def exact_from_basis(form: SequenceForm, basis):
    """The exact realization plans of a basis found in floats, or None if that basis is not exactly feasible.

    Rows whose basic variable is their own slack only fix that slack, so they
    drop out; the rest is one square system in Fractions.
    """
    M, (n1, n2, U, WX), _ = _system(form, *(np.zeros(k, dtype=object) for k in form.shape))
    slack_rows = {b - WX for b in basis if b >= WX and b - WX < n1 + n2}
    rows = [r for r in range(len(M)) if r not in slack_rows]
    columns = [b for b in basis if not (WX <= b < WX + n1 + n2)]
    if len(rows) != len(columns) or any(b > WX + n1 + n2 - 1 for b in columns):
        return None  # z0 still basic: not an end point
    values = solve_exact([[M[r, c] for c in columns] for r in rows], [M[r, -1] for r in rows], len(columns))
    if values is None:
        return None
    x = np.array([Fraction(0)] * n1, dtype=object)
    y = np.array([Fraction(0)] * n2, dtype=object)
    for column, value in zip(columns, values):
        if column < n1:
            x[column] = value
        elif column < n1 + n2:
            y[column - n1] = value
    if any(v < 0 for v in x) or any(v < 0 for v in y):
        return None
    return x, y


def _system(form, s, t):
    """The LCP's equations as rows (columns x, y, u, v, wx, wy, z0, rhs), the column offsets, and the shifted payoffs."""
    n1, n2 = form.shape
    (E, e), (F, f) = form.constraints(0), form.constraints(1)
    A, B = _negative(form)
    k1, k2 = len(e), len(f)
    X, Y, U, V = 0, n1, n1 + n2, n1 + n2 + k1
    WX, Z0 = V + k2, V + k2 + n1 + n2
    zero = A.flat[0] * 0
    M = np.full((n1 + n2 + k1 + k2, Z0 + 2), zero, dtype=A.dtype)
    M[:n1, Y:Y + n2] = A
    M[:n1, U:U + k1] = -E.T
    M[:n1, Z0] = form.product(A, t)
    M[n1:n1 + n2, X:X + n1] = B.T
    M[n1:n1 + n2, V:V + k2] = -F.T
    M[n1:n1 + n2, Z0] = form.product(B, s, transpose=True)
    for q in range(n1 + n2):
        M[q, WX + q] = zero + 1
    M[n1 + n2:n1 + n2 + k1, X:X + n1] = E
    M[n1 + n2:n1 + n2 + k1, -1] = e
    M[n1 + n2 + k1:, Y:Y + n2] = F
    M[n1 + n2 + k1:, -1] = f
    return M, (n1, n2, U, WX), (A, B)


def _path(form, max_pivots, deadline, seed):
    rng = np.random.default_rng(seed)
    s, t = _random_plan(form, 0, rng), _random_plan(form, 1, rng)
    M, (n1, n2, U, WX), (A, B) = _system(form, s, t)
    X, Y, WY, Z0 = 0, n1, WX + n1, WX + n1 + n2
    plan_x, plan_y = _start_responses(form, A, B, s, t)
    basis = ([X + q if q in plan_x else WX + q for q in range(n1)]
             + [Y + q if q in plan_y else WY + q for q in range(n2)]
             + list(range(U, WX)))
    tableau = Tableau.exact(M) if form.exact else Tableau.floats(M)
    try:
        tableau.into_basis(basis)
    except NoPivot:
        raise _BadStart from None
    allowed = np.array([not U <= b < WX for b in basis])  # u and v are free: they never leave
    lex = list(basis)
    # Lower z0 from infinity until the first basic variable reaches zero.
    below = tableau.negative(-1) & allowed
    if (below & ~tableau.negative(Z0)).any():
        raise _BadStart  # a basic variable stays negative however large z0 is
    if not below.any():
        return (*_plans(tableau, basis, n1, n2), 0, basis)  # the best responses already form an equilibrium
    row = max(np.flatnonzero(below), key=lambda r: tableau.ratio(r, -1, Z0))
    entering, pivots, visited = Z0, 0, set()
    with deadline.interruptible():
        while True:
            leaving = basis[row]
            tableau.pivot(row, entering)
            basis[row] = entering
            pivots += 1
            if leaving == Z0:
                return (*_plans(tableau, basis, n1, n2), pivots, basis)
            entering = leaving + WX if leaving < U else leaving - WX  # x <-> wx, y <-> wy
            state = hash((entering, tuple(sorted(basis))))
            if state in visited:
                raise Degenerate("the path cycled")
            visited.add(state)
            if pivots >= max_pivots:
                raise SolverError(f"the sequence-form path did not finish within {max_pivots} pivots")
            if pivots % 16 == 0 and deadline.passed():
                raise BudgetError(f"the sequence-form path {deadline.reason} after {pivots} pivots")
            try:
                row = tableau.leaving_row(entering, lex, allowed)
            except NoPivot:
                raise Degenerate("the path met a ray") from None
    raise BudgetError(f"the sequence-form path was {deadline.reason} after {pivots} pivots")


def _plans(tableau, basis, n1, n2):
    x = np.array([tableau.value(0, -1) * 0] * n1, dtype=object)
    y = np.array([tableau.value(0, -1) * 0] * n2, dtype=object)
    for row, variable in enumerate(basis):
        if variable < n1:
            x[variable] = tableau.value(row)
        elif variable < n1 + n2:
            y[variable - n1] = tableau.value(row)
    if not tableau.exact:
        x, y = np.clip(x.astype(float), 0, None), np.clip(y.astype(float), 0, None)
    return x, y


def _negative(form):
    """Payoffs shifted so every leaf pays less than zero."""
    c = form.tree.compiled()
    leaves = [p for p, kind in zip(c.payoffs, c.kind) if kind == 0]
    number = to_fraction if form.exact else float
    shifted = []
    for i, M in enumerate(form.payoffs):
        out = np.full(M.shape, M.flat[0] * 0, dtype=M.dtype)
        # off the leaves' cells both M and the mass are zero, and so is the shifted payoff
        out[form.cells] = M[form.cells] - (max(number(p[i]) for p in leaves) + 1) * form.mass[form.cells]
        shifted.append(out)
    return tuple(shifted)


def _random_plan(form, i, rng):
    """A completely mixed realization plan with random (generic) weights, so best responses rarely tie."""
    one = Fraction(1) if form.exact else 1.0
    plan = [one] + [0 * one] * (len(form.sequences[i]) - 1)
    for h in range(len(form.infosets[i])):  # parents first
        weights = [int(w) for w in rng.integers(1, 1000, size=len(form.children[i][h]))]
        for q, w in zip(form.children[i][h], weights):
            share = Fraction(w, sum(weights)) if form.exact else w / sum(weights)
            plan[q] = plan[form.parent[i][h]] * share
    return np.array(plan, dtype=object if form.exact else float)


def _start_responses(form, A, B, s, t):
    """Pure best responses to the start; ties go to the better reply to the other's response, until stable."""
    plan_x = plan_y = None
    for _ in range(10):
        tie_y = None if plan_x is None else form.product(B, _indicator(plan_x, form.shape[0], A), transpose=True)
        new_y = form.best_response(1, form.product(B, s, transpose=True), tie_y)[1]
        new_x = form.best_response(0, form.product(A, t), form.product(A, _indicator(new_y, form.shape[1], A)))[1]
        if (new_x, new_y) == (plan_x, plan_y):
            break
        plan_x, plan_y = new_x, new_y
    return plan_x, plan_y


def _indicator(plan, size, like):
    zero = like.flat[0] * 0
    vector = np.full(size, zero, dtype=like.dtype)
    for q in plan:
        vector[q] = zero + 1
    return vector
