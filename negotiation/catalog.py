"""Find and load scenarios: the built-in catalogue, installed plug-ins, and files.

* Built-in scenarios are the modules of ``negotiation.scenarios`` (installed
  from the top-level ``scenarios/`` folder); each defines ``SCENARIO``.
* Other packages register scenarios under the entry-point group
  ``negotiation.scenarios``; an entry point names a :class:`Scenario` object
  or a module defining ``SCENARIO``.
* A path to a ``.toml`` or ``.json`` scenario file is read by
  :mod:`negotiation.io.scenario_file`, which never runs code.
* A path to a ``.py`` file loads that file's ``SCENARIO``. This runs the
  file, as importing any Python module does, so it happens only when asked
  for: ``trust_python=True`` here, ``--trust-python`` on the command line.
  No other path is ever imported (no ``.pyc``, no packages, no folders).

Examples
--------
>>> import negotiation as ng
>>> "tariff_standoff" in ng.list_scenarios()
True
>>> ng.load_scenario("tariff_standoff", demand_value=120).values["demand_value"]
120
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from typing import Any

from .errors import LabelError, ParameterError
from .scenario import Scenario, ScenarioInstance

__all__ = ["list_scenarios", "get_scenario", "load_scenario", "bind_target", "ENTRY_POINT_GROUP"]

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


def get_scenario(name: str | os.PathLike, *, trust_python: bool = False) -> Scenario:
    """The :class:`Scenario` called ``name``, or the one in a scenario file.

    ``name`` is a catalogue name, a ``.toml`` or ``.json`` scenario file, or,
    with ``trust_python=True`` only, a ``.py`` file (which is run).
    """
    name = _scenario_name(name)
    if name.endswith((".toml", ".json")):
        from .io import scenario_file

        return scenario_file.load(name)
    if name.endswith(".py"):
        if not trust_python:
            raise ParameterError(f"{_short(name)} is Python: loading it runs its code; ask for that explicitly "
                                 "with --trust-python (trust_python=True in Python)")
        return _from_file(name)
    if os.sep in name or (os.altsep and os.altsep in name) or os.path.exists(name):
        raise ParameterError(f"{_short(name)} is not a scenario: scenario files end in .toml or .json "
                             "(or .py with --trust-python)")
    if name in _builtin_names():
        return _scenario_of(importlib.import_module(f"negotiation.scenarios.{name}"), name)
    plugins = _plugins()
    if name in plugins:
        return _scenario_of(plugins[name].load(), name)
    raise LabelError(f"no scenario called {_short(name)}; the catalogue has {', '.join(list_scenarios())}")


def load_scenario(name: str | os.PathLike, *, trust_python: bool = False, **overrides: Any) -> ScenarioInstance:
    """A scenario with parameter values fixed (defaults unless overridden); see :func:`get_scenario`."""
    return get_scenario(name, trust_python=trust_python).bind(**overrides)


def _scenario_name(name) -> str:
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not isinstance(name, str):
        raise ParameterError(f"a scenario is named by text or a path, got {type(name).__name__}")
    if "\0" in name or not name.strip():
        raise ParameterError("the scenario name is empty or contains a NUL character")
    return name


def _short(text: str, limit: int = 80) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 3] + "...'"


def _scenario_of(obj: Any, name: str) -> Scenario:
    scenario = obj if isinstance(obj, Scenario) else getattr(obj, "SCENARIO", None)
    if not isinstance(scenario, Scenario):
        raise LabelError(f"{name} does not define a Scenario called SCENARIO")
    return scenario


def _from_file(path: str) -> Scenario:
    """Run a trusted ``.py`` file, read as source text (never a cached ``.pyc``), and take its SCENARIO."""
    import types

    from .io.files import read_text

    source = read_text(path, 2 * 1024 * 1024)
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        where = f" at line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise ParameterError(f"{_short(path)} is not valid Python{where}: {getattr(exc, 'msg', exc)}") from None
    module = types.ModuleType(f"negotiation_user_scenario_{abs(hash(path))}")
    module.__file__ = path
    sys.modules[module.__name__] = module  # dataclasses and pickling look modules up by name
    exec(code, module.__dict__)  # the user asked for this file to run (trust_python)
    return _scenario_of(module, path)


def bind_target(target, **values):
    """A bound scenario from a scenario name, a Scenario or a bound scenario, with ``values`` set on top."""
    if isinstance(target, str):
        target = get_scenario(target)
    if hasattr(target, "bind"):
        return target.bind(**values)
    return target.scenario.bind(**{**target.values, **values})
