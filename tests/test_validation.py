"""Verdicts as probabilities under a scenario's priors, observation files, and `negotiation validate`."""

import datetime
import json
import math
import pathlib

import numpy as np
import pytest

import negotiation as ng
from negotiation import cli, errors
from negotiation.io import observation_file
from negotiation.io.observation_file import Observation

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "observations-feb-2019.toml"
LATER = datetime.date(2018, 7, 6)


# ------------------------------------------------------------ verdicts as probabilities
def test_probabilities_equal_a_hand_count_over_the_same_draws():
    """The share reported is the share of the same seeded draws, recomputed here by binding each draw."""
    s = ng.get_scenario("tariff_standoff")
    draws = 300
    result = ng.verdict_probabilities(s, draws=draws, seed=7, progress=False)
    rng = np.random.default_rng(7)
    columns = {p.name: np.clip(ng.econ.draw(p.prior, draws, rng), p.low, p.high) for p in s.uncertain}
    counts = {m.name: 0 for m in s.metric_docs if m.verdict}
    for k in range(draws):
        out = s.metrics(s.bind(**{n: float(c[k]) for n, c in columns.items()}).values)
        for name in counts:
            counts[name] += bool(out[name])
    for name, count in counts.items():
        p = result.verdicts[name]
        assert p.probability == pytest.approx(count / draws, abs=1e-12)
        assert p.standard_error == pytest.approx(math.sqrt(p.probability * (1 - p.probability) / draws), abs=1e-12)


def test_probabilities_are_seeded_and_questions_read_their_metrics():
    a = ng.verdict_probabilities("tariff_standoff", draws=200, seed=3, progress=False)
    b = ng.verdict_probabilities("tariff_standoff", draws=200, seed=3, progress=False)
    assert a.to_dict() == b.to_dict()
    (question, chance), *_ = a.questions
    assert question == "Does the U.S. impose the tariffs?"
    assert chance.probability == a.verdicts["tariffs_imposed"].probability
    assert chance.verdict == "the U.S. imposes the tariffs"
    text = str(a)
    assert "% of draws (±" in text and "object at 0x" not in text


def test_a_parameter_set_by_the_caller_is_held_not_drawn():
    result = ng.verdict_probabilities("tariff_standoff", draws=200, progress=False, backdown_cost=60)
    assert "backdown_cost" not in result.priors and result.held == {"backdown_cost": 60}
    # a U.S. audience cost at the top of its range makes the threat credible in every draw
    assert result.verdicts["threat_credible"].probability == 1.0
    assert "held at the values set: backdown_cost=60" in str(result)


def test_a_scenario_without_priors_says_its_verdicts_are_certain():
    s = ng.get_scenario("tariff_standoff")
    held = {p.name: p.default for p in s.uncertain}  # every uncertain quantity held: nothing is left to draw
    result = ng.verdict_probabilities(s, draws=50, progress=False, **held)
    assert result.draws == 0 and "certain" in str(result)


def test_bad_draws_and_seeds_are_refused():
    with pytest.raises(errors.ParameterError, match="draws"):
        ng.verdict_probabilities("tariff_standoff", draws=0, progress=False)
    with pytest.raises(errors.ParameterError, match="seed"):
        ng.verdict_probabilities("tariff_standoff", draws=10, seed=-1, progress=False)


def test_priors_are_checked_when_declared():
    with pytest.raises(errors.ParameterError, match="outside the range"):
        ng.Parameter("x", 1, "$B/yr", 0, 2, "s", "r", prior=("uniform", 0, 5))
    with pytest.raises(errors.ParameterError, match="a prior is"):
        ng.Parameter("x", 1, "$B/yr", 0, 2, "s", "r", prior=("beta", 1, 1))


def test_a_fact_parameter_refuses_look_ahead():
    with pytest.raises(errors.LookAheadError, match="us_imports_from_china_2018"):
        ng.Parameter.from_fact("imports", "us_imports_from_china_2018", datetime.date(2018, 5, 1), "why")


# ------------------------------------------------------------ observation files
def test_the_documented_example_reads():
    assert [o.metric for o in observation_file.loads(observation_file.EXAMPLE)] == [
        "tariffs_imposed", "demand_in_deal_range"]


