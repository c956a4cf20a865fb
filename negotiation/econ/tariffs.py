r"""A tariff in partial equilibrium with constant elasticities; the optimal tariff; a Nash tariff war.

The market for one import flow, prices relative to the pre-tariff price (1):

* import demand :math:`M(p) = M_0\,p^{-\varepsilon}` at buyer price :math:`p`;
* foreign export supply :math:`X(q) = M_0\,q^{\eta}` at exporter price :math:`q`;
* an ad valorem tariff :math:`t` on the exporter price: :math:`p = (1+t)\,q`.

Clearing :math:`M(p) = X(q)` gives

.. math::

   q = (1+t)^{-\varepsilon/(\varepsilon+\eta)}, \qquad p = (1+t)^{\eta/(\varepsilon+\eta)},
   \qquad Q = M_0\,q^{\eta}.

Welfare, in $B a year (volumes are valued at pre-tariff prices, so
:math:`M_0` is the flow in $B/yr):

* tariff revenue :math:`R = t\,q\,Q`, credited to the importing country;
* buyers' loss :math:`CL = \int_1^p M(x)\,dx = M_0\,(p^{1-\varepsilon}-1)/(1-\varepsilon)`
  (:math:`M_0 \ln p` when :math:`\varepsilon = 1`); on the import-demand curve this
  is the loss of buyers net of the gain of import-competing producers;
* foreign exporters' loss :math:`EL = \int_q^1 X(x)\,dx = M_0\,(1-q^{1+\eta})/(1+\eta)`;
* deadweight loss :math:`DWL = CL + EL - R \ge 0`;
* the importer's net welfare :math:`R - CL`, which is positive for small
  tariffs whenever :math:`\eta` is finite (the terms-of-trade gain);
* incidence: the exporter's share :math:`(1-q)/(p-q)` and the importer's
  :math:`(p-1)/(p-q)`, summing to one (at :math:`t \to 0`, :math:`\varepsilon/(\varepsilon+\eta)`
  and :math:`\eta/(\varepsilon+\eta)`).

The importer's welfare is greatest at :math:`t^* = 1/\eta`, whatever
:math:`\varepsilon` (Bickerdike 1907; Johnson 1953–54): :func:`optimal_tariff`
finds it numerically and the tests compare it with :math:`1/\eta`.

References: H. G. Johnson, "Optimum Tariffs and Retaliation", Review of
Economic Studies 21 (1953–54); C. F. Bickerdike, Economic Journal 17 (1907).

Examples
--------
>>> from negotiation import econ
>>> d = econ.tariff(flow=50, rate=0.25, demand_elasticity=2, supply_elasticity=2)
>>> round(d.exporter_share.value, 4), round(d.buyer_price.value, 4)
(0.4721, 1.118)
>>> round(d.revenue.value, 3), d.revenue.unit
(8.944, '$B/yr')
>>> round(econ.optimal_tariff(supply_elasticity=4).value, 12)
0.25
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ParameterError
from ._inputs import amount, quantity_of
from .quantity import Derivation, Quantity

__all__ = ["tariff", "tariff_effects", "optimal_tariff", "nash_tariffs", "sector_tariffs", "FORMULAS"]

FORMULAS = (
    "q = (1+t)^(-ε/(ε+η))   exporter price;  p = (1+t)·q   buyer price (pre-tariff price = 1)",
    "Q = M0·q^η   imports, $B/yr at pre-tariff prices",
    "R = t·q·Q   tariff revenue, to the importing country",
    "CL = M0·(p^(1-ε) - 1)/(1-ε)   buyers' loss (M0·ln p when ε = 1)",
    "EL = M0·(1 - q^(1+η))/(1+η)   foreign exporters' loss",
    "DWL = CL + EL - R;  importer welfare = R - CL;  exporter share = (1-q)/(p-q)",
)


def tariff(flow: Any, rate: Any, demand_elasticity: Any, supply_elasticity: Any,
           believed_exporter_share: Any = None, label: str = "tariff") -> Derivation:
    """The effects of an ad valorem tariff ``rate`` on an import ``flow`` ($B/yr), as a derivation.

    Parameters
    ----------
    flow : number, array or Quantity
        Imports before the tariff, in $B a year.
    rate : number, array or Quantity
        The tariff as a fraction (0.25), or a Quantity in % or 1.
    demand_elasticity, supply_elasticity : number, array or Quantity
        The importer's demand elasticity ε ≥ 0 (as a magnitude) and the
        foreign export-supply elasticity η ≥ 0; not both zero.
    believed_exporter_share : number, optional
        A belief about incidence (1: "the exporter pays the tariff"). The
        derivation then also reports ``perceived_importer_welfare``: what a
        side acting on that belief expects, which is not its welfare.

    Arrays broadcast: a Monte Carlo passes arrays of elasticity draws.
    """
    m0, t, eps, eta = _inputs(flow, rate, demand_elasticity, supply_elasticity)
    values = _tariff_arrays(m0, t, eps, eta)
    outputs = {name: Quantity(name, _scalar(v), unit, kind="derived", note=note,
                              inputs=("flow", "rate", "demand_elasticity", "supply_elasticity"))
               for name, (v, unit, note) in values.items()}
    notes = []
    if believed_exporter_share is not None:
        s = amount(believed_exporter_share, "believed_exporter_share", "1", low=0, high=1)
        perceived = s * t * m0  # as if foreigners paid s of the duty on an unchanged flow
        outputs["perceived_importer_welfare"] = Quantity(
            "perceived_importer_welfare", _scalar(perceived), "$B/yr", kind="derived",
            note="a belief (the exporter pays this share of the duty), not welfare")
        notes.append("perceived_importer_welfare acts on a belief about incidence; importer_welfare is the "
                     "derived (realised) welfare")
    inputs = (quantity_of(flow, "flow", "$B/yr"), quantity_of(rate, "rate", "1"),
              quantity_of(demand_elasticity, "demand_elasticity", "1"),
              quantity_of(supply_elasticity, "supply_elasticity", "1"))
    return Derivation(block=label, formulas=FORMULAS, inputs=inputs, outputs=outputs, notes=tuple(notes))


def tariff_effects(flow: Any, rate: Any, demand_elasticity: Any, supply_elasticity: Any) -> dict:
    """The outputs of :func:`tariff` as plain numbers (or arrays), without the derivation's record.

    For inner loops (a Monte Carlo builds a tariff per draw): the same checks and closed forms, a fifth of
    the cost. Keys are the derivation's output names (``importer_welfare``, ``revenue``, ...).
    """
    return {name: _scalar(v) for name, (v, _, _) in _tariff_arrays(*_inputs(flow, rate, demand_elasticity,
                                                                             supply_elasticity)).items()}


def _inputs(flow, rate, demand_elasticity, supply_elasticity):
    """The four inputs checked, as float arrays in the block's units."""
    m0 = amount(flow, "flow", "$B/yr", low=0)
    t = amount(rate, "rate", "1", low=-1, open_low=True)
    eps = amount(demand_elasticity, "demand_elasticity", "1", low=0)
    eta = amount(supply_elasticity, "supply_elasticity", "1", low=0)
    if np.any(eps + eta == 0):
        raise ParameterError("demand_elasticity and supply_elasticity cannot both be zero: the price is undefined")
    return m0, t, eps, eta


