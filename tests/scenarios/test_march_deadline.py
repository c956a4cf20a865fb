"""The deadline scenario: the clock's bargaining against backward induction on a discretised tree, the
stationary values against long horizons, no parity artefacts, and purchases as a conditional move."""

import importlib

import numpy as np
import pytest

import negotiation as ng

SCENARIO = ng.get_scenario("march_deadline")
TOL = 1e-9


def _module():
    return importlib.import_module("scenarios.march_deadline")


def _tree(pie, stay, deltas, meeting, us_proposes, later, periods, offers):
    """Bargaining over ``periods`` periods as an explicit tree: a chance node for the meeting, one for the
    proposer, ``offers + 1`` splits of the pie, accept or reject; at the end, the values ``later``. Payoffs
    are discounted sums along the path, each side at its own δ."""
    def period(t, so_far):
        def reached(share):
            return tuple(so_far[i] + deltas[i] ** t * share[i] for i in range(2))

        def proposal(i):
            moves = {}
            for k in range(offers + 1):
                own = pie * k / offers
                split = (own, pie - own) if i == 0 else (pie - own, own)
                moves[f"keep {k}/{offers}"] = ng.decision(("China", "U.S.")[i], {
                    "Accept": ng.outcome(*reached(split)), "Reject": period(t + 1, flows_to(t, so_far))})
            return ng.decision(("U.S.", "China")[i], moves)

        if t == periods:
            return ng.outcome(*reached(later))
        wait = period(t + 1, flows_to(t, so_far))
        return ng.chance({"meeting": (meeting, ng.chance({"U.S. proposes": (us_proposes, proposal(0)),
                                                          "China proposes": (1 - us_proposes, proposal(1))})),
                          "no meeting": (1 - meeting, wait)})

    def flows_to(t, so_far):
        return tuple(so_far[i] + deltas[i] ** t * stay[i] for i in range(2))

    return ng.GameTree.from_nested(("U.S.", "China"), period(0, (0.0, 0.0)))


def _grid_step(pie, later, stay, deltas, meeting, us_proposes, offers):
    """The same period on a grid of splits: the proposer keeps the most it can while the other accepts (or
    makes an offer that is refused, when that is better for it)."""
    reject = np.add(stay, np.multiply(deltas, later))
    shares = pie * np.arange(offers + 1) / offers
    outcome = []
    for i in range(2):
        j = 1 - i
        accepted = [s for s in shares if pie - s >= reject[j]]
        keep = max(accepted, default=-np.inf)
        outcome.append((keep, pie - keep) if keep >= reject[i] else (reject[i], reject[j]))
    chance = np.array([us_proposes, 1 - us_proposes]) * meeting
    values = (1 - meeting) * reject
    for i in range(2):
        mine, theirs = outcome[i]
        values[i] += chance[i] * mine
        values[1 - i] += chance[i] * theirs
    return values


@pytest.mark.parametrize("case", [
    dict(pie=10.0, stay=(-0.3, -0.5), deltas=(0.9, 0.95), meeting=0.6, us_proposes=0.4, later=(2.0, 3.0)),
    dict(pie=7.0, stay=(0.4, -0.1), deltas=(0.8, 0.97), meeting=1.0, us_proposes=0.5, later=(3.1, 2.2)),
])
def test_the_clock_matches_backward_induction_on_a_discretised_tree(case):
    """Two periods to the deadline, splits on a grid: ng's subgame-perfect solver on the explicit tree gives the
    grid recursion's values exactly, and those lie within a grid step per period of the clock's recursion."""
    d = _module()
    periods, offers = 2, 16
    exact = continuous = np.asarray(case["later"], dtype=float)
    for _ in range(periods):
        args = (case["pie"], case["stay"], case["deltas"], case["meeting"], case["us_proposes"])
        exact = _grid_step(args[0], exact, *args[1:], offers)
        continuous = d.step(args[0], continuous, *args[1:])
    result = ng.subgame_perfect_equilibria(_tree(**case, periods=periods, offers=offers))
    assert len(result) >= 1
    for equilibrium in result:
        assert np.allclose(equilibrium.payoffs, exact, atol=1e-9), (equilibrium.payoffs, exact)
    assert np.allclose(exact, continuous, atol=periods * case["pie"] / offers)


def test_stationary_values_are_the_long_horizons_limit():
    d = _module()
    args = dict(pie=50.0, stay=np.array([-0.2, -0.4]), deltas=(0.98, 0.995), meeting=0.15, us_proposes=0.5)
    fixed = d.stationary(**args)
    values = np.array([-30.0, 80.0])  # far from the fixed point
    for _ in range(5000):
        values = d.step(args["pie"], values, args["stay"], args["deltas"], args["meeting"], args["us_proposes"])
    assert np.allclose(values, fixed, atol=1e-6)


