"""Fuzzing: every parser and public constructor, fed junk, fails only with a negotiation error.

Parsers get mutated copies of valid files (bytes deleted, duplicated, replaced,
inserted, truncated) and random text; constructors get random nested data
(NaN, infinities, strings, None, huge numbers, wrong shapes); the command line
gets random argument lists. Anything but success or a
:class:`~negotiation.errors.NegotiationError` fails the test, and so does an
example slower than the deadline (a hang). ``HYPOTHESIS_PROFILE=fuzz pytest
-m fuzz`` runs thousands of examples per target (.ci/run does).
"""

import pathlib
import warnings
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import cli, examples
from negotiation.errors import NegotiationError
from negotiation.io import expressions, gambit, json_format, scenario_file, strategy_file
from tests import trees
from tests.conftest import FUZZ_COUNTS

pytestmark = pytest.mark.fuzz
DATA = pathlib.Path(__file__).parent / "data"
DEADLINE = settings(deadline=5000)  # milliseconds per example: a slower one counts as a hang

SEEDS = {
    "game json": [json_format.dumps(build()) for build in examples.EXAMPLES.values()],
    "gambit": [gambit.dumps(build()) for build in examples.EXAMPLES.values()]
    + [gambit.dumps(build()) for build in (trees.selten_horse, trees.chance_tree, trees.ultimatum)]
    + [p.read_text() for p in sorted((DATA / "gambit").iterdir())],
    "scenario file": [scenario_file.EXAMPLE] + [p.read_text() for p in sorted((DATA / "scenarios").iterdir())],
    "strategy file": [strategy_file.EXAMPLE] + [p.read_text() for p in sorted((DATA / "strategies").iterdir())],
}
PARSERS = {
    "game json": lambda text: json_format.loads(text, source="fuzz.json"),
    "gambit": lambda text: gambit.loads(text, source="fuzz.efg"),
    "scenario file": lambda text: scenario_file.loads(text, source="fuzz.toml"),
    # a strategy is checked against a game's actions when it is bound, so bind it
    "strategy file": lambda text: strategy_file.loads(text, source="fuzz.toml").machine(examples.chicken(), 0),
}
JUNK = st.sampled_from(list('{}[]()",:=./\\-+*^#\'\n\t 0123456789eE_abcxyz') + ["\x00", "é", "√", "NaN", "1e999",
                                                                                 "__import__", "\"\"\"", "[[", "]]"])