def _tariff_arrays(m0, t, eps, eta) -> dict:
    """The closed forms over numpy arrays (broadcast), each with its unit and meaning."""
    with np.errstate(divide="ignore", invalid="ignore"):
        a = eps / (eps + eta)
        growth = 1 + t
        q = growth ** (-a)
        p = growth * q
        quantity = m0 * q ** eta
        revenue = t * q * quantity
        near_one = np.abs(1 - eps) < 1e-9
        consumer = np.where(near_one, m0 * np.log(p), m0 * (p ** (1 - eps) - 1) / np.where(near_one, 1, 1 - eps))
        exporter = m0 * (1 - q ** (1 + eta)) / (1 + eta)
        gap = p - q
        share = np.where(np.abs(gap) > 1e-12, (1 - q) / np.where(np.abs(gap) > 1e-12, gap, 1), a)
    return {
        "buyer_price": (p, "1", "relative to the pre-tariff price"),
        "exporter_price": (q, "1", "relative to the pre-tariff price, net of the tariff"),
        "quantity": (quantity, "$B/yr", "imports after the tariff, at pre-tariff prices"),
        "revenue": (revenue, "$B/yr", "collected by the importing country"),
        "consumer_loss": (consumer, "$B/yr", "buyers in the importing country, net of import-competing producers"),
        "exporter_loss": (exporter, "$B/yr", "foreign exporters' surplus"),
        "deadweight_loss": (consumer + exporter - revenue, "$B/yr", "lost to both sides together"),
        "importer_welfare": (revenue - consumer, "$B/yr", "revenue minus the buyers' loss"),
        "exporter_welfare": (-exporter, "$B/yr", "the exporting country's change"),
        "exporter_share": (share, "1", "of the tariff's incidence, borne by the exporter"),
        "importer_share": (1 - share, "1", "of the tariff's incidence, borne by buyers"),
        "terms_of_trade_gain": ((1 - q) * quantity, "$B/yr", "the part of the revenue paid by foreigners"),
    }


def _scalar(value):
    if isinstance(value, float):  # numpy's floats are Python floats too
        return float(value)
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array


