r"""The subgame-perfect plan of alternating offers over a finite set of packages, by backward induction.

With a deadline, the last proposer asks for the most the other side accepts
rather than no deal; each earlier proposer offers the other side exactly what
waiting would give it. Over a fine split of a pie with a long deadline this is
Rubinstein's (1982) split; the tests check it against
:func:`negotiation.rubinstein`, with and without a horizon, and by the
one-shot deviation principle.

Examples
--------
>>> import numpy as np
>>> from negotiation.play.offer_equilibrium import subgame_perfect_plan
>>> split = np.array([(k, 10 - k) for k in range(11)], float)
>>> plan = subgame_perfect_plan(split, (0, 0), (0.5, 0.5), deadline=2, first=0)
>>> int(plan["proposals"][0]), plan["value"].tolist()
(5, [5.0, 5.0])
"""

from __future__ import annotations

import numpy as np

__all__ = ["subgame_perfect_plan"]

_TOL = 1e-9


def subgame_perfect_plan(utilities, reservation, discount, deadline: int, first: int) -> dict:
    """Backward induction over rounds ``deadline``..1 of alternating offers over packages.

    A side's value of agreeing on package k in round t is
    :math:`\\delta^{t-1}(u_k - r)`; no deal is worth 0 (its reservation value).
    Responders accept when indifferent; a proposer who would rather wait makes
    an offer the other side rejects, or none (-1). Returns, per round, the
    proposal and each side's acceptance threshold (the value of rejecting), and
    ``value``, each side's value at the start.
    """
    gains = np.asarray(utilities, float) - np.asarray(reservation, float)
    deltas = np.asarray(discount, float)
    later = np.zeros(2)  # each side's value of reaching the next round without a deal
    proposals = np.zeros(deadline, int)
    thresholds = np.zeros((deadline, 2))
    for t in range(deadline, 0, -1):
        p = first if t % 2 == 1 else 1 - first
        q = 1 - p
        now = deltas ** (t - 1) * gains  # (K, 2): values of agreeing now
        thresholds[t - 1] = later
        scale = _TOL * max(1.0, float(np.abs(now).max(initial=0)))
        accepted = now[:, q] >= later[q] - scale
        pick = _best(now, accepted, p, q) if accepted.any() else None
        if pick is not None and now[pick, p] >= later[p] - scale:
            proposals[t - 1], later = pick, now[pick].copy()
        else:  # rather wait: ask for something the other side turns down, or make no offer
            proposals[t - 1] = _best(now, ~accepted, p, q) if (~accepted).any() else -1
    return {"proposals": proposals, "thresholds": thresholds, "value": later}


def _best(values, allowed, p, q) -> int:
    mine = np.where(allowed, values[:, p], -np.inf)
    top = mine.max()
    ties = np.flatnonzero(allowed & (mine >= top - _TOL * max(1.0, abs(top))))
    return int(ties[np.argmax(values[ties, q])])
