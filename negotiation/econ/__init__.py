"""Trade economics that turns sourced facts into payoffs, each with its unit, source and derivation.

* :class:`Quantity` and :class:`Derivation` (``quantity.py``); units checked
  by pint (``units.py``);
* :data:`REGISTRY`, one registry of sourced facts for the whole catalogue,
  which refuses look-ahead (``registry.py``, data in ``facts.py``);
* blocks, each a pure function returning a :class:`Derivation`:
  :func:`tariff` and its plain form :func:`tariff_effects`, :func:`sector_tariffs` (retaliation on chosen sectors),
  :func:`optimal_tariff`, :func:`nash_tariffs` (``tariffs.py``);
  :func:`purchase_pledge` and its array form :func:`pledge_flows`
  (``pledges.py``); :func:`discount_factor` and :func:`annual_equivalent`
  (``patience.py``);
* verdicts as probabilities over elasticity priors: :func:`tariff_probability`
  (``uncertainty.py``).

``econ`` imports nothing of the game model: it turns facts into numbers, and
scenarios turn numbers into games. Names load on first use.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Quantity": "quantity", "Derivation": "quantity", "KINDS": "quantity",
    "Registry": "registry", "REGISTRY": "registry",
    "tariff": "tariffs", "tariff_effects": "tariffs", "sector_tariffs": "tariffs", "optimal_tariff": "tariffs", "nash_tariffs": "tariffs",
    "purchase_pledge": "pledges", "pledge_flows": "pledges", "discount_factor": "patience",
    "annual_equivalent": "patience",
    "tariff_probability": "uncertainty", "Probability": "uncertainty", "draw": "uncertainty",
    "convert": "units",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_EXPORTS))
