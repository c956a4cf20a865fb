r"""Backward induction: the subgame-perfect equilibria of a perfect-information tree.

Working from the leaves up, each mover picks an action that maximises their
payoff given the choices already fixed below; chance nodes take expectations.
The result is subgame perfect by construction (Kuhn, 1953; Selten, 1965).

When a mover is indifferent (a *tie*), each optimal action gives another
subgame-perfect equilibrium, and different choices can change what movers
above prefer. All of them are enumerated, up to ``limit``; beyond that the
result is marked incomplete with an upper bound on their number.

The solver works on an array form of the tree, so a million-node tree takes
seconds.

Examples
--------
>>> import negotiation as ng
>>> tree = ng.GameTree.from_nested(("Entrant", "Incumbent"), ng.decision("Entrant", {
...     "Enter": ng.decision("Incumbent", {"Fight": ng.outcome(-1, -1), "Accommodate": ng.outcome(1, 1)}),
...     "Stay out": ng.outcome(0, 2)}))
>>> result = ng.backward_induction(tree)
>>> result[0].describe()
'path: Enter → Accommodate; payoffs 1, 1'
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from fractions import Fraction

import numpy as np

from ..errors import UnsupportedGameError
from ..games.arithmetic import to_fraction
from ..games.tree import GameTree
from ..games.tree_profiles import tree_payoff_scale
from .tree_results import SubgamePerfectEquilibrium, SubgamePerfectResult

__all__ = ["backward_induction", "MAX_WORK"]

MAX_WORK = 1_000_000  # node visits spent listing tied equilibria (limit × nodes is capped at this)


def backward_induction(tree: GameTree, limit: int = 1000, tol: float | None = None) -> SubgamePerfectResult:
    """Every subgame-perfect equilibrium of a perfect-information tree (up to ``limit``).

    Parameters
    ----------
    tree : GameTree
        Every information set must be a single node (else use
        :func:`~negotiation.subgame_perfect_equilibria`).
    limit : int
        Most equilibria to list when ties make several.
    tol : float, optional
        Payoff differences up to ``tol`` × the payoff scale count as ties for
        float trees (default 1e-9). Exact trees compare exactly.

    Examples
    --------
    >>> import negotiation as ng
    >>> threat = ng.GameTree.from_nested(("U.S.", "China"), ng.decision("U.S.", {
    ...     "Threaten": ng.decision("China", {"Concede": ng.outcome(2, -1),
    ...                                       "Refuse": ng.decision("U.S.", {"Impose": ng.outcome(-2, -2),
    ...                                                                      "Back down": ng.outcome(-1, 0)})}),
    ...     "Stay quiet": ng.outcome(0, 0)}))
    >>> result = ng.backward_induction(threat)
    >>> result[0].describe()
    'path: Stay quiet; payoffs 0, 0'
    >>> result[0].choices["Threaten/Refuse"]
    'Back down'
    """
    tree.check()
    tree.require_numeric("backward induction")
    if not tree.is_perfect_information:
        raise UnsupportedGameError(
            "backward_induction needs perfect information (every information set a single node); "
            "use subgame_perfect_equilibria(tree) for imperfect information"
        )
    c = tree.compiled()
    exact = c.exact and tol is None
    slack = 0 if exact else (1e-9 if tol is None else tol) * tree_payoff_scale(tree)
    values, choice, optimal_count = (_solve_exact if exact else _solve_float)(c, slack)
    ties = [c.order[k] for k in np.flatnonzero(optimal_count > 1)]
    if not ties:
        equilibria = (_equilibrium(tree, c, choice, values),)
        return SubgamePerfectResult(equilibria=equilibria, tree=tree, method="backward induction")
    # Each equilibrium listed costs a walk over the whole tree: list fewer in a large tree,
    # so that the work stays near MAX_WORK node visits whatever limit asks for.
    listed = min(limit, max(1, MAX_WORK // len(c.order)))
    options, truncated = _enumerate(c, exact, slack, listed)
    equilibria = tuple(_from_option(tree, c, options, root) for root in options[0])
    bound = _count_bound(c, optimal_count)
    return SubgamePerfectResult(
        equilibria=equilibria,
        tree=tree,
        method="backward induction",
        complete=not truncated,
        ties=tuple(ties),
        count_bound=None if not truncated else bound,
        message=(
            f"more than {listed} subgame-perfect equilibria; at most {_magnitude(bound)} "
            + ("(raise limit to list more)" if listed == limit else
               f"(a tree of {len(c.order)} nodes lists at most {listed}, to bound the work)")
            if truncated
            else f"indifference at {len(ties)} node(s) gives {len(equilibria)} subgame-perfect equilibria"
        ),
    )


SMALL_TREE = 64  # nodes: below this a loop over the nodes beats a dozen numpy calls a level


def _solve_float(c, slack):
    """Values, first optimal child and optimal count of every node: a loop over the nodes for a small tree
    (a Monte Carlo solves one per draw), numpy level by level for a large one."""
    return (_solve_float_small if len(c.order) < SMALL_TREE else _solve_float_levels)(c, slack)


def _solve_float_small(c, slack):
    """:func:`_solve_float_levels` node by node, from the last node in breadth-first order back to the root."""
    n = len(c.order)
    matrix = c.payoff_matrix()
    kind, player, first, count = c.kind.tolist(), c.player.tolist(), c.first_child.tolist(), c.num_children.tolist()
    values = [None] * n
    choice, optimal_count = [-1] * n, [0] * n
    for k in range(n - 1, -1, -1):
        if kind[k] == 0:
            values[k] = matrix[k].tolist()
            continue
        children = range(first[k], first[k] + count[k])
        if kind[k] == 2:
            total = [0.0] * matrix.shape[1]
            for j in children:  # a plain running sum: Python 3.12's sum() compensates, numpy's does not
                q = float(c.probability[j])
                total = [t + q * v for t, v in zip(total, values[j])]
            values[k] = total
            continue
        scores = [values[j][player[k]] for j in children]
        best = max(scores)
        optimal = [j for j, score in zip(children, scores) if score >= best - slack]
        choice[k], optimal_count[k] = optimal[0], len(optimal)
        values[k] = values[optimal[0]]
    return np.array(values, dtype=float), np.array(choice, dtype=np.int64), np.array(optimal_count, dtype=np.int64)


def _solve_float_levels(c, slack):
    """Vectorised over each level of the tree: values, first optimal child, optimal count."""
    n = len(c.order)
    values = c.payoff_matrix().copy()
    choice = np.full(n, -1, dtype=np.int64)
    optimal_count = np.zeros(n, dtype=np.int64)
    probability = None
    for start, stop in reversed(c.levels):
        internal = np.flatnonzero(c.kind[start:stop] != 0) + start
        if internal.size == 0:
            continue
        counts = c.num_children[internal]
        first = c.first_child[internal]
        children = np.arange(first[0], first[-1] + counts[-1])
        segments = first - first[0]
        parent = np.repeat(internal, counts)
        mover = np.maximum(c.player[parent], 0)
        score = values[children, mover]
        best = np.maximum.reduceat(score, segments)
        optimal = score >= np.repeat(best, counts) - slack
        decision = c.kind[internal] == 1
        chosen = np.minimum.reduceat(np.where(optimal, children, n), segments)
        values[internal[decision]] = values[chosen[decision]]
        choice[internal[decision]] = chosen[decision]
        optimal_count[internal[decision]] = np.add.reduceat(optimal, segments)[decision]
        if not decision.all():
            if probability is None:
                probability = c.probability_array()
            values[internal[~decision]] = _expected_values(c, internal[~decision], probability, values)
    return values, choice, optimal_count


#: Chance nodes with at most this many branches are summed branch by branch (see _expected_values).
SEQUENTIAL_BRANCHES = 16


def _expected_values(c, chance, probability, values):
    """Each chance node's expected payoffs, summed over its branches in order.

    Summed in the order the node loop of :func:`_solve_float_small` uses, the two
    solvers round alike: numpy's reductions may reorder a sum, and one unit in
    the last place decides a tie when the slack is zero.
    """
    first, counts = c.first_child[chance], c.num_children[chance]
    if counts.max() > SEQUENTIAL_BRANCHES:
        children = np.concatenate([np.arange(f, f + k) for f, k in zip(first, counts)])
        weighted = probability[children, None] * values[children]
        return np.add.reduceat(weighted, np.concatenate([[0], np.cumsum(counts)[:-1]]), axis=0)
    total = np.zeros((len(chance), values.shape[1]))
    for k in range(counts.max()):
        has = k < counts
        rows = first[has] + k
        total[has] += probability[rows, None] * values[rows]
    return total


def _solve_exact(c, slack):
    """The same in exact arithmetic, node by node."""
    values, optimal = _solve(c, True, slack)
    choice = np.array([opts[0] if opts else -1 for opts in optimal], dtype=np.int64)
    count = np.array([len(opts) if opts else 0 for opts in optimal], dtype=np.int64)
    return values, choice, count


def _numbers(c, exact):
    num = to_fraction if exact else float
    return num, (Fraction(0) if exact else 0.0)


def _solve(c, exact, slack):
    """Values of one SPE and, at each decision node, every optimal child index."""
    num, zero = _numbers(c, exact)
    n = len(c.order)
    values = [None] * n
    optimal = [None] * n
    kinds, first, counts, player = c.kind.tolist(), c.first_child.tolist(), c.num_children.tolist(), c.player.tolist()
    players = len(c.payoffs[next(k for k in range(n) if kinds[k] == 0)])
    for k in range(n - 1, -1, -1):
        kind = kinds[k]
        if kind == 0:
            values[k] = tuple(num(v) for v in c.payoffs[k])
            continue
        start = first[k]
        children = range(start, start + counts[k])
        if kind == 2:
            total = [zero] * players
            for j in children:
                p = num(c.probability[j])
                child = values[j]
                for i in range(players):
                    total[i] += p * child[i]
            values[k] = tuple(total)
            continue
        i = player[k]
        best = max(values[j][i] for j in children)
        opts = [j for j in children if best - values[j][i] <= slack]
        optimal[k] = opts
        values[k] = values[opts[0]]
    return values, optimal


def _magnitude(count: int) -> str:
    """A count in words that stay short: 2^16383 is 'about 10^4931', not 4932 digits."""
    if count < 10**15:
        return str(count)
    return f"about 10^{int(count.bit_length() * 0.30103)}"


def _count_bound(c, optimal_count) -> int:
    """An upper bound on the number of SPE, exact where no tie lies below a node.

    Below a node whose subtrees each have one SPE the values are fixed, so the
    count is its number of optimal actions; otherwise any action may become
    optimal, so we multiply by the number of actions.
    """
    count = [1] * len(c.order)
    for k in range(len(c.order) - 1, -1, -1):
        if c.kind[k] == 0:
            continue
        children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
        below = math.prod(count[j] for j in children)
        if c.kind[k] == 1:
            below *= int(optimal_count[k]) if below == 1 else len(children)
        count[k] = below
    return count[0]


def _enumerate(c, exact, slack, limit):
    """Every SPE as nested options: option = (values, chosen child or None, child option indices)."""
    num, zero = _numbers(c, exact)
    n = len(c.order)
    options = [None] * n
    truncated = False
    for k in range(n - 1, -1, -1):
        kind = c.kind[k]
        if kind == 0:
            options[k] = [(tuple(num(v) for v in c.payoffs[k]), None, ())]
            continue
        children = list(range(c.first_child[k], c.first_child[k] + c.num_children[k]))
        found = []
        for combo in itertools.product(*(range(len(options[j])) for j in children)):
            child_values = [options[j][o][0] for j, o in zip(children, combo)]
            if kind == 2:
                total = [zero] * len(child_values[0])
                for j, v in zip(children, child_values):
                    p = num(c.probability[j])
                    total = [t + p * x for t, x in zip(total, v)]
                found.append((tuple(total), None, combo))
            else:
                i = c.player[k]
                best = max(v[i] for v in child_values)
                found += [(v, j, combo) for j, v in zip(children, child_values) if best - v[i] <= slack]
            if len(found) > limit:
                truncated = True
                break
        options[k] = found[:limit]
    return options, truncated


def _from_option(tree, c, options, root_option):
    """Walk an equilibrium's nested options down the tree, fixing every choice."""
    choice = [None] * len(c.order)
    values = [None] * len(c.order)
    stack = [(0, root_option)]
    while stack:
        k, (value, chosen, combo) = stack.pop()
        values[k] = value
        choice[k] = chosen
        children = range(c.first_child[k], c.first_child[k] + c.num_children[k])
        for j, o in zip(children, combo):
            stack.append((j, options[j][o]))
    return _equilibrium(tree, c, np.array([-1 if x is None else x for x in choice]), values)


