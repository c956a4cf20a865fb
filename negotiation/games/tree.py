r"""Extensive-form games: sequential moves as a tree, stored as a networkx DiGraph.

A game tree has three kinds of node:

* **decision** nodes, where a player chooses an action; each belongs to an
  *information set* (nodes the player cannot tell apart, which must offer the
  same actions);
* **chance** nodes, whose labelled outcomes have probabilities summing to 1;
* **terminal** nodes, with one payoff per player (float, exact or symbolic).

Every edge carries an action label. Node ids are readable paths from the
root (``"Threaten/Retaliate"``), so error messages and results point at the
place in the story.

Build a tree with the nested helpers :func:`decision`, :func:`chance` and
:func:`outcome`, or node by node with the ``add_*`` methods. The underlying
graph is :attr:`GameTree.graph`.

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(
...     ("U.S.", "China"),
...     ng.decision("U.S.", {
...         "Tariff": ng.decision("China", {
...             "Retaliate": ng.outcome(-1, -2),
...             "Concede": ng.outcome(2, -1)}),
...         "No tariff": ng.outcome(0, 0)}))
>>> tree.num_nodes, tree.children("Tariff")
(5, (('Retaliate', 'Tariff/Retaliate'), ('Concede', 'Tariff/Concede')))
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .. import _format
from ..errors import GameError, LabelError, SymbolicPayoffError
from .arithmetic import FLOAT, SYMBOLIC, combined_kind
from .compiled_tree import CompiledTree
from .tree_checks import check_graph, exactness, move_probability, require_perfect_recall, terminal_payoffs
from .tree_nodes import (CHANCE, DECISION, KIND_CODES, KIND_NAMES, ROOT, TERMINAL, Chance, Decision, Outcome, chance,
                         decision, outcome, where)

__all__ = ["GameTree", "decision", "chance", "outcome", "Decision", "Chance", "Outcome", "ROOT"]


# ---------------------------------------------------------------------- the tree
class GameTree(_format.Displays):
    """A finite extensive-form game with labelled players, actions and information sets."""

    def __init__(self, players: Sequence[str], title: str = ""):
        import networkx as nx

        if isinstance(players, str) or not players:
            raise LabelError("a game tree needs a sequence of player names")
        names = tuple(players)
        for p in names:
            if not isinstance(p, str) or not p.strip():
                raise LabelError(f"player names must be non-empty strings, got {p!r}")
        if len(set(names)) != len(names):
            raise LabelError(f"player names must be unique: {names}")
        self.players = names
        self.title = title
        self._graph = nx.DiGraph()
        self._checked = False
        self._compiled = None

    @property
    def graph(self):
        """The tree as a ``networkx.DiGraph``: node attributes ``kind``, ``player``,
        ``infoset``, ``payoffs``; edge attributes ``action``, ``probability``.

        Trees built by :meth:`from_arrays` create it on first use.
        """
        if self._graph is None:
            import networkx as nx

            from .tree_arrays import fill_graph

            self._graph = nx.DiGraph()
            fill_graph(self._graph, self._compiled)
        return self._graph

    # -------------------------------------------------------------- building
    @classmethod
    def from_nested(cls, players: Sequence[str], root: Any, title: str = "") -> "GameTree":
        """Build a tree from :func:`decision`, :func:`chance` and :func:`outcome` specs.

        The specs are validated and compiled to the solvers' array form in one walk; the networkx graph is
        built the first time :attr:`graph` is used (a Monte Carlo that builds a small tree per draw never
        needs it).
        """
        from .tree_nested import build_from_nested

        return build_from_nested(cls, players, root, title)

    @classmethod
    def from_arrays(
        cls,
        players: Sequence[str],
        parent: Any,
        action: Sequence[str],
        player: Any,
        payoffs: Any,
        probability: Any = None,
        node_ids: Sequence[str] | None = None,
        title: str = "",
    ) -> "GameTree":
        """Build a large perfect-information tree from arrays, validated in bulk.

        Parameters
        ----------
        parent : int array (n,)
            Index of each node's parent; -1 for the root (exactly one).
        action : sequence of n str
            Label of the move into each node (the root's is ignored).
        player : int array (n,)
            For nodes with children: the mover's index, or -1 for a chance node.
        payoffs : float array (n, number of players)
            Rows of nodes without children are their payoffs; other rows are ignored.
        probability : float array (n,), optional
            Probability of the move into each child of a chance node.
        node_ids : sequence of n str, optional
            Readable ids (default: the index as text, the root as "").

        Examples
        --------
        >>> import numpy as np, negotiation as ng
        >>> tree = ng.GameTree.from_arrays(
        ...     ("A", "B"), parent=[-1, 0, 0], action=["", "left", "right"],
        ...     player=[0, -1, -1], payoffs=[[0, 0], [1, 2], [3, 0]])
        >>> ng.backward_induction(tree)[0].describe()
        'path: right; payoffs 3, 0'
        """
        from .tree_arrays import build_from_arrays

        return build_from_arrays(cls, players, parent, action, player, payoffs, probability, node_ids, title)

    def add_decision(self, node: str, player: str | int, infoset: str | None = None) -> str:
        """Add a decision node; ``infoset`` defaults to a singleton set named after the node."""
        i = self.player_index(player)
        self._new_node(node, kind=DECISION, player=i, infoset=infoset if infoset is not None else f"{node}")
        self.graph.nodes[node]["own_infoset"] = infoset is None
        return node

    def add_chance(self, node: str) -> str:
        self._new_node(node, kind=CHANCE)
        return node

    def add_terminal(self, node: str, payoffs: Sequence[Any]) -> str:
        values, kind = terminal_payoffs(node, payoffs, self.players)
        self._new_node(node, kind=TERMINAL, payoffs=values, payoff_kind=kind)
        return node

    def add_move(self, parent: str, child: str, action: str, probability: Any = None) -> None:
        """Connect ``parent`` to ``child`` by ``action`` (with a probability at chance nodes)."""
        if parent not in self.graph:
            raise GameError(f"add the node {where(parent)} before its moves")
        if child not in self.graph:
            self.graph.add_node(child, kind=None)
        if not isinstance(action, str) or not action.strip():
            raise LabelError(f"moves from {where(parent)} need a non-empty action label, got {action!r}")
        labels = self._action_labels(parent)
        if action in labels:
            raise LabelError(f"{where(parent)} has two moves labelled {action!r}")
        kind = self.graph.nodes[parent]["kind"]
        if kind == CHANCE:
            if probability is None:
                raise GameError(f"chance move {action!r} at {where(parent)} needs a probability")
            probability = move_probability(probability, parent, action)
        elif probability is not None:
            raise GameError(f"only chance moves carry probabilities ({where(parent)}, {action!r})")
        self.graph.add_edge(parent, child, action=action, probability=probability)
        labels.add(action)
        self._touch()

    def _action_labels(self, parent: str) -> set:
        """The labels of ``parent``'s moves, kept as a set so that a node with 20,000 moves is not quadratic."""
        cache = self.__dict__.setdefault("_labels", {})
        if parent not in cache:
            cache[parent] = {data["action"] for _, _, data in self.graph.out_edges(parent, data=True)}
        return cache[parent]

    def _new_node(self, node: str, **attributes: Any) -> None:
        if not isinstance(node, str):
            raise LabelError(f"node ids are strings, got {node!r}")
        if node in self.graph and self.graph.nodes[node].get("kind") is not None:
            raise LabelError(f"the node {where(node)} already exists")
        self.graph.add_node(node, **attributes)
        self._touch()

    def _touch(self) -> None:
        self._checked = False
        self._compiled = None

    # -------------------------------------------------------------- access
    @property
    def num_nodes(self) -> int:
        return len(self._compiled.order) if self._compiled is not None else self.graph.number_of_nodes()

    @property
    def root(self) -> str:
        self.check()
        return self._root

    def player_index(self, player: str | int) -> int:
        if isinstance(player, (int, np.integer)) and not isinstance(player, bool):
            if 0 <= player < len(self.players):
                return int(player)
            raise LabelError(f"player index {player} is out of range")
        if player not in self.players:
            raise LabelError(f"unknown player {player!r}; the players are {', '.join(self.players)}")
        return self.players.index(player)

    def _at(self, node: str) -> int:
        c = self.compiled()
        try:
            return c.index[node]
        except KeyError:
            raise LabelError(f"the tree has no node {node!r}") from None

    def kind(self, node: str) -> str:
        return KIND_NAMES[int(self.compiled().kind[self._at(node)])]

    def player_of(self, node: str) -> str:
        return self.players[int(self.compiled().player[self._at(node)])]

    def infoset_of(self, node: str) -> str:
        return self.compiled().infoset[self._at(node)]

    def payoffs_of(self, node: str) -> tuple:
        return self.compiled().payoffs[self._at(node)]

    def children(self, node: str) -> tuple[tuple[str, str], ...]:
        """``(action, child)`` pairs in the order they were added."""
        c, k = self.compiled(), self._at(node)
        start = int(c.first_child[k])
        return tuple((c.actions[j], c.order[j]) for j in range(start, start + int(c.num_children[k])))

    def probabilities(self, node: str) -> dict[str, Any]:
        """``{action: probability}`` at a chance node."""
        c, k = self.compiled(), self._at(node)
        start = int(c.first_child[k])
        return {c.actions[j]: c.probability[j] for j in range(start, start + int(c.num_children[k]))}

    def actions(self, node: str) -> tuple[str, ...]:
        return tuple(action for action, _ in self.children(node))

    def parent(self, node: str) -> str | None:
        c = self.compiled()
        up = int(c.parent[self._at(node)])
        return c.order[up] if up >= 0 else None

    def history(self, node: str) -> tuple[str, ...]:
        """The actions on the path from the root to ``node``."""
        c = self.compiled()
        k = self._at(node)
        actions = []
        while k > 0:
            actions.append(c.actions[k])
            k = int(c.parent[k])
        return tuple(reversed(actions))

    def nodes(self, kind: str | None = None) -> list[str]:
        """Nodes in breadth-first order from the root, optionally of one kind."""
        c = self.compiled()
        if kind is None:
            return list(c.order)
        code = KIND_CODES[kind]
        return [c.order[k] for k in np.flatnonzero(c.kind == code)]

    def infosets(self) -> dict[str, list[str]]:
        """``{information set: [its nodes]}`` in breadth-first order (cached)."""
        compiled = self.compiled()
        if compiled.infosets is None:
            result: dict[str, list[str]] = {}
            for node, kind, infoset in zip(compiled.order, compiled.kind, compiled.infoset):
                if kind == 1:
                    result.setdefault(infoset, []).append(node)
            compiled.infosets = result
        return compiled.infosets

    def infoset_player(self, infoset: str) -> str:
        return self.player_of(self.infosets()[infoset][0])

    def infoset_label(self, infoset: str) -> str:
        """A readable name: the given name, or the history leading to its first node."""
        first = self.infosets()[infoset][0]
        if self.compiled().named[self._at(first)]:
            return infoset
        history = self.history(first)
        return ", ".join(history) if history else "start"

    @property
    def kind_of_payoffs(self) -> str:
        if self._graph is None:
            return combined_kind(k for k in self._compiled.payoff_kinds if k) if self._compiled.payoff_kinds else FLOAT
        return combined_kind(d["payoff_kind"] for _, d in self.graph.nodes(data=True) if d.get("kind") == TERMINAL)

    @property
    def is_exact(self) -> bool:
        """Exact when some input is exact (Fractions) and none is a float, as for matrix games."""
        if self._graph is None:
            return self._compiled.exact
        kinds = {d["payoff_kind"] for _, d in self.graph.nodes(data=True) if d.get("kind") == TERMINAL}
        probabilities = [d["probability"] for _, _, d in self.graph.edges(data=True) if d["probability"] is not None]
        return exactness(kinds, probabilities)

    @property
    def is_perfect_information(self) -> bool:
        return all(len(nodes) == 1 for nodes in self.infosets().values())

    def __repr__(self) -> str:
        return f"<GameTree {self.num_nodes} nodes: {', '.join(self.players)}>"

    # -------------------------------------------------------------- other views
    def to_normal_form(self):
        """The reduced normal form as a :class:`NormalFormGame` with readable strategy names."""
        from .tree_normal_form import to_normal_form

        return to_normal_form(self)

    @classmethod
    def from_normal_form(cls, game) -> "GameTree":
        """A simultaneous-move game as a tree with one information set per player."""
        from .tree_normal_form import from_normal_form

        return from_normal_form(game)

    def __str__(self) -> str:
        """An indented outline: one line per move."""
        lines = [self.title or f"game tree: {', '.join(self.players)}"]
        c = self.compiled()
        stack = [(0, 0)]
        while stack:
            k, depth = stack.pop()
            node = c.order[k]
            chance_note = f" ({_format.number(c.probability[k])})" if c.probability[k] is not None else ""
            head = "  " * depth + (f"{c.actions[k]}{chance_note}: " if k else "")
            if c.kind[k] == 0:
                lines.append(head + "payoffs " + ", ".join(_format.number(v) for v in c.payoffs[k]))
                continue
            if c.kind[k] == 1:
                infoset = self.infoset_of(node)
                shared = len(self.infosets()[infoset]) > 1
                lines.append(head + f"{self.player_of(node)} moves" + (f" [{infoset}]" if shared else ""))
            else:
                lines.append(head + "chance")
            children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
            stack.extend((j, depth + 1) for j in reversed(children))
        return "\n".join(lines)

    # -------------------------------------------------------------- validation
    def check(self) -> "GameTree":
        """Validate the whole tree (cached until the tree changes); return it."""
        if not self._checked:
            self._root = check_graph(self.graph, self.players)
            self._checked = True
        return self

    def require_perfect_recall(self, purpose: str) -> None:
        """Raise unless every player remembers their own past information sets and actions."""
        self.check()
        if not self.is_perfect_information:
            require_perfect_recall(self.compiled(), self.players, purpose)

    def require_numeric(self, purpose: str) -> None:
        if self.kind_of_payoffs == SYMBOLIC:
            raise SymbolicPayoffError(f"{purpose} needs numeric payoffs; substitute the parameters first")

    # -------------------------------------------------------------- array form
    def compiled(self) -> "CompiledTree":
        """Arrays for fast solving: breadth-first order, children ranges, payoffs."""
        if self._compiled is None:
            self.check()
            self._compiled = CompiledTree.from_tree(self)
        return self._compiled
