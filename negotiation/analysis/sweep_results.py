"""What sweeps, Monte Carlo runs and tornado analyses return: tables with their plain-words summaries."""

from __future__ import annotations

import csv
import functools
import io
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import _format
from ..errors import ParameterError

__all__ = ["SweepResult", "MonteCarloResult", "TornadoResult"]


@dataclass(frozen=True)
class SweepResult(_format.Displays):
    """A tidy table: one row per parameter point, one column per parameter and output."""

    parameters: tuple[str, ...]
    rows: tuple[dict, ...]
    complete: bool = True  # False when stopped early (timeout or Ctrl-C): ``rows`` are the points done
    message: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    @functools.cached_property
    def _names(self) -> tuple[str, ...]:
        # a scan of every row, done once: a 10⁴-draw table is asked for each of its columns in turn
        names = dict.fromkeys(self.parameters)
        for row in self.rows:
            names.update(dict.fromkeys(row))
        return tuple(names)

    @property
    def names(self) -> list[str]:
        return list(self._names)

    def column(self, name: str) -> list:
        if name not in self._names:
            raise ParameterError(f"no column {name!r}; the columns are {', '.join(self.names)}")
        return [row.get(name) for row in self.rows]

    def to_csv(self, path) -> None:
        """Write the table as CSV, atomically (a temporary file, then a rename)."""
        from .._writing import write_text

        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=self.names)
        writer.writeheader()
        for row in self.rows:
            writer.writerow({k: _format.plain(v) for k, v in row.items()})
        write_text(path, buffer.getvalue())

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame(list(self.rows), columns=self.names)

    def __str__(self) -> str:
        shown = self.rows[:20]
        rows = [[_cell(row.get(n)) for n in self.names] for row in shown]
        more = f"\n... {len(self.rows) - 20} more rows" if len(self.rows) > 20 else ""
        note = f"\n{self.message}" if self.message else ""
        return _format.text_table(self.names, rows) + more + note


def _cell(value) -> str:
    text = _format.number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class MonteCarloResult(_format.Displays):
    """Outputs over random draws, with the probability of each outcome and its standard error."""

    draws: int
    seed: int
    table: SweepResult

    def probability(self, name: str, value: Any = True) -> float:
        column = self.table.column(name)
        return sum(1 for v in column if v == value) / len(column)

    def standard_error(self, name: str, value: Any = True) -> float:
        p = self.probability(name, value)
        return math.sqrt(p * (1 - p) / self.draws)

    def __str__(self) -> str:
        lines = [f"{self.draws} draws (seed {self.seed})" + (f"; {self.table.message}" if self.table.message else "")]
        for name in self.table.names:
            if name in self.table.parameters:
                continue
            values = self.table.column(name)
            if all(isinstance(v, bool) for v in values):
                p = self.probability(name)
                lines.append(f"  {name}: {p:.1%} of draws (standard error {self.standard_error(name):.1%})")
            elif all(isinstance(v, (int, float)) for v in values):
                arr = np.array(values, dtype=float)
                lines.append(f"  {name}: mean {arr.mean():.4g}, 5%–95% {np.quantile(arr, 0.05):.4g} to {np.quantile(arr, 0.95):.4g}")
        return "\n".join(lines)


@dataclass(frozen=True)
class TornadoResult(_format.Displays):
    """How far a numeric output moves as each parameter goes from the low to the high end of its range."""

    output: str
    base: float
    bars: tuple[tuple[str, float, float], ...]  # (parameter, output at low, output at high), widest first

    def __str__(self) -> str:
        rows = [[name, _format.number(lo), _format.number(hi), _format.number(abs(hi - lo))] for name, lo, hi in self.bars]
        return f"{self.output} at the defaults: {_format.number(self.base)}\n" + _format.text_table(
            ["parameter", "at low end", "at high end", "swing"], rows)
