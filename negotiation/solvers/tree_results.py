"""Result types of the game-tree solvers: subgame-perfect equilibria and threat reports.

Examples
--------
>>> import negotiation as ng
>>> entry = ng.GameTree(("Entrant", "Incumbent"))
>>> for node, player in (("", "Entrant"), ("Enter", "Incumbent")):
...     _ = entry.add_decision(node, player)
>>> for node, payoffs in (("Enter/Fight", (-1, -1)), ("Enter/Accommodate", (1, 1)), ("Stay out", (0, 2))):
...     _ = entry.add_terminal(node, payoffs)
...     parent, _, action = node.rpartition("/")
...     entry.add_move(parent, node, action)
>>> entry.add_move("", "Enter", "Enter")
>>> spe = ng.backward_induction(entry)[0]
>>> spe.choices
{'': 'Enter', 'Enter': 'Accommodate'}
>>> spe.describe()
'path: Enter → Accommodate; payoffs 1, 1'
>>> report = ng.credible_threats(entry, {"": "Stay out", "Enter": "Fight"})
>>> [threat.credible for threat in report.threats]
[False]
>>> print(report)
Incumbent at Enter: threatens Fight (payoff -1), but would rather Accommodate (payoff 1): NOT credible
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .. import __version__, _format
from ..games.tree import GameTree
from .results import EquilibriumSequence

__all__ = ["SubgamePerfectEquilibrium", "SubgamePerfectResult", "Threat", "ThreatReport"]


def _describe_choice(choice: dict) -> str:
    if len(choice) == 1:
        return next(iter(choice))
    return ", ".join(f"{a} {_format.number(p)}" for a, p in choice.items())


@dataclass(frozen=True, eq=False)
class SubgamePerfectEquilibrium:
    """One subgame-perfect equilibrium.

    Attributes
    ----------
    behaviour : dict
        ``{information set: {action: probability}}`` at every information set,
        on and off the equilibrium path.
    payoffs : tuple
        Each player's expected payoff at the root.
    path : tuple
        ``(node, action, probability)`` for every move made with positive
        probability, in breadth-first order.
    values : dict
        The expected payoff vector at every node, under this equilibrium.
    """

    behaviour: dict
    payoffs: tuple
    path: tuple
    values: dict = field(repr=False)
    players: tuple = ()
    tree: GameTree | None = field(default=None, repr=False)

    @property
    def is_pure(self) -> bool:
        return all(len(choice) == 1 for choice in self.behaviour.values())

    @property
    def choices(self) -> dict[str, Any]:
        """``{information set: action}`` for pure choices, ``{action: probability}`` for mixed ones."""
        return {s: (next(iter(c)) if len(c) == 1 else dict(c)) for s, c in self.behaviour.items()}

    def describe(self) -> str:
        moves = " → ".join(action for _, action, _ in self.path) or "(no moves)"
        return f"path: {moves}; payoffs {', '.join(_format.number(v) for v in self.payoffs)}"

    def __str__(self) -> str:
        return self.describe()

    def _label(self, infoset: str) -> str:
        return self.tree.infoset_label(infoset) if self.tree is not None else infoset

    def to_dict(self) -> dict:
        return {
            "behaviour": {self._label(s): _format.plain(c) for s, c in self.behaviour.items()},
            "payoffs": {p: _format.plain(v) for p, v in zip(self.players, self.payoffs)},
            "path": [[node, action, _format.plain(p)] for node, action, p in self.path],
        }


@dataclass(frozen=True, eq=False)
class SubgamePerfectResult(EquilibriumSequence):
    """Subgame-perfect equilibria of a tree, with how they were found.

    ``complete`` is False when there were more equilibria than ``limit`` (see
    ``count_bound``) or when a subgame was solved by a method that need not
    find every equilibrium. ``ties`` lists the nodes where a player was
    indifferent between actions.
    """

    equilibria: tuple[SubgamePerfectEquilibrium, ...]
    tree: GameTree = field(repr=False)
    method: str
    complete: bool = True
    ties: tuple[str, ...] = ()
    count_bound: int | None = None
    subgames: tuple[str, ...] = ()
    message: str = ""
    version: str = __version__

    def _rows(self):
        header = ["#", "path", "payoffs"]
        rows = []
        for k, eq in enumerate(self.equilibria, 1):
            rows.append([str(k), " → ".join(a for _, a, _ in eq.path), ", ".join(_format.number(v) for v in eq.payoffs)])
        plan_rows = []
        if self.equilibria:
            first = self.equilibria[0]
            for infoset, choice in first.behaviour.items():
                player = self.tree.infoset_player(infoset)
                plan_rows.append([player, self.tree.infoset_label(infoset), _describe_choice(choice)])
        return header, rows, plan_rows

    def __str__(self) -> str:
        header, rows, plan_rows = self._rows()
        count = len(self)
        status = f"{count} subgame-perfect equilibri{'um' if count == 1 else 'a'} by {self.method}; "
        status += "complete" if self.complete else "not necessarily all"
        if self.ties:
            status += f"; ties at {len(self.ties)} node(s)"
        lines = [status, _format.text_table(header, rows)]
        if plan_rows:
            lines.append("strategies in equilibrium #1 (every information set, on and off the path):")
            lines.append(_format.text_table(["player", "where", "chooses"], plan_rows))
        if self.message:
            lines.append(self.message)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        header, rows, plan_rows = self._rows()
        return _format.html_table(header, rows) + _format.html_table(["player", "where", "chooses"], plan_rows)

    def _repr_latex_(self) -> str:
        header, rows, _ = self._rows()
        return "$$" + _format.latex_table(header, rows).replace("\n", " ") + "$$"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "complete": self.complete,
            "ties": list(self.ties),
            # JSON readers lose integers past 2^53; a bound like 2^16383 is given as words.
            "count_bound": self.count_bound if self.count_bound is None or self.count_bound < 2**53
            else f"about 10^{int(self.count_bound.bit_length() * 0.30103)}",
            "subgames": list(self.subgames),
            "equilibria": [e.to_dict() for e in self.equilibria],
            "message": self.message,
            "version": self.version,
        }


@dataclass(frozen=True)
class Threat(_format.Displays):
    """What a profile prescribes at a node off its path, and whether the mover would do it."""

    node: str
    player: str
    where: str
    threatened: dict
    best: tuple[str, ...]
    payoff_if_carried_out: Any
    best_payoff: Any
    credible: bool
    alternative: tuple[str, ...] = ()  # the best moves outside the threatened ones (none if all are threatened)
    alternative_payoff: Any = None

    def __str__(self) -> str:
        head = (f"{self.player} at {self.where}: threatens {_describe_choice(self.threatened)} "
                f"(payoff {_format.number(self.payoff_if_carried_out)})")
        if not self.credible:
            return (f"{head}, but would rather {' or '.join(self.best)} "
                    f"(payoff {_format.number(self.best_payoff)}): NOT credible")
        if not self.alternative:
            return f"{head}, and has no other move: credible"
        return (f"{head}, and {' or '.join(self.alternative)} would give it no more "
                f"(payoff {_format.number(self.alternative_payoff)}): credible")


@dataclass(frozen=True, eq=False)
class ThreatReport(_format.Displays):
    """Every off-path threat in a profile, each judged credible or not."""

    threats: tuple[Threat, ...]
    tree: GameTree = field(repr=False)

    def __iter__(self) -> Iterator[Threat]:
        return iter(self.threats)

    def __len__(self) -> int:
        return len(self.threats)

    @property
    def all_credible(self) -> bool:
        return all(t.credible for t in self.threats)

    @property
    def not_credible(self) -> tuple[Threat, ...]:
        return tuple(t for t in self.threats if not t.credible)

    def __str__(self) -> str:
        if not self.threats:
            return "no decision node lies off the path: nothing is threatened"
        return "\n".join(str(t) for t in self.threats)

    def to_dict(self) -> dict:
        return {
            "method": "credible threats (best replies in each subgame)",
            "version": __version__,
            "threats": [
                {
                    "node": t.node,
                    "player": t.player,
                    "where": t.where,
                    "threatened": _format.plain(t.threatened),
                    "best": list(t.best),
                    "payoff_if_carried_out": _format.plain(t.payoff_if_carried_out),
                    "best_payoff": _format.plain(t.best_payoff),
                    "alternative": list(t.alternative),
                    "alternative_payoff": _format.plain(t.alternative_payoff),
                    "credible": t.credible,
                }
                for t in self.threats
            ]
        }
