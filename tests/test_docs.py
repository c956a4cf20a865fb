"""Every ```python block in README.md and docs/ runs, in order, page by page."""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for number, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")), 1):
        try:
            exec(compile(block, f"{page.name}[block {number}]", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{page.name}, block {number} failed: {exc!r}\n{block}")


def test_cli_reference_matches_the_parser(monkeypatch):
    import importlib.util

    monkeypatch.setenv("COLUMNS", "100")
    spec = importlib.util.spec_from_file_location("gen", ROOT / "docs" / "generate_cli_reference.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert page == gen.render(), "run: COLUMNS=100 python docs/generate_cli_reference.py"


def test_quotes_in_the_scenario_pages_are_verbatim_from_the_seeds():
    from tests.tools import seeds_dir

    seeds = seeds_dir()
    quote = re.compile(r"^> (?!—)(.+)\n>\n> — .*?`([^`]+\.txt)`", re.M)
    checked = 0
    for page in sorted((ROOT / "docs" / "explanation" / "scenarios").glob("*.md")):
        for text, seed in quote.findall(page.read_text(encoding="utf-8")):
            article = " ".join((seeds / seed).read_text(encoding="utf-8", errors="replace").split())
            assert " ".join(text.split()) in article, f"{page.name}: not verbatim in {seed}: {text}"
            checked += 1
    assert checked >= 20


CONSOLE = re.compile(r"```console\n(.*?)```", re.S)


@pytest.mark.parametrize("page", [p for p in PAGES if "```console" in p.read_text(encoding="utf-8")],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_console_commands_run(page, tmp_path):
    """Every `$ command` in a console block runs, in order, page by page, and succeeds."""
    import shlex
    import subprocess
    import sys

    from tests.tools import require_tool

    for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if not line.startswith("$ "):
                continue
            command = line[2:]
            if command.startswith("pdflatex"):
                require_tool("pdflatex")
            if command.startswith("negotiation "):
                command = f"{shlex.quote(sys.executable)} -m negotiation.cli {command[len('negotiation '):]}"
            if command.startswith("pdflatex"):
                command = command.replace("pdflatex", "pdflatex -interaction=nonstopmode -halt-on-error", 1)
            run = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300)
            assert run.returncode == 0, f"{page.name}: {line}\n{run.stderr[-1500:]}{run.stdout[-500:]}"
