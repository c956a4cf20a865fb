"""Strategies played, not only solved: repeated games, matches, tournaments and evolution.

* :mod:`~negotiation.play.machine`: strategies as finite-state machines;
* :mod:`~negotiation.play.strategies`: the named strategies;
* :mod:`~negotiation.play.state_table`: strategies written as tables (and files);
* :mod:`~negotiation.play.match`: matches simulated as arrays;
* :mod:`~negotiation.play.tournament`: round robins, ranked with intervals;
* :mod:`~negotiation.play.evolution`: replicator dynamics and the Moran process;
* :mod:`~negotiation.play.ranking`: what both kinds of round robin share (ranks, intervals, tables);
* :mod:`~negotiation.play.agents`: negotiation agents (time-dependent, tit-for-tat, Nash, Rubinstein…);
* :mod:`~negotiation.play.offers`: alternating offers over packages, and how outcomes measure up;
* :mod:`~negotiation.play.offer_equilibrium`: their subgame-perfect plan, by backward induction;
* :mod:`~negotiation.play.agent_tournament`: round robins of agents, ranked by gain share.
"""
