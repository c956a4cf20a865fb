"""The solver terms that results print, each explained in a sentence a workshop can read.

:func:`terms_in` finds the terms a text uses, so a report's glossary lists
only those.

Examples
--------
>>> from negotiation.glossary import terms_in
>>> [term for term, _ in terms_in("1 equilibrium by vertex enumeration; complete; max regret 0")]
['equilibrium', 'max regret', 'vertex enumeration']
"""

from __future__ import annotations

import re

__all__ = ["GLOSSARY", "terms_in"]

#: term -> plain explanation. Terms are matched case-insensitively, as whole words.
GLOSSARY = {
    "best response": "A strategy that gives a side its highest payoff, given what the others do.",
    "equilibrium": "A set of choices, one per side, where no side gains by changing its own choice alone "
                   "(a Nash equilibrium).",
    "pure equilibrium": "An equilibrium in which every side makes one definite choice.",
    "mixed equilibrium": "An equilibrium in which some side randomises between choices, each with a stated "
                         "probability; it can describe uncertainty about what a side will do.",
    "max regret": "The most any side could gain by changing its choice alone. 0 means the result is an exact "
                  "equilibrium; a tiny number means rounding.",
    "vertex enumeration": "A method that finds every equilibrium of a two-sided game by checking the corners "
                          "of the sides' best-response regions; 'complete' means none were missed.",
    "support enumeration": "A method that finds equilibria by trying every set of choices a side might mix "
                           "over.",
    "degenerate game": "A game with ties, where equilibria can form whole stretches (components) instead of "
                       "isolated points.",
    "connected component": "A stretch of equilibria joined to each other: the sides can shift between them "
                           "without anyone gaining. '1 connected component' means all equilibria found lie on "
                           "one such stretch.",
    "iterated strict dominance": "Removing, round by round, choices that are worse than another choice whatever "
                                 "the others do; no equilibrium uses them.",
    "subgame-perfect": "A plan that is an equilibrium in every part of the game, including after moves that "
                       "do not happen: it contains no empty threats.",
    "backward induction": "Solving a game tree from its last moves back to the first, each side choosing its "
                          "best move given what follows.",
    "credible": "A threat is credible when the side making it would really carry it out once the time came.",
    "deal range": "The values of an agreement that every side prefers to no deal (also called the zone of "
                  "possible agreement).",
    "disagreement point": "What each side gets if there is no deal.",
    "Pareto frontier": "The deals that cannot be improved for one side without making the other worse off.",
    "Nash bargaining": "The deal that maximises the product of the sides' gains over no deal: a standard "
                       "prediction of a fair, efficient bargain.",
    "Kalai-Smorodinsky": "The efficient deal that gives each side the same share of the most it could hope "
                         "for.",
    "discount factor": "How much a side values a payoff one period later, relative to now (δ between 0 and 1); "
                       "a patient side has δ near 1.",
    "critical discount factor": "The least patience (δ) at which keeping an agreement pays better than "
                                "breaking it and being punished.",
    "95% interval": "A range that contains the true median with probability at least 95%, from the spread "
                    "over the repetitions.",
    "median": "The middle value: half the repetitions scored more, half less.",
    "Rubinstein": "The alternating-offers bargain of Rubinstein (1982): the more patient side gets more, and "
                  "agreement comes at once.",
}


def terms_in(text: str) -> list[tuple[str, str]]:
    """``(term, explanation)`` for each glossary term that occurs in ``text``, alphabetically."""
    lowered = text.lower().replace("–", "-")
    found = [(term, explanation) for term, explanation in GLOSSARY.items()
             if any(re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", lowered) for form in _forms(term))]
    return sorted(found, key=lambda pair: pair[0].lower())


def _forms(term: str) -> tuple[str, ...]:
    """The term and its plural ("equilibrium", "equilibria"; "best response", "best responses")."""
    term = term.lower()
    return (term, term[:-2] + "a") if term.endswith("um") else (term, term + "s")
