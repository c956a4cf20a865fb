"""Quantities: units machine-checked, kinds and sources required, the registry's look-ahead check."""

import datetime

import numpy as np
import pytest

from negotiation import econ, errors
from negotiation.econ import REGISTRY, Quantity

D = datetime.date(2018, 4, 3)


def q(name, value, unit, **kw):
    kw.setdefault("source", "test source")
    kw.setdefault("published", D)
    return Quantity(name, value, unit, **kw)


def test_a_percentage_cannot_be_added_to_a_flow():
    with pytest.raises(errors.UnitError, match=r"cannot add share \(%\) to gain \(\$B/yr\)"):
        q("gain", 100, "$B/yr") + q("share", 10, "%")


def test_a_one_off_amount_cannot_be_added_to_a_flow():
    with pytest.raises(errors.UnitError, match=r"fine \(\$B\).*losses \(\$B/yr\).*one-off amount of money is not a flow"):
        q("losses", 12, "$B/yr") - q("fine", 0.892, "$B")


def test_flows_in_other_time_units_are_converted():
    total = q("monthly", 1, "$B/month") + q("yearly", 12, "$B/yr")
    assert total.unit == "$B/month" and np.isclose(total.value, 2)
    assert np.isclose(q("x", 12, "$B/yr").magnitude("$B/month"), 1)


def test_products_carry_units():
    revenue = q("list", 50, "$B/yr") * q("rate", 25, "%")
    assert revenue.unit == "$B/yr" and np.isclose(revenue.value, 12.5) and revenue.kind == "derived"
    per_year = q("fine", 1.2, "$B") / q("years", 4, "yr")
    assert per_year.unit == "$B/yr" and np.isclose(per_year.value, 0.3)


def test_unknown_units_and_kinds_are_refused():
    with pytest.raises(errors.UnitError, match="unknown unit 'bananas'"):
        q("x", 1, "bananas")
    with pytest.raises(errors.ParameterError, match="kind must be one of"):
        q("x", 1, "$B/yr", kind="guess")


def test_primitives_need_a_source_and_a_date():
    with pytest.raises(errors.ParameterError, match="needs a source and its publication date"):
        Quantity("x", 1, "$B/yr", source="somewhere")


def test_political_terms_are_stated_in_dollars_a_year():
    face = Quantity("face", 5, "$B/yr", "seed 002: audience cost", D, kind="political")
    assert "political term" in face.describe()
    with pytest.raises(errors.UnitError, match=r"political terms are stated in \$B-equivalent a year"):
        Quantity("face", 5, "%", "seed 002", D, kind="political")


def test_values_must_lie_in_their_range():
    with pytest.raises(errors.ParameterError, match="outside its range"):
        q("x", 5, "1", low=0, high=1)


def test_the_registry_refuses_look_ahead_naming_both_dates():
    with pytest.raises(errors.LookAheadError, match="us_exports_to_china_2018 was published on 2019-03-06, after "
                       "the scenario's date 2018-05-01"):
        REGISTRY.as_of(datetime.date(2018, 5, 1), ["us_exports_to_china_2018"])
    assert REGISTRY.as_of(datetime.date(2019, 3, 6), ["us_exports_to_china_2018"])


def test_derived_quantities_are_dated_by_their_latest_input():
    registry = econ.Registry([q("early", 1, "$B/yr", published=datetime.date(2017, 1, 1)),
                              q("late", 2, "$B/yr", published=datetime.date(2019, 3, 1))])
    registry.add(Quantity("sum", 3, "$B/yr", kind="derived", inputs=("early", "late")))
    assert registry.published("sum") == datetime.date(2019, 3, 1)
    with pytest.raises(errors.LookAheadError, match="sum was published on 2019-03-01"):
        registry.as_of(datetime.date(2018, 6, 1), ["sum"])


def test_one_entry_per_quantity():
    with pytest.raises(errors.ParameterError, match="already in the registry"):
        econ.Registry([q("a", 1, "1"), q("a", 2, "1")])
    with pytest.raises(errors.ParameterError, match="did you mean .*us_imports_from_china_2017"):
        REGISTRY["us_imports_from_china_201"]


def test_every_registered_fact_is_sourced_and_dated():
    for name, quantity in REGISTRY.items():
        assert quantity.source and quantity.published, name
        assert quantity.low is not None and quantity.high is not None, name


def test_post_seed_facts_are_unavailable_to_every_seed_dated_model():
    latest_seed = datetime.date(2019, 2, 14)
    usable = set(REGISTRY.available(latest_seed))
    for name in ("us_exports_to_china_2018", "us_imports_from_china_2018", "us_soybean_exports_to_china_2018",
                 "us_buyers_loss_2018"):
        assert name not in usable
