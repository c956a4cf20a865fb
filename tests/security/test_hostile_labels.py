"""Labels from an untrusted scenario file reach LaTeX, HTML, figures and the terminal inert.

The file's player, strategy and move labels try to close ``verbatim``, read a
secret file with ``\\input``, run a shell command with ``\\write18``, start
matplotlib mathtext with ``$...$`` and move the terminal's cursor with escape
sequences. pdflatex compiles the output with shell escape *enabled*, and its
recorder file lists every file it opened: the secret is never among them.
"""

import pathlib
import subprocess

import pytest

from negotiation import cli
from tests.tools import require_tool

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "scenarios"
CONTROL = "\x1b\x07\u202e"  # escape, bell, right-to-left override


def hostile_scenario(tmp_path, secret: pathlib.Path, marker: pathlib.Path) -> pathlib.Path:
    attack = (rf"\\end{{verbatim}}\\input{{{secret}}}\\immediate\\write18{{touch {marker}}}"
              r"$\\alpha$ ^^5cinput{x} % # & _ ~ }{")
    text = (DATA / "tariff_standoff.toml").read_text(encoding="utf-8")
    text = text.replace("Tariffs on $150B", attack + " \\u001b[31m")
    text = text.replace('"Stand firm"', '"Stand firm $x$ \\u001b[2J\\u202e"')
    text = text.replace('"Threaten tariffs', '"' + attack.replace("verbatim", "tikzpicture"))
    text = text.replace('{at = "Threaten tariffs', '{at = "' + attack.replace("verbatim", "tikzpicture"))
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def hostile(tmp_path):
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRET-TOKEN-7731\n")
    marker = tmp_path / "PWNED"
    return hostile_scenario(tmp_path, secret, marker), secret, marker


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.latex
def test_latex_output_neither_reads_nor_runs_anything(hostile, capsys, tmp_path):
    path, secret, marker = hostile
    code, out, err = run(capsys, "show", str(path), "--format", "latex")
    assert code == 0, err
    assert "\\begin{verbatim}" not in out
    build = tmp_path / "build"
    build.mkdir()
    (build / "report.tex").write_text(out, encoding="utf-8")
    (pdflatex,) = require_tool("pdflatex")
    result = subprocess.run([pdflatex, "-shell-escape", "-recorder", "-interaction=nonstopmode", "-halt-on-error",
                             "report.tex"], cwd=build, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
    opened = (build / "report.fls").read_text(errors="replace")
    assert str(secret) not in opened and "secret.tex" not in opened
    assert "SECRET-TOKEN" not in (build / "report.log").read_text(errors="replace")
    assert not marker.exists()
    assert "runsystem" not in (build / "report.log").read_text(errors="replace")


def test_html_escapes_every_label(hostile, capsys):
    path, _, _ = hostile
    code, out, err = run(capsys, "show", str(path), "--format", "html")
    assert code == 0, err
    assert "<script" not in out.lower() or "&lt;" in out
    assert "\\input{" in out  # shown as text, escaped for HTML where needed
    assert "\x1b" not in out


def test_terminal_output_has_no_control_characters(hostile, capsys):
    path, _, _ = hostile
    for args in (["show", str(path)], ["solve", str(path)], ["solve", str(path), "--json"]):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert not any(ch in out for ch in CONTROL), args


def test_figures_draw_dollar_labels_literally(hostile, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    path, _, _ = hostile
    for kind in ("matrix", "tree"):
        target = tmp_path / f"{kind}.png"
        code, _, err = run(capsys, "plot", str(path), "--kind", kind, "-o", str(target))
        assert code == 0, err
        assert target.read_bytes().startswith(b"\x89PNG")


def test_markdown_keeps_labels_inert(hostile, capsys):
    path, _, _ = hostile
    code, out, err = run(capsys, "show", str(path), "--format", "markdown")
    assert code == 0, err
    assert "\x1b" not in out
