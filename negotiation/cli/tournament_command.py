"""``negotiation tournament``: strategies of a repeated game in a round robin, ranked."""

from __future__ import annotations

import json
import sys

from .common import (
    add_scenario_arguments,
    check_output,
    emit,
    exit_status,
    overrides,
    scenario,
    terminal_safe,
    write_output,
)

HELP = "play strategies of a repeated game, or negotiation agents, against each other and rank them"
DESCRIPTION = ("Play a round robin of repeated-game strategies on a stage game (a textbook example, a game "
               "file or a scenario's matrix game), with optional noise, discounting and turnover, and print "
               "a ranking with 95%% intervals and the pairwise payoffs. Strategies are built-in names "
               "(see --list), NAME:KEY=VALUE for parameters, or strategy files (.toml, .json). "
               "With --agents (or a scenario that has a deal but no matrix game), negotiation agents bargain "
               "over the scenario's packages in alternating offers instead, ranked by the share of the "
               "possible gain each obtained.")
DEFAULT_AGENTS = ("boulware", "linear", "conceder", "tit_for_tat", "hard_liner", "nash", "rubinstein", "random")
DEFAULT_STRATEGIES = ("cooperator", "defector", "tit_for_tat", "grudger", "win_stay_lose_shift", "alternator",
                      "generous_tit_for_tat", "tit_for_tat_plus_one", "gradual_escalation", "random")
FORMATS = {".csv": "to_csv", ".md": "to_markdown", ".html": "to_html", ".json": None, ".txt": "__str__"}


def add_arguments(parser) -> None:
    parser.add_argument("target", nargs="?",
                        help="a textbook example (e.g. prisoners-dilemma), a game file (.json, .nfg) or a scenario")
    parser.add_argument("--strategies", nargs="+", metavar="STRATEGY",
                        help="the strategies (default: " + ", ".join(DEFAULT_STRATEGIES) + ")")
    parser.add_argument("--agents", nargs="*", metavar="AGENT",
                        help="negotiation agents over the scenario's deal instead of strategies (default: "
                        + ", ".join(DEFAULT_AGENTS) + ")")
    parser.add_argument("--list", action="store_true", help="list the built-in strategies and agents, and exit")
    parser.add_argument("--turns", type=int, default=200, help="turns per match (default 200)")
    parser.add_argument("--repetitions", type=int, default=10, help="times each pair meets (default 10)")
    parser.add_argument("--noise", type=float, default=0.0, help="probability that an action slips (default 0)")
    parser.add_argument("--observation-noise", type=float, default=0.0,
                        help="probability that a side misreads the other's action (default 0)")
    parser.add_argument("--discount", type=float,
                        help="weight turn t by DISCOUNT**t; for agents, the per-round discount factor "
                        "(default: no discounting)")
    parser.add_argument("--deadline", type=int, default=100,
                        help="agents: rounds of offers before talks end without a deal (default 100)")
    parser.add_argument("--first", metavar="SIDE", help="agents: the side that makes the first offer "
                        "(default: the scenario's first player)")
    parser.add_argument("--hazard", type=float, default=0.0,
                        help="probability that a match ends after each turn, as when a government changes")
    parser.add_argument("--no-self-play", action="store_true", help="strategies do not meet themselves")
    parser.add_argument("--seed", type=int, help="random seed: the same seed gives the same results")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="stop after this long and keep the repetitions done (exit status 3); Ctrl-C does "
                        "the same (exit status 130)")
    add_scenario_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the result: .csv, .md, .html, .json or .txt by the file's suffix")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--figures", metavar="FOLDER",
                        help="also draw the figures into FOLDER (created if missing) as PNG: ranking, pairwise "
                        "payoffs, evolution, and "
                        "the equilibrium payoff set (repeated games) or the top two agents' offers (needs the plot "
                        "extra)")


def run(args) -> int:
    from ..errors import ParameterError
    from ..play.tournament import tournament

    if args.list:
        _list()
        return 0
    if not args.target:
        raise ParameterError("name a stage game: an example (see 'negotiation examples'), a game file or a scenario")
    path = check_output(args.output, tuple(FORMATS))
    folder = _check_folder(args.figures)
    if args.agents is not None or _deal_only(args):
        if args.strategies:
            raise ParameterError("give --strategies for a repeated game or --agents for a negotiation, not both")
        result = _agent_tournament(args)
    else:
        game = _stage_game(args)
        players = [_strategy(spec) for spec in (args.strategies or DEFAULT_STRATEGIES)]
        result = tournament(game, players, turns=args.turns, repetitions=args.repetitions, noise=args.noise,
                            observation_noise=args.observation_noise, discount=args.discount, hazard=args.hazard,
                            self_play=not args.no_self_play, seed=args.seed, timeout=args.timeout, progress=True)
    if path:
        method = FORMATS[path[path.rfind("."):].lower()]
        text = _json(result) if method is None else getattr(result, method)()
        write_output(text, path, "tournament")
    elif args.json:
        emit(_json(result))
    else:
        emit(str(result))
    if folder:
        _draw(result, folder)
    return exit_status(result)