def test_a_random_proposer_with_equal_patience_splits_by_the_proposer_chance():
    """With no flows and a meeting every period, agreement is immediate and efficient; with equal δ each
    side's share is its chance of proposing (it is not a parity of rounds)."""
    d = _module()
    for rho in (0.2, 0.5, 0.9):
        values = d.stationary(10.0, (0.0, 0.0), (0.9, 0.9), 1.0, rho)
        assert values.sum() == pytest.approx(10.0, abs=TOL)
        assert values[0] == pytest.approx(10.0 * rho, abs=TOL)


def test_no_parity_artefact_one_period_more_moves_the_split_a_little():
    """The old alternating-offers model jumped between 0.05 and 1.0 with the parity of the rounds. Here the
    values a period further from the deadline move by less than a meeting's share, and the direction of the
    moves turns at most once (a parity artefact turns it every period)."""
    d = _module()
    x = d.solve(SCENARIO.bind().values)
    values, steps = x.regimes[(x.action, x.purchases)], []
    stay = np.zeros(2)
    for _ in range(60):
        previous = values
        values = d.step(x.pie, values, stay, x.deltas, x.meeting, SCENARIO.bind().values.us_proposes)
        steps.append((values - previous)[0] / x.pie)
    steps = np.array(steps)
    assert np.all(np.abs(steps) <= x.meeting)
    signs = np.sign(steps[np.abs(steps) > TOL])
    assert np.count_nonzero(np.diff(signs)) <= 1


def test_shares_converge_as_the_period_shrinks():
    shares = [SCENARIO.metrics(SCENARIO.bind(period_years=p).values)["us_share"] for p in (1 / 13, 1 / 26, 1 / 52)]
    assert abs(shares[2] - shares[1]) < abs(shares[1] - shares[0]) + 1e-3
    assert abs(shares[2] - shares[1]) < 0.02


@pytest.mark.parametrize("overrides", [{}, {"market_cost": 20}, {"market_cost": 6, "farm_value": 1},
                                       {"market_cost": 8, "farm_value": 0.5}])
def test_the_deadline_tree_and_the_backward_induction_agree(overrides):
    """ng's subgame-perfect solver on the deadline tree takes the path the scenario's own reasoning takes."""
    d = _module()
    v = SCENARIO.bind(**overrides).values
    x = d.solve(v)
    result = ng.subgame_perfect_equilibria(d.tree(v))
    paths = {tuple(action for _, action, _ in eq.path) for eq in result}
    assert any(path[-1] == x.action for path in paths)
    if x.purchases == d.BUY:
        assert paths == {(d.BUY, d.EXTEND)}


def test_purchases_are_a_conditional_move_bought_only_when_they_keep_the_truce():
    """Where China buys, the U.S. would raise without the purchases; where the U.S. extends anyway, China does
    not buy (its purchases are not strictly dominated, and not made for nothing)."""
    d = _module()
    buying = SCENARIO.bind(market_cost=6, farm_value=1).values
    x = d.solve(buying)
    assert x.purchases == d.BUY and x.action == d.EXTEND
    assert x.regimes[(d.EXTEND, d.STOP)][0] < x.regimes[(d.RAISE, d.STOP)][0]
    assert x.regimes[(d.EXTEND, d.BUY)][1] > x.regimes[(d.RAISE, d.STOP)][1]
    anyway = d.solve(SCENARIO.bind(market_cost=30).values)
    assert anyway.action == d.EXTEND and anyway.purchases == d.STOP


def test_a_raise_costs_what_the_tariff_block_says():
    """The U.S. realised cost of a raise: its own tariff's welfare change on $200B and its exporters' loss from
    China's answer in kind, each from econ.tariff."""
    from negotiation import econ

    v = SCENARIO.bind().values
    m = SCENARIO.metrics(v)

    def tariff(flow, rate, eps, eta):
        return econ.tariff(flow, rate / 100, eps, eta)

    own = (tariff(200, 25, v.us_demand_elasticity, v.china_supply_elasticity).importer_welfare.value
           - tariff(200, 10, v.us_demand_elasticity, v.china_supply_elasticity).importer_welfare.value)
    answer = (tariff(60, 25, v.china_demand_elasticity, v.us_supply_elasticity).exporter_welfare.value
              - tariff(60, v.china_rate, v.china_demand_elasticity, v.us_supply_elasticity).exporter_welfare.value)
    assert m["us_realised_raise_cost"] == pytest.approx(-(own + answer), abs=1e-9)
    assert m["us_raise_cost"] == pytest.approx(m["us_realised_raise_cost"] + v.market_cost, abs=1e-9)
