"""Built-in strategies, Python strategies and state tables, bound to games of any size."""

import numpy as np
import pytest

import negotiation as ng
from negotiation.errors import ParameterError
from negotiation.play.machine import Machine, StrategyBase
from negotiation.play.state_table import StateTableStrategy

PD = ng.examples.prisoners_dilemma()


def ladder(levels=3):
    """A symmetric tariff ladder: each notch costs the imposer a little and the target more."""
    rates = np.arange(levels)
    own, other = np.meshgrid(rates, rates, indexing="ij")
    A = 10 - 3 * other + 1.0 * own - 0.6 * own ** 2
    labels = tuple(f"{25 * k // (levels - 1)}%" for k in range(levels))
    return ng.NormalFormGame.from_arrays(A, A.T, players=("U.S.", "China"), strategies=(labels, labels))


@pytest.mark.parametrize("name", ng.strategies())
@pytest.mark.parametrize("levels", [2, 3, 5])
def test_every_built_in_binds_to_every_ladder(name, levels):
    game = ladder(levels)
    for side in (0, 1):
        machine = ng.strategy(name).machine(game, side)
        assert isinstance(machine, Machine)
        assert machine.policy.shape[1] == levels
        assert np.allclose(machine.policy.sum(axis=1), 1, atol=1e-12)
        assert machine.transitions.shape == (len(machine.states), levels, levels)


def test_tit_for_tat_plus_one_answers_with_one_notch_more():
    match = ng.play_match(ladder(3), "tit_for_tat_plus_one", "alternator", turns=5)
    # alternator plays 0%, 25%, 0%, 25%, 0%: one notch above 25% is still the top
    assert match.actions == (("0%", "0%", "25%", "0%", "25%"), ("0%", "25%", "0%", "25%", "0%"))
    five = ng.play_match(ladder(5), "tit_for_tat_plus_one", "always:action=1", turns=3)
    assert five.actions[0] == ("0%", "12%", "12%")


def test_gradual_escalation_moves_one_notch_at_a_time():
    match = ng.play_match(ladder(5), "gradual_escalation", "defector", turns=6)
    assert match.actions[0] == ("0%", "6%", "12%", "18%", "25%", "25%")
    back = ng.play_match(ladder(5), "gradual_escalation", "alternator", turns=4)
    assert back.actions[0] == ("0%", "0%", "6%", "0%")


def test_appeasement_stays_a_notch_below():
    match = ng.play_match(ladder(5), "appeasement", "defector", turns=3)
    assert match.actions[0] == ("0%", "18%", "18%")


def test_generous_tit_for_tat_forgives_at_the_stated_rate():
    match = ng.play_match(PD, "generous_tit_for_tat:forgive=0.3", "defector", turns=20_000, seed=4)
    forgiving = match.actions[0][1:].count("Cooperate") / (len(match.actions[0]) - 1)
    assert abs(forgiving - 0.3) < 4 * np.sqrt(0.3 * 0.7 / 20_000)


def test_random_strategy_mixes_as_asked():
    match = ng.play_match(PD, "random:cooperate=0.8", "cooperator", turns=20_000, seed=9)
    assert abs(match.cooperation[0] - 0.8) < 4 * np.sqrt(0.8 * 0.2 / 20_000)


def test_stage_equilibrium_plays_the_mixed_equilibrium():
    game = ng.examples.matching_pennies()
    machine = ng.strategy("stage_equilibrium").machine(game, 1)
    assert np.allclose(machine.policy[0], [0.5, 0.5], atol=1e-12)


def test_unknown_names_and_parameters_are_named():
    with pytest.raises(ParameterError, match="unknown strategy 'tit_for_tit'"):
        ng.strategy("tit_for_tit")
    with pytest.raises(ParameterError, match="has no parameter 'forgiv'.*forgive"):
        ng.strategy("generous_tit_for_tat", forgiv=0.1)
    with pytest.raises(ParameterError, match="forgive must be a probability"):
        ng.strategy("generous_tit_for_tat", forgive=float("nan")).machine(PD, 0)
    with pytest.raises(ParameterError, match="unknown action 'Maybe'"):
        ng.strategy("always", action="Maybe").machine(PD, 0)


def test_python_strategies_become_machines():
    class Pavlov(StrategyBase):
        name = "pavlov"
        start = 0

        def play(self, state):
            return state

        def next(self, state, own, other):
            return own if other == 0 else 1 - own  # stay after R or T, shift after S or P

    ours = ng.play_match(PD, Pavlov(), "alternator", turns=30).actions
    built_in = ng.play_match(PD, "win_stay_lose_shift", "alternator", turns=30).actions
    assert ours == built_in


def test_state_tables_check_their_states():
    with pytest.raises(ParameterError, match="start state 'calm'"):
        StateTableStrategy("x", "calm", {"angry": "defect"})
    with pytest.raises(ParameterError, match="unknown state 'sad'"):
        StateTableStrategy("x", "calm", {"calm": "cooperate"}, [("calm", ["defect"], "sad")])
    table = StateTableStrategy("x", "calm", {"calm": "cooperate", "angry": "defect"},
                               [("calm", ["Defect"], "angry"), ("calm", [1], "calm")])
    with pytest.raises(ParameterError, match="leads to both 'angry' and 'calm'"):
        table.machine(PD, 0)


def test_grudger_written_as_a_table_plays_like_the_built_in():
    table = StateTableStrategy("table_grudger", "c", {"c": "cooperate", "d": "defect"},
                               [("c", ["defect"], "d")])
    for opponent in ("alternator", "random", "tit_for_tat", "suspicious_tit_for_tat"):
        a = ng.play_match(PD, table, opponent, turns=50, seed=3).actions
        b = ng.play_match(PD, "grudger", opponent, turns=50, seed=3).actions
        assert a == b


def test_a_python_strategy_missing_a_method_says_which():
    class Mute(ng.StrategyBase):
        name = "mute"

        def next(self, state, own, other):
            return state

    with pytest.raises(ng.errors.ParameterError, match=r"strategy 'mute' defines no play\(state\)"):
        ng.tournament(ng.examples.prisoners_dilemma(), [Mute(), "defector"], turns=5, repetitions=1)
