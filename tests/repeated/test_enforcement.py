"""critical_discount_factor: the textbook grim-trigger threshold, minmax, hazard and finite horizons."""

from fractions import Fraction as F

import pytest

import negotiation as ng
from negotiation import errors, examples


def test_prisoners_dilemma_grim_trigger():
    """Keep 3, deviate for 5, then 1 for ever: δ* = (5 - 3) / (5 - 1) = 1/2."""
    pd = examples.prisoners_dilemma().as_exact()
    result = ng.critical_discount_factor(pd, ("Cooperate", "Cooperate"))
    assert result.threshold == F(1, 2)
    assert result.holds_at(F(3, 5)) and not result.holds_at(F(2, 5))
    assert "δ ≥ 1/2" in str(result)


def test_minmax_punishment_is_no_weaker():
    pd = examples.prisoners_dilemma()
    nash = ng.critical_discount_factor(pd, ("Cooperate", "Cooperate"))
    minmax = ng.critical_discount_factor(pd, ("Cooperate", "Cooperate"), punishment="minmax")
    assert minmax.threshold <= nash.threshold + 1e-9


def test_hazard_raises_the_threshold():
    pd = examples.prisoners_dilemma().as_exact()
    result = ng.critical_discount_factor(pd, ("Cooperate", "Cooperate"), hazard=F(1, 5))
    assert result.threshold == F(1, 2) / (1 - F(1, 5))
    too_risky = ng.critical_discount_factor(pd, ("Cooperate", "Cooperate"), hazard=F(3, 5))
    assert not too_risky.enforceable


def test_finite_horizon_unravels_with_a_unique_equilibrium():
    result = ng.critical_discount_factor(examples.prisoners_dilemma(), ("Cooperate", "Cooperate"), horizon=10)
    assert not result.enforceable and "unravels" in result.message


def test_stage_equilibrium_needs_no_patience():
    result = ng.critical_discount_factor(examples.prisoners_dilemma(), ("Defect", "Defect"))
    assert result.threshold == 0


def test_errors():
    with pytest.raises(errors.ParameterError):
        ng.critical_discount_factor(examples.prisoners_dilemma(), ("Cooperate", "Cooperate"), punishment="war")
    with pytest.raises(errors.LabelError):
        ng.critical_discount_factor(examples.prisoners_dilemma(), ("Cooperate", "Pledge"))
