"""Find and load scenarios: the built-in catalogue, installed plug-ins, and files.

* Built-in scenarios are the modules of ``negotiation.scenarios`` (installed
  from the top-level ``scenarios/`` folder); each defines ``SCENARIO``.
* Other packages register scenarios under the entry-point group
  ``negotiation.scenarios``; an entry point names a :class:`Scenario` object
  or a module defining ``SCENARIO``.
* A path to a ``.py`` file loads that file's ``SCENARIO`` (this runs the file,
  as importing any Python module does).
* A path to a ``.toml`` or ``.json`` scenario file is read by
  :mod:`negotiation.io.scenario_file`, which never runs code.

Examples
--------
>>> import negotiation as ng
>>> "tariff_standoff" in ng.list_scenarios()
True
>>> ng.load_scenario("tariff_standoff", concession_value=120).values["concession_value"]
120
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
from typing import Any

from .errors import LabelError, ParameterError
from .scenario import Scenario, ScenarioInstance

__all__ = ["list_scenarios", "get_scenario", "load_scenario", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "negotiation.scenarios"


def _builtin_names() -> list[str]:
    import negotiation.scenarios as package

    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))


def _plugins() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def list_scenarios() -> list[str]:
    """Names of every scenario: built-in first, then plug-ins."""
    builtin = _builtin_names()
    return builtin + sorted(n for n in _plugins() if n not in builtin)


def get_scenario(name: str) -> Scenario:
    """The :class:`Scenario` called ``name``, or the one defined in a ``.py`` file."""
    if name.endswith((".toml", ".json")):
        from .io import scenario_file

        return scenario_file.load(name)
    if name.endswith(".py") or os.sep in name:
        return _from_file(name)
    if name in _builtin_names():
        return _scenario_of(importlib.import_module(f"negotiation.scenarios.{name}"), name)
    plugins = _plugins()
    if name in plugins:
        return _scenario_of(plugins[name].load(), name)
    raise LabelError(f"no scenario called {name!r}; the catalogue has {', '.join(list_scenarios())}")


def load_scenario(name: str, **overrides: Any) -> ScenarioInstance:
    """A scenario with parameter values fixed (defaults unless overridden)."""
    return get_scenario(name).bind(**overrides)


def _scenario_of(obj: Any, name: str) -> Scenario:
    scenario = obj if isinstance(obj, Scenario) else getattr(obj, "SCENARIO", None)
    if not isinstance(scenario, Scenario):
        raise LabelError(f"{name} does not define a Scenario called SCENARIO")
    return scenario


def _from_file(path: str) -> Scenario:
    if not os.path.isfile(path):
        raise ParameterError(f"no scenario file at {path}")
    spec = importlib.util.spec_from_file_location(f"negotiation_user_scenario_{abs(hash(path))}", path)
    if spec is None or spec.loader is None:
        raise ParameterError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return _scenario_of(module, path)
