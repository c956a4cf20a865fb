"""One scenario side by side: at several parameter values, or for several named strategies.

Each column is a setting; each row an aspect of the outcome (the equilibria
with their payoffs, the subgame-perfect path, the deal range, the verdicts),
never a section heading. Cells that differ from the first column are marked.
In a terminal the table fits 100 columns: long cells wrap, and settings that
do not fit continue in a further block.

Examples
--------
>>> from negotiation.render.comparison import comparison
>>> table = comparison("tariff_standoff", {"us_supply_elasticity": [0.5], "china_supply_elasticity": [1, 8]})
>>> dict((row[0], row[1:]) for row in table.table()[1])["threats"]
['U.S.: Impose tariffs credible; China: Retaliate credible', 'U.S.: Impose tariffs NOT credible; China: Retaliate credible']
>>> [aspect for aspect, column in table.changed()][:3]
['equilibria', 'subgame-perfect path', 'threats']
"""

from __future__ import annotations

import html
import itertools
from typing import Mapping, Sequence

from .. import _format
from ..errors import ParameterError
from .outcomes import outcome_rows

__all__ = ["comparison", "Comparison", "MARK"]

MARK = "▲"  # a cell that differs from the first column


class Comparison:
    """One scenario solved at every combination of some parameter values (and for some strategies)."""

    def __init__(self, name: str, grid: Mapping[str, Sequence] | None = None, strategies: Sequence[str] = ()):
        from ..catalog import load_scenario

        grid = dict(grid or {})
        self.name = name
        self.combos = [dict(zip(grid, values)) for values in itertools.product(*grid.values())]
        self.reports = [load_scenario(name, **combo).report() for combo in self.combos]
        self.strategies = tuple(strategies)
        self.title = f"{self.reports[0].instance.scenario.title}: side by side"
        self.columns, self.values, self.cells = self._build()

    def _build(self) -> tuple[list[str], list[dict], list[dict]]:
        """Each column's heading, its parameter values and its cells."""
        columns, values, cells = [], [], []
        for combo, report in zip(self.combos, self.reports):
            setting = ", ".join(f"{k}={_format.number(v)}" for k, v in combo.items())
            if not self.strategies:
                columns.append(setting or "as given")
                values.append(combo)
                cells.append(dict(outcome_rows(report)))
                continue
            for strategy, rows in _strategy_rows(report, self.strategies).items():
                columns.append(f"{strategy}" + (f" at {setting}" if setting else ""))
                values.append(combo)
                cells.append(rows)
        return columns, values, cells

    def table(self) -> tuple[list[str], list[list[str]]]:
        """``(header, rows)``: the aspect, then one cell per setting."""
        aspects = list(dict.fromkeys(a for column in self.cells for a in column))
        rows = [[aspect] + [column.get(aspect, "—") for column in self.cells] for aspect in aspects]
        return ["outcome"] + self.columns, rows

    def changed(self) -> list[tuple[str, str]]:
        """``(aspect, column)`` of each cell that differs from the first column (parameter comparisons only)."""
        header, rows = self.table()
        return [(rows[r][0], header[k + 1]) for r, k in sorted(self._marked())]

    def _marked(self) -> set[tuple[int, int]]:
        if self.strategies:  # columns are different entries, not one outcome under changed values
            return set()
        header, rows = self.table()
        # (row, cell index within the row's values): column 0 of the values is the first setting
        return {(r, k) for r, row in enumerate(rows) for k in range(1, len(row) - 1) if row[k + 1] != row[1]}

    def __str__(self) -> str:
        header, rows = self.table()
        marked = self._marked()
        shown = [[row[0]] + [cell if (r, k) not in marked else f"{MARK} {cell}" for k, cell in enumerate(row[1:])]
                 for r, row in enumerate(rows)]
        note = (f"{MARK} differs from the first column" if marked else "" if self.strategies
                else "every setting gives the same outcome")
        return f"{self.title}\n" + _format.fitted_table(header, shown) + (f"\n{note}" if note else "")

    def __repr__(self) -> str:
        return f"<comparison of {self.name} at {len(self.columns)} settings>"

    def _repr_html_(self) -> str:
        header, rows = self.table()
        marked = {(r, k + 1) for r, k in self._marked()}
        caption = self.title + (" (cells that differ from the first column are shaded)" if marked else "")
        return _format.html_table(header, rows, caption=caption, marked=marked)

    def to_dict(self) -> list:
        header, rows = self.table()
        marked = self._marked()
        return [{"setting": column, "values": self.values[k],
                 "outcomes": {row[0]: row[k + 1] for row in rows},
                 "changed": [rows[r][0] for r, c in sorted(marked) if c == k]}
                for k, column in enumerate(header[1:])]

    def payoff_outcomes(self) -> list[tuple[str, dict]]:
        """``(setting, {side: payoff})``: the subgame-perfect path's payoffs (else the first equilibrium's).

        Empty for a comparison of strategies: its columns are tournament entries, not predicted outcomes.
        """
        if self.strategies:
            return []
        found = []
        for column, report in zip(self.columns, self.reports):
            spe = report.sections.get("sequential moves")
            equilibria = report.sections.get("equilibria")
            if spe is not None and len(spe):
                found.append((column, dict(zip(spe.tree.players, map(float, spe.equilibria[0].payoffs)))))
            elif equilibria is not None and len(equilibria):
                found.append((column, dict(zip(equilibria.game.players, map(float, equilibria.equilibria[0].payoffs)))))
        return found

    def html_section(self) -> str:
        """A report section: the title and the marked table."""
        return (f'<section class="comparison" id="compare-{html.escape(self.name)}"><h2>{html.escape(self.title)}'
                f"</h2>{self._repr_html_()}</section>")


def comparison(name: str, grid: Mapping[str, Sequence] | None = None, strategies: Sequence[str] = ()) -> Comparison:
    """Solve scenario ``name`` at every combination of ``grid``'s values; compare ``strategies`` of its tournament."""
    return Comparison(name, grid, strategies)


def _strategy_rows(report, strategies) -> dict[str, dict]:
    """Each named strategy's record in the scenario's tournament: rank, score, behaviour, and head to head."""
    result = report.sections.get("tournament")
    if result is None:
        raise ParameterError(f"scenario {report.instance.scenario.name} has no tournament to compare strategies in")
    names = list(result.entries)
    unknown = [s for s in strategies if s not in names]
    if unknown:
        raise ParameterError(f"{', '.join(unknown)} did not play in {report.instance.scenario.name}'s tournament; "
                             f"its entries are {', '.join(names)}")
    columns = {}
    for strategy in strategies:
        i = names.index(strategy)
        low, high = result.interval[i]
        rows = {"rank": f"{result.ranking.index(strategy) + 1} of {len(names)}",
                "median score": f"{_format.number(result.median[i], 4)} "
                                f"(95% interval {_format.number(low, 4)} to {_format.number(high, 4)})"}
        rows.update(_behaviour(result, i))
        for other in strategies:
            if other != strategy:
                rows[f"against {other}"] = _format.number(result.mean_payoffs[i, names.index(other)], 4)
        columns[strategy] = rows
    return columns


def _behaviour(result, i) -> dict:
    if hasattr(result, "cooperation"):
        return {"cooperates": f"{result.cooperation[i]:.0%}", "escalates": f"{result.escalation[i]:.0%}"}
    return {"deals": f"{result.agreement_rate[i]:.0%}",
            "mean round of a deal": _format.number(result.mean_round[i], 3)}