def sector_tariffs(sectors: dict, rate: Any, label: str = "tariff on sectors") -> Derivation:
    """One tariff over several sectors (``{name: {"flow":, "demand_elasticity":, "supply_elasticity":}}``), summed.

    Retaliation is this block with the roles swapped: China as the importer,
    U.S. farm goods (an inelastic short-run supply) among its sectors.
    """
    if not isinstance(sectors, dict) or not sectors:
        raise ParameterError("sectors must be a non-empty mapping {name: {flow, demand_elasticity, supply_elasticity}}")
    parts = {}
    for name, spec in sectors.items():
        try:
            parts[name] = tariff(spec["flow"], rate, spec["demand_elasticity"], spec["supply_elasticity"],
                                 label=f"{label}: {name}")
        except (KeyError, TypeError):
            raise ParameterError(f"sector {name!r} needs flow, demand_elasticity and supply_elasticity") from None
    summed = {}
    for key in ("quantity", "revenue", "consumer_loss", "exporter_loss", "deadweight_loss", "importer_welfare",
                "exporter_welfare", "terms_of_trade_gain"):
        total = sum(part.outputs[key].value for part in parts.values())
        summed[key] = Quantity(key, total, "$B/yr", kind="derived", note="summed over sectors",
                               inputs=tuple(parts))
    inputs = tuple(q for part in parts.values() for q in part.inputs)
    notes = tuple(f"{name}: exporter share {float(np.mean(part.exporter_share.value)):.2f}"
                  for name, part in parts.items())
    return Derivation(block=label, formulas=FORMULAS + ("totals are sums over sectors",), inputs=inputs,
                      outputs=summed, notes=notes)


def _welfare_slope(t: float, eps: float, eta: float) -> float:
    """d(R - CL)/dt per unit of M0, in closed form."""
    a, b = eps / (eps + eta), eta / (eps + eta)
    growth = 1 + t
    revenue = growth ** (-a * (1 + eta)) - t * a * (1 + eta) * growth ** (-a * (1 + eta) - 1)
    consumer = growth ** (b * (1 - eps) - 1) * b  # p^(-ε) dp/dt with p = (1+t)^b
    return revenue - consumer


def optimal_tariff(supply_elasticity: Any, demand_elasticity: Any = None) -> Quantity:
    """The tariff that maximises the importer's welfare, found by solving its first-order condition.

    With constant elasticities the answer is :math:`1/\\eta` whatever ε
    (Bickerdike, Johnson); ``demand_elasticity`` defaults to 2 and changes
    nothing but the path to the answer. It is computed, not assumed: the
    tests check the textbook result against it.
    """
    from scipy.optimize import brentq

    eta = float(amount(supply_elasticity, "supply_elasticity", "1", low=0, open_low=True))
    eps = 2.0 if demand_elasticity is None else float(amount(demand_elasticity, "demand_elasticity", "1", low=0))
    if eps == 0:
        raise ParameterError("with demand_elasticity 0 any tariff only transfers: no finite optimum")
    high = 1.0
    while _welfare_slope(high, eps, eta) > 0:
        high *= 2
        if high > 1e9:
            raise ParameterError(f"no optimal tariff below 1e9 for supply_elasticity {eta:g}")
    rate = brentq(_welfare_slope, 0.0, high, args=(eps, eta), xtol=1e-15, rtol=4 * np.finfo(float).eps)
    return Quantity("optimal_tariff", rate, "1", kind="derived", inputs=("supply_elasticity", "demand_elasticity"),
                    note="maximises the importer's welfare (revenue minus buyers' loss); equals 1/η in theory")


def nash_tariffs(flows: dict, demand_elasticities: dict, supply_elasticities: dict, tol: float = 1e-12,
                 max_rounds: int = 100) -> Derivation:
    """The Nash tariff war between two countries, by best-response iteration.

    ``flows[c]`` is what country ``c`` imports from the other ($B/yr);
    ``demand_elasticities[c]`` is ``c``'s import-demand elasticity and
    ``supply_elasticities[c]`` its export-supply elasticity. Each country's
    welfare is the revenue minus its buyers' loss on its imports, minus its
    exporters' loss under the other's tariff. Outputs: each tariff, each
    welfare change at the Nash point and the rounds taken.
    """
    countries = list(flows)
    if len(countries) != 2 or set(demand_elasticities) != set(countries) or set(supply_elasticities) != set(countries):
        raise ParameterError("nash_tariffs needs two countries, each with a flow and both elasticities")
    home, foreign = countries
    other = {home: foreign, foreign: home}
    rates = {c: 0.0 for c in countries}
    for rounds in range(1, max_rounds + 1):
        new = {c: optimal_tariff(supply_elasticities[other[c]], demand_elasticities[c]).value for c in countries}
        change = max(abs(new[c] - rates[c]) for c in countries)
        rates = new
        if change <= tol:
            break
    outputs = {}
    for c in countries:
        own = tariff(flows[c], rates[c], demand_elasticities[c], supply_elasticities[other[c]])
        hit = tariff(flows[other[c]], rates[other[c]], demand_elasticities[other[c]], supply_elasticities[c])
        outputs[f"tariff {c}"] = Quantity(f"tariff {c}", rates[c], "1", kind="derived")
        outputs[f"welfare {c}"] = Quantity(f"welfare {c}", own.importer_welfare.value + hit.exporter_welfare.value,
                                           "$B/yr", kind="derived", note="change from free trade")
    outputs["rounds"] = Quantity("rounds", rounds, "1", kind="derived")
    inputs = tuple(quantity_of(flows[c], f"imports of {c}", "$B/yr") for c in countries)
    return Derivation(block="Nash tariff war", formulas=FORMULAS + (
        "welfare_c = (R - CL) on c's imports - EL on c's exports;  best response t_c = argmax welfare_c",),
        inputs=inputs, outputs=outputs)
