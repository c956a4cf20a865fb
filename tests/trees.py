"""Textbook game trees (fixtures) and a hypothesis generator of random trees."""

from fractions import Fraction as F

from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.tree import ROOT


def entry_deterrence():
    """One-shot chain store: the threat to fight is not credible."""
    return ng.GameTree.from_nested(
        ("Entrant", "Incumbent"),
        ng.decision("Entrant", {
            "Enter": ng.decision("Incumbent", {"Fight": ng.outcome(-1, -1), "Accommodate": ng.outcome(1, 1)}),
            "Stay out": ng.outcome(0, 2),
        }),
    )


def centipede(stages=4):
    """Each player may Take (ending the game) or Pass (doubling the pot); SPE: take at once."""
    def node(k):
        if k == stages:
            return ng.outcome(2 ** (k - 1), 2 ** (k - 1))
        mover = ("Ann", "Bob")[k % 2]
        big, small = 2 ** (k + 1), 2 ** (k - 1) if k else 0
        take = (big, small) if mover == "Ann" else (small, big)
        return ng.decision(mover, {"Take": ng.outcome(*take), "Pass": node(k + 1)})

    return ng.GameTree.from_nested(("Ann", "Bob"), node(0))


def ultimatum(pie=4):
    """Offers 0..pie; the responder accepts or rejects. Two SPE: offer 0 (accepted) and offer 1."""
    offers = {}
    for k in range(pie + 1):
        offers[f"Offer {k}"] = ng.decision(
            "Responder", {"Accept": ng.outcome(pie - k, k), "Reject": ng.outcome(0, 0)}
        )
    return ng.GameTree.from_nested(("Proposer", "Responder"), ng.decision("Proposer", offers))


def selten_horse():
    """Three players; player 3 cannot tell whether 1 went down or 2 did."""
    return ng.GameTree.from_nested(
        ("1", "2", "3"),
        ng.decision("1", {
            "C": ng.decision("2", {
                "c": ng.outcome(1, 1, 1),
                "d": ng.decision("3", {"L": ng.outcome(4, 4, 0), "R": ng.outcome(1, 1, 1)}, infoset="3"),
            }),
            "D": ng.decision("3", {"L": ng.outcome(3, 3, 2), "R": ng.outcome(0, 0, 0)}, infoset="3"),
        }),
    )


def chance_tree():
    """A chance move over the other side's resolve, with exact probabilities."""
    return ng.GameTree.from_nested(
        ("U.S.", "China"),
        ng.chance({
            "China hawkish": (F(1, 3), ng.decision("U.S.", {
                "Tariff": ng.decision("China", {"Retaliate": ng.outcome(-2, 1), "Concede": ng.outcome(3, -1)}),
                "Talk": ng.outcome(1, 1),
            })),
            "China dovish": (F(2, 3), ng.decision("U.S.", {
                "Tariff": ng.decision("China", {"Retaliate": ng.outcome(-2, -3), "Concede": ng.outcome(3, -1)}),
                "Talk": ng.outcome(1, 2),
            })),
        }),
    )


@st.composite
def random_trees(draw, max_depth=4, players=None, exact=None):
    """Perfect-information trees with small integer payoffs (ties happen) and chance moves."""
    count = players or draw(st.integers(1, 3))
    names = tuple(f"P{i + 1}" for i in range(count))
    tree = ng.GameTree(names)
    budget = [draw(st.integers(3, 40))]

    def build(node, depth):
        budget[0] -= 1
        if depth >= max_depth or budget[0] <= 0 or draw(st.integers(0, 3)) == 0:
            tree.add_terminal(node, [draw(st.integers(-3, 3)) for _ in names])
            return
        width = draw(st.integers(1, 3))
        if draw(st.integers(0, 5)) == 0:
            tree.add_chance(node)
            weights = [draw(st.integers(1, 3)) for _ in range(width)]
            for k in range(width):
                child = f"{node}/c{k}"
                tree.add_move(node, child, f"c{k}", probability=F(weights[k], sum(weights)))
                build(child, depth + 1)
        else:
            tree.add_decision(node, draw(st.sampled_from(names)))
            for k in range(width):
                child = f"{node}/a{k}"
                tree.add_move(node, child, f"a{k}")
                build(child, depth + 1)

    build(ROOT, 0)
    return tree.check()


def imperfect_tree(seed, depth=4, zero_sum=False, chance=True, exact=True, max_actions=3):
    """A random two-player tree with imperfect information and perfect recall.

    Each level is a chance move or a move of one player, with two to
    ``max_actions`` actions. A mover sees its own past moves always and each earlier move of
    the other side (or of chance) only if that level is observed, so
    information sets group the nodes that differ in unobserved moves only.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    owner = [("chance" if chance and rng.random() < 0.25 else int(rng.integers(0, 2))) for _ in range(depth)]
    width = [int(rng.integers(2, max_actions + 1)) for _ in range(depth)]
    observed = [bool(rng.random() < 0.5) for _ in range(depth)]
    tree = ng.GameTree(("P1", "P2"))

    def build(node, level, history):
        if level == depth:
            u, v = int(rng.integers(-5, 6)), int(rng.integers(-5, 6))
            if not exact:
                u, v = u + 0.5 * rng.random(), v + 0.5 * rng.random()
            tree.add_terminal(node, (u, -u if zero_sum else v))
            return
        actions = [f"{'abcdefgh'[level]}{k}" for k in range(width[level])]
        if owner[level] == "chance":
            tree.add_chance(node)
            weights = rng.integers(1, 4, size=len(actions))
            for action, w in zip(actions, weights):
                tree.add_move(node, f"{node}/{action}", action, F(int(w), int(weights.sum())))
        else:
            i = owner[level]
            seen = [a for lvl, a in history if owner[lvl] == i or observed[lvl]]
            tree.add_decision(node, i, infoset=f"P{i + 1}[{' '.join(seen)}]@{level}")
            for action in actions:
                tree.add_move(node, f"{node}/{action}", action)
        for action in actions:
            build(f"{node}/{action}", level + 1, history + [(level, action)])

    build("root", 0, [])
    return tree
