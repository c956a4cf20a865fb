"""One contract, checked for every scenario in the catalogue.

Metadata and sources are complete; every quote appears in its seed file; no
source postdates the scenario; the scenario builds at its defaults and at both
ends of every parameter range; every reported equilibrium passes the
checkers; every teaching answer is recomputed.
"""

import datetime
import pathlib
import warnings

import pytest

import negotiation as ng
from negotiation import errors
from tests.tools import seeds_dir

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMES = ng.list_scenarios()


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_catalogue_has_the_required_scenarios():
    required = {"tariff_standoff", "purchase_pledges", "zte_linkage", "north_korea", "march_deadline",
                "buying_spree", "enforcement", "semiconductors", "leader_type"}
    assert required <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_metadata_and_sources(name):
    s = ng.get_scenario(name)
    assert s.name == name and s.title and s.summary and isinstance(s.date, datetime.date)
    assert len(s.players) >= 2 and all(s.moves.get(p) for p in s.players)
    assert s.sources and s.forms and s.questions
    for p in s.parameters:
        assert p.unit and p.source and p.reason, p.name
        assert p.low <= p.default <= p.high, p.name
    for source in s.sources:
        assert source.date <= s.date, f"{source.quote[:40]}... is dated after the scenario"
        assert source.outlet and source.quote


@pytest.mark.parametrize("name", NAMES)
def test_quotes_are_verbatim_in_their_seed_articles(name):
    seeds = seeds_dir()
    for source in ng.get_scenario(name).sources:
        if source.seed:
            text = (seeds / source.seed).read_text(encoding="utf-8", errors="replace")
            assert _norm(source.quote) in _norm(text), f"quote not found in {source.seed}: {source.quote[:60]}"


def _ends(scenario):
    yield {}
    for p in scenario.parameters:
        yield {p.name: p.low}
        yield {p.name: p.high}


@pytest.mark.parametrize("name", NAMES)
def test_builds_and_solves_at_every_end_of_every_range(name):
    scenario = ng.get_scenario(name)
    for overrides in _ends(scenario):
        instance = scenario.bind(**overrides)
        report = instance.report()
        assert report.sections
        _check_results(instance, report)
        for question, answer in instance.answers():
            assert isinstance(answer, str) and answer, question


def _check_results(instance, report):
    """Every equilibrium reported passes the matching checker."""
    for title, result in report.sections.items():
        if isinstance(result, ng.EquilibriumSet):
            for eq in result:
                assert ng.is_nash(result.game, eq.profile, tol=1e-9), (title, instance.values)
        if isinstance(result, ng.SubgamePerfectResult):
            for eq in result:
                assert ng.is_subgame_perfect(result.tree, eq.behaviour), (title, instance.values)
        if isinstance(result, ng.BargainingSolution) and result.agreement:
            assert result.individually_rational and result.pareto_optimal
        if hasattr(result, "items"):  # several bargaining solutions
            for item in result.items:
                if isinstance(item, ng.BargainingSolution) and item.agreement:
                    assert item.individually_rational and item.pareto_optimal, (title, item)


@pytest.mark.parametrize("name", NAMES)
def test_out_of_range_and_unknown_parameters_name_the_range(name):
    scenario = ng.get_scenario(name)
    p = scenario.parameters[0]
    with pytest.raises(errors.ParameterError, match=rf"{p.name} .* outside its plausible range"):
        scenario.bind(**{p.name: p.high + 1})
    with pytest.raises(errors.ParameterError, match="has no parameter 'no_such_thing'"):
        scenario.bind(no_such_thing=1)


@pytest.mark.parametrize("name", NAMES)
def test_report_renders(name):
    report = ng.load_scenario(name).report()
    text = str(report)
    assert ng.get_scenario(name).title in text
    data = report.to_dict()
    assert data["scenario"] == name and data["questions"]


def test_reports_do_not_leak_degeneracy_warnings():
    """Degeneracy is reported in the result; a report should not also warn."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ng.errors.DegenerateGameWarning)
        for name in NAMES:
            ng.load_scenario(name).report()


# ------------------------------------------------------------ facts, priors, metrics (issue 16)
@pytest.mark.parametrize("name", NAMES)
def test_no_parameter_rests_on_a_fact_published_after_the_scenario(name):
    from negotiation.econ import REGISTRY

    s = ng.get_scenario(name)
    for p in s.parameters:
        if p.fact is not None:
            assert REGISTRY.published(p.fact) <= s.date, p.name
            assert p.default == REGISTRY[p.fact].value and p.unit == REGISTRY[p.fact].unit, p.name


@pytest.mark.parametrize("name", NAMES)
def test_priors_lie_in_their_ranges_and_metrics_are_documented(name):
    s = ng.get_scenario(name)
    for p in s.uncertain:
        if p.prior[0] != "lognormal":
            assert p.low <= p.prior[1] <= p.prior[-1] <= p.high, p.name
    if s.metric_docs:
        documented = {m.name for m in s.metric_docs}
        for values in _ends(s):
            out = s.metrics(s.bind(**values).values)
            assert set(out) <= documented, f"undocumented metrics {set(out) - documented} at {values}"
            for m in s.metric_docs:
                kind = (bool,) if m.verdict else (int, float)
                assert isinstance(out[m.name], kind) and (m.verdict or not isinstance(out[m.name], bool)), m.name
    for q in s.questions:
        if q.metric is not None:
            assert s.metric(q.metric).verdict and q.holds, q.text


#: Scenarios rebuilt on the trade-economics registry (issue 16): every payoff is derived, or a labelled
#: political term, so no number may appear in the code that builds their games.
REBUILT = ("tariff_standoff", "purchase_pledges", "buying_spree", "semiconductors", "enforcement", "zte_linkage",
           "march_deadline", "structural_issues", "bilateral_vs_global", "three_countries", "leader_type")
_ALLOWED = {0, 1}


def _typed_numbers(source: str) -> list:
    """(function, line, number) for every number written inside a function of ``source``, but 0 and 1."""
    import ast

    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            found += [(node.name, n.lineno, n.value) for n in ast.walk(node) if isinstance(n, ast.Constant)
                      and type(n.value) in (int, float) and n.value not in _ALLOWED]
    return found


@pytest.mark.parametrize("name", REBUILT)
def test_rebuilt_scenarios_have_no_payoff_literals(name):
    assert _typed_numbers((ROOT / "scenarios" / f"{name}.py").read_text(encoding="utf-8")) == []


def test_the_payoff_lint_catches_a_typed_number():
    source = "LIMIT = 3\n\ndef tree(v):\n    return v.tariff_cost * 37.5 + 1\n"
    assert _typed_numbers(source) == [("tree", 4, 37.5)]


@pytest.mark.parametrize("name", REBUILT)
def test_rebuilt_scenarios_label_every_typed_parameter_political(name):
    s = ng.get_scenario(name)
    for p in s.parameters:
        assert p.fact is not None or p.political or p.choice, (
            f"{p.name} is neither a registry fact, a political term nor a modelling choice")
        assert not (p.choice and p.uncertain), f"{p.name} is a modelling choice: it is varied, not drawn"


def test_steps_stay_inside_a_range_whose_ends_do_not_print_exactly():
    p = ng.Parameter("period", 0.25, "yr", 1 / 12, 1, "s", "r", choice=True)
    steps = p.steps(5)
    assert steps[0] == 1 / 12 and all(p.low <= x <= p.high for x in steps)
    p.check(steps[0])
