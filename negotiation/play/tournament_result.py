"""The result of a tournament: payoff tables, a ranking with intervals, behaviour, and theory.

Renders as text, Markdown, HTML (notebooks show it), CSV and JSON-ready data.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

import numpy as np

from .. import __version__, _format
from .ranking import RankedTables, json_table, pairwise_rows, rank, scores_against_others

__all__ = ["TournamentResult"]


@dataclass(frozen=True, eq=False)
class TournamentResult(RankedTables):
    """A round robin's outcome.

    Attributes
    ----------
    strategies : tuple of str
        Names in the order given.
    mean_payoffs : array (K, K)
        Row strategy's mean payoff per turn against the column strategy,
        averaged over repetitions (NaN on the diagonal without self-play).
    per_repetition : array (repetitions, K, K)
        The same, one table per repetition.
    scores : array (repetitions, K)
        Each strategy's mean over its opponents (self-play left out).
    ranking : tuple of str
        Strategies by median score, best first.
    median, interval : arrays (K,) and (K, 2)
        Median score and its distribution-free 95% interval.
    cooperation, escalation : arrays (K,)
        Share of turns a strategy played the first action, and share of turns
        it raised its level, over its matches with others.
    outcomes : array (K, K, 2)
        Mean payoffs of (row, column) when strategy i plays row against j.
    bargaining_point : tuple or None
        The stage game's Nash bargaining point (minmax disagreement).
    distance : array (K,) or None
        Mean distance of a strategy's match outcomes from that point.
    """

    game: object = field(repr=False)
    strategies: tuple
    mean_payoffs: np.ndarray = field(repr=False)
    per_repetition: np.ndarray = field(repr=False)
    scores: np.ndarray = field(repr=False)
    ranking: tuple
    median: np.ndarray = field(repr=False)
    interval: np.ndarray = field(repr=False)
    cooperation: np.ndarray = field(repr=False)
    escalation: np.ndarray = field(repr=False)
    outcomes: np.ndarray = field(repr=False)
    bargaining_point: tuple | None
    distance: np.ndarray | None = field(repr=False)
    settings: dict
    symmetric: bool
    self_play: bool
    complete: bool = True
    message: str = ""
    version: str = __version__
    pairwise_caption = "Mean payoff per turn, row strategy against column strategy"

    @property
    def entries(self) -> tuple:
        return self.strategies

    @classmethod
    def build(cls, game, names, symmetric, self_play, per_repetition, rates, outcomes, settings):
        scores = scores_against_others(per_repetition)
        median, ranking, interval = rank(scores, names)
        point, distance = _bargaining(game, outcomes, names, symmetric, self_play)
        done = rates["repetitions_done"]
        message = "" if rates["complete"] else (
            f"{rates['reason']} after {done} of {settings['repetitions']} repetitions; results cover those")
        return cls(game, tuple(names), per_repetition.mean(axis=0), per_repetition, scores,
                   ranking, median, interval,
                   _off_diagonal_mean(rates["cooperation"]), _off_diagonal_mean(rates["escalation"]),
                   outcomes, point, distance, {**settings, "repetitions_done": done}, symmetric, self_play,
                   bool(rates["complete"]), message)

    # ------------------------------------------------------------- views
    def _index(self, name) -> int:
        return self.strategies.index(name)

    def _ranked_rows(self, digits: int = 4) -> tuple[list[str], list[list[str]]]:
        header = ["rank", "strategy", "median", "95% interval", "cooperates", "escalates"]
        if self.distance is not None:
            header.append("gap to NBS")
        rows = []
        for place, name in enumerate(self.ranking, 1):
            i = self._index(name)
            row = [str(place), name, _format.number(self.median[i], digits),
                   f"{_format.number(self.interval[i, 0], digits)} to {_format.number(self.interval[i, 1], digits)}",
                   f"{self.cooperation[i]:.0%}", f"{self.escalation[i]:.0%}"]
            if self.distance is not None:
                row.append(_format.number(self.distance[i], digits))
            rows.append(row)
        return header, rows

    def _pairwise_rows(self, digits: int = 4, numbered: bool = False) -> tuple[list[str], list[list[str]]]:
        return pairwise_rows(self.strategies, self.mean_payoffs, digits, numbered)

    def _headline(self) -> str:
        s = self.settings
        parts = [f"{len(self.strategies)} strategies", f"{s['turns']} turns",
                 f"{s['repetitions_done']} repetitions"]
        for key, label in (("noise", "noise"), ("observation_noise", "observation noise"), ("hazard", "hazard")):
            if s[key]:
                parts.append(f"{label} {s[key]:g}")
        if s["discount"] is not None:
            parts.append(f"discount {s['discount']:g}")
        if s["seed"] is not None:
            parts.append(f"seed {s['seed']}")
        title = getattr(self.game, "title", "") or "the stage game"
        return f"Tournament in {title}: " + ", ".join(parts)

    def _notes(self) -> list[str]:
        notes = ["Median: of the score over repetitions, the score being the mean payoff per turn against "
                 "the other strategies (self-play left out). Cooperates: share of turns on the first action; "
                 "escalates: share of turns raising the level."]
        if self.bargaining_point is not None:
            notes.append("Gap to NBS: mean distance of the strategy's match outcomes from the stage game's Nash "
                         "bargaining solution with minmax disagreement, ("
                         + ", ".join(_format.number(v) for v in self.bargaining_point) + ").")
        if self.message:
            notes.append("Incomplete: " + self.message + ".")
        return notes

    def to_csv(self) -> str:
        """One row per ordered pair: strategy, opponent, mean payoff per turn, and each side's ranking data."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["strategy", "opponent", "mean_payoff", "rank", "median_score", "interval_low",
                         "interval_high", "cooperation", "escalation"])
        position = {name: r for r, name in enumerate(self.ranking, 1)}
        for i, name in enumerate(self.strategies):
            for j, opponent in enumerate(self.strategies):
                value = self.mean_payoffs[i, j]
                writer.writerow([name, opponent, "" if math.isnan(value) else repr(float(value)), position[name],
                                 repr(float(self.median[i])), repr(float(self.interval[i, 0])),
                                 repr(float(self.interval[i, 1])), repr(float(self.cooperation[i])),
                                 repr(float(self.escalation[i]))])
        return buffer.getvalue()

    def to_dict(self) -> dict:
        return {
            "kind": "tournament",
            "method": "round robin of repeated-game strategies, simulated as arrays",
            "game": getattr(self.game, "title", "") or "",
            "players": list(self.game.players),
            "strategies": list(self.strategies),
            "mean_payoffs": json_table(self.mean_payoffs),
            "ranking": list(self.ranking),
            "median_scores": [float(v) for v in self.median],
            "score_intervals": [[float(a), float(b)] for a, b in self.interval],
            "scores": [[float(v) for v in row] for row in self.scores],
            "cooperation": [float(v) for v in self.cooperation],
            "escalation": [float(v) for v in self.escalation],
            "outcomes": [[[float(x) for x in pair] for pair in row] for row in self.outcomes],
            "bargaining_point": None if self.bargaining_point is None else [float(v) for v in self.bargaining_point],
            "distance_to_bargaining_point": None if self.distance is None else [float(v) for v in self.distance],
            "settings": {k: v for k, v in self.settings.items()},
            "symmetric": self.symmetric,
            "self_play": self.self_play,
            "complete": self.complete,
            "message": self.message,
            "version": self.version,
        }


def _off_diagonal_mean(table: np.ndarray) -> np.ndarray:
    count = table.shape[0]
    mask = ~np.eye(count, dtype=bool)
    return (table * mask).sum(axis=1) / (count - 1)


def _bargaining(game, outcomes, names, symmetric, self_play):
    """The Nash bargaining point of the stage game and each strategy's mean distance from it."""
    from ..bargaining.problem import BargainingProblem
    from ..bargaining.solutions import nash_bargaining
    from ..errors import NegotiationError

    try:
        solution = nash_bargaining(BargainingProblem.from_game(game.as_float()))
    except NegotiationError:
        return None, None
    if not solution.agreement:
        return None, None
    point = np.array([float(v) for v in solution.point])
    count = len(names)
    gap = np.linalg.norm(outcomes - point, axis=2)
    played = np.ones((count, count), bool) if not symmetric else np.triu(np.ones((count, count), bool))
    np.fill_diagonal(played, False)
    both = played | played.T
    distance = np.where(both, np.where(played, gap, 0) + np.where(played.T, gap.T, 0), 0).sum(axis=1)
    share = both.sum(axis=1) * (1 if symmetric else 2)
    return tuple(float(v) for v in point), distance / np.maximum(share, 1)
