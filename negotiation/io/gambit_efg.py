"""Gambit's ``.efg`` format (version 2): game trees read and written.

Personal (``p``), chance (``c``) and terminal (``t``) nodes come in preorder;
information sets are numbered per player; an outcome may sit on any node, and
payoffs add up along the path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import FileFormatError, NegotiationError
from .gambit_text import Tokens, number_writer, quote, read_header, require_numbers, write_number

__all__ = ["read_efg", "write_efg", "MAX_NODES"]

MAX_NODES = 500_000  # about what 8 MiB holds


@dataclass
class _Node:
    kind: str  # "p", "c" or "t"
    line: int
    player: int = -1  # 0-based; -1 for chance
    infoset: tuple = ()
    actions: list = field(default_factory=list)
    probabilities: list = field(default_factory=list)
    payoffs: list | None = None  # this node's own outcome
    children: list = field(default_factory=list)


def read_efg(tokens: Tokens):
    title, players = read_header(tokens, "2")
    if tokens.peek() is not None and tokens.peek().startswith('"'):
        tokens.string("the comment")
    if tokens.done():
        raise tokens.error("the file has no nodes")
    state = _EfgState(len(players))
    root = _read_node(tokens, state)
    stack = [root]
    while stack:
        top = stack[-1]
        if len(top.children) == len(top.actions):
            stack.pop()
            continue
        if tokens.done():
            raise tokens.error(f"the file ends before all moves of the node on line {top.line} have a subtree")
        child = _read_node(tokens, state)
        top.children.append(child)
        if child.kind != "t":
            stack.append(child)
    if not tokens.done():
        tokens.next("the end")
        raise tokens.error("unexpected text after the last node of the tree")
    return _build_tree(root, players, title, state, tokens)


@dataclass
class _EfgState:
    players: int
    infosets: dict = field(default_factory=dict)  # (player, number) -> (name, actions, probabilities, line)
    outcomes: dict = field(default_factory=dict)  # number -> payoffs
    nodes: int = 0


def _read_node(tokens: Tokens, state: _EfgState) -> _Node:
    state.nodes += 1
    if state.nodes > MAX_NODES:
        raise tokens.error(f"the tree has more than {MAX_NODES} nodes")
    kind = tokens.next("a node (p, c or t)")
    line = tokens.last_line
    if kind not in ("p", "c", "t"):
        raise tokens.error(f"expected a node type p, c or t, found {kind[:20]!r}", line)
    tokens.string("the node's name")
    node = _Node(kind, line)
    if kind != "t":
        if kind == "p":
            node.player = tokens.integer("the player number", low=1, high=state.players) - 1
        number = tokens.integer("the information set number", low=1)
        node.infoset = (node.player, number)
        _read_infoset(tokens, state, node)
    node.payoffs = _read_outcome(tokens, state)
    return node


def _read_infoset(tokens: Tokens, state: _EfgState, node: _Node) -> None:
    name = tokens.string("the information set's name") if (tokens.peek() or "").startswith('"') else None
    known = state.infosets.get(node.infoset)
    if tokens.peek() == "{":
        tokens.brace("{")
        while tokens.peek() != "}":
            node.actions.append(tokens.string("an action label"))
            if node.kind == "c":
                node.probabilities.append(_probability(tokens))
        tokens.brace("}")
        if not node.actions:
            raise tokens.error("a node needs at least one action", node.line)
        if known is not None and len(known[1]) != len(node.actions):
            raise tokens.error(
                f"information set {node.infoset[1]} has {len(known[1])} actions on line {known[3]} "
                f"but {len(node.actions)} here", node.line)
    elif known is not None:
        node.actions, node.probabilities = list(known[1]), list(known[2])
    else:
        raise tokens.error("the first node of an information set must list its actions", node.line)
    if known is None:
        state.infosets[node.infoset] = (name or "", tuple(node.actions), tuple(node.probabilities), node.line)
    if node.kind == "c" and not math.isclose(float(sum(node.probabilities)), 1.0, abs_tol=1e-9):
        raise tokens.error(f"chance probabilities add up to {sum(node.probabilities)}, not 1", node.line)


def _probability(tokens: Tokens):
    value = tokens.number("a chance probability")
    if not 0 <= value <= 1:
        raise tokens.error(f"a chance probability must lie in [0, 1], found {value}")
    return value


def _read_outcome(tokens: Tokens, state: _EfgState) -> list | None:
    number = tokens.integer("the outcome number", low=0)
    if (tokens.peek() or "").startswith('"'):
        tokens.string("the outcome's name")
    if number == 0:
        return None
    if tokens.peek() == "{":
        payoffs = tokens.numbers_in_braces("a payoff")
        if len(payoffs) != state.players:
            raise tokens.error(f"an outcome needs {state.players} payoffs, one per player; found {len(payoffs)}")
        state.outcomes[number] = payoffs
    if number not in state.outcomes:
        raise tokens.error(f"outcome {number} is used before its payoffs are given")
    return state.outcomes[number]


def _build_tree(root: _Node, players: list[str], title: str, state: _EfgState, tokens: Tokens):
    from ..games.tree import GameTree

    tree = GameTree(players, title=title)
    shared = _shared_infosets(root)
    names = _infoset_names(state, shared, players)
    zero = [0] * len(players)
    stack = [(root, "", zero)]
    try:
        while stack:
            node, node_id, earned = stack.pop()
            total = _add(earned, node.payoffs) if node.payoffs is not None else earned
            if node.kind == "t":
                tree.add_terminal(node_id, total)
                continue
            if node.kind == "p":
                tree.add_decision(node_id, node.player, names.get(node.infoset))
            else:
                tree.add_chance(node_id)
            used: set[str] = set()
            for k, (action, child) in enumerate(zip(node.actions, node.children)):
                child_id = _unique_id(tree, node_id, action or str(k + 1), used)
                probability = node.probabilities[k] if node.kind == "c" else None
                tree.add_move(node_id, child_id, action or str(k + 1), probability)
                stack.append((child, child_id, total))
        return tree.check()
    except FileFormatError:
        raise
    except NegotiationError as exc:
        raise tokens.error(str(exc), root.line) from None


def _shared_infosets(root: _Node) -> set:
    counts: dict[tuple, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "p":
            counts[node.infoset] = counts.get(node.infoset, 0) + 1
        stack.extend(node.children)
    return {key for key, n in counts.items() if n > 1}


def _infoset_names(state: _EfgState, shared: set, players: list[str]) -> dict:
    """Our names for Gambit's information sets holding more than one node."""
    names: dict[tuple, str] = {}
    taken: set[str] = set()
    for key in sorted(shared):
        player, number = key
        name = state.infosets[key][0].strip() or f"{players[player]} {number}"
        if name in taken:
            name = f"{name} ({players[player]} {number})"
        taken.add(name)
        names[key] = name
    return names


