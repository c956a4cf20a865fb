"""The vocabulary of game trees: node kinds, node ids, and the nested specification.

A node id is the path of actions from the root (``"Tariff/Retaliate"``),
unless the author names the node. :func:`decision`, :func:`chance` and
:func:`outcome` describe a tree as nested values, for
:meth:`~negotiation.games.tree.GameTree.from_nested`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..errors import LabelError

__all__ = ["ROOT", "DECISION", "CHANCE", "TERMINAL", "Decision", "Chance", "Outcome", "decision", "chance", "outcome",
           "child_id", "where"]

ROOT = ""  # the root's node id: the empty path
DECISION, CHANCE, TERMINAL = "decision", "chance", "terminal"
KIND_NAMES = {0: TERMINAL, 1: DECISION, 2: CHANCE}  # the codes of CompiledTree.kind
KIND_CODES = {TERMINAL: 0, DECISION: 1, CHANCE: 2}


@dataclass(frozen=True)
class Outcome:
    payoffs: tuple
    name: str | None = None


@dataclass(frozen=True)
class Decision:
    player: str
    moves: Mapping[str, Any]
    infoset: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Chance:
    moves: Mapping[str, tuple]  # action -> (probability, subtree)
    name: str | None = None


def outcome(*payoffs: Any, name: str | None = None) -> Outcome:
    """A terminal node with one payoff per player."""
    return Outcome(tuple(payoffs), name)


def decision(player: str, moves: Mapping[str, Any], infoset: str | None = None, name: str | None = None) -> Decision:
    """A decision node of ``player``: ``{action: subtree}``; ``infoset`` names its information set."""
    return Decision(player, moves, infoset, name)


def chance(moves: Mapping[str, tuple], name: str | None = None) -> Chance:
    """A chance node: ``{outcome label: (probability, subtree)}``."""
    return Chance(moves, name)


def child_id(parent: str, action: str, spec: Any) -> str:
    """A child's node id: the name its spec gives, else the path of actions from the root."""
    name = getattr(spec, "name", None)
    if name:
        return name
    if not isinstance(action, str):
        raise LabelError(f"action labels must be strings, got {action!r} at {where(parent)}")
    return action if parent == ROOT else f"{parent}/{action}"


def where(node: str) -> str:
    """A node for error messages: its id quoted, or 'the root'."""
    return "the root" if node == ROOT else repr(node)