@st.composite
def mutated(draw, texts):
    """A valid text with one to six random edits."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a, min(len(text), a + 40)))
        action = draw(st.sampled_from(["delete", "duplicate", "replace", "insert", "truncate", "swap"]))
        if action == "delete":
            text = text[:a] + text[b:]
        elif action == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif action == "replace":
            text = text[:a] + draw(JUNK) + text[a + 1:]
        elif action == "insert":
            text = text[:a] + "".join(draw(st.lists(JUNK, min_size=1, max_size=8))) + text[a:]
        elif action == "truncate":
            text = text[:a]
        else:
            c = draw(st.integers(0, len(text) - 1))
            text = text[:a] + text[c:c + (b - a)] + text[a + (b - a):]
    return text


def check(kind: str, call, *args):
    """Run ``call``: success or a NegotiationError is fine, and counted; anything else fails."""
    FUZZ_COUNTS[f"{kind} inputs"] += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call(*args)
    except NegotiationError:
        FUZZ_COUNTS[f"{kind} rejected"] += 1
        return
    FUZZ_COUNTS[f"{kind} accepted"] += 1


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_parsers_on_mutated_files(kind):
    @DEADLINE
    @given(mutated(SEEDS[kind]))
    def run(text):
        check(kind, PARSERS[kind], text)

    run()


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_parsers_on_random_text(kind):
    @DEADLINE
    @given(st.text(max_size=300) | st.lists(JUNK, max_size=120).map("".join))
    def run(text):
        check(kind, PARSERS[kind], text)

    run()


@DEADLINE
@given(st.lists(JUNK, max_size=60).map("".join) | st.text(max_size=60))
def test_expression_parser(text):
    check("expression", lambda t: expressions.parse(t).evaluate({n: 3 for n in expressions.parse(t).names}), text)


NUMBERS = (st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
           | st.fractions(max_denominator=50) | st.sampled_from([10**400, -10**400, 1e308, 5e-324]))
JUNK_VALUES = st.recursive(
    NUMBERS | st.none() | st.booleans() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner), max_leaves=30)


@st.composite
def payoff_arrays(draw):
    """Well-shaped payoff arrays of nasty numbers: most games build, some must be refused."""
    shape = draw(st.tuples(st.integers(1, 3), st.integers(1, 3)))
    cell = NUMBERS if draw(st.booleans()) else st.integers(-3, 3) | st.floats(-1e12, 1e12, allow_nan=False)
    return [[[draw(cell) for _ in range(shape[1])] for _ in range(shape[0])] for _ in range(2)]


@DEADLINE
@given(payoff_arrays() | JUNK_VALUES, st.none() | st.lists(st.text(max_size=3), max_size=3))
def test_normal_form_constructor(payoffs, players):
    def build():
        game = ng.NormalFormGame(payoffs if isinstance(payoffs, (list, tuple)) else [payoffs], players=players)
        if game.num_players == 2 and max(game.shape) <= 4:
            ng.solve(game)

    check("NormalFormGame", build)


POINTS = st.lists(st.tuples(NUMBERS, NUMBERS) | st.tuples(st.integers(-5, 5), st.integers(-5, 5)), max_size=6)


@DEADLINE
@given(POINTS | JUNK_VALUES, st.tuples(st.integers(-5, 5), st.integers(-5, 5)) | JUNK_VALUES)
def test_bargaining_constructors(points, disagreement):
    check("BargainingProblem", lambda: ng.nash_bargaining(ng.BargainingProblem.from_points(points, disagreement)))


@DEADLINE
@given(NUMBERS | st.text(max_size=3), NUMBERS, NUMBERS, st.none() | st.integers(-3, 30))
def test_rubinstein_parameters(d1, d2, breakdown, horizon):
    check("rubinstein", lambda: ng.rubinstein(d1, d2, breakdown=breakdown, horizon=horizon))


@DEADLINE
@given(NUMBERS | st.text(max_size=3) | st.fractions(0, 1), st.sampled_from(["nash", "minmax", "other"]),
       st.tuples(st.sampled_from(["Cooperate", "Defect", 0, 1, 5]), st.sampled_from(["Cooperate", "Defect", 1]))
       | JUNK_VALUES)
def test_enforcement_parameters(hazard, punishment, agreement):
    check("critical_discount_factor", lambda: ng.critical_discount_factor(
        examples.prisoners_dilemma(), agreement, punishment=punishment, hazard=hazard))


@DEADLINE
@given(st.dictionaries(st.sampled_from(["us_reservation", "divertible", "shortfall_cost", "nope"]), NUMBERS, max_size=3))
def test_scenario_overrides(overrides):
    check("load_scenario", lambda: ng.load_scenario("purchase_pledges", **overrides).report())


NESTED = st.deferred(lambda: st.one_of(
    st.builds(lambda *p: ng.outcome(*p), NUMBERS, NUMBERS),
    st.builds(lambda p, m: ng.decision(p, m), st.sampled_from(["A", "B", "C", 0, None]),
              st.dictionaries(st.text(max_size=3), NESTED, max_size=3)),
    st.builds(lambda m: ng.chance(m), st.dictionaries(st.text(max_size=3), st.tuples(NUMBERS, NESTED), max_size=3)),
    JUNK_VALUES))


@DEADLINE
@given(NESTED)
def test_tree_builder(spec):
    def build():
        tree = ng.GameTree.from_nested(("A", "B"), spec)
        if tree.num_nodes < 60:
            ng.backward_induction(tree) if tree.is_perfect_information else ng.subgame_perfect_equilibria(tree)

    check("GameTree", build)


WORDS = ["solve", "show", "list", "examples", "export", "compare", "--all", "--example", "chicken", "--exact",
         "--json", "--set", "us_reservation=40", "backdown_cost=-1", "x=1/0", "=", "--method", "all", "pure",
         "--format", "nfg", "efg", "json", "latex", "markdown", "tariff_standoff", "purchase_pledges", "nowhere.json",
         "--version", "-o", "out.txt", "", "--", "\x00", "1e999", "nan"]


@DEADLINE
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_command_line_arguments(arguments):
    import contextlib
    import io
    import os
    import tempfile

    FUZZ_COUNTS["cli inputs"] += 1
    with tempfile.TemporaryDirectory() as folder:
        previous = os.getcwd()
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
                try:
                    code = cli.main(arguments)
                except SystemExit as stop:  # argparse: --help, --version, or a usage error
                    code = stop.code
        finally:
            os.chdir(previous)
    assert code in (0, 2), (arguments, code)
    FUZZ_COUNTS["cli " + ("accepted" if code == 0 else "rejected")] += 1
    if code == 2 and err.getvalue().startswith("negotiation: error:"):
        assert err.getvalue().count("\n") == 1, err.getvalue()



@DEADLINE
@given(st.dictionaries(st.tuples(st.sampled_from(["x", "y", 1, None]), st.sampled_from(["u", "v", ""]))
                       | st.text(max_size=2), st.lists(NUMBERS, max_size=3) | JUNK_VALUES, max_size=5),
       st.sampled_from([("A", "B"), ("A",), ("A", "A"), ()]))
def test_outcome_table_constructor(outcomes, players):
    check("from_outcomes", lambda: ng.NormalFormGame.from_outcomes(outcomes, players=players))


@DEADLINE
@given(payoff_arrays() | JUNK_VALUES)
def test_zero_sum_constructor(arrays):
    matrix = arrays[0] if isinstance(arrays, list) and arrays else arrays
    check("zero_sum", lambda: ng.solve_zero_sum(ng.NormalFormGame.zero_sum(matrix)))


@DEADLINE
@given(st.lists(st.integers(-2, 6), max_size=6), st.lists(st.text(max_size=2), max_size=6),
       st.lists(st.integers(-1, 2), max_size=6), JUNK_VALUES)
def test_tree_arrays_constructor(parent, action, player, payoffs):
    check("GameTree.from_arrays", lambda: ng.backward_induction(
        ng.GameTree.from_arrays(("A", "B"), parent, action, player, payoffs)))


@DEADLINE
@given(st.tuples(NUMBERS, NUMBERS) | JUNK_VALUES, NUMBERS, NUMBERS)
def test_deal_range_arguments(bounds, a, b):
    check("deal_range", lambda: ng.deal_range(
        {"U.S.": lambda x: x - a, "China": lambda x: b - x}, {"U.S.": 0, "China": 0}, bounds=bounds))


@DEADLINE
@given(st.dictionaries(st.text(max_size=2), st.lists(st.integers(-3, 3) | st.text(max_size=1), max_size=3),
                       max_size=3), NUMBERS)
def test_deal_space_arguments(issues, floor):
    check("deal_space", lambda: ng.deal_space(
        issues, {"A": lambda p: sum(v for v in p.values() if isinstance(v, int)), "B": lambda p: 1},
        {"A": floor, "B": 0}))


@DEADLINE
@given(st.dictionaries(st.tuples(st.sampled_from(["t1", "t2", "x"]), st.sampled_from(["u", "z"])),
                       NUMBERS | st.text(max_size=2) | st.sampled_from([Fraction(1, 2), 1, 0.5]), max_size=4),
       payoff_arrays() | JUNK_VALUES)
def test_bayesian_game_constructor(prior, table):
    types = (("t1", "t2"), ("u",))
    tables = {key: table for key in prior}
    check("BayesianGame", lambda: ng.solve(ng.BayesianGame(
        ("A", "B"), (("a", "b"), ("c", "d")), types, prior, tables).to_normal_form()))


# ---------------------------------------------------------------------- special files
SPECIAL = ["fifo", "directory", "/dev/zero", "/dev/urandom", "/dev/null", "symlink to fifo", "symlink loop",
           "missing", "unreadable"]
READERS = {
    "json": lambda path: json_format.load(path),
    "gambit": lambda path: gambit.load(path),
    "scenario": lambda path: scenario_file.load(path),
    "strategy": lambda path: strategy_file.load(path),
    "catalog": lambda path: ng.get_scenario(path),
    "is_scenario_file": lambda path: scenario_file.is_scenario_file(str(path)),
}


def _special(kind: str, folder: pathlib.Path, suffix: str) -> pathlib.Path:
    import os

    path = folder / f"input{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "symlink to fifo":
        os.mkfifo(folder / "pipe")
        path.symlink_to(folder / "pipe")
    elif kind == "symlink loop":
        path.symlink_to(path)
    elif kind == "unreadable":
        path.write_text("{}")
        path.chmod(0)
    elif kind.startswith("/dev/"):
        if not os.path.exists(kind):
            return None
        path.symlink_to(kind)
    return path


@DEADLINE
@given(st.sampled_from(SPECIAL), st.sampled_from([".json", ".nfg", ".efg", ".toml", ".py", ""]),
       st.sampled_from(sorted(READERS)))
def test_special_files(kind, suffix, reader):
    """A FIFO, a device, a folder, a loop: a clean error at once (the deadline catches a block or an endless read).

    A FIFO with no writer would block a plain ``open`` forever; every reader opens
    without blocking, so the test finishing is the check.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = _special(kind, pathlib.Path(folder), suffix)
        if path is not None:
            check(f"special file {reader}", READERS[reader], path)


