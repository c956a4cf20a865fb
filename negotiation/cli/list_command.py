"""``negotiation list``: the scenario catalogue, one line each."""

from __future__ import annotations

from .common import emit

HELP = "list the scenario catalogue"
DESCRIPTION = ("List the scenarios of the catalogue (built-in and installed plug-ins) with their dates, forms "
               "and the figure kinds that `negotiation plot --kind` draws for each.")


def add_arguments(parser) -> None:
    """No options: the whole catalogue is listed."""


def run(args) -> int:
    from .. import _format
    from ..catalog import get_scenario, list_scenarios
    from ..render.figures.scenario import figure_kinds

    rows = []
    for name in list_scenarios():
        s = get_scenario(name)
        rows.append([name, s.date.isoformat(), s.title, ", ".join(s.forms), ", ".join(figure_kinds(s))])
    emit(_format.text_table(["name", "date", "title", "forms", "plots"], rows))
    return 0
