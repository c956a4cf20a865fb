"""The ``[tree]`` table of a scenario file: nodes by path, checked, and built into a GameTree on demand.

Each node sits ``at`` the path of moves from the root (``""`` for the root)
and is a decision (``player`` and ``moves``), a chance node (``chance``, a
table of move = probability) or an outcome (``payoffs``). Probabilities and
payoffs are expressions in the scenario's parameters.
"""

from __future__ import annotations

from typing import Callable

from ..games.tree_nodes import child_id
from .documents import MAX_ITEMS, describe

__all__ = ["read_tree"]


def read_tree(reader, players: tuple, names: set) -> Callable:
    """The ``[tree]`` table checked: a function from parameter values to a GameTree."""
    from ..games.tree import GameTree

    path = ("tree",)
    table = reader.get(reader.data, "tree", (), dict)
    extra = sorted(set(table) - {"nodes", "title"})
    if extra:
        raise reader.fail(f"unknown field {extra[0]!r}", path + (extra[0],))
    nodes = reader.get(table, "nodes", path, list)
    if len(nodes) > MAX_ITEMS:
        raise reader.fail(f"{len(nodes)} nodes; the limit is {MAX_ITEMS}", path + ("nodes",))
    specs = {}
    for k, node in enumerate(nodes):
        where = path + ("nodes", k)
        at = reader.text(node, "at", where, limit=5000) if isinstance(node, dict) else None
        if at is None:
            raise reader.fail(f"expected a node table with 'at', found {describe(node)}", where)
        if at in specs:
            raise reader.fail(f"two nodes at {at!r}", where + ("at",))
        specs[at] = (_node(reader, node, where, players, names), where)
    if "" not in specs:
        raise reader.fail("the tree needs a root node: at = \"\"", path + ("nodes",))
    _check_tree_shape(reader, specs)
    title = reader.text(table, "title", path, required=False) or reader.data.get("title", "")

    def build(values):
        tree = GameTree(players, title=title)
        for at, (spec, _) in specs.items():
            kind, detail = spec
            if kind == "decision":
                tree.add_decision(at, detail[0], detail[2])
            elif kind == "chance":
                tree.add_chance(at)
            else:
                tree.add_terminal(at, [e.evaluate(values) for e in detail])
        for at, ((kind, detail), _) in specs.items():
            if kind == "decision":
                for move in detail[1]:
                    tree.add_move(at, child_id(at, move, None), move)
            elif kind == "chance":
                for move, probability in detail:
                    tree.add_move(at, child_id(at, move, None), move, probability.evaluate(values))
        return tree.check()

    return build


def _node(reader, node: dict, path: tuple, players: tuple, names: set) -> tuple:
    """One node as ``(kind, detail)``: a decision, a chance node or a terminal."""
    keys = set(node) - {"at"}
    if keys <= {"player", "moves", "infoset"} and {"player", "moves"} <= keys:
        player = reader.get(node, "player", path, str)
        if player not in players:
            raise reader.fail(f"{player!r} is not a player ({', '.join(players)})", path + ("player",))
        infoset = reader.text(node, "infoset", path, required=False, limit=200) or None
        return "decision", (player, reader.label_list(node, "moves", path), infoset)
    if keys == {"chance"}:
        chance = reader.get(node, "chance", path, dict)
        if not chance:
            raise reader.fail("a chance node needs at least one move", path + ("chance",))
        moves = [(move, reader.expression(p, path + ("chance", move), names)) for move, p in chance.items()]
        return "chance", moves
    if keys == {"payoffs"}:
        return "terminal", reader.payoff_list(node, path, len(players), names)
    raise reader.fail("a node has player and moves (a decision), chance (a table of move = probability), "
                    f"or payoffs (an outcome); found the fields {sorted(keys)}", path)


def _check_tree_shape(reader, specs: dict) -> None:
    """Every node is reached by a move, and every move reaches a node."""
    expected = {""}
    for at, ((kind, detail), _) in specs.items():
        moves = detail[1] if kind == "decision" else [m for m, _ in detail] if kind == "chance" else []
        expected.update(child_id(at, m, None) for m in moves)
    for at, (_, where) in specs.items():
        if at not in expected:
            raise reader.fail(f"no move leads to {at!r}: its parent is missing or has no such move", where + ("at",))
    missing = sorted(expected - set(specs))
    if missing:
        raise reader.fail(f"no node at {missing[0]!r}: every move needs a node (decision, chance or payoffs)",
                        ("tree", "nodes"))
