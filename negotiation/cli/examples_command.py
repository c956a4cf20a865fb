"""``negotiation examples``: the built-in textbook games."""

from __future__ import annotations

from .common import emit

HELP = "list the built-in example games"
DESCRIPTION = "List the built-in textbook games, by the names that solve --example and export --example take."


def add_arguments(parser) -> None:
    """No options."""


def run(args) -> int:
    from .. import _format, examples

    rows = []
    for name, build in sorted(examples.EXAMPLES.items()):
        game = build()
        rows.append([name, game.title, "×".join(map(str, game.shape))])
    emit(_format.text_table(["name", "title", "size"], rows))
    return 0
