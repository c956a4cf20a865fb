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
   exports to others and China's imports from others;
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

from ._inputs import amount, quantity_of
from .quantity import Derivation, Quantity

__all__ = ["purchase_pledge"]

FORMULAS = (
    "Δ = max(P - B0, 0);  relabelled = r·Δ;  D = min(E_other, T_China)",
    "diverted = min(Δ - relabelled, D);  new = min(Δ - relabelled - diverted, H);  shortfall = the rest",
    "max deliverable pledge = B0 + (D + H)/(1 - r)",
    "bilateral balance change = relabelled + diverted + new;  global balance change = new",
    "China's cost = π·(diverted + new);  U.S. gain = π·diverted + π·new/2",
)


def purchase_pledge(pledge: Any, baseline: Any, us_exports_elsewhere: Any, china_imports_from_others: Any,
                    new_output_cap: Any, premium: Any = 0.0, relabelled_share: Any = 0.0,
                    label: str = "purchase pledge") -> Derivation:
    """Split a pledge into relabelled, diverted and new flows; the shortfall; balances and welfare."""
    p = amount(pledge, "pledge", "$B/yr", low=0)
    b0 = amount(baseline, "baseline", "$B/yr", low=0)
    elsewhere = amount(us_exports_elsewhere, "us_exports_elsewhere", "$B/yr", low=0)
    others = amount(china_imports_from_others, "china_imports_from_others", "$B/yr", low=0)
    cap = amount(new_output_cap, "new_output_cap", "$B/yr", low=0)
    pi = amount(premium, "premium", "1", low=0)
    r = amount(relabelled_share, "relabelled_share", "1", low=0, high=0.99)
    increase = np.maximum(p - b0, 0)
    relabelled = r * increase
    pool = np.minimum(elsewhere, others)
    diverted = np.minimum(increase - relabelled, pool)
    new = np.minimum(increase - relabelled - diverted, cap)
    delivered = relabelled + diverted + new
    values = {
        "increase": (increase, "the pledge above what China already buys"),
        "relabelled": (relabelled, "counted, with no new trade in value added"),
        "diverted": (diverted, "existing U.S. exports redirected from other buyers"),
        "new_output": (new, "new U.S. production, at most the capacity headroom"),
        "delivered": (b0 + delivered, "what China can actually buy"),
        "shortfall": (increase - delivered, "pledged but not deliverable"),
        "max_deliverable_pledge": (b0 + (pool + cap) / (1 - r), "the largest pledge that can be met"),
        "bilateral_balance_change": (delivered, "U.S. exports to China"),
        "global_balance_change": (new, "U.S. exports to the world"),
        "china_cost": (pi * (diverted + new), "the premium over the displaced supplier"),
        "us_gain": (pi * diverted + 0.5 * pi * new, "terms of trade on diverted goods + producer surplus on new"),
    }
    outputs = {name: Quantity(name, _scalar(v), "$B/yr", kind="derived", note=note) for name, (v, note) in
               values.items()}
    inputs = tuple(quantity_of(v, n, u) for v, n, u in (
        (pledge, "pledge", "$B/yr"), (baseline, "baseline", "$B/yr"),
        (us_exports_elsewhere, "us_exports_elsewhere", "$B/yr"),
        (china_imports_from_others, "china_imports_from_others", "$B/yr"),
        (new_output_cap, "new_output_cap", "$B/yr"), (premium, "premium", "1"),
        (relabelled_share, "relabelled_share", "1")))
    return Derivation(block=label, formulas=FORMULAS, inputs=inputs, outputs=outputs)


def _scalar(value):
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array
