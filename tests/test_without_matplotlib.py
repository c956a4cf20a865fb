"""Without the plot extra: one-line messages naming it, and reports that say their figures are missing.

The commands run in a child process in which ``import matplotlib`` fails, as
in ``pip install .`` without extras; ``.ci/run`` also runs them in a real venv
without matplotlib.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = ("import sys; sys.modules['matplotlib'] = None; "
         "from negotiation import cli; sys.exit(cli.main(sys.argv[1:]))")


def run(tmp_path, *argv):
    done = subprocess.run([sys.executable, "-c", BLOCK, *argv], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("argv", [
    ["plot", "tariff_standoff", "-o", "x.png"],
    ["tournament", "prisoners-dilemma", "--figures", "."],
])
def test_figures_name_the_extra_in_one_line(tmp_path, argv):
    status, _, err = run(tmp_path, *argv)
    assert status == 2
    assert err.strip() == "negotiation: error: " + ("plots" if argv[0] == "plot" else "figures") + \
        " need matplotlib: pip install 'negotiation[plot]'"


def test_report_and_html_fall_back_to_no_figures_and_say_so(tmp_path):
    status, _, err = run(tmp_path, "report", "tariff_standoff", "tariff_ladder", "-o", "r.html")
    page = (tmp_path / "r.html").read_text()
    assert status == 0 and "Traceback" not in err and "no figures" in err
    assert "This report has no figures: they need matplotlib" in page and "<svg" not in page
    status, out, err = run(tmp_path, "show", "tariff_standoff", "--format", "html")
    assert status == 0 and "Traceback" not in err and "no figures" in out


def test_the_python_api_raises_the_named_error():
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "import negotiation as ng\n"
            "from negotiation.render import figures\n"
            "try:\n"
            "    figures.payoff_heatmap(ng.examples.prisoners_dilemma())\n"
            "except ng.errors.MissingDependencyError as exc:\n"
            "    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "figures need matplotlib: pip install 'negotiation[plot]'", done.stderr
