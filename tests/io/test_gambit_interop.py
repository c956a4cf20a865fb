"""Our Gambit files against the real Gambit (pygambit): it reads what we write, we read what it writes,
and its equilibrium enumeration agrees with ours.

.ci/run installs pygambit where a binary wheel exists and then requires these tests to run.
"""

import io
import os
import warnings
from fractions import Fraction

import pytest

import negotiation as ng
from negotiation.io import gambit
from tests.io.test_gambit import MATRICES, TREES, scenario_forms, tree_signature

if os.environ.get("NEGOTIATION_REQUIRE_GAMBIT"):
    import pygambit as gbt
else:
    gbt = pytest.importorskip("pygambit")


def exact(value) -> Fraction:
    return Fraction(str(value))


@pytest.mark.parametrize("outcomes", [False, True], ids=["payoff-form", "outcome-form"])
@pytest.mark.parametrize("game", MATRICES)
def test_gambit_reads_our_nfg(game, outcomes):
    theirs = gbt.read_nfg(io.StringIO(gambit.dumps(game, outcomes=outcomes)))
    assert list(theirs.players) == list(game.players)
    assert [tuple(theirs.get_strategies(p)) for p in game.players] == list(game.strategies)
    for ours, array in zip(game.payoffs, theirs.to_arrays()):
        assert array.shape == ours.shape
        theirs_flat, ours_flat = array.ravel().tolist(), ours.ravel().tolist()  # any number of players
        if ours.dtype == object:  # exact payoffs: exactly the same rationals
            assert [exact(v) for v in theirs_flat] == [Fraction(v) for v in ours_flat]
        else:  # floats are written as their shortest repr, which reads back as the same float
            assert [float(exact(v)) for v in theirs_flat] == ours_flat
    assert gambit.loads(theirs.to_nfg()) == game  # and we read what Gambit writes


@pytest.mark.parametrize("game", [m for m in MATRICES if m.values[0].num_players == 2])  # enummixed: two players
def test_gambit_finds_the_same_equilibria(game):
    theirs = gbt.nash.enummixed_solve(gbt.read_nfg(io.StringIO(gambit.dumps(game))), rational=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = ng.all_equilibria(game, exact=True)
    found = {tuple(tuple(exact(eq[p][s]) for s in labels) for p, labels in zip(game.players, game.strategies))
             for eq in theirs.equilibria}
    assert found == {tuple(tuple(Fraction(v) for v in mix) for mix in eq.profile) for eq in ours}


@pytest.mark.parametrize("tree", [pytest.param(f(), id=f.__name__) for f in TREES] + scenario_forms("tree"))
def test_gambit_reads_our_efg_and_we_read_its(tree):
    theirs = gbt.read_efg(io.StringIO(gambit.dumps(tree)))
    assert list(theirs.players) == list(tree.players)
    back = gambit.loads(theirs.to_efg())
    assert tree_signature(back) == tree_signature(tree)
