"""Comparisons are tables of outcomes: what changed is marked, and the terminal table fits 100 columns."""

import json
import re

import pytest

import negotiation as ng
from negotiation import _format
from negotiation.errors import ParameterError
from negotiation.render.comparison import MARK, comparison
from negotiation.render.outcomes import outcome_rows

JARGON = re.compile(r"by vertex enumeration|by backward induction|packages over|max regret")


@pytest.mark.parametrize("name", ng.list_scenarios())
def test_outcome_rows_say_what_was_found_not_how(name):
    rows = outcome_rows(ng.load_scenario(name).report())
    assert rows
    for aspect, text in rows:
        assert text and not JARGON.search(text), (aspect, text)
        assert "object at 0x" not in text and "Interval(" not in text


def test_the_standoff_outcomes_match_the_solvers():
    instance = ng.load_scenario("tariff_standoff", backdown_cost=40)
    rows = dict(outcome_rows(instance.report()))
    spe = ng.backward_induction(instance.build("tree"))
    path = " → ".join(action for _, action, _ in spe.equilibria[0].path)
    assert rows["subgame-perfect path"].startswith(path + " → ")
    assert rows["threats"] == "U.S.: Impose tariffs credible; China: Retaliate credible"
    pure = ng.solve(instance.build("matrix")).equilibria
    assert rows["equilibria"].count("→") == len(pure)


def test_changed_cells_are_exactly_the_cells_that_differ():
    # with U.S. exporters bearing most of China's tariff, the threat stays credible until China's exporters
    # can easily sell elsewhere (a high supply elasticity): the U.S. then gains little from its own tariff
    table = comparison("tariff_standoff", {"us_supply_elasticity": [0.5], "china_supply_elasticity": [1, 4, 8]})
    header, rows = table.table()
    assert len(header) == 4 and all("china_supply_elasticity=" in h for h in header[1:])
    expected = [(row[0], header[k]) for row in rows for k in range(2, len(row)) if row[k] != row[1]]
    assert table.changed() == expected and ("threats", header[3]) in expected
    assert ("threats", header[2]) not in expected  # still credible at 4
    text = str(table)
    assert text.count(MARK) == len(expected) + 1  # each changed cell, and the note
    html = table._repr_html_()
    assert html.count('class="changed"') == len(expected)
    data = table.to_dict()
    assert data[2]["changed"] == [aspect for aspect, column in expected if column == header[3]]


def test_a_comparison_without_changes_says_so():
    text = str(comparison("north_korea", {"reputation_gain": [5, 5.0]}))
    assert MARK not in text and "every setting gives the same outcome" in text


@pytest.mark.parametrize("name,grid", [
    ("tariff_standoff", {"backdown_cost": [5, 40], "face_cost": [0, 20, 100]}),
    ("purchase_pledges", {"us_reservation": [40, 100]}),
    ("zte_linkage", {}),
    ("march_deadline", {"us_hazard": [0.1, 0.3, 0.5, 0.9]}),
])
def test_the_terminal_table_fits_100_columns_and_loses_no_words(name, grid):
    table = comparison(name, grid)
    text = str(table)
    assert max(len(line) for line in text.splitlines()) <= 100
    words = set(text.split())
    header, rows = table.table()
    for row in [header] + rows:
        for cell in row:
            assert set(cell.split()) <= words, cell


def test_fitted_table_wraps_and_blocks():
    header = ["aspect"] + [f"setting {k}" for k in range(7)]
    rows = [["verdict"] + ["word " * 12] * 7]
    text = _format.fitted_table(header, rows, width=60)
    assert max(map(len, text.splitlines())) <= 60
    blocks = text.split("\n\n")
    assert len(blocks) > 1 and all(block.startswith("aspect") for block in blocks)
    assert sum(block.splitlines()[0].count("setting") for block in blocks) == 7


def test_strategies_are_compared_by_their_tournament_record():
    table = comparison("tariff_ladder", strategies=["tit_for_tat", "grudger"])
    header, rows = table.table()
    assert header == ["outcome", "tit_for_tat", "grudger"]
    cells = {row[0]: row[1:] for row in rows}
    result = ng.load_scenario("tariff_ladder").report().sections["tournament"]
    names = list(result.strategies)
    assert cells["rank"][1] == f"{result.ranking.index('grudger') + 1} of {len(names)}"
    i, j = names.index("tit_for_tat"), names.index("grudger")
    assert cells["against grudger"][0] == _format.number(result.mean_payoffs[i, j], 4)
    assert table.changed() == []  # different entries, nothing to mark


def test_unknown_strategies_and_scenarios_without_tournaments_are_named():
    with pytest.raises(ParameterError, match="nope did not play in tariff_ladder's tournament; its entries are"):
        comparison("tariff_ladder", strategies=["nope"])
    with pytest.raises(ParameterError, match="has no tournament"):
        comparison("tariff_standoff", strategies=["tit_for_tat"])


def test_compare_command(capsys):
    from negotiation.cli import main

    assert main(["compare", "multi_issue_talks", "--strategies", "hard_liner,boulware"]) == 0
    out = capsys.readouterr().out
    assert "hard_liner" in out and "deals" in out
    assert main(["compare", "tariff_standoff", "--set", "us_supply_elasticity=0.5", "--set",
                 "china_supply_elasticity=1,8", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"threats", "Is the U.S. threat to impose the tariffs credible?"} <= set(data[1]["changed"])
    assert main(["compare", "tariff_standoff"]) == 2
    assert "give --set" in capsys.readouterr().err
