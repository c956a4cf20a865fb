r"""One Nash equilibrium of a two-player tree, on the sequence form, without the normal form.

**Lemke's algorithm** (Koller, Megiddo and von Stengel 1996; the start of von
Stengel, van den Elzen and Talman 2002). With realization plans :math:`x, y`
and the dual values :math:`u, v` of the constraints :math:`Ex = e, Fy = f`,
an equilibrium solves the linear complementarity problem

.. math::
    E^\top u - A(y + t z_0) \ge 0 \perp x \ge 0, \qquad
    F^\top v - B^\top(x + s z_0) \ge 0 \perp y \ge 0,

at :math:`z_0 = 0`, where :math:`(s, t)` is a completely mixed starting pair.
For large :math:`z_0` each player best-responds to the starting pair, which
gives the first basis; complementary pivoting then lowers :math:`z_0` to zero.
The free variables :math:`u, v` stay basic throughout. Pivoting is in floats
with a lexicographic ratio test; a path that cycles, or whose end point fails
verification, is repeated in exact rational arithmetic (and ``exact=True``
pivots exactly from the start).

**Zero-sum trees** are solved as one linear program on the sequence form
(HiGHS), which also gives the value.

Every answer is verified by its regret, computed on the sequence form by
backward induction over each player's information sets.

Examples
--------
>>> import negotiation as ng
>>> from negotiation import examples
>>> standoff = ng.GameTree.from_normal_form(examples.tariff_standoff())  # China moves without seeing
>>> eq = ng.sequence_form_equilibrium(standoff, exact=True)
>>> eq["U.S. moves"]["Tariffs on $150B"], eq["China moves"]["Retaliate"], eq.regret
(Fraction(1, 1), Fraction(1, 1), Fraction(0, 1))
>>> ng.tree_payoffs(standoff, eq)  # the integer tree computes in floats
(2.0, 2.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _format
from ..budget import Deadline
from ..errors import SolverError
from ..games.tree import GameTree
from ..games.tree_profiles import tree_payoff_scale
from .sequence_form import SequenceForm
from .sequence_lemke import Degenerate, exact_from_basis, lemke_path

__all__ = ["sequence_form_equilibrium", "SequenceFormEquilibrium"]


@dataclass(frozen=True, eq=False)
class SequenceFormEquilibrium(Mapping, _format.Displays):
    """A behaviour profile ``{infoset: {action: probability}}`` that is a Nash equilibrium of the tree.

    It is a mapping, so the tree checkers take it as it is
    (``ng.is_subgame_perfect(tree, eq)``, ``ng.tree_payoffs(tree, eq)``). It is
    not necessarily subgame perfect: choices off the equilibrium path need only
    be good enough not to tempt the other player.
    """

    behaviour: dict
    payoffs: tuple
    regret: Any
    players: tuple
    method: str
    exact: bool
    pivots: int = 0
    value: Any = None
    realization: tuple = field(default=(), repr=False)

    def __getitem__(self, infoset: str) -> dict:
        return self.behaviour[infoset]

    def __iter__(self):
        return iter(self.behaviour)

    def __len__(self) -> int:
        return len(self.behaviour)

    def __str__(self) -> str:
        lines = [f"one Nash equilibrium by {self.method}; regret {_format.number(self.regret, 3)}"]
        rows = []
        for infoset, choice in self.behaviour.items():
            moves = ", ".join(
                a if p == 1 else f"{a} {_format.number(p)}" for a, p in choice.items() if p > 0
            )
            rows.append([infoset or "(root)", moves])
        lines.append(_format.text_table(["information set", "choice"], rows))
        lines.append("payoffs: " + ", ".join(f"{p} {_format.number(v)}" for p, v in zip(self.players, self.payoffs)))
        if self.value is not None:
            lines.append(f"value of the zero-sum game to {self.players[0]}: {_format.number(self.value)}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "behaviour": {h: {a: _format.plain(p) for a, p in c.items()} for h, c in self.behaviour.items()},
            "payoffs": {p: _format.plain(v) for p, v in zip(self.players, self.payoffs)},
            "regret": _format.plain(self.regret),
            "exact": self.exact,
            "value": None if self.value is None else _format.plain(self.value),
        }


def sequence_form_equilibrium(
    tree: GameTree, exact: bool = False, timeout: float | None = None, max_pivots: int | None = None
) -> SequenceFormEquilibrium:
    """One Nash equilibrium of a two-player tree with perfect recall, as a behaviour profile.

    Zero-sum trees (payoffs summing to a constant) take the linear program
    unless ``exact``; others take Lemke's algorithm. ``timeout`` (seconds)
    bounds the pivoting and raises :class:`~negotiation.errors.BudgetError`
    when it runs out.
    """
    deadline = Deadline(timeout)
    exact = exact or tree.is_exact
    form = SequenceForm.from_tree(tree, exact=False)
    scale = tree_payoff_scale(tree)
    if not exact and _constant_sum(tree):
        return _zero_sum(form, scale)
    limit = max_pivots or 50 * sum(form.shape) + 1000
    try:
        # Pivot in floats; for an exact answer, solve the last basis exactly and verify it.
        x, y, pivots, basis = lemke_path(form, limit, deadline)
        if not exact and form.regret(x, y) <= 1e-9 * scale:
            return _package(form, x, y, pivots, "sequence form (Lemke)")
        if exact:
            exact_form = SequenceForm.from_tree(tree, exact=True)
            plans = exact_from_basis(exact_form, basis)
            if plans is not None and exact_form.regret(*plans) == 0:
                return _package(exact_form, *plans, pivots, "sequence form (Lemke, exact)")
    except Degenerate:
        pass  # every float start cycled or tied: the exact path below decides
    form = SequenceForm.from_tree(tree, exact=True)  # rounding spoiled the path: pivot exactly all the way
    try:
        x, y, pivots, _ = lemke_path(form, limit, deadline)
    except Degenerate as exc:
        raise SolverError(f"the exact sequence-form path failed ({exc}); please report this tree") from None
    if form.regret(x, y) != 0:
        raise SolverError("the sequence-form path ended at a profile that is not an equilibrium; "
                          "please report this tree")
    return _package(form, x, y, pivots, "sequence form (Lemke, exact)")


def _constant_sum_value(form, payoffs):
    """In a zero-sum (constant-sum) tree every equilibrium pays player 1 the value."""
    return payoffs[0] if _constant_sum(form.tree) else None


def _constant_sum(tree: GameTree) -> bool:
    c = tree.compiled()
    sums = {float(p[0]) + float(p[1]) for p, kind in zip(c.payoffs, c.kind) if kind == 0}
    return max(sums) - min(sums) <= 1e-12 * tree_payoff_scale(tree)


def _zero_sum(form, scale):
    """Both players' optimal realization plans by linear programming, and the value."""
    from scipy.optimize import linprog

    (E, e), (F, f) = form.constraints(0), form.constraints(1)
    A = np.asarray(form.payoffs[0], dtype=float)
    n1, n2 = form.shape
    k1, k2 = len(e), len(f)
    # Player 1: max f.q  s.t.  F^T q <= A^T x,  E x = e,  x >= 0.
    first = linprog(
        np.concatenate([np.zeros(n1), -f]), A_ub=np.hstack([-A.T, F.T]), b_ub=np.zeros(n2),
        A_eq=np.hstack([E, np.zeros((k1, k2))]), b_eq=e,
        bounds=[(0, None)] * n1 + [(None, None)] * k2, method="highs",
    )
    # Player 2: min e.p  s.t.  E^T p >= A y,  F y = f,  y >= 0.
    second = linprog(
        np.concatenate([np.zeros(n2), e]), A_ub=np.hstack([A, -E.T]), b_ub=np.zeros(n1),
        A_eq=np.hstack([F, np.zeros((k2, k1))]), b_eq=f,
        bounds=[(0, None)] * n2 + [(None, None)] * k1, method="highs",
    )
    if first.status != 0 or second.status != 0:
        raise SolverError(f"the sequence-form linear program failed: {first.message or second.message}")
    x, y = np.clip(first.x[:n1], 0, None), np.clip(second.x[:n2], 0, None)
    if form.regret(x, y) > 1e-7 * scale:
        raise SolverError("the sequence-form linear program's plans are not optimal to 1e-7; "
                          "try exact=True")
    return _package(form, x, y, 0, "sequence form (linear program, zero-sum)", value=-first.fun)


def _package(form, x, y, pivots, method, value=None):
    A, B = form.payoffs
    fill = {}
    Ay, xB = form.product(A, y), form.product(B, x, transpose=True)
    for i, (plan, values) in enumerate(((x, Ay), (y, xB))):
        _, best = form.best_response(i, values)
        one = Fraction(1) if form.exact else 1.0
        for h, name in enumerate(form.infosets[i]):
            chosen = next(s for s in form.children[i][h] if s in best)
            fill[name] = {form.sequences[i][s][1]: (one if s == chosen else 0 * one) for s in form.children[i][h]}
    behaviour = {**form.behaviour(0, x, fill), **form.behaviour(1, y, fill)}
    payoffs = (x.dot(Ay), xB.dot(y))
    if not form.exact:
        payoffs = tuple(float(p) for p in payoffs)
    return SequenceFormEquilibrium(
        behaviour=behaviour, payoffs=payoffs, regret=form.regret(x, y), players=form.tree.players,
        method=method, exact=form.exact, pivots=pivots,
        value=_constant_sum_value(form, payoffs) if value is None else float(value), realization=(x, y),
    )
