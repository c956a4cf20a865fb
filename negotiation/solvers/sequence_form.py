r"""The sequence form of a two-player tree with perfect recall (Koller, Megiddo and von Stengel 1996).

A *sequence* of a player is the list of its own (information set, action)
pairs on the way to a node; perfect recall makes it the same at every node of
an information set, so a sequence is named by its last pair (or is empty). A
*realization plan* :math:`x` gives each sequence the probability that the
player's own moves follow it. It satisfies :math:`Ex = e`, :math:`x \ge 0`: the
empty sequence has weight 1, and at each information set :math:`h` the weights
of the sequences :math:`ha` add up to the weight of the sequence leading to
:math:`h`.

The payoff matrices :math:`A, B` have a row per sequence of player 1 and a
column per sequence of player 2; a leaf adds its payoff, times the chance
probabilities on its path, at the pair of sequences that leads to it. Expected
payoffs are then :math:`x^\top A y` and :math:`x^\top B y`. Sizes grow with the
tree, not with the number of pure strategies, which grows exponentially.

Examples
--------
>>> import negotiation as ng
>>> from negotiation import examples
>>> pennies = ng.GameTree.from_normal_form(examples.matching_pennies())  # the Mismatcher cannot see
>>> form = SequenceForm.from_tree(pennies)
>>> form.sequences[0]
((), ('Matcher moves', 'Heads'), ('Matcher moves', 'Tails'))
>>> form.payoffs[0][1:, 1:].tolist()
[[1.0, -1.0], [-1.0, 1.0]]
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import UnsupportedGameError
from ..games.arithmetic import to_fraction
from ..games.tree import GameTree

__all__ = ["SequenceForm"]


@dataclass(frozen=True, eq=False)
class SequenceForm:
    """Sequences, constraints and payoff matrices of a two-player tree.

    ``sequences[i]`` lists player i's sequences, the empty one first, each as
    ``()`` or ``(information set, action)``. ``infosets[i]`` lists its
    information sets; ``parent[i][h]`` is the index of the sequence leading to
    information set ``h`` and ``children[i][h]`` the indices of ``h``'s own
    sequences. ``payoffs`` holds A and B (Fractions when ``exact``).
    """

    tree: GameTree
    sequences: tuple[tuple, tuple]
    infosets: tuple[tuple[str, ...], tuple[str, ...]]
    parent: tuple[tuple[int, ...], tuple[int, ...]]
    children: tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]
    payoffs: tuple[np.ndarray, np.ndarray]
    exact: bool
    mass: np.ndarray = None  # chance probability of the leaves at each pair of sequences
    cells: tuple = None  # (rows, columns) of the pairs of sequences that lead to a leaf: the only non-zero cells

    @classmethod
    def from_tree(cls, tree: GameTree, exact: bool = False) -> "SequenceForm":
        """The sequence form in Fractions (``exact``) or floats, whatever the tree's payoffs are."""
        tree.require_numeric("the sequence form")
        if len(tree.players) != 2:
            raise UnsupportedGameError(
                f"the sequence form here is for two players; this tree has {len(tree.players)} "
                f"({', '.join(tree.players)})"
            )
        tree.require_perfect_recall("the sequence form")
        c = tree.compiled()
        index = [{(): 0}, {(): 0}]
        infosets: list[list[str]] = [[], []]
        parent: list[list[int]] = [[], []]
        children: list[list[list[int]]] = [[], []]
        known: list[dict[str, int]] = [{}, {}]
        own = np.zeros((len(c.order), 2), dtype=np.int64)  # each node's current sequence, per player
        num = to_fraction if exact else float
        reach = [num(1)] * len(c.order)
        leaves = []
        for k in range(len(c.order)):
            if c.kind[k] == 0:
                leaves.append(k)
                continue
            start, stop = int(c.first_child[k]), int(c.first_child[k] + c.num_children[k])
            for j in range(start, stop):
                own[j] = own[k]
                reach[j] = reach[k] * num(c.probability[j]) if c.kind[k] == 2 else reach[k]
            if c.kind[k] != 1:
                continue
            i = int(c.player[k])
            h = c.infoset[k]
            if h not in known[i]:
                known[i][h] = len(infosets[i])
                infosets[i].append(h)
                parent[i].append(int(own[k, i]))
                ids = []
                for j in range(start, stop):
                    ids.append(index[i].setdefault((h, c.actions[j]), len(index[i])))
                children[i].append(ids)
            for j in range(start, stop):
                own[j, i] = index[i][(h, c.actions[j])]
        sizes = (len(index[0]), len(index[1]))
        dtype = object if exact else float
        A, B, mass = (np.full(sizes, num(0), dtype=dtype) for _ in range(3))
        for z in leaves:
            a, b = int(own[z, 0]), int(own[z, 1])
            u, v = c.payoffs[z]
            A[a, b] += reach[z] * num(u)
            B[a, b] += reach[z] * num(v)
            mass[a, b] += reach[z]
        names = tuple(tuple(sorted(index[i], key=index[i].get)) for i in range(2))
        return cls(
            tree=tree,
            sequences=names,
            infosets=(tuple(infosets[0]), tuple(infosets[1])),
            parent=(tuple(parent[0]), tuple(parent[1])),
            children=tuple(tuple(tuple(ids) for ids in ch) for ch in children),
            payoffs=(A, B),
            exact=exact,
            mass=mass,
            cells=_leaf_cells(own, leaves),
        )

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.sequences[0]), len(self.sequences[1])

    def constraints(self, i: int):
        """``(E, e)`` of player i: one row for the empty sequence, one per information set."""
        one, zero = (Fraction(1), Fraction(0)) if self.exact else (1.0, 0.0)
        rows = 1 + len(self.infosets[i])
        E = np.full((rows, len(self.sequences[i])), zero, dtype=object if self.exact else float)
        E[0, 0] = one
        for h, (up, down) in enumerate(zip(self.parent[i], self.children[i])):
            E[1 + h, up] = -one
            for s in down:
                E[1 + h, s] = one
        e = np.full(rows, zero, dtype=E.dtype)
        e[0] = one
        return E, e

    def best_response_value(self, i: int, values) -> object:
        """The most player i can get when its sequences are worth ``values`` (A y or Bᵀx)."""
        return self.best_response(i, values)[0]

    def best_response(self, i: int, values, tiebreak=None):
        """``(value, plan)``: player i's best response when its sequences are worth ``values``.

        Backward over its information sets: a sequence is worth its own value plus
        the best continuation at every information set it leads to. Every
        information set gets a choice, reached or not; ``plan`` is the set of
        chosen sequences. Ties go to the larger ``tiebreak`` value, then the first.
        """
        worth = list(values)
        second = list(tiebreak) if tiebreak is not None else [0] * len(worth)
        choice = {}
        for h in reversed(range(len(self.infosets[i]))):  # children come after parents in breadth-first order
            best = max(self.children[i][h], key=lambda s: (worth[s], second[s]))
            choice[h] = best
            worth[self.parent[i][h]] += worth[best]
            second[self.parent[i][h]] += second[best]
        return worth[0], {0, *choice.values()}

    def behaviour(self, i: int, plan, fill=None) -> dict:
        """Behaviour strategies ``{infoset: {action: probability}}`` from a realization plan.

        Information sets the player's own plan never reaches get ``fill[h]``
        (a dict), or the first action.
        """
        out = {}
        for h, name in enumerate(self.infosets[i]):
            total = sum(plan[s] for s in self.children[i][h])  # equals the parent's weight, up to rounding
            moves = [self.sequences[i][s][1] for s in self.children[i][h]]
            if total > (0 if self.exact else 1e-12):
                out[name] = {m: plan[s] / total for m, s in zip(moves, self.children[i][h])}
            elif fill is not None and name in fill:
                out[name] = fill[name]
            else:
                one = Fraction(1) if self.exact else 1.0
                out[name] = {m: (one if k == 0 else 0 * one) for k, m in enumerate(moves)}
        return out

    def product(self, M, v, transpose: bool = False):
        """``M v`` (or ``Mᵀ v``) for a matrix laid out like the payoffs, zero off :attr:`cells`.

        In Fractions only the cells that lead to a leaf are multiplied; a dense
        product of object arrays would multiply every zero too (most of them).
        """
        if not self.exact:
            return (M.T if transpose else M).dot(v)
        rows, columns = (self.cells[1], self.cells[0]) if transpose else self.cells
        out = [Fraction(0)] * M.shape[1 if transpose else 0]
        for r, c, m in zip(rows.tolist(), columns.tolist(), M[self.cells].tolist()):
            out[r] += m * v[c]
        return np.array(out, dtype=object)

    def regret(self, x, y):
        """The larger of the two players' gains from their best responses to (x, y)."""
        A, B = self.payoffs
        Ay, xB = self.product(A, y), self.product(B, x, transpose=True)
        gains = (self.best_response_value(0, Ay) - x.dot(Ay), self.best_response_value(1, xB) - y.dot(xB))
        worst = max(gains)
        return max(worst, 0 * worst)


def _leaf_cells(own, leaves):
    """``(rows, columns)``: each pair of sequences that leads to some leaf, once."""
    cells = sorted({(int(own[z, 0]), int(own[z, 1])) for z in leaves})
    return (np.array([a for a, _ in cells], dtype=np.intp), np.array([b for _, b in cells], dtype=np.intp))
