r"""Negotiation agents: who proposes what, and what each accepts, in alternating offers.

An agent plays one side of an alternating-offers negotiation over a set of
packages (see :mod:`negotiation.play.offers`). It sees both sides' utilities
for every package (complete information, as in Rubinstein's model), both
reservation values, discount factors and the deadline, and the offers made so
far. Built-in agents:

* ``time_dependent``: concede over time towards the reservation value,
  aspiring to :math:`r + (1 - (t/T)^{1/e})(u_{\max} - r)` in round :math:`t`
  of :math:`T` (Faratin, Sierra & Jennings 1998), with concession exponent
  ``exponent`` :math:`e`;
* ``boulware`` (:math:`e = 0.2`, holds out until near the deadline),
  ``linear`` (:math:`e = 1`) and ``conceder`` (:math:`e = 5`, gives ground early);
* ``tit_for_tat``: mirror the other side's last concession, measured as a
  share of each side's possible gain and rounded up to the next package
  (``opening``: the share conceded first when neither side has moved);
* ``hard_liner``: ask for its best package among those the other side
  prefers to no deal, and accept nothing less;
* ``nash``: propose the Nash bargaining package and accept anything at least
  as good for itself;
* ``rubinstein``: the subgame-perfect strategy of the game with this deadline
  and these discount factors, found by backward induction over the packages;
* ``random``: propose a package at least as good as no deal, drawn at random,
  and accept such an offer with probability ``accept``.

Each agent offers, among the packages that meet its aspiration, the one the
other side values most, so offers run along the Pareto frontier where they can.

Write your own by subclassing :class:`AgentBase`: ``propose(round)`` returns a
package index (or None to make no offer) and ``accept(round, offer)`` a bool; ``self.view`` holds what the
agent sees (a :class:`View`).

Examples
--------
>>> import negotiation as ng
>>> "boulware" in ng.agents()
True
>>> ng.agent("time_dependent", exponent=0.5).label
'time_dependent:exponent=0.5'
"""

from __future__ import annotations

import copy
import inspect
from dataclasses import dataclass, field

import numpy as np

from ..errors import ParameterError
from .offer_equilibrium import subgame_perfect_plan
from .strategies import parse_spec

__all__ = ["AgentBase", "View", "agent", "agents", "resolve_agent"]

_TOL = 1e-9


@dataclass
class View:
    """What an agent sees: its side, both utilities, the rules, and the offers so far.

    ``mine`` and ``theirs`` are arrays over packages; rounds run 1..``deadline``;
    ``first`` is whether this side proposes in odd rounds.
    """

    side: int
    side_name: str
    labels: tuple
    mine: np.ndarray
    theirs: np.ndarray
    reservation: float
    their_reservation: float
    deadline: int
    discount: float
    their_discount: float
    first: bool
    rng: np.random.Generator = field(repr=False)
    made: list = field(default_factory=list)  # package indices this side offered
    received: list = field(default_factory=list)  # package indices the other side offered

    @property
    def top(self) -> float:
        return float(self.mine.max())

    @property
    def their_top(self) -> float:
        return float(self.theirs.max())

    def best_offer(self, aspiration: float) -> int | None:
        """Among the packages worth at least ``aspiration`` to me, the one the other side values most.

        None (make no offer) when every package is worse for me than no deal.
        """
        if not self.at_least(int(np.argmax(self.mine)), self.reservation):
            return None
        scale = _TOL * max(1.0, abs(self.top), abs(aspiration))
        eligible = self.mine >= aspiration - scale
        if not eligible.any():
            eligible = self.mine >= self.top - scale
        their = np.where(eligible, self.theirs, -np.inf)
        best = their.max()
        ties = np.flatnonzero(eligible & (their >= best - _slack(best)))
        return int(ties[np.argmax(self.mine[ties])])

    def at_least(self, offer: int, level: float) -> bool:
        return bool(self.mine[offer] >= level - _slack(level))


