"""Loading scenarios: by name, from a file, and from a real installed plug-in's entry point."""

import sys
import textwrap

import pytest

import negotiation as ng
from negotiation import errors

PLUGIN = textwrap.dedent('''
    import datetime
    import negotiation as ng

    SCENARIO = ng.Scenario(
        name="plugin_toy", title="A plug-in scenario", date=datetime.date(2019, 1, 1),
        summary="A toy.", players=("A", "B"), moves={"A": ("x",), "B": ("y",)},
        parameters=(ng.Parameter("stake", 1, "units", 0, 2, "illustrative", "a test"),),
        sources=(ng.Source("Test outlet", datetime.date(2018, 1, 1), "a sentence"),),
        matrix=lambda v: ng.NormalFormGame.from_arrays([[v.stake, 0], [0, 1]], [[1, 0], [0, v.stake]]),
        questions=(ng.Question("How many equilibria?", lambda i: str(len(ng.solve(i.build("matrix"))))),),
    )
''')


def test_unknown_scenario_lists_the_catalogue():
    with pytest.raises(errors.LabelError, match="tariff_standoff"):
        ng.load_scenario("no_such_scenario")


def test_user_file_by_path(tmp_path):
    path = tmp_path / "my_scenario.py"
    path.write_text(PLUGIN)
    with pytest.raises(errors.ParameterError, match="runs its code.*--trust-python"):
        ng.load_scenario(str(path), stake=2)
    instance = ng.load_scenario(path, trust_python=True, stake=2)
    assert instance.values["stake"] == 2
    assert dict(instance.answers())["How many equilibria?"] == "3"


def test_only_named_python_sources_run(tmp_path):
    """Compiled, extension-less and package paths are never imported, trusted or not."""
    import py_compile

    marker = tmp_path / "ran"
    source = tmp_path / "evil.py"
    source.write_text(f"open({str(marker)!r}, 'w').close()\n")
    compiled = py_compile.compile(str(source), cfile=str(tmp_path / "evil.pyc"))
    for path in (compiled, str(tmp_path / "evil"), str(tmp_path)):
        with pytest.raises(errors.NegotiationError):
            ng.get_scenario(path, trust_python=True)
    with pytest.raises(errors.ParameterError, match="--trust-python"):
        ng.get_scenario(source)
    assert not marker.exists()


def test_python_syntax_error_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("SCENARIO = (\n")
    with pytest.raises(errors.ParameterError, match="not valid Python at line"):
        ng.get_scenario(path, trust_python=True)


def test_scenario_names_of_the_wrong_type():
    with pytest.raises(errors.ParameterError, match="text or a path"):
        ng.get_scenario(42)


def test_entry_point_plugin(tmp_path, monkeypatch):
    """A real distribution on sys.path with an entry point in group negotiation.scenarios."""
    (tmp_path / "toy_plugin.py").write_text(PLUGIN)
    info = tmp_path / "toy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[negotiation.scenarios]\nplugin_toy = toy_plugin:SCENARIO\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "plugin_toy" in ng.list_scenarios()
    assert ng.load_scenario("plugin_toy").scenario.title == "A plug-in scenario"
    sys.modules.pop("toy_plugin", None)
