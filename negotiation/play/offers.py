r"""Alternating offers over a deal space, played by agents, and measured against the theory.

Two sides take turns: in odd rounds the first proposer names a package and
the other accepts or rejects; in even rounds the roles swap. A side may make
no offer in a round (when every package is worse for it than no deal). A deal in round
:math:`t` is worth :math:`r + \delta^{t-1}(u - r)` to a side with utility
:math:`u` for the package, reservation value :math:`r` and discount factor
:math:`\delta`: delay shrinks the gain over no deal. No deal by the deadline
leaves each side its reservation value.

An outcome is measured by its distance (in the utilities' unit) from the
Pareto frontier of the packages both sides prefer to no deal, from the Nash
bargaining package and from the Kalai–Smorodinsky package, and by each side's
*gain share*: the share of its possible gain over no deal that it obtained.

Examples
--------
>>> import negotiation as ng
>>> split = ng.offer_space({f"U.S. gets {k}": (k, 10 - k) for k in range(11)}, reservation=(0, 0),
...                        sides=("U.S.", "China"))
>>> result = ng.negotiate(split, "rubinstein", "rubinstein", deadline=2, discount=0.5)
>>> result.agreement_label, result.round
('U.S. gets 5', 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from .. import __version__, _format
from ..errors import GameError, ParameterError
from .agents import View, resolve_agent

__all__ = ["OfferSpace", "offer_space", "Negotiation", "negotiate", "check_rules", "MAX_DEADLINE"]

MAX_DEADLINE = 100_000


@dataclass(frozen=True, eq=False)
class OfferSpace:
    """Packages with each side's utility, reservation values, and the benchmarks outcomes are measured by."""

    sides: tuple
    labels: tuple
    utilities: np.ndarray = field(repr=False)  # (packages, 2)
    reservation: np.ndarray = field(repr=False)  # (2,)
    frontier: np.ndarray = field(repr=False)  # indices of acceptable Pareto-optimal packages
    nash: tuple | None = None  # Nash bargaining package's utilities
    kalai: tuple | None = None  # Kalai–Smorodinsky package's utilities
    unit: str = ""

    @property
    def ideal(self) -> np.ndarray:
        """Each side's best package in the deal range (its best package overall if there is no deal range)."""
        chosen = self.utilities[self.frontier] if len(self.frontier) else self.utilities
        return chosen.max(axis=0)

    def gain_shares(self, outcome) -> np.ndarray:
        """Each side's gain over no deal as a share of the most the other side could accept (``ideal``)."""
        span = np.maximum(self.ideal - self.reservation, 1e-12)
        return (np.asarray(outcome, float) - self.reservation) / span

    def distances(self, outcome) -> dict:
        """Distance of an outcome from the frontier and from the two bargaining packages (None without a deal range)."""
        point = np.asarray(outcome, float)
        if not len(self.frontier):
            return {"frontier": None, "nash": None, "kalai_smorodinsky": None}
        return {
            "frontier": float(np.linalg.norm(self.utilities[self.frontier] - point, axis=1).min()),
            "nash": float(np.linalg.norm(np.asarray(self.nash) - point)),
            "kalai_smorodinsky": float(np.linalg.norm(np.asarray(self.kalai) - point)),
        }

    def __str__(self) -> str:
        return (f"{len(self.labels)} packages between {self.sides[0]} and {self.sides[1]}; "
                f"{len(self.frontier)} on the Pareto frontier of the deal range")

    def __repr__(self) -> str:
        return f"<offer space: {self}>"

    def _repr_html_(self) -> str:
        rows = [[self.labels[k]] + [_format.number(v) for v in self.utilities[k]] for k in self.frontier]
        return _format.html_table(["package on the frontier", *self.sides], rows, caption=str(self))