class AgentBase:
    """A negotiation agent. Subclass it and define :meth:`propose` and :meth:`accept`.

    A fresh copy of the agent plays each negotiation; :meth:`reset` gives it
    its :class:`View` before the first round.
    """

    name = "agent"
    params: dict = {}
    stochastic = True  # False promises the same moves every time: a tournament then plays each pairing once

    @property
    def label(self) -> str:
        if not self.params:
            return self.name
        return self.name + ":" + ",".join(f"{k}={v}" for k, v in sorted(self.params.items()))

    def reset(self, view: View) -> None:
        self.view = view

    def propose(self, round: int) -> int | None:
        """The package index offered in this round, or None to make no offer."""
        raise ParameterError(f"agent {self.label} defines no propose(round): a subclass of AgentBase "
                             "defines propose and accept")

    def accept(self, round: int, offer: int) -> bool:
        """Whether to accept the other side's ``offer`` (a package index) in this round."""
        raise ParameterError(f"agent {self.label} defines no accept(round, offer): a subclass of AgentBase "
                             "defines propose and accept")

    def fresh(self) -> "AgentBase":
        return copy.deepcopy(self)

    def __repr__(self) -> str:
        return f"agent {self.label}"


class TimeDependent(AgentBase):
    """Concede over time: aspiration r + (1 - (t/T)^(1/exponent)) (best - r)."""

    name = "time_dependent"
    stochastic = False

    def __init__(self, exponent: float = 1.0):
        _positive(exponent, "exponent", self.name)
        self.exponent = float(exponent)
        self.params = {} if exponent == 1 else {"exponent": exponent}

    def aspiration(self, round: int) -> float:
        v = self.view
        floor = _floor(v.mine, v.reservation)
        conceded = (round / v.deadline) ** (1 / self.exponent)
        return floor + (1 - conceded) * (v.top - floor)

    def propose(self, round):
        return self.view.best_offer(self.aspiration(round))

    def accept(self, round, offer):
        return self.view.at_least(offer, self.aspiration(round))


class _Named(TimeDependent):
    def __init__(self):
        super().__init__(self.exponent)
        self.params = {}


class Boulware(_Named):
    """Hold out, then concede near the deadline (time-dependent, exponent 0.2)."""

    name, exponent = "boulware", 0.2


class Linear(_Named):
    """Concede at a steady pace (time-dependent, exponent 1)."""

    name, exponent = "linear", 1.0


class Conceder(_Named):
    """Give ground early (time-dependent, exponent 5)."""

    name, exponent = "conceder", 5.0


class TitForTat(AgentBase):
    """Mirror each concession of the other side (as a share of each side's possible gain), rounded up to a package."""

    name = "tit_for_tat"
    stochastic = False

    def __init__(self, opening: float = 0.05):
        if isinstance(opening, bool) or not isinstance(opening, (int, float)) or not 0 <= opening <= 1:
            raise ParameterError(f"agent tit_for_tat: opening must lie in [0, 1], got {opening!r}")
        self.opening = float(opening)
        self.params = {} if opening == 0.05 else {"opening": opening}

    def reset(self, view):
        super().reset(view)
        self.level = view.top

    def _next_level(self) -> float:
        """Mirror the other side's last concession; open with ``opening`` if it has shown none yet."""
        v = self.view
        if not v.made and not v.received:
            return self.level
        floor = _floor(v.mine, v.reservation)
        shares = [self._their_share(k) for k in v.received[-2:]]
        step = shares[-1] - (shares[0] if len(shares) == 2 else 0.0) if shares else 0.0
        if step <= 0 and self.level >= v.top and v.made:  # neither side has moved yet: open
            step = self.opening
        level = min(self.level, self.level - max(step, 0.0) * (v.top - floor))
        return self._round_to_package(max(level, floor), floor)

    def _their_share(self, package: int) -> float:
        """How far an offer of theirs is from their best package, as a share of their possible gain."""
        v = self.view
        span = max(v.their_top - _floor(v.theirs, v.their_reservation), _TOL)
        return min(max((v.their_top - v.theirs[package]) / span, 0.0), 1.0)

    def _round_to_package(self, level: float, floor: float) -> float:
        """Packages are discrete: concede at least as far as the mirror says, to the nearest package that does."""
        v = self.view
        offer = v.best_offer(level)
        if offer is None or v.mine[offer] <= level + _slack(level):
            return level
        further = (v.mine < level) & (v.mine >= floor) & (v.theirs > v.theirs[offer])
        return float(v.mine[further].max()) if further.any() else level

    def propose(self, round):
        self.level = self._next_level()
        return self.view.best_offer(self.level)

    def accept(self, round, offer):
        return self.view.at_least(offer, self._next_level())


class HardLiner(AgentBase):
    """Ask for its best package among those the other side prefers to no deal, and accept nothing less."""

    name = "hard_liner"
    stochastic = False

    def reset(self, view):
        super().reset(view)
        acceptable = (view.theirs >= view.their_reservation - _slack(view.their_reservation)) & \
            (view.mine >= view.reservation - _slack(view.reservation))  # the deal range
        self.demand = float(view.mine[acceptable].max()) if acceptable.any() else view.top

    def propose(self, round):
        return self.view.best_offer(self.demand)

    def accept(self, round, offer):
        return self.view.at_least(offer, max(self.demand, self.view.reservation))


