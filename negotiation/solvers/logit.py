r"""Logit quantal response equilibria (McKelvey and Palfrey 1995), traced to a Nash equilibrium.

At precision :math:`\lambda \ge 0` each player chooses with logit noise,

.. math:: \sigma_i(s) = \frac{\exp(\lambda\,u_i(s, \sigma_{-i}))}{\sum_t \exp(\lambda\,u_i(t, \sigma_{-i}))},

so :math:`\lambda = 0` is uniform play and :math:`\lambda \to \infty`
approaches a Nash equilibrium. For almost every game the solutions form a
unique branch from the uniform profile (McKelvey and Palfrey 1995; Turocy
2005), which :func:`quantal_response_curve` follows by continuation in
:math:`\log\lambda`, with Newton corrections on the log-probabilities
:math:`\beta = \log\sigma`:

.. math:: G_i(s) = \beta_i(s) - \lambda u_i(s) + \log \sum_t e^{\lambda u_i(t)} = 0 .

Payoffs are first scaled to [0, 1], so that λ means the same in any unit.
:func:`logit_equilibrium` takes the end of the branch, keeps the strategies
still played there, and polishes the profile by Newton's method on that
support's indifference equations; the result is an equilibrium only if its
regret, computed afresh, is within the tolerance.

Any number of players. References: R. McKelvey and T. Palfrey, "Quantal
Response Equilibria for Normal Form Games", Games and Economic Behavior 10
(1995); T. Turocy, "A dynamic homotopy interpretation of the logistic quantal
response equilibrium correspondence", Games and Economic Behavior 51 (2005).

Examples
--------
>>> import negotiation as ng
>>> from negotiation import examples
>>> [round(float(p), 6) for p in ng.quantal_response(examples.matching_pennies(), 3.0).profile[0]]
[0.5, 0.5]
>>> result = ng.logit_equilibrium(examples.battle_of_the_sexes())
>>> result[0].support, result.complete
((('Opera', 'Football'), ('Opera', 'Football')), False)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import _format
from ..errors import SolverError
from ..games.normal_form import NormalFormGame
from ..games.profiles import DEFAULT_TOL, payoff_scale
from .contractions import Contractions
from .logit_end import nearest_verified, polish
from .results import EquilibriumSet, make_equilibrium

__all__ = ["quantal_response", "quantal_response_curve", "logit_equilibrium", "QuantalResponse", "QRECurve"]

MAX_LAMBDA = 1e7  # in payoff-range units: far past where the branch has settled on an equilibrium
CONVERGED_STEP = 1e-6  # a corrector step this small ends the corrector: the next would be about 1e-13


@dataclass(frozen=True, eq=False)
class QuantalResponse(_format.Displays):
    """The logit QRE at one precision ``lam`` (in the game's own payoff units)."""

    lam: float
    profile: tuple
    players: tuple
    strategies: tuple

    def strategy_of(self, player) -> dict:
        i = player if isinstance(player, int) else self.players.index(player)
        return dict(zip(self.strategies[i], (float(p) for p in self.profile[i])))

    def __str__(self) -> str:
        lines = [f"logit quantal response at λ = {self.lam:.4g}"]
        for i, player in enumerate(self.players):
            parts = ", ".join(f"{s} {p:.4f}" for s, p in self.strategy_of(i).items())
            lines.append(f"{player}: {parts}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"lambda": self.lam, "profile": {p: self.strategy_of(i) for i, p in enumerate(self.players)}}


@dataclass(frozen=True, eq=False)
class QRECurve(_format.Displays):
    """The traced branch: precisions ``lams`` (payoff units) and one profile per precision.

    ``probabilities[k]`` concatenates every player's probabilities at
    ``lams[k]``; ``profile_at(lam)`` gives the traced point nearest ``lam``.
    """

    lams: np.ndarray
    probabilities: np.ndarray
    game: NormalFormGame = field(repr=False)
    steps: int = 0

    def profile_at(self, lam: float) -> QuantalResponse:
        k = int(np.argmin(np.abs(self.lams - lam)))
        return QuantalResponse(float(self.lams[k]), _split(self.probabilities[k], self.game.shape),
                               self.game.players, self.game.strategies)

    @property
    def end(self) -> QuantalResponse:
        return self.profile_at(float(self.lams[-1]))

    def __str__(self) -> str:
        return (f"logit QRE branch: {len(self.lams)} points from λ = 0 to λ = {self.lams[-1]:.3g} "
                f"({self.steps} continuation steps)\n" + str(self.end))

    def to_dict(self) -> dict:
        return {"lambdas": self.lams.tolist(), "probabilities": self.probabilities.tolist(),
                "players": list(self.game.players), "strategies": [list(s) for s in self.game.strategies]}


# ---------------------------------------------------------------------- the equations
def _scaled_payoffs(game: NormalFormGame) -> tuple[list[np.ndarray], float]:
    game.require_numeric("logit QRE")
    scale = payoff_scale(game)
    arrays = [np.asarray(a, dtype=float) for a in game.as_float().payoffs]
    low = min(float(a.min()) for a in arrays)
    return [(a - low) / scale for a in arrays], scale


def _split(flat: np.ndarray, shape) -> tuple:
    return tuple(np.split(np.asarray(flat, dtype=float), np.cumsum(shape)[:-1]))


def _equations(beta: np.ndarray, lam: float, tables: Contractions):
    """G(β, λ), its Jacobian in β, and its derivative in λ, every player at once.

    Players' strategies are padded to a common count; padded entries have
    probability zero and are dropped from the outputs.
    """
    n, m, real = len(tables.shape), tables.width, tables.real
    sigma = np.zeros((n, m))
    sigma[real] = np.exp(beta)
    pairs = tables.all_pairs(sigma)  # ordered pairs (i, j): rows i's strategies, columns j's
    u = np.matmul(pairs[::n - 1], sigma[tables.second[::n - 1]][:, :, None])[:, :, 0]  # one pair per player
    z = lam * u if tables.square else np.where(real, lam * u, -np.inf)
    z -= z.max(axis=1, keepdims=True)
    choice = np.exp(z)
    total = choice.sum(axis=1, keepdims=True)
    choice /= total
    residual = np.log(total) - z
    by_lambda = np.einsum("im,im->i", choice, np.where(real, u, 0))[:, None] - u
    derivative = pairs * sigma[tables.second][:, None, :]  # d u_i(s) / d beta_j(t)
    derivative -= np.einsum("km,kmt->kt", choice[tables.first], derivative)[:, None, :]
    derivative *= -lam
    jacobian = np.zeros((n, m, n, m))
    jacobian[tables.first, :, tables.second, :] = derivative
    jacobian = jacobian.reshape(n * m, n * m)
    if not tables.square:
        residual, by_lambda, jacobian = residual[real], by_lambda[real], jacobian[tables.strategy_block]
    residual = residual.ravel() + beta
    jacobian.flat[::len(beta) + 1] += 1  # the diagonal
    return residual, jacobian, by_lambda.ravel()


def _newton_fixed(beta, lam, tables, iterations=30, tol=1e-11):
    """Newton in β at a fixed λ (used to land exactly on a requested precision)."""
    tol = tol * max(1.0, lam)
    for _ in range(iterations):
        residual, jacobian, _ = _equations(beta, lam, tables)
        if np.max(np.abs(residual)) <= tol:
            return beta, True
        try:
            beta = beta + np.linalg.solve(jacobian, -residual)
        except np.linalg.LinAlgError:
            return beta, False
    return beta, bool(np.max(np.abs(_equations(beta, lam, tables)[0])) <= tol * 1e3)


def _augmented(w, tables):
    """H(w) for w = (β, ℓ) with λ = e^ℓ - 1, and its N × (N+1) Jacobian."""
    lam = np.expm1(w[-1])
    residual, jacobian, by_lambda = _equations(w[:-1], lam, tables)
    return residual, np.column_stack([jacobian, by_lambda * (lam + 1)])


def _tangent(full, previous):
    """The unit tangent (the Jacobian's kernel), oriented to agree with ``previous``.

    Steps are kept short enough that consecutive tangents agree closely (see
    ``_trace``), so this orientation carries the trace through turning points,
    where λ turns back, and straight across the simple bifurcations of
    symmetric games, without jumping to another branch.
    """
    system = np.vstack([full, previous])
    rhs = np.zeros(len(previous))
    rhs[-1] = 1.0
    direction = np.linalg.solve(system, rhs)
    direction /= np.linalg.norm(direction)
    return direction if direction @ previous >= 0 else -direction


def _trace(game: NormalFormGame, until: float, keep: bool, stop=None):
    """Follow the branch by pseudo-arclength continuation in (β, log(1+λ)), turning points included.

    Returns the precisions and probabilities passed (if ``keep``), the state at
    ``until`` (scaled units) and the number of steps. ``stop(λ, β)`` may end
    the trace early (for the equilibrium search).
    """
    payoffs, scale = _scaled_payoffs(game)
    tables = Contractions(payoffs)
    shape = game.shape
    size = sum(shape)
    w = np.concatenate([np.concatenate([np.full(n, -np.log(n)) for n in shape]), [0.0]])
    start = np.zeros(size + 1)
    start[-1] = 1.0
    _, full = _augmented(w, tables)
    tangent = _tangent(full, start)  # agrees with +λ: the trace starts towards larger λ
    h, steps = 0.3, 0
    lams, points = [0.0], [np.exp(w[:-1])]
    goal = np.log1p(until)
    while w[-1] < goal:
        steps += 1
        if steps > 20_000:
            raise SolverError("the logit branch took more than 20,000 steps; the game may be degenerate")
        guess = w + h * tangent
        moved, ok, iterations = guess, False, 0
        for iterations in range(1, 12):
            residual, full = _augmented(moved, tables)
            arc = tangent @ (moved - w) - h
            # λ·u carries rounding of about λ·1e-16: the tolerance grows with λ
            tol = 1e-10 * max(1.0, np.expm1(moved[-1]))
            if np.max(np.abs(residual)) <= tol and abs(arc) <= 1e-10 * max(1.0, h):
                ok = True
                break
            try:
                correction = np.linalg.solve(np.vstack([full, tangent]), -np.append(residual, arc))
            except np.linalg.LinAlgError:
                break
            moved = moved + correction
            # a corrector that wanders far from the prediction may have landed on another branch
            if not np.all(np.isfinite(moved)) or np.linalg.norm(moved - guess) > 0.3 * h:
                break
            if np.max(np.abs(correction)) <= CONVERGED_STEP:
                # Newton converges quadratically: the next residual would be about the step squared, far
                # below the tolerance, so skip evaluating it (the step counts as one more iteration, as if
                # it had) and let the last Jacobian, that close, give the tangent
                ok, iterations = True, iterations + 1
                break
        if ok and moved[-1] < 0:  # the branch never returns below λ = 0: a wrong turn, take a smaller step
            ok = False
        if not ok:
            h /= 3
            if h < 1e-12:
                raise SolverError(f"the logit branch could not be continued past λ = {np.expm1(w[-1]) / scale:.4g}")
            continue
        turned = _tangent(full, tangent)
        jump = np.max(np.abs(np.exp(moved[:-1]) - np.exp(w[:-1])))
        if turned @ tangent < 0.95 or jump > 0.05:
            # the branch bends sharply, or the probabilities moved a lot: a shorter step, so as not to jump
            h /= 3
            if h < 1e-12:
                raise SolverError(f"the logit branch could not be continued past λ = {np.expm1(w[-1]) / scale:.4g}")
            continue
        tangent = turned
        w = moved
        if keep:
            lams.append(np.expm1(w[-1]))
            points.append(np.exp(w[:-1]))
        if stop is not None and stop(np.expm1(w[-1]), w[:-1]):
            break
        h = min(h * (2.0 if iterations <= 3 else 1.2 if iterations <= 5 else 0.7), 1e6)
    beta, lam = w[:-1], np.expm1(w[-1])
    if lam > until and until > 0:  # land on the requested precision itself
        beta, landed = _newton_fixed(beta, until, tables)
        if not landed:
            raise SolverError(f"the logit branch could not be evaluated at λ = {until:.4g}")
        lam = until
    return np.array(lams), np.array(points), beta, lam, steps


# ---------------------------------------------------------------------- public functions
def quantal_response(game: NormalFormGame, lam: float) -> QuantalResponse:
    """The logit QRE on the principal branch at precision ``lam`` (in the game's payoff units)."""
    lam = _precision(lam)
    _, scale = _scaled_payoffs(game)
    _, _, beta, _, _ = _trace(game, lam * scale, keep=False)
    return QuantalResponse(lam, _split(np.exp(beta), game.shape), game.players, game.strategies)


def quantal_response_curve(game: NormalFormGame, until: float | None = None) -> QRECurve:
    """The principal branch from λ = 0 to ``until`` (payoff units; default: far enough to settle)."""
    _, scale = _scaled_payoffs(game)
    limit = MAX_LAMBDA if until is None else _precision(until) * scale
    lams, points, _, _, steps = _trace(game, limit, keep=True)
    return QRECurve(lams / scale, points, game, steps)


def logit_equilibrium(game: NormalFormGame, tol: float | None = None) -> EquilibriumSet:
    """One Nash equilibrium: the end of the logit branch, polished on its support and verified.

    Returns an :class:`EquilibriumSet` with one equilibrium (``complete`` is
    False: one of possibly many). In a degenerate game the branch may end at
    a continuum where the polish cannot land, or stop at a branch point; then,
    if the game is small enough to enumerate (within
    :data:`~negotiation.solvers.logit_end.FALLBACK_SECONDS`), the verified
    equilibrium nearest to where the branch got is returned, with
    ``method`` "logit tracing, then support enumeration" and a message
    saying so. Otherwise the set is empty and the message says why.
    """
    _, scale = _scaled_payoffs(game)
    bound = (DEFAULT_TOL if tol is None else tol) * scale
    found = {}

    def settled(lam, beta):
        """Polish at every tripling of λ past 100; accept the branch's limit once it is confirmed.

        Newton on a guessed support can converge to another equilibrium, so a
        polished profile is accepted only when the traced point is (nearly) on
        it, or when the same profile comes out twice in a row with the traced
        point closing in on it (the branch approaches its limit at a rate of
        about 1/λ).
        """
        found["last"] = (lam, beta)
        if lam < found.get("next", 100.0):
            return False
        found["next"] = lam * 3
        traced = _split(np.exp(beta), game.shape)
        profile = polish(game, traced)
        if profile is None:
            found.pop("candidate", None)
            return False
        gap = max(np.max(np.abs(a - b)) for a, b in zip(profile, traced))
        previous = found.get("candidate")
        found["candidate"] = (profile, gap)
        repeated = previous is not None and gap < previous[1] and \
            max(np.max(np.abs(a - b)) for a, b in zip(profile, previous[0])) <= 1e-9
        if gap > 1e-6 and not repeated:
            return False
        equilibrium = make_equilibrium(game, profile)
        if equilibrium.regret <= bound:
            found["equilibrium"] = equilibrium
            return True
        return False

    try:
        _, _, beta, lam, steps = _trace(game, MAX_LAMBDA, keep=False, stop=settled)
        stuck = ""
    except SolverError as exc:  # a branch point of a degenerate game: the trace cannot go on
        lam, beta = found.get("last", (0.0, None))
        steps, stuck = None, str(exc)
    options = {"tol": tol, "lambda": float(lam) / scale, "steps": steps}
    if "equilibrium" in found:
        return EquilibriumSet(equilibria=(found["equilibrium"],), game=game, method="logit tracing",
                              options=options, complete=False,
                              message="one equilibrium: the limit of the logit quantal response branch")
    traced = _split(np.exp(beta), game.shape) if beta is not None else None
    nearest, why = nearest_verified(game, traced, bound)
    where = stuck or f"the end of the logit branch (λ = {lam / scale:.3g}) did not verify"
    if nearest is None:
        return EquilibriumSet(equilibria=(), game=game, method="logit tracing", options=options, complete=False,
                              message=f"{where}, and {why}")
    return EquilibriumSet(equilibria=(nearest,), game=game, method="logit tracing, then support enumeration",
                          options=options, complete=False,
                          message=f"{where} (the game looks degenerate); shown instead: the verified equilibrium "
                          "nearest to where the branch got, from all_equilibria")


def _precision(lam) -> float:
    try:
        value = float(lam)
    except (TypeError, ValueError):
        raise SolverError(f"λ must be a number, got {lam!r}") from None
    if not np.isfinite(value) or value < 0:
        raise SolverError(f"λ must be a finite number ≥ 0, got {lam!r}")
    return value
