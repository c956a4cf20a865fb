"""``negotiation validate``: test scenarios against what happened, from a file of observations."""

from __future__ import annotations

import json

from .common import add_workers_argument, emit, workers

HELP = "test scenarios against what happened later, from a TOML file of observations"
DESCRIPTION = (
    "Read a file of observations (TOML or JSON, one [[observation]] table each: scenario, optional set, metric, "
    "relation, value, observed date, source; see docs/how-to/validate-a-model.md) and check each one against "
    "its scenario: the model's value at the scenario's values, the probability under the scenario's priors "
    "that the observed relation holds, and a verdict. A check agrees when that probability is at least 90%, "
    "disagrees when it is at most 10%, and is uncertain in between. An observation dated on or before its "
    "scenario's date is refused: it is no test out of sample.")


def add_arguments(parser) -> None:
    parser.add_argument("file", help="the observation file (.toml or .json)")
    parser.add_argument("--draws", type=int, default=10_000, help="draws from the priors per scenario "
                        "(default: 10000)")
    parser.add_argument("--seed", type=int, default=0, help="the seed of the draws (default: 0)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_workers_argument(parser, "the draws")


def run(args) -> int:
    from ..io import observation_file
    from ..validation import validate

    observations = observation_file.load(args.file)
    with workers(args.workers) as executor:
        report = validate(observations, draws=args.draws, seed=args.seed, progress=not args.json,
                          executor=executor)
    emit(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.json else str(report))
    return 0
