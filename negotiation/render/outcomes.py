"""Each result of a scenario in a few words: the outcome a comparison sets side by side.

Where a result's text starts with how it was computed ("1 equilibrium by
vertex enumeration; complete; …"), its outcome is what was found: the
equilibria with their payoffs, the subgame-perfect path, the deal range, each
threat's verdict, the winner of a tournament.

Examples
--------
>>> import negotiation as ng
>>> report = ng.load_scenario("tariff_standoff").report()
>>> dict(outcome_rows(report))["subgame-perfect path"]
'Refuse → Impose tariffs → Retaliate → U.S. 7.654, China -11.53'
"""

from __future__ import annotations

from typing import Any

from .. import _format

__all__ = ["outcome_rows", "outcome", "payoff_outcomes", "bottom_line"]

#: Sections that describe the game rather than an outcome of it.
_STRUCTURE = {"matrix game", "dominance"}
_ASPECTS = {"equilibria": "equilibria", "incomplete information": "equilibria (types)",
            "sequential moves": "subgame-perfect path", "credible threats": "threats", "deal": "deal",
            "threshold": "threshold", "enforcement": "enforcement", "tournament": "tournament winner"}


def outcome_rows(report) -> list[tuple[str, str]]:
    """``(aspect, outcome)`` for each result of a solved scenario, then each teaching question's answer."""
    rows = [(_ASPECTS.get(title, title), outcome(result)) for title, result in report.sections.items()
            if title not in _STRUCTURE]
    return rows + list(report.instance.answers())


def outcome(result: Any) -> str:
    """The outcome of one result, in a line or two of plain words."""
    kind = type(result).__name__
    describe = _DESCRIBERS.get(kind)
    if describe is not None:
        return describe(result)
    items = getattr(result, "items", None)
    if isinstance(items, tuple):
        return "; ".join(outcome(item) for item in items)
    lines = [line for line in str(result).splitlines() if line.strip()]
    return "; ".join(lines[:3])


def _payoffs(players, values) -> str:
    return ", ".join(f"{p} {_format.number(v, 4)}" for p, v in zip(players, values))


def _equilibria(result) -> str:
    if not len(result):
        return "none found"
    shown = [_profile(result, eq) + " → " + _payoffs(result.game.players, eq.payoffs) for eq in list(result)[:4]]
    more = f"; and {len(result) - 4} more" if len(result) > 4 else ""
    return "; ".join(shown) + more


def _profile(result, eq) -> str:
    """``(choice / choice)``: each side's strategy, or its mix with probabilities."""
    cells = []
    for i in range(len(result.game.players)):
        items = eq.strategy_of(i)
        cells.append(next(iter(items)) if len(items) == 1
                     else " or ".join(f"{s} {_format.number(p, 3)}" for s, p in items.items()))
    return f"({' / '.join(cells)})"


def _path(result) -> str:
    if not len(result):
        return "none found"
    paths = [" → ".join(a for _, a, _ in eq.path) + " → " + _payoffs(result.tree.players, eq.payoffs)
             for eq in list(result)[:3]]
    return "; ".join(paths) + (f"; and {len(result) - 3} more" if len(result) > 3 else "")


def _threats(report) -> str:
    if not len(report):
        return "nothing is threatened"
    return "; ".join(f"{t.player}: {' or '.join(t.threatened)} {'credible' if t.credible else 'NOT credible'}"
                     for t in report)


def _deal_range(zone) -> str:
    unit = zone.unit or ""
    if zone.empty:
        gap = zone.gap
        return "no deal" + (f" (gap {_format.number(gap, 4)}{unit})" if gap is not None else "")
    return ", ".join(f"{_format.number(a, 4)}{unit} to {_format.number(b, 4)}{unit}" for a, b in zone.intervals)


def _deal_space(space) -> str:
    nash = space.solutions.get("Nash bargaining")
    head = f"{len(space.acceptable)} of {len(space.packages)} packages acceptable"
    if nash is None:
        return head
    return f"{head}; Nash package {nash.label}: {_payoffs(space.sides, nash.point)}"


def _shares(result) -> str:
    if result.agreement_round is None:
        return f"{result.method}: no agreement"
    when = "at once" if result.agreement_round == 1 else f"in round {result.agreement_round}"
    return f"{result.method}: {_payoffs(result.players, result.shares)} {when}"


