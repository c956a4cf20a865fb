"""negotiation: negotiations as games.

Normal-form games and game trees with labelled players and strategies; every
Nash equilibrium (exact when asked), dominance, subgame perfection and credible
threats; bargaining solutions, deal ranges, alternating offers and enforcement;
sourced scenarios of the 2018-2019 U.S.-China trade talks; sweeps at scale.

Names are imported on first use (PEP 562), so ``import negotiation`` is quick
and loads neither numpy nor scipy, sympy or networkx until they are needed.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

from . import errors  # noqa: E402  (cheap, and needed by every caller)

#: Where each public name lives; ``negotiation.NAME`` imports it on first use.
_EXPORTS = {
    "AlternatingOffersResult": "negotiation.bargaining.alternating",
    "BargainingProblem": "negotiation.bargaining.problem",
    "BargainingSolution": "negotiation.bargaining.solutions",
    "DealRange": "negotiation.bargaining.deal_range",
    "DealSpace": "negotiation.bargaining.deal_space",
    "deal_range": "negotiation.bargaining.deal_range",
    "deal_space": "negotiation.bargaining.deal_space",
    "egalitarian": "negotiation.bargaining.solutions",
    "is_individually_rational": "negotiation.bargaining.solutions",
    "is_pareto_optimal": "negotiation.bargaining.solutions",
    "kalai_smorodinsky": "negotiation.bargaining.solutions",
    "nash_bargaining": "negotiation.bargaining.solutions",
    "rubinstein": "negotiation.bargaining.alternating",
    "utilitarian": "negotiation.bargaining.solutions",
    "variable_threat": "negotiation.bargaining.solutions",
    "EnforcementResult": "negotiation.repeated.enforcement",
    "critical_discount_factor": "negotiation.repeated.enforcement",
    "PayoffSet": "negotiation.repeated.payoff_set",
    "equilibrium_payoff_set": "negotiation.repeated.payoff_set",
    "Match": "negotiation.play.match",
    "play_match": "negotiation.play.match",
    "StrategyBase": "negotiation.play.machine",
    "StateTableStrategy": "negotiation.play.state_table",
    "strategy": "negotiation.play.strategies",
    "strategies": "negotiation.play.strategies",
    "tournament": "negotiation.play.tournament",
    "EvolutionResult": "negotiation.play.evolution",
    "moran_process": "negotiation.play.evolution",
    "replicator_dynamics": "negotiation.play.evolution",
    "TournamentResult": "negotiation.play.tournament_result",
    "AgentBase": "negotiation.play.agents",
    "agent": "negotiation.play.agents",
    "agents": "negotiation.play.agents",
    "OfferSpace": "negotiation.play.offers",
    "offer_space": "negotiation.play.offers",
    "Negotiation": "negotiation.play.offers",
    "negotiate": "negotiation.play.offers",
    "agent_tournament": "negotiation.play.agent_tournament",
    "AgentTournamentResult": "negotiation.play.agent_tournament_result",
    "BayesianGame": "negotiation.games.bayesian",
    "BatchEquilibria": "negotiation.analysis.batch",
    "batch_equilibria": "negotiation.analysis.batch",
    "MonteCarloResult": "negotiation.analysis.sweep",
    "SweepResult": "negotiation.analysis.sweep",
    "TornadoResult": "negotiation.analysis.sweep",
    "monte_carlo": "negotiation.analysis.sweep",
    "verdict_probabilities": "negotiation.analysis.verdicts",
    "validate": "negotiation.validation",
    "ValidationReport": "negotiation.validation",
    "Uncertainty": "negotiation.analysis.verdicts",
    "sweep": "negotiation.analysis.sweep",
    "tornado": "negotiation.analysis.sweep",
    "Parameter": "negotiation.scenario",
    "Metric": "negotiation.scenario",
    "Question": "negotiation.scenario",
    "Scenario": "negotiation.scenario",
    "ScenarioInstance": "negotiation.scenario",
    "ScenarioReport": "negotiation.scenario",
    "Source": "negotiation.scenario",
    "econ": "negotiation.econ",
    "examples": "negotiation.examples",
    "play": "negotiation.play",
    "Quantity": "negotiation.econ.quantity",
    "Derivation": "negotiation.econ.quantity",
    "tariff": "negotiation.econ.tariffs",
    "optimal_tariff": "negotiation.econ.tariffs",
    "nash_tariffs": "negotiation.econ.tariffs",
    "purchase_pledge": "negotiation.econ.pledges",
    "discount_factor": "negotiation.econ.patience",
    "tariff_probability": "negotiation.econ.uncertainty",
    "get_scenario": "negotiation.catalog",
    "list_scenarios": "negotiation.catalog",
    "load_scenario": "negotiation.catalog",
    "SymbolicDealRange": "negotiation.symbolic",
    "equilibrium_conditions": "negotiation.symbolic",
    "Threshold": "negotiation.symbolic",
    "symbolic_deal_range": "negotiation.symbolic",
    "NormalFormGame": "negotiation.games.normal_form",
    "GameTree": "negotiation.games.tree",
    "chance": "negotiation.games.tree",
    "decision": "negotiation.games.tree",
    "outcome": "negotiation.games.tree",
    "is_subgame_perfect": "negotiation.games.tree_profiles",
    "node_values": "negotiation.games.tree_profiles",
    "subgame_roots": "negotiation.games.tree_profiles",
    "tree_payoffs": "negotiation.games.tree_profiles",
    "backward_induction": "negotiation.solvers.backward_induction",
    "credible_threats": "negotiation.solvers.threats",
    "subgame_perfect_equilibria": "negotiation.solvers.subgame_perfect",
    "tree_nash_equilibria": "negotiation.solvers.tree_nash",
    "sequence_form_equilibrium": "negotiation.solvers.sequence_equilibrium",
    "SequenceFormEquilibrium": "negotiation.solvers.sequence_equilibrium",
    "SequenceForm": "negotiation.solvers.sequence_form",
    "SubgamePerfectEquilibrium": "negotiation.solvers.tree_results",
    "SubgamePerfectResult": "negotiation.solvers.tree_results",
    "Threat": "negotiation.solvers.tree_results",
    "ThreatReport": "negotiation.solvers.tree_results",
    "TreeNashResult": "negotiation.solvers.tree_nash",
    "DEFAULT_TOL": "negotiation.games",
    "best_responses": "negotiation.games.profiles",
    "expected_payoffs": "negotiation.games.profiles",
    "is_nash": "negotiation.games.profiles",
    "payoff_scale": "negotiation.games.profiles",
    "payoff_vector": "negotiation.games.profiles",
    "regret": "negotiation.games.profiles",
    "Component": "negotiation.solvers.results",
    "EliminationResult": "negotiation.solvers.dominance",
    "EliminationStep": "negotiation.solvers.dominance",
    "Equilibrium": "negotiation.solvers.results",
    "EquilibriumSet": "negotiation.solvers.results",
    "ZeroSumSolution": "negotiation.solvers.zero_sum",
    "all_equilibria": "negotiation.solvers.enumeration",
    "is_zero_sum": "negotiation.solvers.zero_sum",
    "iterated_elimination": "negotiation.solvers.dominance",
    "lemke_howson": "negotiation.solvers.lemke_howson",
    "logit_equilibrium": "negotiation.solvers.logit",
    "quantal_response": "negotiation.solvers.logit",
    "quantal_response_curve": "negotiation.solvers.logit",
    "QuantalResponse": "negotiation.solvers.logit",
    "QRECurve": "negotiation.solvers.logit",
    "pure_equilibria": "negotiation.solvers.pure",
    "solve": "negotiation.solvers.solve",
    "solve_zero_sum": "negotiation.solvers.zero_sum",
}

__all__ = ["__version__", "errors", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'negotiation' has no attribute {name!r}")
    imported = importlib.import_module(module)
    value = imported if module == f"{__name__}.{name}" else getattr(imported, name)  # a subpackage, or a name in one
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


def _pictures_in_notebooks() -> None:
    """Inside IPython or Jupyter, trees and deals display as pictures (nothing is imported otherwise)."""
    import sys

    if "IPython" in sys.modules:
        from .render.notebook import enable

        enable()


_pictures_in_notebooks()
