r"""Patience: a per-period discount factor from an interest rate, a period length and a hazard.

For a period of length :math:`\Delta` years, an annual interest rate
:math:`r` and an annual hazard :math:`h` that the game ends (a government
changes, talks collapse):

.. math::

   \delta = (1+r)^{-\Delta}\,(1-h)^{\Delta}

and a delay of one period costs ``flow`` × Δ in $B (a flow in $B/yr held up
for Δ years). The period is explicit: δ for a month is not δ for a year.

Examples
--------
>>> from negotiation import econ
>>> d = econ.discount_factor(rate=0.05, period_years=1 / 12, flow=60)
>>> round(float(d.delta.value), 5), round(float(d.delay_cost.value), 2), d.delay_cost.unit
(0.99594, 5.0, '$B')

A one-off amount (a fine, an escrow deposit) set beside flows in $B a year is
turned into the flow of equal present value over a stated term, the annuity:

.. math::

   a = A\,\frac{r}{1-(1+r)^{-T}} \quad (A/T \text{ when } r = 0)

>>> a = econ.annual_equivalent(amount=1.0, rate=0.03, years=7)
>>> round(float(a.flow.value), 4), a.flow.unit
(0.1605, '$B/yr')
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import _inputs
from ._inputs import amount, quantity_of
_FLAT = 1e-12  # 1/yr: below this rate, the annuity is the amount spread evenly
from .quantity import Derivation, Quantity

__all__ = ["annual_equivalent", "discount_factor"]


def discount_factor(rate: Any, period_years: Any, hazard: Any = 0.0, flow: Any = 0.0) -> Derivation:
    """δ per period from an annual ``rate`` and ``hazard``, and the cost of one period's delay of ``flow``."""
    r = amount(rate, "rate", "1/yr", low=-1, open_low=True)
    period = amount(period_years, "period_years", "yr", low=0, open_low=True)
    h = amount(hazard, "hazard", "1/yr", low=0, high=1)
    f = amount(flow, "flow", "$B/yr", low=0)
    with np.errstate(divide="ignore"):
        delta = (1 + r) ** (-period) * (1 - h) ** period
    outputs = {
        "delta": Quantity("delta", _scalar(delta), "1", kind="derived", note="per period"),
        "delay_cost": Quantity("delay_cost", _scalar(f * period), "$B", kind="derived",
                               note="a one-off amount: the flow held up for one period"),
        "period": Quantity("period", _scalar(period), "yr", kind="derived"),
    }
    inputs = (quantity_of(rate, "rate", "1/yr"), quantity_of(period_years, "period_years", "yr"),
              quantity_of(hazard, "hazard", "1/yr"), quantity_of(flow, "flow", "$B/yr"))
    return Derivation(block="patience", formulas=("δ = (1+r)^(-Δ)·(1-h)^Δ", "delay cost = flow·Δ"),
                      inputs=inputs, outputs=outputs)


def annual_equivalent(amount: Any, rate: Any, years: Any) -> Derivation:
    """The flow in $B/yr over ``years`` with the same present value at ``rate`` as the one-off ``amount`` ($B)."""
    a = _inputs.amount(amount, "amount", "$B")
    r = _inputs.amount(rate, "rate", "1/yr", low=-1, open_low=True)
    term = _inputs.amount(years, "years", "yr", low=0, open_low=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(np.abs(r) < _FLAT, 1 / term, r / (1 - (1 + r) ** (-term)))
    outputs = {"flow": Quantity("flow", _scalar(a * factor), "$B/yr", kind="derived",
                                note="the annuity of equal present value over the term")}
    inputs = (quantity_of(amount, "amount", "$B"), quantity_of(rate, "rate", "1/yr"), quantity_of(years, "years", "yr"))
    return Derivation(block="patience", formulas=("a = A·r/(1-(1+r)^(-T)); A/T when r = 0",), inputs=inputs,
                      outputs=outputs)


def _scalar(value):
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array