def offer_space(source: Any, reservation: Sequence | None = None, sides: Sequence[str] | None = None,
                unit: str = "") -> OfferSpace:
    """The packages two sides can offer each other.

    ``source`` is a :func:`~negotiation.deal_space` result, a discrete
    :class:`~negotiation.BargainingProblem`, or a mapping ``{label: (u1, u2)}``
    with ``reservation`` (each side's value of no deal) and ``sides``.
    """
    from ..bargaining.deal_space import DealSpace, pareto_frontier
    from ..bargaining.problem import DISCRETE, BargainingProblem

    if isinstance(source, DealSpace):
        labels = [source.label(k) for k in range(len(source.packages))]
        values, d, names = list(source.values), source.disagreement, source.sides
    elif isinstance(source, BargainingProblem):
        if source.kind != DISCRETE:
            raise GameError("alternating offers needs packages: a discrete bargaining problem or a deal space")
        labels, values, d, names = list(source.labels), list(source.points), source.disagreement, source.players
    elif isinstance(source, dict):
        if reservation is None:
            raise ParameterError("give reservation=(value for side 1, value for side 2): what no deal is worth")
        labels, values, d = list(source), list(source.values()), tuple(reservation)
        names = tuple(sides or ("Player 1", "Player 2"))
    else:
        raise GameError(f"cannot negotiate over {type(source).__name__}: give a deal space, a discrete "
                        "bargaining problem or {label: (u1, u2)}")
    if reservation is not None:
        d = tuple(reservation)
    names = tuple(sides or names)
    utilities, d = _utilities(values, d, names)
    if len(set(labels)) != len(labels):
        raise GameError("package labels must be distinct")
    acceptable = [k for k in range(len(labels)) if (utilities[k] >= d).all()]
    frontier = np.array(pareto_frontier([tuple(u) for u in utilities], acceptable), int)
    nash = kalai = None
    if len(frontier):
        from ..bargaining.solutions import kalai_smorodinsky, nash_bargaining

        problem = BargainingProblem.from_packages({labels[k]: tuple(utilities[k]) for k in frontier}, tuple(d),
                                                  players=names)
        nash = tuple(float(v) for v in nash_bargaining(problem).point)
        kalai = tuple(float(v) for v in kalai_smorodinsky(problem).point)
    return OfferSpace(names, tuple(str(label) for label in labels), utilities, d, frontier, nash, kalai, unit)


def _utilities(values, d, names):
    if len(names) != 2 or len(d) != 2:
        raise GameError(f"alternating offers has two sides, got {len(names)}: {', '.join(map(str, names))}")
    if not values:
        raise GameError("there are no packages to offer")
    try:
        utilities = np.array([[float(x) for x in v] for v in values], float)
        d = np.array([float(x) for x in d], float)
    except (TypeError, ValueError):
        raise GameError("every package needs a number for each side, and so does the reservation point") from None
    if utilities.ndim != 2 or utilities.shape[1] != 2:
        raise GameError("every package needs exactly two utilities, one per side")
    if not (np.isfinite(utilities).all() and np.isfinite(d).all()):
        raise GameError("utilities and reservation values must be finite numbers")
    return utilities, d


@dataclass(frozen=True, eq=False)
class Negotiation(_format.Displays):
    """One negotiation: every offer, the agreement (or none) and how it measures up."""

    space: OfferSpace = field(repr=False)
    agents: tuple  # agent labels, by side
    offers: tuple  # (round, proposing side, package index or None for no offer)
    agreement: int | None
    round: int | None
    outcome: tuple  # each side's value of the result
    settings: dict

    @property
    def agreement_label(self) -> str | None:
        return None if self.agreement is None else self.space.labels[self.agreement]

    @property
    def gain_shares(self) -> tuple:
        return tuple(float(v) for v in self.space.gain_shares(self.outcome))

    @property
    def distances(self) -> dict:
        return self.space.distances(self.outcome)

    def __str__(self) -> str:
        s, space = self.settings, self.space
        unit = f" {space.unit}" if space.unit else ""
        head = (f"Alternating offers over {len(space.labels)} packages, deadline {s['deadline']} rounds, "
                f"{space.sides[s['first']]} proposes first; discount " +
                ", ".join(f"{n} {d:.4g}" for n, d in zip(space.sides, s["discount"])))
        lines = [head, "; ".join(f"{n}: {a}" for n, a in zip(space.sides, self.agents))]
        if self.agreement is None:
            lines.append(f"No deal after {s['deadline']} rounds: each side keeps its reservation value")
        else:
            lines.append(f"Agreement in round {self.round}: {self.agreement_label}")
        lines.append("  " + ", ".join(f"{n} {_format.number(v, 4)}{unit} ({g:.0%} of its possible gain)"
                                      for n, v, g in zip(space.sides, self.outcome, self.gain_shares)))
        gaps = self.distances
        if gaps["frontier"] is not None:
            lines.append("  distance to the Pareto frontier " + _format.number(gaps["frontier"], 4)
                         + ", to the Nash package " + _format.number(gaps["nash"], 4)
                         + ", to the Kalai–Smorodinsky package " + _format.number(gaps["kalai_smorodinsky"], 4))
        else:
            lines.append("  no package is better than no deal for both sides")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        sides = self.space.sides
        return {
            "kind": "negotiation",
            "method": "alternating offers over packages",
            "sides": list(sides),
            "agents": dict(zip(sides, self.agents)),
            "agreement": self.agreement_label,
            "round": self.round,
            "outcome": dict(zip(sides, (float(v) for v in self.outcome))),
            "gain_shares": dict(zip(sides, self.gain_shares)),
            "distances": self.distances,
            "offers": [{"round": t, "by": sides[side], "package": None if k is None else self.space.labels[k]}
                       for t, side, k in self.offers],
            "settings": settings_for_json(self.settings, sides),
            "version": __version__,
        }