@pytest.mark.parametrize("text, words", [
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='=~'\nvalue=1\nobserved=2019-01-01\nsource='s'\n",
     "relation must be one of"),
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='<'\nvalue=true\nobserved=2019-01-01\nsource='s'\n",
     "yes/no value is compared with =="),
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='<'\nvalue=1\nobserved='soon'\nsource='s'\n",
     "expected a date"),
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='<'\nvalue=1\nobserved=2019-01-01\n", "'source' is missing"),
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='<'\nvalue=1\nobserved=2019-01-01\nsource='s'\nrun='x'\n",
     "unknown field 'run'"),
    ("[[observation]]\nscenario='a'\nmetric='m'\nrelation='<'\nvalue=1\nobserved=2019-01-01\nsource='s'\n"
     "set={x='1'}\n", "a parameter value is a number"),
    ("title = 'x'\n", "unknown field 'title'"),
    ("[[observation]\n", "line 1"),
])
def test_malformed_observation_files_name_what_is_wrong(text, words):
    with pytest.raises(errors.FileFormatError, match=words.replace("(", r"\(")):
        observation_file.loads(text, source="obs.toml")


# ------------------------------------------------------------ validate
def test_an_observation_on_or_before_the_scenario_date_is_refused():
    early = Observation("tariff_standoff", "tariffs_imposed", "==", True, datetime.date(2018, 5, 2), "s")
    with pytest.raises(errors.ParameterError, match="no test out of sample"):
        ng.validate([early], draws=10, progress=False)


def test_an_unknown_metric_lists_the_scenarios_metrics():
    wrong = Observation("tariff_standoff", "deal_signed", "==", True, LATER, "s")
    with pytest.raises(errors.ParameterError, match="its metrics are tariffs_imposed, threat_credible"):
        ng.validate([wrong], draws=10, progress=False)


def test_a_number_compared_with_a_yes_no_metric_is_refused():
    wrong = Observation("tariff_standoff", "tariffs_imposed", ">", 3, LATER, "s")
    with pytest.raises(errors.ParameterError, match="yes/no"):
        ng.validate([wrong], draws=10, progress=False)


def test_verdicts_follow_the_stated_thresholds():
    seen = [Observation("tariff_standoff", "tariffs_imposed", "==", True, LATER, "USTR"),
            Observation("tariff_standoff", "tariffs_imposed", "==", False, LATER, "made up, to disagree"),
            Observation("tariff_standoff", "us_welfare", ">", 4.0, LATER, "a threshold near the median")]
    report = ng.validate(seen, draws=400, seed=2, progress=False)
    agree, disagree, middle = report.checks
    assert agree.probability == pytest.approx(1 - disagree.probability, abs=1e-12)
    assert agree.verdict == "agrees" and disagree.verdict == "disagrees"
    assert 0.1 < middle.probability < 0.9 and middle.verdict == "uncertain"
    drawn = ng.monte_carlo(ng.get_scenario("tariff_standoff"), {p.name: p.prior for p in
                           ng.get_scenario("tariff_standoff").uncertain}, draws=400, seed=2, progress=False)
    assert middle.probability == pytest.approx(np.mean(np.array(drawn.table.column("us_welfare")) > 4.0), abs=1e-12)


def test_validate_command_on_the_shipped_example(capsys):
    observations = observation_file.load(EXAMPLE)
    assert observations and all(o.observed <= datetime.date(2019, 2, 28) for o in observations)
    code = cli.main(["validate", str(EXAMPLE), "--draws", "300", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and len(out["checks"]) == len(observations)
    assert out["agrees_at"] == 0.9 and out["disagrees_at"] == 0.1
    for check in out["checks"]:
        assert check["verdict"] in ("agrees", "disagrees", "uncertain") and 0 <= check["probability"] <= 1


def test_solve_with_probabilities(capsys):
    code = cli.main(["solve", "tariff_standoff", "--probabilities", "--draws", "200"])
    out = capsys.readouterr().out
    assert code == 0 and "-- probabilities" in out and "the threat is credible:" in out
