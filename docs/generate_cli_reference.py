"""Write docs/reference/cli.md from the argument parser: `python docs/generate_cli_reference.py`.

tests/test_docs.py checks that the page matches the parser, so the reference
cannot drift from the command.
"""

import pathlib

from negotiation.cli import build_parser

PAGE = pathlib.Path(__file__).parent / "reference" / "cli.md"


def render() -> str:
    parser = build_parser()
    parts = ["# The `negotiation` command\n", "Generated from the parser by `docs/generate_cli_reference.py`.\n"]
    parts.append("```text\n" + parser.format_help() + "```\n")
    commands = next(a for a in parser._actions if a.dest == "command")
    for name, sub in commands.choices.items():
        parts.append(f"## `negotiation {name}`\n")
        parts.append("```text\n" + sub.format_help() + "```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    PAGE.write_text(render(), encoding="utf-8")
