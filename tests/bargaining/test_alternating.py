"""Alternating offers: the closed form, its finite-horizon limit, and a game tree of discrete offers."""

from fractions import Fraction as F

import pytest

import negotiation as ng
from negotiation import errors


def test_closed_form_exact():
    result = ng.rubinstein(F(1, 2), F(1, 2))
    assert result.shares == (F(2, 3), F(1, 3))
    assert result.agreement_round == 1


def test_more_patient_side_gets_more():
    """'China can outlast the U.S.': with δ_China > δ_US, China gets more even as responder."""
    result = ng.rubinstein(0.9, 0.98, players=("U.S.", "China"))
    assert result.shares[1] > result.shares[0]


def test_finite_horizon_converges_to_rubinstein():
    d1, d2 = F(9, 10), F(4, 5)
    infinite = ng.rubinstein(d1, d2).shares[0]
    gaps = [abs(ng.rubinstein(d1, d2, horizon=T).shares[0] - infinite) for T in (2, 6, 20, 60)]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < F(1, 10**3)


def test_deadline_with_a_bad_disagreement_outcome():
    """If talks fail at the deadline both lose (tariffs rise to 25%): in the last
    round the responder accepts any share, even nothing, rather than -1."""
    result = ng.rubinstein(F(1), F(1), horizon=1, disagreement=(-1, -1))
    assert result.shares == (F(1), F(0))
    two = ng.rubinstein(F(9, 10), F(9, 10), horizon=2, disagreement=(-1, -1))
    assert two.shares == (F(1, 10), F(9, 10))  # player 2 proposes last: player 1 must concede 9/10 now


def test_breakdown_risk_alone():
    """No discounting but a 10% chance talks collapse after each rejection: the
    first proposer gets 1/(2 - p) of the pie."""
    result = ng.rubinstein(1, 1, breakdown=F(1, 10))
    assert result.shares[0] == F(1) / (2 - F(1, 10))


def test_outside_option_binds_only_if_large():
    small = ng.rubinstein(F(9, 10), F(9, 10), outside_options=(0, F(1, 10)))
    assert small.binding_options == () and small.shares == ng.rubinstein(F(9, 10), F(9, 10)).shares
    large = ng.rubinstein(F(9, 10), F(9, 10), outside_options=(0, F(3, 5)))
    assert large.binding_options == ("Player 2",) and large.shares == (F(2, 5), F(3, 5))


def test_bad_parameters():
    with pytest.raises(errors.ParameterError, match="delta_1"):
        ng.rubinstein(1.5, 0.5)
    with pytest.raises(errors.ParameterError, match="no unique split"):
        ng.rubinstein(1, 1)
    with pytest.raises(errors.ParameterError, match="horizon"):
        ng.rubinstein(0.5, 0.5, horizon=0)


def offer_tree(units, d1, d2, rounds):
    """Discretised alternating offers as a game tree: the proposer offers k of `units` units."""
    def stage(t):
        if t > rounds:
            return ng.outcome(0, 0)
        proposer = "P1" if t % 2 == 1 else "P2"
        weight = (d1 ** (t - 1), d2 ** (t - 1))
        offers = {}
        for k in range(units + 1):
            mine = F(units - k, units)
            split = (mine, 1 - mine) if proposer == "P1" else (1 - mine, mine)
            responder = "P2" if proposer == "P1" else "P1"
            offers[f"offer {k}"] = ng.decision(responder, {
                "accept": ng.outcome(weight[0] * split[0], weight[1] * split[1]),
                "reject": stage(t + 1),
            })
        return ng.decision(proposer, offers)

    return ng.GameTree.from_nested(("P1", "P2"), stage(1))


@pytest.mark.parametrize("rounds", [1, 2, 3])
def test_closed_form_agrees_with_the_offer_tree(rounds):
    d1, d2, units = F(1, 2), F(3, 4), 8
    tree = offer_tree(units, d1, d2, rounds)
    result = ng.backward_induction(tree, limit=5)
    share = ng.rubinstein(d1, d2, horizon=rounds).shares[0]
    # with offers in steps of 1/8 the tree's SPE share is within one step of the continuous one
    for eq in result:
        assert abs(eq.payoffs[0] - share) <= F(1, units)
