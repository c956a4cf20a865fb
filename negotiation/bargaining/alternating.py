r"""Alternating offers: Rubinstein's model, deadlines, breakdown risk and outside options.

Two sides split a pie of size :math:`\pi`, proposing in turn. With discount
factors :math:`\delta_1, \delta_2` and no deadline, the unique subgame-perfect
equilibrium gives the first proposer

.. math:: x_1 = \pi \, \frac{1 - \delta_2}{1 - \delta_1 \delta_2}

immediately (Rubinstein, 1982). Variants:

* **breakdown risk** ``breakdown=p``: after each rejection talks collapse with
  probability :math:`p`, leaving each side its ``disagreement`` payoff;
* **outside options** ``outside_options=(w_1, w_2)``: a responder may walk
  away instead of countering; an option binds only if it beats what staying
  would give (the outside-option principle);
* **deadline** ``horizon=T``: at most :math:`T` rounds, then the
  ``disagreement`` outcome (say, the tariff increase on March 1), solved by
  backward induction.

Exact inputs (Fractions, ints) give exact shares.

Examples
--------
>>> import negotiation as ng
>>> from fractions import Fraction as F
>>> result = ng.rubinstein(F(9, 10), F(19, 20))
>>> result.shares
(Fraction(10, 29), Fraction(19, 29))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

from .. import __version__, _format
from ..errors import ParameterError

__all__ = ["AlternatingOffersResult", "rubinstein"]


@dataclass(frozen=True)
class AlternatingOffersResult(_format.Displays):
    """Who gets what, when, and by which rule."""

    shares: tuple  # (first proposer, other), at the agreement
    players: tuple
    agreement_round: int | None  # 1 = immediately; None = no agreement before the deadline
    round_shares: tuple = ()  # deadline: proposer's share in each round, first to last
    binding_options: tuple = ()  # sides whose outside option binds
    method: str = "Rubinstein (1982)"

    def __str__(self) -> str:
        if self.agreement_round is None:
            return f"{self.method}: no agreement before the deadline"
        split = ", ".join(f"{p} {_format.number(s)}" for p, s in zip(self.players, self.shares))
        when = "immediately" if self.agreement_round == 1 else f"in round {self.agreement_round}"
        note = f"; outside option binds for {', '.join(self.binding_options)}" if self.binding_options else ""
        return f"{self.method}: agreement {when}: {split}{note}"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "version": __version__,
            "shares": {p: _format.plain(s) for p, s in zip(self.players, self.shares)},
            "agreement_round": self.agreement_round,
            "round_shares": [_format.plain(s) for s in self.round_shares],
            "binding_options": list(self.binding_options),
        }


def rubinstein(
    delta_1: Any,
    delta_2: Any,
    pie: Any = 1,
    players: Sequence[str] = ("Player 1", "Player 2"),
    breakdown: Any = 0,
    disagreement: Sequence[Any] = (0, 0),
    outside_options: Sequence[Any] | None = None,
    horizon: int | None = None,
) -> AlternatingOffersResult:
    """Subgame-perfect shares in alternating-offers bargaining; player 1 proposes first."""
    d1, d2 = _unit(delta_1, "delta_1"), _unit(delta_2, "delta_2")
    p = _unit(breakdown, "breakdown")
    pie = _number(pie, "pie")
    b1, b2 = (_number(v, "disagreement") for v in disagreement)
    players = tuple(players)
    if len(players) != 2:
        raise ParameterError("alternating offers has two players")
    if horizon is not None:
        return _finite(d1, d2, pie, players, p, (b1, b2), horizon)
    if (d1 * (1 - p)) * (d2 * (1 - p)) == 1:
        raise ParameterError(
            "with no discounting and no breakdown risk (δ = 1) the infinite game has no unique split"
            + ("" if p == 0 else f"; a breakdown risk of {p!r} is lost in floating point: pass it as a Fraction"))
    w = tuple(_number(v, "outside option") for v in outside_options) if outside_options is not None else None
    v1, v2, binding = _stationary(d1, d2, pie, p, (b1, b2), w)
    method = "Rubinstein (1982)" + (" with breakdown risk" if p else "") + (" and outside options" if w else "")
    return AlternatingOffersResult(
        shares=(v1, pie - v1),
        players=players,
        agreement_round=1,
        binding_options=tuple(players[i] for i in binding),
        method=method,
    )


def _stationary(d1, d2, pie, p, b, w):
    """Proposer values (V1, V2) solving V_i = pie - max(w_j, continuation_j)."""
    c = ((1 - p) * d1, (1 - p) * d2)
    base = (p * d1 * b[0], p * d2 * b[1]) if p else (0, 0)
    for binds in ((), (1,), (0,), (0, 1)):  # which responders' options bind
        # V1 = pie - r2, V2 = pie - r1 with r_j = w_j (binding) or c_j V_j + base_j
        if 1 in binds and 0 in binds:
            v1, v2 = pie - w[1], pie - w[0]
        elif 1 in binds:
            v1 = pie - w[1]
            v2 = pie - (c[0] * v1 + base[0])
        elif 0 in binds:
            v2 = pie - w[0]
            v1 = pie - (c[1] * v2 + base[1])
        else:
            v1 = (pie - base[1] - c[1] * (pie - base[0])) / (1 - c[0] * c[1])
            v2 = pie - (c[0] * v1 + base[0])
        if w is None:
            return v1, v2, ()
        stay = (c[0] * v1 + base[0], c[1] * v2 + base[1])  # what each would get by countering
        consistent = all((j in binds) == (w[j] > stay[j]) for j in (0, 1))
        if consistent:
            return v1, v2, tuple(sorted(binds))
    raise ParameterError("no consistent equilibrium: the outside options exceed the pie")


def _finite(d1, d2, pie, players, p, b, horizon):
    """Backward induction over rounds 1..T; after T the disagreement outcome."""
    if not isinstance(horizon, int) or horizon < 1:
        raise ParameterError(f"horizon must be a positive number of rounds, got {horizon!r}")
    deltas = (d1, d2)
    after = list(b)  # each side's value on reaching round T+1 without agreement
    shares = []
    for t in range(horizon, 0, -1):
        proposer = (t - 1) % 2  # player 1 proposes in odd rounds
        responder = 1 - proposer
        # rejecting: next round (or the deadline outcome), unless talks collapse first
        wait = [deltas[k] * ((1 - p) * after[k] + p * b[k]) for k in (0, 1)]
        ask = max(wait[responder], 0 * pie)  # nobody can be handed less than nothing
        keep = pie - ask
        if keep < wait[proposer]:
            after = wait  # no offer worth making this round
            shares.append(None)
            continue
        after = [0, 0]
        after[proposer], after[responder] = keep, ask
        shares.append(keep)
    shares.reverse()
    if shares[0] is None:
        return AlternatingOffersResult(shares=tuple(after), players=players, agreement_round=None,
                                       round_shares=tuple(shares), method=f"alternating offers, {horizon} rounds")
    return AlternatingOffersResult(
        shares=(shares[0], pie - shares[0]),
        players=players,
        agreement_round=1,
        round_shares=tuple(shares),
        method=f"alternating offers, deadline after {horizon} round(s)",
    )


def _unit(value, name):
    value = _number(value, name)
    if not 0 <= value <= 1:
        raise ParameterError(f"{name} must lie in [0, 1], got {value}")
    return value


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise ParameterError(f"{name} must be a number, got {value!r}")
    if isinstance(value, float) and value != value:
        raise ParameterError(f"{name} is NaN")
    return value
