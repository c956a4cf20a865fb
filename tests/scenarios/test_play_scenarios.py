"""The tariff ladder and the multi-issue talks: payoffs from trade economics, and agents against theory."""

import numpy as np
import pytest

import negotiation as ng
from negotiation import econ


def test_ladder_payoffs_are_the_partial_equilibrium_welfare_changes():
    instance = ng.load_scenario("tariff_ladder")
    v = instance.values
    game = instance.build("matrix")
    A, B = (np.asarray(p, float) for p in game.payoffs)
    # one cell recomputed from the closed forms in negotiation.econ.tariffs' docstring
    t_us, t_cn = 0.10, 0.25
    eps, eta = v.us_demand_elasticity, v.china_supply_elasticity
    q = (1 + t_us) ** (-eps / (eps + eta))
    p = (1 + t_us) * q
    revenue = t_us * q * v.us_list * q ** eta
    buyers = v.us_list * (p ** (1 - eps) - 1) / (1 - eps)
    hit = econ.tariff(v.china_list, t_cn, v.china_demand_elasticity, v.us_supply_elasticity)
    assert A[1, 2] == pytest.approx(revenue - buyers + hit.exporter_welfare.value, rel=1e-12)
    assert A[0, 0] == B[0, 0] == 0  # free trade is the baseline


@pytest.mark.parametrize("eta", [1.2, 3.0, 5.0, 8.0])
def test_the_us_best_rung_follows_the_optimal_tariff(eta):
    """Welfare rises with the own tariff up to 1/η (Johnson 1953-54): the best rung is the one nearest below or around it."""
    instance = ng.load_scenario("tariff_ladder", china_supply_elasticity=eta)
    A = np.asarray(instance.build("matrix").payoffs[0], float)
    rungs = np.array([0, 0.10, 0.25])
    welfare = [econ.tariff(instance.values.us_list, r, instance.values.us_demand_elasticity, eta)
               .importer_welfare.value for r in rungs]
    best = int(np.argmax(A[:, 0]))
    assert best == int(np.argmax(welfare))  # the other side's tariff does not move the best response
    assert all(int(np.argmax(A[:, j])) == best for j in range(3))
    if 1 / eta >= 0.25:
        assert best == 2


def test_the_ladder_tournament_and_its_figures():
    instance = ng.load_scenario("tariff_ladder")
    result = instance.build("tournament")
    assert len(result.strategies) == 10 and result.complete
    # at the defaults the top rung is dominant, so the strategies that always play it lead
    assert set(result.ranking[:2]) == {"defector", "stage_equilibrium"}


def test_the_talks_use_their_18_packages_and_agents_meet_on_both_sides():
    talks = ng.load_scenario("multi_issue_talks")
    space = talks.build("deal")
    assert len(space.packages) == 18 and set(space.issues) == {"purchases", "ZTE relief", "export controls"}
    result = talks.build("tournament")
    assert result.settings["deadline"] == 7 and 0.98 < result.settings["discount"][0] < 0.99
    rubinstein = ng.negotiate(ng.offer_space(talks.build("deal")), "rubinstein", "rubinstein", deadline=7,
                              discount=result.settings["discount"])
    assert rubinstein.round == 1
    i = result.agents.index("hard_liner")
    assert result.mean_payoffs[i, i] == 0  # two hard-liners: neither moves, no deal
