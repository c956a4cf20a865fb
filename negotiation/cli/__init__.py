"""The ``negotiation`` command: parse arguments, call the library, print the result.

One module per command (``solve.py``, ``sweep.py``, ...), each with ``HELP``,
``DESCRIPTION``, ``add_arguments(parser)`` and ``run(args)``. Nothing here
computes; every answer comes from the public API. Every argument is checked
before any work starts; errors are one line on stderr with exit status 2;
Ctrl-C exits with 130 and a closed pipe quietly, never with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

__all__ = ["main", "build_parser", "COMMANDS"]

DESCRIPTION = """\
Model negotiations as games. The catalogue holds the 2018-2019 U.S.-China
trade talks as sourced scenarios; for each, find the equilibria, which threats
are credible, whether a deal exists and where, and when it would hold. Game
files and textbook examples are solved too, exactly if asked.
"""

EPILOG = """\
examples:
  negotiation solve --all                       every scenario of the 2018-2019 talks, solved
  negotiation list                              the scenario catalogue
  negotiation show purchase_pledges             summary, moves, parameters and sources
  negotiation solve tariff_standoff --set backdown_cost=40
  negotiation compare purchase_pledges --set us_reservation=40,100
  negotiation sweep purchase_pledges --grid us_reservation=0:200:41 -o out.csv
  negotiation tournament prisoners-dilemma --noise 0.05 --seed 1   repeated-game strategies, ranked
  negotiation solve --example chicken --exact   a textbook game, every equilibrium as fractions
  negotiation solve game.json --json            a game file (.json, .nfg or .efg), machine-readable output
  negotiation show tariff_standoff --format latex > slide.tex
  negotiation plot purchase_pledges --kind regions -o regions.png
  negotiation export tariff_standoff --format efg -o standoff.efg
  negotiation report -o report.html             every scenario, with figures, in one HTML page
  negotiation workshop tariff_standoff -o standoff.html   sliders over the parameters, offline
  negotiation solve tariff_standoff --probabilities         verdicts as probabilities under the priors
  negotiation validate observations.toml        test scenarios against what happened later

Game files use the JSON format of docs/reference/json-format.md, or Gambit's
.nfg and .efg. Scenario files (.toml, .json) never run code; a .py scenario
runs only with --trust-python.
"""

#: The commands, in the order --help lists them; each is a module of this package.
COMMANDS = ("solve", "list", "show", "plot", "export", "report", "workshop", "sweep", "compare", "tournament",
            "validate", "examples", "demo")


def _module(name: str):
    return importlib.import_module(f"{__name__}.{name}_command")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(prog="negotiation", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"negotiation {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = _module(name)
        sub = commands.add_parser(name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .common import fail, quiet_broken_pipe

    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        from ..errors import NegotiationError

        try:
            return _module(args.command).run(args)
        except NegotiationError as exc:
            return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted (Ctrl-C)", status=130)
    except BrokenPipeError:
        return quiet_broken_pipe()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
