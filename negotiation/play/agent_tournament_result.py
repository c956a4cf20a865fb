"""The result of a tournament of negotiation agents: gain shares ranked, deals, delays and distances.

Renders as text, Markdown, HTML (notebooks show it), CSV and JSON-ready data.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

import numpy as np

from .. import __version__, _format
from .offers import settings_for_json
from .ranking import RankedTables, json_table, pairwise_rows, rank, scores_against_others

__all__ = ["AgentTournamentResult"]

_GAPS = ("frontier", "nash", "kalai_smorodinsky")


@dataclass(frozen=True, eq=False)
class AgentTournamentResult(RankedTables):
    """A round robin of negotiation agents.

    Attributes
    ----------
    agents : tuple of str
        Names in the order given (also as ``strategies``).
    mean_payoffs : array (K, K)
        Row agent's mean gain share against the column agent, over both sides
        of the table and the repetitions (NaN on the diagonal without self-play).
    scores : array (repetitions, K)
        Each agent's mean gain share over its opponents (self-play left out).
    ranking, median, interval
        Agents by median score, best first; the medians and their 95% intervals.
    agreement_rate, mean_round : arrays (K,)
        Share of an agent's negotiations that ended in a deal, and the mean
        round of those deals (NaN if none).
    distances : dict of arrays (K,)
        Mean distance of an agent's outcomes from the Pareto frontier, the Nash
        package and the Kalai–Smorodinsky package (absent without a deal range).
    pairings : list of dict
        One per pairing: who sat on each side, the deal in the first repetition
        (or None), its round, and each side's mean value and gain share.
    traces : dict
        ``(i, j) -> ((round, side, package), …)``: the offers of agent i (first
        side) against agent j in the first repetition.
    """

    space: object = field(repr=False)
    agents: tuple
    mean_payoffs: np.ndarray = field(repr=False)
    per_repetition: np.ndarray = field(repr=False)
    scores: np.ndarray = field(repr=False)
    ranking: tuple
    median: np.ndarray = field(repr=False)
    interval: np.ndarray = field(repr=False)
    agreement_rate: np.ndarray = field(repr=False)
    mean_round: np.ndarray = field(repr=False)
    distances: dict = field(repr=False)
    pairings: list = field(repr=False)
    traces: dict = field(repr=False)
    settings: dict
    self_play: bool
    complete: bool = True
    message: str = ""
    version: str = __version__
    pairwise_caption = "Mean gain share, row agent against column agent (both sides of the table)"

    @property
    def entries(self) -> tuple:
        return self.agents

    @property
    def strategies(self) -> tuple:
        return self.agents

    @classmethod
    def build(cls, space, names, pairs, runs, self_play, settings):
        count, reps = len(names), len(runs["values"])
        rows = np.array([i for i, _ in pairs])
        cols = np.array([j for _, j in pairs])
        shares = space.gain_shares(runs["values"])  # (repetitions, pairings, 2), broadcast over the sides
        per_repetition = np.zeros((reps, count, count))
        for r in range(reps):
            np.add.at(per_repetition[r], (rows, cols), shares[r, :, 0] / 2)
            np.add.at(per_repetition[r], (cols, rows), shares[r, :, 1] / 2)
        if not self_play:
            for r in range(reps):
                np.fill_diagonal(per_repetition[r], np.nan)
        scores = scores_against_others(per_repetition)
        median, ranking, interval = rank(scores, names)
        involved = _involvement(count, rows, cols)  # (K, pairs): agent takes part, self-play left out
        deals = runs["agreement"] >= 0
        agreement_rate = (deals.mean(axis=0) * involved).sum(axis=1) / np.maximum(involved.sum(axis=1), 1)
        with np.errstate(invalid="ignore"):
            mean_round = ((runs["rounds"] * deals).sum(axis=0) * involved).sum(axis=1) / \
                (deals.sum(axis=0) * involved).sum(axis=1)
        distances = _distances(space, runs["values"], involved)
        message = "" if runs["complete"] else (
            f"{runs['reason']} after {reps} of {settings['repetitions']} repetitions; results cover those")
        return cls(space, tuple(names), per_repetition.mean(axis=0), per_repetition, scores, ranking, median,
                   interval, agreement_rate, mean_round, distances, _pairings(space, names, pairs, runs, shares),
                   runs["traces"], {**settings, "repetitions_done": reps}, self_play, bool(runs["complete"]), message)

    def negotiation(self, first: str, second: str):
        """The first repetition's negotiation with agent ``first`` on the first side and ``second`` on the other."""
        from ..errors import ParameterError
        from .offers import Negotiation, outcome

        for name in (first, second):
            if name not in self.agents:
                raise ParameterError(f"no agent {name!r} in this tournament; its agents are " + ", ".join(self.agents))
        key = (self.agents.index(first), self.agents.index(second))
        if key not in self.traces:
            raise ParameterError(f"{first} did not meet {second} on the first side (self-play was off)")
        offers = self.traces[key]
        pairing = next(p for p in self.pairings if p["agents"] == (first, second))
        deal = None if pairing["agreement"] is None else offers[-1][2]
        when = pairing["round"]
        s = self.settings
        return Negotiation(self.space, (first, second), offers, deal, when,
                           outcome(self.space, deal, when, s["discount"]),
                           {"deadline": s["deadline"], "discount": s["discount"], "first": s["first"], "seed": s["seed"]})

    # ------------------------------------------------------------- views
    def _ranked_rows(self, digits: int = 3) -> tuple[list[str], list[list[str]]]:
        header = ["rank", "agent", "median", "95% interval", "deals", "round"]
        if self.distances:
            header += ["to frontier", "to Nash", "to K–S"]
        rows = []
        for place, name in enumerate(self.ranking, 1):
            i = self.agents.index(name)
            row = [str(place), name, _format.number(self.median[i], digits),
                   f"{_format.number(self.interval[i, 0], digits)} to {_format.number(self.interval[i, 1], digits)}",
                   f"{self.agreement_rate[i]:.0%}",
                   "—" if math.isnan(self.mean_round[i]) else f"{self.mean_round[i]:.1f}"]
            if self.distances:
                row += [_format.number(self.distances[key][i], digits) for key in _GAPS]
            rows.append(row)
        return header, rows

    def _pairwise_rows(self, digits: int = 3, numbered: bool = False) -> tuple[list[str], list[list[str]]]:
        return pairwise_rows(self.agents, self.mean_payoffs, digits, numbered)

    def _headline(self) -> str:
        s, sides = self.settings, self.space.sides
        discount = s["discount"]
        parts = [f"{len(self.agents)} agents", f"deadline {s['deadline']} rounds",
                 "no discounting" if discount == (1.0, 1.0) else
                 "discount " + ", ".join(f"{n} {d:.4g}" for n, d in zip(sides, discount)),
                 f"{sides[s['first']]} proposes first", f"{s['repetitions_done']} repetitions"]
        if s["seed"] is not None:
            parts.append(f"seed {s['seed']}")
        return (f"Negotiation tournament over {len(self.space.labels)} packages between {sides[0]} and {sides[1]}: "
                + ", ".join(parts))

    def _notes(self) -> list[str]:
        unit = f" ({self.space.unit})" if self.space.unit else ""
        notes = ["Gain share: an agent's gain over no deal, discounted for delay, as a share of what its side's "
                 "best package in the deal range would bring (0 = no deal, 1 = that package at once). Median: of the score over "
                 "repetitions, the score being the mean gain share against the other agents on both sides "
                 "(self-play left out). Deals: share of its negotiations that ended in agreement."]
        if self.distances:
            notes.append(f"To frontier, to Nash, to K–S: mean distance{unit} of the agent's outcomes from the Pareto "
                         "frontier of the deal range, the Nash bargaining package and the Kalai–Smorodinsky package.")
        else:
            notes.append("No package is better than no deal for both sides, so there is no frontier to measure by.")
        if self.message:
            notes.append("Incomplete: " + self.message + ".")
        return notes

    def to_csv(self) -> str:
        """One row per pairing: each side's agent, the deal, its round, and each side's value and gain share."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        a, b = self.space.sides
        writer.writerow([f"{a} agent", f"{b} agent", "agreement", "round", f"{a} value", f"{b} value",
                         f"{a} gain share", f"{b} gain share"])
        for p in self.pairings:
            writer.writerow([p["agents"][0], p["agents"][1], p["agreement"] or "", p["round"] or "",
                             *(repr(v) for v in p["values"]), *(repr(v) for v in p["gain_shares"])])
        return buffer.getvalue()

    def to_dict(self) -> dict:
        sides = self.space.sides
        return {
            "kind": "agent tournament",
            "method": "round robin of negotiation agents in alternating offers",
            "sides": list(sides),
            "strategies": list(self.agents),
            "agents": list(self.agents),
            "mean_payoffs": json_table(self.mean_payoffs),
            "ranking": list(self.ranking),
            "median_scores": [float(v) for v in self.median],
            "score_intervals": [[float(x), float(y)] for x, y in self.interval],
            "scores": [[float(v) for v in row] for row in self.scores],
            "agreement_rate": [float(v) for v in self.agreement_rate],
            "mean_round": [None if math.isnan(v) else float(v) for v in self.mean_round],
            "distances": {k: [float(v) for v in vals] for k, vals in self.distances.items()},
            "pairings": [{**p, "agents": dict(zip(sides, p["agents"])), "values": dict(zip(sides, p["values"])),
                          "gain_shares": dict(zip(sides, p["gain_shares"]))} for p in self.pairings],
            "settings": settings_for_json(self.settings, sides),
            "self_play": self.self_play,
            "complete": self.complete,
            "message": self.message,
            "version": self.version,
        }


def _involvement(count, rows, cols) -> np.ndarray:
    involved = np.zeros((count, len(rows)))
    off = rows != cols
    involved[rows[off], np.flatnonzero(off)] = 1
    involved[cols[off], np.flatnonzero(off)] = 1
    return involved


def _distances(space, values, involved) -> dict:
    """Each agent's mean distance from the frontier and the two bargaining packages."""
    if not len(space.frontier):
        return {}
    points = values.mean(axis=0)  # mean over repetitions, per pairing
    frontier = space.utilities[space.frontier]
    gaps = {
        "frontier": np.linalg.norm(points[:, None, :] - frontier[None], axis=2).min(axis=1),
        "nash": np.linalg.norm(points - np.asarray(space.nash), axis=1),
        "kalai_smorodinsky": np.linalg.norm(points - np.asarray(space.kalai), axis=1),
    }
    weight = np.maximum(involved.sum(axis=1), 1)
    return {key: (involved * gap).sum(axis=1) / weight for key, gap in gaps.items()}


def _pairings(space, names, pairs, runs, shares) -> list:
    first_deal = runs["agreement"][0]
    return [{"agents": (names[i], names[j]),
             "agreement": None if first_deal[k] < 0 else space.labels[first_deal[k]],
             "round": None if first_deal[k] < 0 else int(runs["rounds"][0, k]),
             "values": tuple(float(v) for v in runs["values"][:, k].mean(axis=0)),
             "gain_shares": tuple(float(v) for v in shares[:, k].mean(axis=0))}
            for k, (i, j) in enumerate(pairs)]
