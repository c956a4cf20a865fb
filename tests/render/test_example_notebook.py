"""The example notebook runs on a real kernel, and trees and deals display as pictures."""

import pathlib

import pytest

import negotiation as ng
from negotiation.render.notebook import enable, picture_html

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "notebooks" / "tariff-standoff.ipynb"


@pytest.mark.parametrize("build", [
    lambda: ng.load_scenario("tariff_standoff").build("tree"),
    lambda: ng.load_scenario("purchase_pledges").build("deal"),
    lambda: ng.load_scenario("zte_linkage").build("deal"),
    lambda: ng.BargainingProblem.from_points([(0, 10), (6, 6), (10, 0)], (0, 0)),
], ids=["tree", "deal range", "deal space", "bargaining problem"])
def test_pictured_objects_show_an_svg_and_their_text(build):
    pytest.importorskip("matplotlib")
    obj = build()
    page = picture_html(obj)
    assert page.count("<svg") == 1 and page.endswith(obj._repr_html_())
    assert "object at 0x" not in page


def test_ipython_shows_the_pictures():
    shell_module = pytest.importorskip("IPython.core.interactiveshell")
    pytest.importorskip("matplotlib")
    shell = shell_module.InteractiveShell.instance()
    assert enable(shell)
    data, _ = shell.display_formatter.format(ng.load_scenario("tariff_standoff").build("tree"))
    assert "<svg" in data["text/html"]
    data, _ = shell.display_formatter.format(ng.examples.prisoners_dilemma())
    assert "<svg" not in data["text/html"]  # a matrix stays a table


def test_enable_outside_ipython_does_nothing():
    assert enable(object()) is False


def test_the_example_notebook_runs_and_displays_pictures():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not any(out.get("output_type") == "error" for out in cell.outputs), cell.source
            outputs[cell.source.splitlines()[-1]] = cell.outputs
    html = {key: "".join(out.get("data", {}).get("text/html", "") for out in value)
            for key, value in outputs.items()}
    assert "<svg" in html['standoff.build("tree")']
    assert "<svg" in html['ng.load_scenario("purchase_pledges").build("deal")']
    assert "<svg" in html['ng.load_scenario("zte_linkage").build("deal")']
    assert 'class="changed"' in html['comparison("tariff_standoff", {"backdown_cost": [5, 40]})']
    everything = "".join(str(value) for value in outputs.values())
    assert "object at 0x" not in everything and "Interval(" not in everything
