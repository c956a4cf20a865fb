"""Every game and result displays in Jupyter: both _repr_html_ and _repr_latex_."""

import warnings

import pytest

import negotiation as ng
from negotiation import examples
from tests import trees


def objects():
    game = examples.battle_of_the_sexes()
    tree = trees.entry_deterrence()
    problem = ng.BargainingProblem.from_points([(0, 10), (6, 6), (10, 0)], (0, 0))
    zone = ng.deal_range({"A": lambda x: x - 1, "B": lambda x: 5 - x}, {"A": 0, "B": 0}, bounds=(0, 10))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        built = {
            "game": game,
            "equilibria": ng.all_equilibria(game),
            "dominance": ng.iterated_elimination(game),
            "zero-sum": ng.solve_zero_sum(examples.matching_pennies()),
            "tree": tree,
            "backward induction": ng.backward_induction(tree),
            "threats": ng.credible_threats(tree, {"": "Enter", "Enter": "Fight"}),
            "tree nash": ng.tree_nash_equilibria(tree),
            "bargaining": ng.nash_bargaining(problem),
            "deal range": zone,
            "rubinstein": ng.rubinstein(0.9, 0.8),
            "enforcement": ng.critical_discount_factor(examples.prisoners_dilemma(), ("Cooperate", "Cooperate")),
            "sweep": ng.sweep(lambda a: {"b": a * 2}, grid={"a": [1, 2]}, progress=False),
            "batch": ng.batch_equilibria([[[1, 0], [0, 1]]], [[[1, 0], [0, 1]]]),
            "scenario report": ng.load_scenario("tariff_standoff").report(),
        }
    return built


@pytest.mark.parametrize("name, obj", list(objects().items()))
def test_displays_in_notebooks(name, obj):
    page = obj._repr_html_()
    assert isinstance(page, str) and page.startswith("<")
    math = obj._repr_latex_()
    assert math.startswith("$") and math.endswith("$")
    assert math.count("{") == math.count("}") or "\\{" in math


def _workshop_objects():
    from negotiation.render.report import comparison

    split = ng.offer_space({f"{k}": (k, 10 - k) for k in range(11)}, reservation=(0, 0))
    return {
        "scenario": ng.get_scenario("zte_linkage"),
        "bound scenario": ng.load_scenario("zte_linkage", security_cost=20),
        "comparison": comparison("tariff_standoff", {"backdown_cost": [5, 40]}),
        "bargaining problem": ng.BargainingProblem.from_packages({"a": (1, 2), "b": (2, 1)}, (0, 0)),
        "deal space": ng.load_scenario("zte_linkage").build("deal"),
        "offer space": split,
        "negotiation": ng.negotiate(split, "linear", "linear", deadline=6),
        "agent tournament": ng.agent_tournament(split, ["linear", "nash"], deadline=6, repetitions=1),
        "tournament": ng.tournament(examples.prisoners_dilemma(), ["tit_for_tat", "defector"], turns=5,
                                    repetitions=1),
        "threshold": ng.load_scenario("tariff_standoff").build("threshold"),
    }


@pytest.mark.parametrize("name", list(_workshop_objects()))
def test_workshop_objects_display_without_addresses_or_dataclass_dumps(name):
    obj = _workshop_objects()[name]
    shown = obj._repr_html_()
    assert shown and "object at 0x" not in shown and "object at 0x" not in repr(obj)
    assert len(repr(obj)) < 400  # a short reminder, not a dump of every field
