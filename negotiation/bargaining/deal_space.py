r"""Several issues at once: the packages both sides accept, their Pareto frontier, and the value of linkage.

A *package* fixes a value for every issue (purchases, tariff level, ZTE
relief yes/no, how far export controls are eased, the enforcement mechanism).
Each side values a package with its own function; a package is acceptable
when every side gets at least its no-deal payoff. Linking issues can create a
deal where none exists issue by issue: one side concedes where it cares less,
in exchange for gains where it cares more.

Examples
--------
>>> import negotiation as ng
>>> space = ng.deal_space(
...     issues={"purchases": [0, 50, 100], "ZTE relief": ["no", "yes"]},
...     payoffs={
...         "U.S.": lambda p: p["purchases"] / 25 - (3 if p["ZTE relief"] == "yes" else 0),
...         "China": lambda p: -p["purchases"] / 50 + (4 if p["ZTE relief"] == "yes" else 0)},
...     disagreement={"U.S.": 0.5, "China": 0})
>>> [p["purchases"] for p in space.acceptable_packages]
[100]
>>> space.linkage_creates_deal
True
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from .. import __version__, _format
from ..errors import BudgetError, GameError, LabelError
from .problem import BargainingProblem
from .solutions import egalitarian, kalai_smorodinsky, nash_bargaining, utilitarian

__all__ = ["DealSpace", "deal_space", "pareto_frontier"]

_MAX_PACKAGES = 200_000


@dataclass(frozen=True, eq=False)
class DealSpace(_format.Displays):
    """All packages, the acceptable ones, their Pareto frontier and the bargaining solutions on it."""

    issues: dict
    sides: tuple
    disagreement: tuple
    packages: tuple  # dicts
    values: tuple  # payoff tuples, parallel to packages
    acceptable: tuple  # indices
    frontier: tuple  # indices of Pareto-optimal acceptable packages
    alone: dict  # issue -> number of acceptable packages varying that issue alone
    baseline: dict
    solutions: dict = field(default_factory=dict)

    @property
    def acceptable_packages(self) -> list[dict]:
        return [self.packages[k] for k in self.acceptable]

    @property
    def frontier_packages(self) -> list[dict]:
        return [self.packages[k] for k in self.frontier]

    @property
    def linkage_creates_deal(self) -> bool:
        """True when no single issue alone gives an acceptable package, but a combination does."""
        return bool(self.acceptable) and not any(self.alone.values())

    def __repr__(self) -> str:
        return (f"<deal space: {len(self.packages)} packages over {', '.join(self.issues)}, "
                f"{len(self.acceptable)} acceptable, {len(self.frontier)} on the frontier>")

    def label(self, k: int) -> str:
        return ", ".join(f"{issue}={value}" for issue, value in self.packages[k].items())

    def __str__(self) -> str:
        lines = [
            f"{len(self.packages)} packages over {', '.join(self.issues)}; {len(self.acceptable)} acceptable to "
            f"{' and '.join(self.sides)}; {len(self.frontier)} on the Pareto frontier"
        ]
        for k in self.frontier[:10]:
            payoffs = ", ".join(f"{s} {_format.number(v)}" for s, v in zip(self.sides, self.values[k]))
            lines.append(f"  {self.label(k)}: {payoffs}")
        lines.append(
            "issue by issue (others at the baseline): "
            + "; ".join(f"{issue}: {count} acceptable" for issue, count in self.alone.items())
        )
        if self.linkage_creates_deal:
            lines.append("linking the issues creates a deal that no issue alone allows")
        for solution in self.solutions.values():
            lines.append(str(solution))
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "method": "deal space (every package)",
            "version": __version__,
            "issues": {k: [_format.plain(v) for v in vals] for k, vals in self.issues.items()},
            "acceptable": [self.label(k) for k in self.acceptable],
            "frontier": [self.label(k) for k in self.frontier],
            "alone": dict(self.alone),
            "linkage_creates_deal": self.linkage_creates_deal,
            "solutions": {name: s.to_dict() for name, s in self.solutions.items()},
        }


def deal_space(
    issues: Mapping[str, Sequence[Any]],
    payoffs: Mapping[str, Callable[[dict], Any]],
    disagreement: Mapping[str, Any],
    baseline: Mapping[str, Any] | None = None,
) -> DealSpace:
    """Every package over several issues, judged by each side against no deal.

    ``baseline`` fixes the other issues when one issue is varied alone
    (default: each issue's first value, the status quo).
    """
    if not issues:
        raise LabelError("give at least one issue with its possible values")
    if set(payoffs) != set(disagreement):
        raise LabelError("payoffs and disagreement must name the same sides")
    for issue, values in issues.items():
        if not values:
            raise LabelError(f"issue {issue!r} has no possible values")
    count = math.prod(len(v) for v in issues.values())
    if count > _MAX_PACKAGES:
        raise BudgetError(f"{count} packages exceed the limit of {_MAX_PACKAGES}")
    sides = tuple(payoffs)
    d = tuple(disagreement[s] for s in sides)
    names = list(issues)
    baseline = dict(baseline or {name: issues[name][0] for name in names})
    packages, values = [], []
    for combo in itertools.product(*(issues[n] for n in names)):
        package = dict(zip(names, combo))
        packages.append(package)
        values.append(tuple(_value(payoffs[s], package, s) for s in sides))
    acceptable = [k for k, v in enumerate(values) if all(x >= y for x, y in zip(v, d))]
    frontier = pareto_frontier(values, acceptable)
    alone = {}
    for issue in names:
        varied = [
            k for k, p in enumerate(packages)
            if all(p[n] == baseline[n] for n in names if n != issue) and p[issue] != baseline[issue]
        ]
        alone[issue] = sum(1 for k in varied if k in set(acceptable))
    space = DealSpace(
        issues={k: list(v) for k, v in issues.items()}, sides=sides, disagreement=d,
        packages=tuple(packages), values=tuple(values), acceptable=tuple(acceptable),
        frontier=tuple(frontier), alone=alone, baseline=baseline,
    )
    if frontier:
        problem = BargainingProblem.from_packages(
            {space.label(k): values[k] for k in frontier}, d, players=sides
        )
        for solve in (nash_bargaining, kalai_smorodinsky, egalitarian, utilitarian):
            solution = solve(problem)
            space.solutions[solution.method] = solution
    return space


def pareto_frontier(values: Sequence[tuple], candidates: Sequence[int]) -> list[int]:
    """The candidates no other candidate dominates (at least as good for all, better for one), in order.

    Two sides: one sort and a running maximum, O(n log n), so a deal space of
    200,000 packages takes a fraction of a second. More sides: pairwise.
    """
    candidates = list(candidates)
    if not candidates:
        return []
    if len(values[candidates[0]]) != 2:
        return [k for k in candidates
                if not any(all(a >= b for a, b in zip(values[j], values[k])) and values[j] != values[k]
                           for j in candidates)]
    # best first for side 1, then for side 2: a point is on the frontier when it beats every earlier side-2 value,
    # or equals the earlier best on both (an identical package)
    order = sorted(candidates, key=lambda k: (values[k][0], values[k][1]), reverse=True)
    kept, best = set(), None
    for k in order:
        if best is None or values[k][1] > best[1] or tuple(values[k]) == best:
            kept.add(k)
            if best is None or values[k][1] > best[1]:
                best = tuple(values[k])
    return [k for k in candidates if k in kept]


def _value(function, package, side):
    try:
        value = function(package)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
        raise GameError(f"the payoff of {side} failed on {package}: {exc!r}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "denominator"):
        raise GameError(f"the payoff of {side} on {package} is not a number: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise GameError(f"the payoff of {side} on {package} is not finite")
    return value
