r"""Gambit's file formats: ``.nfg`` (strategic games) and ``.efg`` (game trees).

Both are read and written following the format description in Gambit's
documentation ("Game representation formats"):

* ``.nfg``, version 1, in either of its two forms: the *payoff* form (one
  payoff per player for every profile, the first player's strategy changing
  fastest) and the *outcome* form (a list of outcomes, then one outcome
  number per profile, 0 meaning "all payoffs zero");
* ``.efg``, version 2: personal (``p``), chance (``c``) and terminal (``t``)
  nodes in preorder, information sets numbered per player, outcomes attached
  to any node (payoffs add up along the path). An information set's actions
  and an outcome's payoffs may be left out after their first appearance.

Numbers are kept exact where the file is: ``3`` and ``1/2`` are read as
integers and fractions, ``0.25`` as a float. Every problem is a
:class:`~negotiation.errors.FileFormatError` naming the file and the line.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.io import gambit
>>> text = '''NFG 1 R "Chicken" { "U.S." "China" }
... { { "Hold" "Swerve" } { "Hold" "Swerve" } }
... ""
... -10 -10 -1 1 1 -1 0 0'''
>>> game = gambit.loads(text)
>>> game.strategies[0], game.payoff_of(("Swerve", "Hold"))
(('Hold', 'Swerve'), (-1.0, 1.0))
>>> gambit.loads(gambit.dumps(game)) == game
True
"""

from __future__ import annotations

import itertools
import math
import os
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import FileFormatError, NegotiationError, UnsupportedGameError
from .._writing import write_text
from .files import MAX_DIGITS, check_text, read_text

__all__ = ["load", "loads", "dump", "dumps", "MAX_BYTES", "MAX_CELLS"]