class NashProposer(AgentBase):
    """Propose the Nash bargaining package; accept anything at least as good for itself."""

    name = "nash"
    stochastic = False

    def reset(self, view):
        super().reset(view)
        gains = np.stack([view.mine - view.reservation, view.theirs - view.their_reservation])
        acceptable = (gains >= -_TOL).all(axis=0)
        if acceptable.any():
            product = np.where(acceptable, np.clip(gains, 0, None).prod(axis=0), -np.inf)
            ties = np.flatnonzero(product >= product.max() - _slack(product.max()))
            self.target = int(ties[np.argmax(gains[:, ties].sum(axis=0))])
        else:
            self.target = None

    def propose(self, round):
        return self.target

    def accept(self, round, offer):
        return self.target is not None and self.view.at_least(offer, self.view.mine[self.target])


class SubgamePerfect(AgentBase):
    """Rubinstein's subgame-perfect strategy for this deadline and these discount factors."""

    name = "rubinstein"
    stochastic = False

    def reset(self, view):
        super().reset(view)
        utilities = np.stack([view.mine, view.theirs], axis=1)
        plan = subgame_perfect_plan(utilities, (view.reservation, view.their_reservation),
                                    (view.discount, view.their_discount), view.deadline, 0 if view.first else 1)
        self.proposals, self.thresholds = plan["proposals"], plan["thresholds"][:, 0]

    def propose(self, round):
        k = int(self.proposals[round - 1])
        return None if k < 0 else k

    def accept(self, round, offer):
        v = self.view
        value = v.discount ** (round - 1) * (v.mine[offer] - v.reservation)
        return bool(value >= self.thresholds[round - 1] - _slack(self.thresholds[round - 1]))


class RandomAgent(AgentBase):
    """Propose a random package at least as good as no deal; accept such an offer with probability ``accept``."""

    name = "random"

    def __init__(self, accept: float = 0.5):
        if not isinstance(accept, (int, float)) or not 0 <= accept <= 1:
            raise ParameterError(f"agent random: accept must lie in [0, 1], got {accept!r}")
        self.chance = float(accept)
        self.params = {} if accept == 0.5 else {"accept": accept}

    def propose(self, round):
        v = self.view
        options = np.flatnonzero(v.mine >= v.reservation - _slack(v.reservation))
        if not len(options):
            return None
        return int(v.rng.choice(options))

    def accept(self, round, offer):
        return self.view.at_least(offer, self.view.reservation) and bool(self.view.rng.random() < self.chance)


def _slack(level) -> float:
    """Rounding allowed when comparing with ``level``: relative to its size, at least absolute."""
    return _TOL * max(1.0, abs(float(level)))


def _floor(utilities, reservation) -> float:
    """The least an agent settles for: no deal, or the worst package if every package beats it."""
    return max(reservation, float(utilities.min()))


def _positive(value, name, agent_name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0 or value != value:
        raise ParameterError(f"agent {agent_name}: {name} must be a positive number, got {value!r}")


_AGENTS = {cls.name: cls for cls in (TimeDependent, Boulware, Linear, Conceder, TitForTat, HardLiner,
                                     NashProposer, SubgamePerfect, RandomAgent)}


def agents() -> tuple[str, ...]:
    """The names of the built-in agents."""
    return tuple(_AGENTS)


def agent(name: str, **params) -> AgentBase:
    """A built-in agent by name, with its parameters."""
    if name not in _AGENTS:
        raise ParameterError(f"unknown agent {name!r}; the built-in agents are " + ", ".join(agents()))
    cls = _AGENTS[name]
    allowed = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise ParameterError(f"agent {name!r} has no parameter {unknown[0]!r}"
                             + (f"; its parameters are {', '.join(allowed)}" if allowed else "; it takes none"))
    return cls(**params)


def describe(name: str) -> str:
    """The first line of a built-in agent's description."""
    return (_AGENTS[name].__doc__ or "").strip().splitlines()[0]


def resolve_agent(spec) -> AgentBase:
    """An agent from a name, ``"name:key=value,…"``, or an :class:`AgentBase` instance."""
    if isinstance(spec, AgentBase):
        return spec
    name, params = parse_spec(spec, "agent")
    return agent(name, **params)
