r"""Strategy files: a repeated-game strategy written as data, in TOML or JSON.

A workshop writes a strategy as a finite-state machine: its states, what to
play in each, and where to go on each action of the other side. Loading a file
never runs code; every error is a :class:`~negotiation.errors.FileFormatError`
naming the file, the line and the field. The format (version 1) is described
in ``docs/reference/strategy-files.md``. A file::

    format = "negotiation/strategy"
    version = 1
    name = "firm_but_fair"
    description = "Cooperate; answer an escalation once, then forgive."
    start = "calm"

    [[states]]
    name = "calm"
    play = "cooperate"

    [[states]]
    name = "angry"
    play = "defect"

    [[transitions]]
    from = "calm"
    on = ["defect"]
    to = "angry"

    [[transitions]]
    from = "angry"
    on = ["*"]
    to = "calm"

Actions are the game's labels, indices, ``"cooperate"`` (the first action)
or ``"defect"`` (the last); ``play`` may also be a table of probabilities,
``play = {cooperate = 0.9, defect = 0.1}``. ``on`` lists the other side's
observed actions, and ``"*"`` stands for any action not listed.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.io import strategy_file
>>> firm = strategy_file.loads(EXAMPLE, source="firm.toml")
>>> ng.tournament(ng.examples.prisoners_dilemma(), [firm, "tit_for_tat", "defector"],
...               turns=100, repetitions=1).ranking
('defector', 'tit_for_tat', 'firm_but_fair')
"""

from __future__ import annotations

import os
import re

from ..errors import NegotiationError
from ..play.machine import MAX_STATES
from ..play.state_table import ANY, StateTableStrategy
from .documents import MAX_ITEMS, Reader, describe
from .documents import parse as parse_document
from .files import peek_text, read_text

__all__ = ["FORMAT", "VERSION", "MAX_BYTES", "load", "loads", "is_strategy_file", "EXAMPLE"]

FORMAT = "negotiation/strategy"
VERSION = 1
MAX_BYTES = 1024 * 1024
MAX_NESTING = 16
_TOP = {"format", "version", "name", "description", "start", "states", "transitions"}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")

EXAMPLE = __doc__[__doc__.index("    format ="):__doc__.index("Actions are")].replace("\n    ", "\n").strip() + "\n"


def load(path: str | os.PathLike) -> StateTableStrategy:
    """Read a strategy file (``.toml`` or ``.json``)."""
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), source=name)


def loads(text: str, source: str = "<string>") -> StateTableStrategy:
    """Read strategy text: JSON when it starts with ``{``, TOML otherwise."""
    data, lines = parse_document(text, source, MAX_BYTES, MAX_NESTING)
    return _StrategyReader(data, lines, source).strategy()


def is_strategy_file(path: str) -> bool:
    """Whether ``path`` declares the strategy format in its first lines."""
    head = peek_text(path, 4096) if path.endswith((".toml", ".json")) else None
    return head is not None and re.search(r'"?format"?\s*[:=]\s*"negotiation/strategy"', head) is not None


class _StrategyReader(Reader):
    def strategy(self) -> StateTableStrategy:
        d = self.data
        unknown = sorted(set(d) - _TOP)
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r}; the fields are {', '.join(sorted(_TOP))}", (unknown[0],))
        if self.get(d, "format", (), str) != FORMAT:
            raise self.fail(f'the format must be "{FORMAT}"', ("format",))
        if self.get(d, "version", (), int) != VERSION:
            raise self.fail(f"this version of negotiation reads version {VERSION} only", ("version",))
        name = self.text(d, "name", (), limit=64)
        if not _NAME.match(name):
            raise self.fail("a name starts with a letter and holds letters, digits, '_' and '-'", ("name",))
        states = self._states()
        start = self.text(d, "start", (), limit=200)
        if start not in states:
            raise self.fail(f"the start state {start!r} is not one of the states: "
                            + ", ".join(map(repr, states)), ("start",))
        transitions = self._transitions(states)
        try:
            return StateTableStrategy(name, start, states, transitions,
                                      description=self.text(d, "description", (), required=False),
                                      source=self.source)
        except NegotiationError as exc:  # pragma: no cover - every check above comes first
            raise self.fail(str(exc)) from None

    def _states(self) -> dict:
        entries = self.get(self.data, "states", (), list)
        if not 1 <= len(entries) <= MAX_STATES:
            raise self.fail(f"a strategy needs 1 to {MAX_STATES} states, found {len(entries)}", ("states",))
        states = {}
        for k, entry in enumerate(entries):
            path = ("states", k)
            if not isinstance(entry, dict):
                raise self.fail(f"expected a table with name and play, found {describe(entry)}", path)
            extra = sorted(set(entry) - {"name", "play", "description"})
            if extra:
                raise self.fail(f"unknown field {extra[0]!r}; a state has name, play and description", path)
            name = self.text(entry, "name", path, limit=200)
            if name in states:
                raise self.fail(f"the state {name!r} is defined twice", path + ("name",))
            self.text(entry, "description", path, required=False)
            states[name] = self._play(entry, path)
        return states

    def _play(self, entry: dict, path: tuple):
        play = self.get(entry, "play", path, (str, int, dict))
        if isinstance(play, dict):
            if not 1 <= len(play) <= MAX_ITEMS:
                raise self.fail("a table of probabilities needs at least one action", path + ("play",))
            for action, probability in play.items():
                if isinstance(probability, bool) or not isinstance(probability, (int, float)) \
                        or not 0 <= probability <= 1:
                    raise self.fail(f"the probability of {action!r} must be a number in [0, 1], "
                                    f"found {describe(probability)}", path + ("play", action))
            total = sum(play.values())
            if abs(total - 1) > 1e-9:
                raise self.fail(f"the probabilities sum to {total:g}, not 1", path + ("play",))
            return {_action(a): p for a, p in play.items()}
        return play

    def _transitions(self, states: dict) -> list:
        entries = self.get(self.data, "transitions", (), list, required=False, default=[])
        if len(entries) > MAX_ITEMS:
            raise self.fail(f"{len(entries)} transitions; the limit is {MAX_ITEMS}", ("transitions",))
        found = []
        for k, entry in enumerate(entries):
            path = ("transitions", k)
            if not isinstance(entry, dict):
                raise self.fail(f"expected a table with from, on and to, found {describe(entry)}", path)
            extra = sorted(set(entry) - {"from", "on", "to"})
            if extra:
                raise self.fail(f"unknown field {extra[0]!r}; a transition has from, on and to", path)
            ends = []
            for key in ("from", "to"):
                state = self.text(entry, key, path, limit=200)
                if state not in states:
                    raise self.fail(f"unknown state {state!r}; the states are " + ", ".join(map(repr, states)),
                                    path + (key,))
                ends.append(state)
            on = self.get(entry, "on", path, (str, int, list))
            on = on if isinstance(on, list) else [on]
            if not on or len(on) > MAX_ITEMS:
                raise self.fail("list at least one observed action (or \"*\")", path + ("on",))
            for j, ref in enumerate(on):
                if isinstance(ref, bool) or not isinstance(ref, (str, int)):
                    raise self.fail(f"expected an action label, index or \"{ANY}\", found {describe(ref)}",
                                    path + ("on", j))
            found.append((ends[0], on, ends[1]))
        return found


def _action(key: str):
    """A TOML key is text: digits name an action by index."""
    return int(key) if key.isdigit() else key