# ---------------------------------------------------------------------- expression cost
_OPERATORS = st.sampled_from(["+", "-", "*", "/", "^", "**", "×", "÷"])
_ATOMS = (st.integers(0, 10**6).map(str) | st.sampled_from(["1e300", "1e-300", "0.5", "9" * 200, "1e400", "x", "y"])
          | st.fractions(max_denominator=10**6).map(lambda f: f"({f.numerator}/{f.denominator})"))


@st.composite
def costly_expressions(draw, depth=0):
    """Expressions under the documented limits, built to be expensive: powers of powers, long products."""
    if depth > 3 or draw(st.booleans()):
        return draw(_ATOMS)
    parts = draw(st.lists(costly_expressions(depth=depth + 1), min_size=2, max_size=6))
    text = parts[0]
    for part in parts[1:]:
        text += draw(_OPERATORS) + part
    return f"({text})" if draw(st.booleans()) else text


@settings(deadline=1000)  # the promise: a random expression under the limits evaluates in under a second
@given(costly_expressions(), st.sampled_from([3, Fraction(7, 3), 2.5]))
def test_expression_cost_is_bounded(text, value):
    if len(text) <= expressions.MAX_LENGTH:
        check("expression cost", lambda: expressions.parse(text).evaluate({"x": value, "y": value}))
