"""Repeated games analysed: when an agreement enforces itself, and which payoffs equilibria can sustain.

* :mod:`~negotiation.repeated.enforcement`: the critical discount factor of an agreement;
* :mod:`~negotiation.repeated.payoff_set`: the subgame-perfect payoff set (Abreu–Sannikov),
  iterated by :mod:`~negotiation.repeated.generation` on the polygons of
  :mod:`~negotiation.repeated.polygon`.

Strategies played in repeated games live in :mod:`negotiation.play`.
"""
