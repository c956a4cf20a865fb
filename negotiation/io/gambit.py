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

import numpy as np

from ..errors import FileFormatError, NegotiationError, UnsupportedGameError
from .._writing import write_text
from .files import check_text, read_text
from .gambit_efg import MAX_NODES, read_efg, write_efg
from .gambit_text import Tokens, fill_labels, number_writer, quote, read_header, require_numbers

__all__ = ["load", "loads", "dump", "dumps", "MAX_BYTES", "MAX_CELLS", "MAX_NODES"]

MAX_BYTES = 8 * 1024 * 1024  # 20 MiB took 21 s and 1 GB to read (benchmarks/RESULTS.md): lowered
MAX_CELLS = 10_000_000  # strategy profiles in one .nfg: refuse before allocating



# ---------------------------------------------------------------------- public functions
def load(path: str | os.PathLike):
    """Read a ``.nfg`` or ``.efg`` file: a NormalFormGame or a GameTree."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>"):
    """Read Gambit text: ``NFG ...`` gives a NormalFormGame, ``EFG ...`` a GameTree."""
    check_text(text, source, MAX_BYTES)
    tokens = Tokens(text, source)
    head = tokens.next("NFG or EFG")
    if head == "NFG":
        return _read_nfg(tokens)
    if head == "EFG":
        return read_efg(tokens)
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
        return write_efg(game)
    raise UnsupportedGameError(f"Gambit files hold NormalFormGame or GameTree objects, not {type(game).__name__}")


def dump(game, path: str | os.PathLike, outcomes: bool = False) -> None:
    """Write ``game`` to ``path`` (``.nfg`` for matrix games, ``.efg`` for trees)."""
    write_text(path, dumps(game, outcomes=outcomes))


# ---------------------------------------------------------------------- .nfg
def _read_nfg(tokens: Tokens):
    from ..games.normal_form import NormalFormGame

    title, players = read_header(tokens, "1")
    header_line = tokens.last_line
    tokens.brace("{")
    if tokens.peek() == "{":
        strategies = []
        while tokens.peek() != "}":
            strategies.append(fill_labels(tokens.strings_in_braces("a strategy label")))
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


def _nfg_outcomes(tokens: Tokens, count: int) -> list[list]:
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
    require_numbers(game.is_symbolic, game.parameters if game.is_symbolic else ())
    players = " ".join(quote(p) for p in game.players)
    strategies = " ".join("{ " + " ".join(quote(s) for s in labels) + " }" for labels in game.strategies)
    lines = [f"NFG 1 R {quote(game.title)} {{ {players} }}", "", f"{{ {strategies} }}", '""', ""]
    cells = list(_profiles_first_fastest(game.shape))
    write = number_writer(game.is_exact, (v for a in game.payoffs for v in a.flat))
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