MAX_BYTES = 8 * 1024 * 1024  # 20 MiB took 21 s and 1 GB to read (benchmarks/RESULTS.md): lowered
MAX_CELLS = 10_000_000  # strategy profiles in one .nfg: refuse before allocating
MAX_NODES = 500_000  # about what 8 MiB holds

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}]|,|[^\s{}",]+', re.S)
_NUMBER = re.compile(r"^[+-]?(\d+(/\d+)?|\d*\.\d+([eE][+-]?\d+)?|\d+\.?([eE][+-]?\d+)?)$")


# ---------------------------------------------------------------------- public functions
def load(path: str | os.PathLike):
    """Read a ``.nfg`` or ``.efg`` file: a NormalFormGame or a GameTree."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>"):
    """Read Gambit text: ``NFG ...`` gives a NormalFormGame, ``EFG ...`` a GameTree."""
    check_text(text, source, MAX_BYTES)
    tokens = _Tokens(text, source)
    head = tokens.next("NFG or EFG")
    if head == "NFG":
        return _read_nfg(tokens)
    if head == "EFG":
        return _read_efg(tokens)
    raise tokens.error(f"a Gambit file starts with NFG or EFG, not {head!r}", tokens.last_line)


def dumps(game, outcomes: bool = False) -> str:
    """Gambit text for a NormalFormGame (``.nfg``) or a GameTree (``.efg``).

    ``outcomes=True`` writes the outcome form of ``.nfg`` (one outcome per
    distinct payoff vector) instead of the payoff form.
    """
    from ..games.normal_form import NormalFormGame
    from ..games.tree import GameTree

    if isinstance(game, NormalFormGame):
        return _write_nfg(game, outcomes)
    if isinstance(game, GameTree):
        return _write_efg(game)
    raise UnsupportedGameError(f"Gambit files hold NormalFormGame or GameTree objects, not {type(game).__name__}")


def dump(game, path: str | os.PathLike, outcomes: bool = False) -> None:
    """Write ``game`` to ``path`` (``.nfg`` for matrix games, ``.efg`` for trees)."""
    write_text(path, dumps(game, outcomes=outcomes))


# ---------------------------------------------------------------------- tokens
@dataclass
class _Tokens:
    """Gambit's tokens (quoted strings, braces, words and numbers), with their lines."""

    text: str
    source: str
    items: list = field(init=False)
    position: int = 0
    last_line: int = 1

    def __post_init__(self) -> None:
        self.items = []
        line, start = 1, 0
        for match in _TOKEN.finditer(self.text):
            line = self._skip(start, match.start(), line)
            token = match.group()
            if token != ",":
                self.items.append((token, line))
            line += token.count("\n")
            start = match.end()
        self._skip(start, len(self.text), line)

    def _skip(self, start: int, stop: int, line: int) -> int:
        """Count the lines in the whitespace between tokens; anything else there is an error."""
        gap = self.text[start:stop]
        stripped = gap.lstrip()
        if stripped:
            line += gap[: len(gap) - len(stripped)].count("\n")
            if stripped[0] == '"':
                raise self.error("a quoted label is not closed", line)
            raise self.error(f"unexpected text {stripped[:20]!r}", line)
        return line + gap.count("\n")

    def error(self, message: str, line: int | None = None) -> FileFormatError:
        return FileFormatError(message, source=self.source, line=line if line is not None else self.last_line)

    def done(self) -> bool:
        return self.position >= len(self.items)

    def peek(self) -> str | None:
        return None if self.done() else self.items[self.position][0]

    def next(self, expected: str) -> str:
        if self.done():
            raise self.error(f"the file ends where {expected} was expected")
        token, self.last_line = self.items[self.position]
        self.position += 1
        return token

    def word(self) -> str:
        token = self.next("a keyword")
        if token.startswith('"') or token in "{}":
            raise self.error(f"expected a keyword, found {token[:20]!r}")
        return token

    def string(self, what: str) -> str:
        token = self.next(what)
        if not token.startswith('"'):
            raise self.error(f"expected {what} in double quotes, found {token[:20]!r}")
        return re.sub(r"\\(.)", r"\1", token[1:-1], flags=re.S)

    def brace(self, which: str) -> None:
        token = self.next(f"'{which}'")
        if token != which:
            raise self.error(f"expected '{which}', found {token[:20]!r}")

    def number(self, what: str):
        token = self.next(what)
        return _number(token, what, self)

    def integer(self, what: str, low: int = 0, high: int | None = None) -> int:
        token = self.next(what)
        if not re.fullmatch(r"\d{1,9}", token):
            raise self.error(f"expected {what} (a whole number), found {token[:20]!r}")
        value = int(token)
        if value < low or (high is not None and value > high):
            bound = f"{low}..{high}" if high is not None else f"at least {low}"
            raise self.error(f"{what} is {value}; it must be {bound}")
        return value

    def strings_in_braces(self, what: str) -> list[str]:
        self.brace("{")
        labels = []
        while self.peek() != "}":
            labels.append(self.string(what))
        self.brace("}")
        return labels

    def numbers_in_braces(self, what: str) -> list:
        self.brace("{")
        values = []
        while self.peek() != "}":
            values.append(self.number(what))
        self.brace("}")
        return values


def _number(token: str, what: str, tokens: _Tokens):
    if len(token) > MAX_DIGITS:
        raise tokens.error(f"{what} has {len(token)} characters; numbers have at most {MAX_DIGITS} digits")
    if not _NUMBER.match(token):
        raise tokens.error(f"expected {what} (a number such as 3, -1/2 or 0.25), found {token[:20]!r}")
    if "/" in token:
        numerator, denominator = token.split("/")
        if int(denominator) == 0:
            raise tokens.error(f"{what} {token!r} divides by zero")
        return Fraction(int(numerator), int(denominator))
    if re.fullmatch(r"[+-]?\d+", token):
        return int(token)
    value = float(token)
    if not math.isfinite(value):
        raise tokens.error(f"{what} {token!r} is not a finite number")
    return value


def _header(tokens: _Tokens, version: str) -> tuple[str, list[str]]:
    found = tokens.next("the format version")
    if found != version:
        raise tokens.error(f"only version {version} of this format is supported, found {found!r}")
    mode = tokens.next("R or D")
    if mode not in ("R", "D"):
        raise tokens.error(f"expected R (rational) or D (decimal) after the version, found {mode[:20]!r}")
    title = tokens.string("the title")
    players = tokens.strings_in_braces("a player name")
    if not players:
        raise tokens.error("the game has no players")
    players = [p if p.strip() else f"Player {k}" for k, p in enumerate(players, 1)]
    if len(set(players)) != len(players):
        raise tokens.error(f"player names must be unique: {players}")
    return title, players


def _labels(labels: list[str], prefix: str = "") -> list[str]:
    """Gambit allows empty labels; ours need a name, so number the empty ones."""
    return [label if label.strip() else f"{prefix}{k}" for k, label in enumerate(labels, 1)]


# ---------------------------------------------------------------------- .nfg
def _read_nfg(tokens: _Tokens):
    from ..games.normal_form import NormalFormGame

    title, players = _header(tokens, "1")
    header_line = tokens.last_line
    tokens.brace("{")
    if tokens.peek() == "{":
        strategies = []
        while tokens.peek() != "}":
            strategies.append(_labels(tokens.strings_in_braces("a strategy label")))
        tokens.brace("}")
    else:
        counts = []
        while tokens.peek() != "}":
            counts.append(tokens.integer("a number of strategies", low=1, high=MAX_CELLS))
        tokens.brace("}")
        strategies = [[str(k) for k in range(1, n + 1)] for n in counts]
    if len(strategies) != len(players):
        raise tokens.error(f"{len(players)} players but {len(strategies)} strategy lists", header_line)
    if any(not s for s in strategies):
        raise tokens.error("every player needs at least one strategy", header_line)
    shape = tuple(len(s) for s in strategies)
    cells = math.prod(shape)
    if cells > MAX_CELLS:
        raise tokens.error(f"the game has {cells} strategy profiles; the limit is {MAX_CELLS}", header_line)
    if tokens.peek() is not None and tokens.peek().startswith('"'):
        tokens.string("the comment")
    arrays = [np.empty(shape, dtype=object) for _ in players]
    profiles = _profiles_first_fastest(shape)
    if tokens.peek() == "{":
        outcomes = _nfg_outcomes(tokens, len(players))
        for cell in profiles:
            number = tokens.integer("an outcome number", low=0, high=len(outcomes))
            payoffs = outcomes[number - 1] if number else [0] * len(players)
            for array, value in zip(arrays, payoffs):
                array[cell] = value
    else:
        for cell in profiles:
            for array in arrays:
                array[cell] = tokens.number("a payoff")
    if not tokens.done():
        tokens.next("the end")
        raise tokens.error("unexpected text after the last payoff")
    try:
        return NormalFormGame(arrays, players=players, strategies=strategies, title=title)
    except FileFormatError:
        raise
    except NegotiationError as exc:
        raise tokens.error(str(exc), header_line) from None


def _nfg_outcomes(tokens: _Tokens, count: int) -> list[list]:
    tokens.brace("{")
    outcomes = []
    while tokens.peek() != "}":
        tokens.brace("{")
        tokens.string("the outcome's name")
        payoffs = []
        while tokens.peek() != "}":
            payoffs.append(tokens.number("a payoff"))
        tokens.brace("}")
        if len(payoffs) != count:
            raise tokens.error(f"an outcome needs {count} payoffs, one per player; found {len(payoffs)}")
        outcomes.append(payoffs)
    tokens.brace("}")
    return outcomes


def _profiles_first_fastest(shape: tuple[int, ...]):
    """Profiles in Gambit's order: the first player's strategy changes fastest."""
    for reversed_cell in itertools.product(*(range(n) for n in reversed(shape))):
        yield tuple(reversed(reversed_cell))


def _write_nfg(game, outcomes: bool) -> str:
    _require_numbers(game.is_symbolic, game.parameters if game.is_symbolic else ())
    players = " ".join(_quote(p) for p in game.players)
    strategies = " ".join("{ " + " ".join(_quote(s) for s in labels) + " }" for labels in game.strategies)
    lines = [f"NFG 1 R {_quote(game.title)} {{ {players} }}", "", f"{{ {strategies} }}", '""', ""]
    cells = list(_profiles_first_fastest(game.shape))
    write = _number_writer(game.is_exact, (v for a in game.payoffs for v in a.flat))
    vectors = [tuple(write(a[cell]) for a in game.payoffs) for cell in cells]
    if not outcomes:
        lines.append(" ".join(" ".join(v) for v in vectors))
        return "\n".join(lines) + "\n"
    numbers: dict[tuple, int] = {}
    for vector in vectors:
        numbers.setdefault(vector, len(numbers) + 1)
    lines.append("{")
    lines += [f'{{ "" {", ".join(vector)} }}' for vector in numbers]
    lines.append("}")
    lines.append(" ".join(str(numbers[v]) for v in vectors))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- .efg
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


def _read_efg(tokens: _Tokens):
    title, players = _header(tokens, "2")
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


def _read_node(tokens: _Tokens, state: _EfgState) -> _Node:
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


def _read_infoset(tokens: _Tokens, state: _EfgState, node: _Node) -> None:
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


def _probability(tokens: _Tokens):
    value = tokens.number("a chance probability")
    if not 0 <= value <= 1:
        raise tokens.error(f"a chance probability must lie in [0, 1], found {value}")
    return value


def _read_outcome(tokens: _Tokens, state: _EfgState) -> list | None:
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


def _build_tree(root: _Node, players: list[str], title: str, state: _EfgState, tokens: _Tokens):
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


def _write_efg(tree) -> str:
    tree.check()
    _require_numbers(tree.kind_of_payoffs == "symbolic", ())
    players = " ".join(_quote(p) for p in tree.players)
    lines = [f"EFG 2 R {_quote(tree.title)} {{ {players} }}", '""', ""]
    write = _number_writer(tree.is_exact, (v for n in tree.nodes("terminal") for v in tree.payoffs_of(n)))
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
            actions = " ".join(_quote(a) for a in tree.actions(node))
            lines.append(f'p "" {player + 1} {numbers[infoset]} {_quote(label)} {{ {actions} }} 0')
        else:
            chance_sets += 1
            moves = " ".join(f"{_quote(a)} {_write_number(p)}" for a, p in tree.probabilities(node).items())
            lines.append(f'c "" {chance_sets} "" {{ {moves} }} 0')
        stack.extend(child for _, child in reversed(tree.children(node)))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- writing helpers
def _require_numbers(symbolic: bool, parameters) -> None:
    if symbolic:
        names = ", ".join(sorted(parameters))
        raise UnsupportedGameError(
            "Gambit files hold numbers only; substitute values for the parameters first"
            + (f" ({names})" if names else "")
        )


def _quote(label: str) -> str:
    return '"' + str(label).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number_writer(exact: bool, values):
    """How to write payoffs: an exact game whose payoffs are all whole numbers
    writes them as ``n/1``, so that the file reads back exact."""
    if exact and all(isinstance(v, Fraction) and v.denominator == 1 for v in values):
        return lambda value: f"{int(value)}/1"
    return _write_number


def _write_number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return f"{int(number)}.0"  # keeps the float kind on reading
    return np.format_float_positional(number, unique=True, trim="-")