def settings_for_json(settings: dict, sides: tuple) -> dict:
    """The rules as JSON: the first proposer by name, the discount factors as a list."""
    return {**settings, "first": sides[settings["first"]], "discount": list(settings["discount"])}


def check_rules(space, deadline, discount, first) -> tuple[tuple, int]:
    """Checked discount factors (one per side) and the index of the first proposer."""
    if isinstance(deadline, bool) or not isinstance(deadline, (int, np.integer)) or not 1 <= deadline <= MAX_DEADLINE:
        raise ParameterError(f"deadline must be a whole number of rounds from 1 to {MAX_DEADLINE:,}, got {deadline!r}")
    pair = discount if isinstance(discount, (tuple, list)) else (discount, discount)
    if len(pair) != 2:
        raise ParameterError("discount is one factor or one per side")
    for value in pair:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ParameterError(f"a discount factor must lie in (0, 1], got {value!r}")
    if first in space.sides:
        first = space.sides.index(first)
    if first not in (0, 1) or isinstance(first, bool):
        raise ParameterError(f"first must name a side ({' or '.join(space.sides)}) or be 0 or 1, got {first!r}")
    return tuple(float(v) for v in pair), int(first)


def negotiate(space, agent_1, agent_2, deadline: int = 100, discount=1.0, first=0, seed=None) -> Negotiation:
    """Let two agents negotiate over ``space`` (an :func:`offer_space` or anything it accepts).

    ``agent_1`` plays the first side and ``agent_2`` the second; each is a
    built-in name (``"boulware"``, ``"tit_for_tat:opening=0.1"``) or an
    :class:`~negotiation.play.agents.AgentBase`. ``discount`` is one factor
    per round or one per side; ``first`` names the side that opens.
    """
    space = space if isinstance(space, OfferSpace) else offer_space(space)
    deltas, first = check_rules(space, deadline, discount, first)
    players = (resolve_agent(agent_1), resolve_agent(agent_2))
    rng = np.random.default_rng(seed)
    offers, agreement, when = play(space, players, deadline, deltas, first, rng)
    return Negotiation(space, tuple(p.label for p in players), tuple(offers), agreement, when,
                       outcome(space, agreement, when, deltas),
                       {"deadline": deadline, "discount": deltas, "first": first, "seed": seed})


def play(space: OfferSpace, players, deadline: int, deltas: tuple, first: int, rng) -> tuple[list, int | None, int | None]:
    """Run the protocol: the offers made, the package agreed (or None) and its round."""
    u, r = space.utilities, space.reservation
    views = [View(side, space.sides[side], space.labels, u[:, side], u[:, 1 - side], float(r[side]),
                  float(r[1 - side]), deadline, deltas[side], deltas[1 - side], side == first, rng)
             for side in (0, 1)]
    agents = [p.fresh() for p in players]
    for side in (0, 1):
        agents[side].reset(views[side])
    offers = []
    for t in range(1, deadline + 1):
        p = first if t % 2 == 1 else 1 - first
        offer = agents[p].propose(t)
        if offer is None:  # no offer this round
            offers.append((t, p, None))
            continue
        if isinstance(offer, bool) or not isinstance(offer, (int, np.integer)) or not 0 <= offer < len(space.labels):
            raise ParameterError(f"agent {agents[p].label} proposed {offer!r} in round {t}: a proposal is a "
                                 f"package index from 0 to {len(space.labels) - 1}, or None for no offer")
        offer = int(offer)
        offers.append((t, p, offer))
        views[p].made.append(offer)
        views[1 - p].received.append(offer)
        if agents[1 - p].accept(t, offer):
            return offers, offer, t
    return offers, None, None


def outcome(space: OfferSpace, agreement, when, deltas) -> tuple:
    """Each side's value: r + δ^(t-1) (u - r) for a deal in round t, r for none."""
    r = space.reservation
    if agreement is None:
        return tuple(float(v) for v in r)
    factor = np.array([d ** (when - 1) for d in deltas])
    return tuple(float(v) for v in r + factor * (space.utilities[agreement] - r))
