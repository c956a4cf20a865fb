"""No output shows a SymPy repr or an object address: thresholds and conditions read as words."""

import json
import re
import warnings

import pytest

import negotiation as ng
from negotiation.render import render

SYMPY_REPR = re.compile(r"Interval\(|EmptySet|Union\(|Complement\(|FiniteSet\(|ConditionSet\(|Piecewise\(|"
                        r"BooleanTrue|BooleanFalse|Symbol\(|Rational\(|\bzoo\b|(?<![\w∞])-?oo\b|object at 0x")


@pytest.mark.parametrize("name", ng.list_scenarios())
def test_no_sympy_repr_in_any_output(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = ng.load_scenario(name).report()
        outputs = {
            "text": str(report),
            "markdown": render(report, "markdown"),
            "latex": render(report, "latex"),
            "json": json.dumps(report.to_dict(), default=str, ensure_ascii=False),
            "answers": "\n".join(a for _, a in report.instance.answers()),
        }
        from negotiation.render.report import html_report

        outputs["html"] = html_report([report], figures=False)
    for kind, text in outputs.items():
        found = SYMPY_REPR.search(text)
        assert found is None, f"{kind}: …{text[max(0, found.start() - 80):found.end() + 40]}…"