MAX_ID_LENGTH = 120  # beyond this, node ids restart from a serial: memory stays linear in a deep tree


def _unique_id(tree, parent: str, action: str, used: set) -> str:
    base = action if parent == "" else f"{parent}/{action}"
    if len(base) > MAX_ID_LENGTH:
        base = f"node {len(tree.graph)}/{action[:MAX_ID_LENGTH // 2]}"
    candidate, k = base, 1
    while candidate in tree.graph or candidate in used:
        k += 1
        candidate = f"{base}#{k}"
    used.add(candidate)
    return candidate


def _add(left: list, right: list) -> list:
    return [a + b for a, b in zip(left, right)]


def write_efg(tree) -> str:
    tree.check()
    require_numbers(tree.kind_of_payoffs == "symbolic", ())
    players = " ".join(quote(p) for p in tree.players)
    lines = [f"EFG 2 R {quote(tree.title)} {{ {players} }}", '""', ""]
    write = number_writer(tree.is_exact, (v for n in tree.nodes("terminal") for v in tree.payoffs_of(n)))
    numbers: dict[str, int] = {}
    per_player = [0] * len(tree.players)
    chance_sets = 0
    outcome = 0
    stack = [tree.root]
    while stack:
        node = stack.pop()
        kind = tree.kind(node)
        if kind == "terminal":
            outcome += 1
            payoffs = ", ".join(write(v) for v in tree.payoffs_of(node))
            lines.append(f't "" {outcome} "" {{ {payoffs} }}')
            continue
        if kind == "decision":
            infoset = tree.infoset_of(node)
            player = tree.player_index(tree.player_of(node))
            if infoset not in numbers:
                per_player[player] += 1
                numbers[infoset] = per_player[player]
            label = infoset if len(tree.infosets()[infoset]) > 1 else ""
            actions = " ".join(quote(a) for a in tree.actions(node))
            lines.append(f'p "" {player + 1} {numbers[infoset]} {quote(label)} {{ {actions} }} 0')
        else:
            chance_sets += 1
            moves = " ".join(f"{quote(a)} {write_number(p)}" for a, p in tree.probabilities(node).items())
            lines.append(f'c "" {chance_sets} "" {{ {moves} }} 0')
        stack.extend(child for _, child in reversed(tree.children(node)))
    return "\n".join(lines) + "\n"