def _enforcement(result) -> str:
    if result.threshold is None:
        return "never self-enforcing"
    return f"holds when δ ≥ {_format.number(result.threshold, 4)}"


def _tournament(result) -> str:
    return f"{result.ranking[0]} ranks first, then {', '.join(result.ranking[1:3])}"


def _threshold(result) -> str:
    return "; ".join(line for line in str(result).splitlines() if line.strip())


_DESCRIBERS = {"EquilibriumSet": _equilibria, "SubgamePerfectResult": _path, "ThreatReport": _threats,
               "DealRange": _deal_range, "DealSpace": _deal_space, "AlternatingOffersResult": _shares,
               "EnforcementResult": _enforcement, "TournamentResult": _tournament,
               "AgentTournamentResult": _tournament, "Threshold": _threshold}


def payoff_outcomes(report) -> list[tuple[str, dict]]:
    """``(label, {side: payoff})`` for each outcome a scenario predicts: what a "who gains" chart shows.

    The equilibria (at most four), the subgame-perfect path, and the
    bargaining solutions and packages, in that order, each in the scenario's
    payoff unit.
    """
    found = []
    for title, result in report.sections.items():
        kind = type(result).__name__
        if kind == "EquilibriumSet":
            for eq in list(result)[:4]:
                found.append((f"equilibrium {_profile(result, eq)}",
                              dict(zip(result.game.players, map(float, eq.payoffs)))))
        elif kind == "SubgamePerfectResult" and len(result):
            eq = result.equilibria[0]
            path = " → ".join(a for _, a, _ in eq.path)
            found.append((f"subgame-perfect: {path}", dict(zip(result.tree.players, map(float, eq.payoffs)))))
        elif kind == "DealSpace":
            for method, solution in result.solutions.items():
                found.append((f"{method}: {solution.label}", dict(zip(result.sides, map(float, solution.point)))))
        else:
            for item in getattr(result, "items", ()) or ():
                found += _item_payoffs(item)
    return _distinct(found)


def _item_payoffs(item) -> list[tuple[str, dict]]:
    kind = type(item).__name__
    if kind == "BargainingSolution" and item.agreement:
        return [(item.method, dict(zip(item.problem.players, map(float, item.point))))]
    return []  # alternating-offers shares are fractions of a surplus, not payoffs: the deal figure shows them


def _distinct(found):
    seen, kept = set(), []
    for label, payoffs in found:
        if label not in seen:
            seen.add(label)
            kept.append((label, payoffs))
    return kept


def bottom_line(report) -> str:
    """One plain-language paragraph: what happens, whether threats bite, whether a deal exists, and the first answer."""
    sentences = []
    sections = report.sections
    spe = sections.get("sequential moves")
    if spe is not None and len(spe):
        eq = spe.equilibria[0]
        path = " then ".join(a for _, a, _ in eq.path)
        sentences.append(f"Played move by move, the game goes: {path}, leaving {_payoffs(spe.tree.players, eq.payoffs)}.")
    elif len(sections.get("equilibria", sections.get("incomplete information", ()))):
        result = sections.get("equilibria", sections.get("incomplete information"))
        count = len(result)
        head = "The stable outcome is" if count == 1 else f"There are {count} stable outcomes; the first is"
        first = result.equilibria[0]
        sentences.append(f"{head} {_profile(result, first)} → {_payoffs(result.game.players, first.payoffs)}.")
    threats = sections.get("credible threats")
    if threats is not None and len(threats):
        empty = threats.not_credible
        sentences.append("Every threat off the path would be carried out." if not empty else
                         " ".join(f"{t.player}'s threat to {' or '.join(t.threatened)} would not be carried out."
                                  for t in empty))
    deal = sections.get("deal")
    if type(deal).__name__ == "DealRange":
        sentences.append("There is no deal both sides accept." if deal.empty
                         else f"A deal both sides accept lies at {_deal_range(deal)}.")
    elif type(deal).__name__ == "DealSpace":
        both = len(deal.acceptable)
        nash = deal.solutions.get("Nash bargaining")
        sentences.append(f"{'None' if not both else both} of the {len(deal.packages)} packages "
                         f"{'is' if both in (0, 1) else 'are'} acceptable to both sides"
                         + (f"; the Nash bargaining package is {nash.label}." if nash is not None and both else "."))
    answers = report.instance.answers()
    if answers:
        question, answer = answers[0]
        sentences.append(f"{question} {answer}")
    return " ".join(sentences) or report.instance.scenario.summary