def _equilibrium(tree, c, choice, values) -> SubgamePerfectEquilibrium:
    """Package one pure SPE: behaviour at every decision node, path, node values."""
    behaviour = {}
    for k in np.flatnonzero(np.asarray(choice) >= 0):
        behaviour[c.infoset[k]] = {c.actions[choice[k]]: 1}
    path = []
    frontier = [0]
    while frontier:
        k = frontier.pop(0)
        if c.kind[k] == 1:
            j = int(choice[k])
            path.append((c.order[k], c.actions[j], 1))
            frontier.append(j)
        elif c.kind[k] == 2:
            for j in range(c.first_child[k], c.first_child[k] + c.num_children[k]):
                if c.probability[j]:
                    path.append((c.order[k], c.actions[j], c.probability[j]))
                    frontier.append(j)
    return SubgamePerfectEquilibrium(
        behaviour=behaviour,
        payoffs=_row(values, 0),
        path=tuple(path),
        values=NodeValues(c.index, values),
        players=tree.players,
        tree=tree,
    )


def _row(values, k):
    row = values[k]
    return tuple(float(v) for v in row) if isinstance(values, np.ndarray) else row


class NodeValues(Mapping):
    """``{node: payoff vector}`` over the solver's arrays, without copying a million tuples."""

    def __init__(self, index: dict, values):
        self._index, self._values = index, values

    def __getitem__(self, node):
        return _row(self._values, self._index[node])

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
