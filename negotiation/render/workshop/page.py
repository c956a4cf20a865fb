"""The workshop page: one HTML file with sliders over a precomputed grid, for a room without a network.

Everything is inside the file: the styles, the script and the solved grid as
JSON (repeated texts stored once). Moving a slider looks up the grid point
it lands on and redraws the verdicts, the payoff table, the tree's
subgame-perfect path, the deal range and who gains. Nothing is interpolated:
a slider moves only between the grid's values, and the page says which
point it shows.
"""

from __future__ import annotations

import datetime
import html
import json
from importlib import resources

from ... import _format
from ...errors import ParameterError
from ...catalog import bind_target as bound
from .frames import page_grid, point_frame

__all__ = ["workshop_page", "workshop_data", "MAX_BYTES"]

#: The largest page written: big enough for a 21×21 grid, small enough to mail and open on any laptop.
MAX_BYTES = 2_000_000


def workshop_data(target, vary=None, points: int | None = None, executor=None, progress: bool = True,
                  **values) -> dict:
    """The page's data: the sliders, the values held, and each grid point's frame (texts stored once).

    ``target`` is a scenario name, a :class:`~negotiation.Scenario` or a bound
    scenario; ``values`` override its parameters first. Grid points are
    solved through :func:`~negotiation.sweep`, on ``executor`` if given.
    """
    from ...analysis.sweep import sweep

    instance = bound(target, **values)
    scenario = instance.scenario
    grid = page_grid(instance, vary, points)
    held = {name: [value] for name, value in instance.values.items() if name not in grid}
    table = sweep(scenario, grid={**grid, **held}, metric=point_frame, executor=executor, progress=progress)
    if not table.complete:
        raise KeyboardInterrupt  # a half-solved page would show holes: stop as asked
    strings = _Strings()
    frames = [_packed(row["frame"], strings) for row in table.rows]
    return {
        "scenario": {"name": scenario.name, "title": scenario.title, "date": scenario.date.isoformat(),
                     "summary": scenario.summary, "players": list(scenario.players)},
        "sliders": [_slider(scenario.parameter(name), values_, instance.values[name])
                    for name, values_ in grid.items()],
        "held": [[p.name, _format.number(instance.values[p.name]), _unit(p)] for p in scenario.parameters
                 if p.name not in grid],
        "strings": strings.items,
        "points": frames,
        "scales": _scales(table.rows),
    }


def workshop_page(target, vary=None, points: int | None = None, executor=None, progress: bool = True,
                  **values) -> str:
    """The self-contained HTML page (see :func:`workshop_data` for the arguments)."""
    from ... import __version__

    data = workshop_data(target, vary, points, executor, progress, **values)
    scenario = data["scenario"]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    page = (_TEMPLATE.replace("{title}", html.escape(scenario["title"]))
            .replace("{style}", _asset("workshop.css"))
            .replace("{script}", _asset("workshop.js"))
            .replace("{made}", html.escape(f"negotiation {__version__}, {datetime.date.today().isoformat()}"))
            .replace("{data}", payload))
    size = len(page.encode("utf-8"))
    if size > MAX_BYTES:
        raise ParameterError(f"the page would be {size / 1e6:.1f} MB, more than {MAX_BYTES / 1e6:.0f} MB; use fewer "
                             "points per slider (--points) or fewer sliders")
    return page


def _unit(parameter) -> str:
    return "" if parameter.unit == "1" else parameter.unit  # a pure number: no unit to print


def _slider(parameter, values, current) -> dict:
    return {"name": parameter.name, "unit": _unit(parameter), "reason": parameter.reason,
            "values": [float(v) for v in values], "labels": [_format.number(v) for v in values],
            "start": next(k for k, v in enumerate(values) if v == current)}


class _Strings:
    """Each distinct text once; frames refer to texts by number."""

    def __init__(self):
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def _packed(frame: dict, s: _Strings) -> dict:
    tree = frame["tree"]
    if tree is not None:
        tree = ({"note": s(tree["note"])} if "note" in tree else
                {"svg": s(tree["svg"]), "values": tree["values"], "path": tree["path"], "plan": tree["plan"]})
    deal = frame["deal"]
    if deal is not None:
        deal = {**deal, "text": s(deal["text"])}
    return {"bottom": s(frame["bottom"]), "verdicts": [[s(a), s(b)] for a, b in frame["verdicts"]],
            "matrix": None if frame["matrix"] is None else s(frame["matrix"]), "tree": tree, "deal": deal,
            "gains": [[s(label), values, [s(side) for side in sides]] for label, values, sides in frame["gains"]]}


def _scales(rows) -> dict:
    """One axis for every grid point, so a moving slider moves the bars, not the axis."""
    gains = [v for row in rows for _, values, _ in row["frame"]["gains"] for v in values]
    deals = [v for row in rows if row["frame"]["deal"] for v in row["frame"]["deal"]["bounds"]]
    span = lambda vs, zero: [min(vs + zero), max(vs + zero)] if vs else None  # noqa: E731
    return {"gains": span(gains, [0.0]), "deal": span(deals, [])}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: workshop</title>
<style>{style}</style>
</head>
<body>
<header><h1 id="title">{title}</h1><p id="meta"></p><p id="summary"></p></header>
<noscript><p class="note">This page needs JavaScript to show the model; it needs no network.</p></noscript>
<section id="controls" aria-label="parameters">
<div id="sliders"></div>
<p id="grid-note"></p>
<p><button type="button" id="reset">Back to the scenario's values</button></p>
<details id="held"><summary>Parameters held fixed</summary><ul></ul></details>
</section>
<main>
<section class="panel" id="verdicts-panel"><h2>Verdicts</h2><p id="bottom-line"></p><table id="verdicts"><tbody></tbody></table></section>
<section class="panel" id="matrix-panel" hidden><h2>Payoff table</h2><div id="matrix"></div></section>
<section class="panel wide" id="deal-panel" hidden><h2>Deal range</h2><div id="deal"></div><p id="deal-text"></p></section>
<section class="panel wide" id="tree-panel" hidden><h2>Game tree</h2><p class="legend"><span class="key path"></span> subgame-perfect path <span class="key plan"></span> planned off the path</p><div id="tree"></div></section>
<section class="panel wide" id="gains-panel" hidden><h2>Who gains</h2><p class="legend">Each side's payoff under each predicted outcome; right of the line is a gain.</p><div id="gains"></div></section>
</main>
<footer><p>Made with {made}. Every view was solved ahead of time by the package's own solvers; the page computes nothing.</p></footer>
<script type="application/json" id="workshop-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