def _check_folder(folder):
    """Matplotlib is installed and the figures folder exists (made, with its parents, if missing), before any work."""
    if folder is None:
        return None
    import os

    from ..errors import ParameterError

    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ParameterError(f"--figures must name a folder, and {folder!r} is a file")
    from ..render.figures import require_matplotlib

    require_matplotlib()
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise ParameterError(f"--figures: cannot make the folder {folder!r}: {error.strerror}") from None
    return folder


def _draw(result, folder: str) -> None:
    import io
    import os

    from .._writing import write_text
    from ..render.play_figures import tournament_figures

    for stem, figure in tournament_figures(result).items():
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=120)
        path = os.path.join(folder, f"{stem}.png")
        write_text(path, buffer.getvalue())
        print(terminal_safe(f"{stem} figure written to {path}"), file=sys.stderr)  # stdout may be JSON


def _list() -> None:
    from ..play.agents import agents, describe
    from ..play.strategies import BuiltInStrategy, strategies

    emit("Strategies for repeated games (--strategies):")
    for name in strategies():
        emit(f"  {name:24} {_plain(BuiltInStrategy(name).description.splitlines()[0])}")
    emit("")
    emit("Negotiation agents (--agents):")
    for name in agents():
        emit(f"  {name:24} {_plain(describe(name))}")


def _plain(text: str) -> str:
    return text.replace("``", "")


def _deal_only(args) -> bool:
    """A scenario with packages to bargain over and no matrix game to repeat."""
    from ..catalog import list_scenarios

    if args.target.replace("_", "-") in _examples() or "." in args.target or args.target not in list_scenarios():
        return False
    forms = scenario(args, args.target).scenario.forms
    return "deal" in forms and not {"matrix", "repeated"} & set(forms)


def _examples():
    from .. import examples

    return examples.EXAMPLES


def _agent_tournament(args):
    from ..errors import ParameterError
    from ..play.agent_tournament import agent_tournament
    from ..play.offers import offer_space

    bound = scenario(args, args.target, **overrides(args.set))
    if "deal" not in bound.scenario.forms:
        raise ParameterError(f"scenario {args.target!r} has no deal to negotiate over; its forms are "
                             + ", ".join(bound.scenario.forms))
    space = offer_space(bound.build("deal"), unit=_unit(bound))
    return agent_tournament(space, args.agents or DEFAULT_AGENTS, deadline=args.deadline,
                            discount=1.0 if args.discount is None else args.discount,
                            first=args.first if args.first is not None else 0, repetitions=args.repetitions,
                            self_play=not args.no_self_play, seed=args.seed, timeout=args.timeout, progress=True)


def _unit(bound) -> str:
    units = {p.unit for p in bound.scenario.parameters if p.unit.startswith("$B")}
    return "$B/yr" if "$B/yr" in units else ""


def _json(result) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


def _strategy(spec: str):
    from ..io.strategy_file import is_strategy_file, load

    if spec.lower().endswith((".toml", ".json")):
        if not is_strategy_file(spec):
            from ..errors import FileFormatError

            raise FileFormatError('not a strategy file: it must declare format = "negotiation/strategy"',
                                  source=spec)
        return load(spec)
    return spec


def _stage_game(args):
    """An example, a game file, or a scenario's repeated or matrix game."""
    from .. import examples
    from ..catalog import list_scenarios
    from ..errors import ParameterError
    from ..games.normal_form import NormalFormGame
    from ..io import gambit, json_format

    target = args.target
    if target.replace("_", "-") in examples.EXAMPLES:
        return examples.get(target.replace("_", "-"))
    if target.lower().endswith(".nfg"):
        return gambit.load(target)
    if target.lower().endswith(".json") and not _is_scenario(target):
        return json_format.load(target)
    if "." not in target and target not in list_scenarios():
        raise ParameterError(f"no example or scenario called {target!r}; the examples are "
                             + ", ".join(sorted(examples.EXAMPLES)) + "; the scenarios are " + ", ".join(list_scenarios()))
    bound = scenario(args, target, **overrides(args.set))
    for form in ("repeated", "matrix"):
        if form in bound.scenario.forms:
            built = bound.build(form)
            game = built if isinstance(built, NormalFormGame) else getattr(built, "game", None)
            if isinstance(game, NormalFormGame):
                return game
    raise ParameterError(f"scenario {target!r} has no matrix game to repeat; its forms are "
                         + ", ".join(bound.scenario.forms))


def _is_scenario(path: str) -> bool:
    from ..io.scenario_file import is_scenario_file

    return is_scenario_file(path)
