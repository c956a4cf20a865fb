r"""A purchase pledge: what can be delivered, where it comes from, and what it is worth to each side.

China pledges to buy ``pledge`` ($B/yr) of some U.S. goods, of which it
already buys ``baseline``. The increase :math:`\Delta = \max(P - B_0, 0)` can
come from three places, taken in this order (cheapest first):

1. **relabelled flows**: a share ``relabelled_share`` of the increase is
   counted without new trade in value added (assembly moved into China, as
   with chips);
2. **diversion**: U.S. goods that went to other buyers go to China instead,
   and China's third-country suppliers (Brazil's soybeans, Airbus) sell to
   those buyers; at most :math:`D = \min(E_{other}, T_{China})`, the U.S.
   exports to others and China's imports from others (either may be
   ``None`` when it is known not to bind);
3. **new U.S. output**, at most the capacity headroom :math:`H`.

What is left is the **shortfall**. The most that can be delivered is
:math:`B_0 + (D + H)/(1 - r)`.

Balances: the bilateral U.S. balance with China improves by the whole
delivered increase; the global U.S. balance only by the new output
(diversion moves existing exports between buyers; relabelling moves none).

Welfare ($B/yr), with China paying a ``premium`` (a fraction) over the price
of the supplier it displaces:

* China's cost: :math:`\pi\,(\text{diverted} + \text{new})`;
* the U.S. gain: the terms-of-trade gain on diverted goods
  :math:`\pi\cdot\text{diverted}`, plus the producer surplus on new output,
  :math:`\tfrac12\pi\cdot\text{new}` (a linear supply curve drawn out by the
  premium), and nothing for relabelled flows: never the pledge's face value.

Examples
--------
>>> from negotiation import econ
>>> d = econ.purchase_pledge(pledge=50, baseline=12.2, us_exports_elsewhere=9.7, china_imports_from_others=25,
...                          new_output_cap=5, premium=0.1)
>>> [round(float(d[k].value), 2) for k in ("diverted", "new_output", "shortfall", "max_deliverable_pledge")]
[9.7, 5.0, 23.1, 26.9]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ParameterError
from ._inputs import amount, quantity_of
from .quantity import Derivation, Quantity

__all__ = ["purchase_pledge", "pledge_flows"]

FORMULAS = (
    "Δ = max(P - B0, 0);  relabelled = r·Δ;  D = min(E_other, T_China)",
    "diverted = min(Δ - relabelled, D);  new = min(Δ - relabelled - diverted, H);  shortfall = the rest",
    "max deliverable pledge = B0 + (D + H)/(1 - r)",
    "bilateral balance change = relabelled + diverted + new;  global balance change = new",
    "China's cost = π·(diverted + new);  U.S. gain = π·diverted + π·new/2",
)


NOTES = {
    "increase": "the pledge above what China already buys",
    "relabelled": "counted, with no new trade in value added",
    "diverted": "existing U.S. exports redirected from other buyers",
    "new_output": "new U.S. production, at most the capacity headroom",
    "delivered": "what China can actually buy",
    "shortfall": "pledged but not deliverable",
    "max_deliverable_pledge": "the largest pledge that can be met",
    "bilateral_balance_change": "U.S. exports to China",
    "global_balance_change": "U.S. exports to the world",
    "china_cost": "the premium over the displaced supplier",
    "us_gain": "terms of trade on diverted goods + producer surplus on new",
}


def pledge_flows(pledge: Any, baseline: Any, us_exports_elsewhere: Any, china_imports_from_others: Any,
                 new_output_cap: Any, premium: Any = 0.0, relabelled_share: Any = 0.0) -> dict:
    """The split of :func:`purchase_pledge` as plain float arrays in $B/yr, without the derivation's record.

    For inner loops (a deal range's bisection, a Monte Carlo): the same checks and formulas, a fraction of
    the cost.
    """
    p = amount(pledge, "pledge", "$B/yr", low=0)
    b0 = amount(baseline, "baseline", "$B/yr", low=0)
    if us_exports_elsewhere is None and china_imports_from_others is None:
        raise ParameterError("a diversion pool needs us_exports_elsewhere or china_imports_from_others (or both)")
    elsewhere = _side(us_exports_elsewhere, "us_exports_elsewhere")
    others = _side(china_imports_from_others, "china_imports_from_others")
    cap = amount(new_output_cap, "new_output_cap", "$B/yr", low=0)
    pi = amount(premium, "premium", "1", low=0)
    r = amount(relabelled_share, "relabelled_share", "1", low=0, high=0.99)
    increase = np.maximum(p - b0, 0)
    relabelled = r * increase
    pool = np.minimum(elsewhere, others)
    diverted = np.minimum(increase - relabelled, pool)
    new = np.minimum(increase - relabelled - diverted, cap)
    delivered = relabelled + diverted + new
    return {
        "increase": increase, "relabelled": relabelled, "diverted": diverted, "new_output": new,
        "delivered": b0 + delivered, "shortfall": increase - delivered,
        "max_deliverable_pledge": b0 + (pool + cap) / (1 - r),
        "bilateral_balance_change": delivered, "global_balance_change": new,
        "china_cost": pi * (diverted + new), "us_gain": pi * diverted + 0.5 * pi * new,
    }


def purchase_pledge(pledge: Any, baseline: Any, us_exports_elsewhere: Any, china_imports_from_others: Any,
                    new_output_cap: Any, premium: Any = 0.0, relabelled_share: Any = 0.0,
                    label: str = "purchase pledge") -> Derivation:
    """Split a pledge into relabelled, diverted and new flows; the shortfall; balances and welfare."""
    values = pledge_flows(pledge, baseline, us_exports_elsewhere, china_imports_from_others, new_output_cap,
                          premium, relabelled_share)
    outputs = {name: Quantity(name, _scalar(v), "$B/yr", kind="derived", note=NOTES[name])
               for name, v in values.items()}
    inputs = tuple(quantity_of(v, n, u) for v, n, u in (
        (pledge, "pledge", "$B/yr"), (baseline, "baseline", "$B/yr"),
        (us_exports_elsewhere, "us_exports_elsewhere", "$B/yr"),
        (china_imports_from_others, "china_imports_from_others", "$B/yr"),
        (new_output_cap, "new_output_cap", "$B/yr"), (premium, "premium", "1"),
        (relabelled_share, "relabelled_share", "1")) if v is not None)
    return Derivation(block=label, formulas=FORMULAS, inputs=inputs, outputs=outputs)


def _side(value, name):
    """One side of the diversion pool; None when it does not bind (China's chip imports from others)."""
    return np.inf if value is None else amount(value, name, "$B/yr", low=0)


def _scalar(value):
    if isinstance(value, float):  # numpy's floats are Python floats too
        return float(value)
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array
