"""``negotiation list``: the scenario catalogue, one line each."""

from __future__ import annotations

from .common import emit

HELP = "list the scenario catalogue"
DESCRIPTION = "List the scenarios of the catalogue (built-in and installed plug-ins) with their dates and forms."


def add_arguments(parser) -> None:
    """No options: the whole catalogue is listed."""


def run(args) -> int:
    from .. import _format
    from ..catalog import get_scenario, list_scenarios

    rows = []
    for name in list_scenarios():
        s = get_scenario(name)
        rows.append([name, s.date.isoformat(), s.title, ", ".join(s.forms)])
    emit(_format.text_table(["name", "date", "title", "forms"], rows))
    return 0
