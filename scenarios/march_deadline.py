"""Patience and the March 1 deadline, early 2019.

China believed it could outlast the U.S.; the U.S. set March 1 to raise
tariffs on $200B from 10% to 25%. Alternating offers give the split of a
deal's gains under patience and under the deadline; a one-shot game asks
whether extending the truce is an equilibrium.
"""

import datetime

import negotiation as ng

from . import _sources as S

PARAMETERS = (
    ng.Parameter("delta_us", 0.9, "per round", 0.5, 0.99, "seed 002: China 'can outlast' the U.S.",
                 "the U.S. discounts delay more: midterms, markets, farm prices"),
    ng.Parameter("delta_china", 0.95, "per round", 0.5, 0.99, "seed 002: China 'can outlast' the U.S.",
                 "China's one-party system makes it more patient"),
    ng.Parameter("rounds", 3, "rounds", 1, 12, "seed 003: a month of talks before March 1",
                 "negotiating rounds left before the deadline", whole=True),
    ng.Parameter("raise_cost_us", 10, "share of gains (%)", 0, 100, "seed 003: tariffs on $200B to rise to 25%",
                 "what the tariff increase costs the U.S., as a percentage of a deal's gains"),
    ng.Parameter("raise_cost_china", 25, "share of gains (%)", 0, 100, "seed 003: tariffs on $200B to rise to 25%",
                 "what the increase costs China"),
    ng.Parameter("purchase_value", 5, "$B/yr", 0, 50, "seed 003: 'substantial' soybean purchases",
                 "what China's truce purchases are worth to the U.S."),
    ng.Parameter("purchase_cost", 3, "$B/yr", 0, 50, "seed 003", "China's cost of keeping up the purchases"),
)


def deal(v):
    from fractions import Fraction

    patient = ng.rubinstein(v.delta_us, v.delta_china, players=("U.S.", "China"))
    loss = (-Fraction(v.raise_cost_us) / 100, -Fraction(v.raise_cost_china) / 100)
    deadline = ng.rubinstein(v.delta_us, v.delta_china, players=("U.S.", "China"), horizon=int(v.rounds),
                             disagreement=loss)
    from negotiation.scenario_solve import Lines

    return Lines((patient, deadline))


def matrix(v):
    r_us, r_cn = v.raise_cost_us, v.raise_cost_china
    return ng.NormalFormGame.from_outcomes({
        ("Extend the truce", "Keep buying"): (v.purchase_value, -v.purchase_cost),
        ("Extend the truce", "Stop buying"): (0, 0),
        ("Raise to 25%", "Keep buying"): (v.purchase_value - r_us, -v.purchase_cost - r_cn),
        ("Raise to 25%", "Stop buying"): (-r_us, -r_cn),
    }, players=("U.S.", "China"), title="At the deadline")


def metrics(v):
    shares = ng.rubinstein(v.delta_us, v.delta_china).shares
    return {"us_share": float(shares[0]), "china_share": float(shares[1])}


def _patience(instance):
    shares = ng.rubinstein(instance.values.delta_us, instance.values.delta_china).shares
    return (f"Proposing first, the U.S. still gets only {float(shares[0]):.1%} of the gains; "
            f"China, more patient, gets {float(shares[1]):.1%}.")


def _extend(instance):
    result = ng.solve(matrix(instance.values))
    profiles = ["; ".join(f"{p}: {', '.join(s)}" for p, s in zip(result.game.players, eq.support)) for eq in result]
    extended = [eq for eq in result if eq.support[0] == ("Extend the truce",)]
    verdict = "Yes" if extended else "No"
    return f"{verdict}: the equilibria are {' | '.join(profiles)}."


SCENARIO = ng.Scenario(
    name="march_deadline",
    title="Patience and the March 1 deadline",
    date=datetime.date(2019, 1, 31),
    summary=("Alternating offers with a more patient China, and a deadline after which tariffs on $200B "
             "rise from 10% to 25%."),
    players=("U.S.", "China"),
    moves={"U.S.": ("offer a split", "extend the truce", "raise tariffs"), "China": ("offer a split", "keep or stop buying")},
    parameters=PARAMETERS,
    sources=(S.OUTLAST, S.MARCH_1, S.SUMMIT),
    deal=deal, matrix=matrix, metrics=metrics,
    questions=(
        ng.Question("How does patience split the gains?", _patience),
        ng.Question("Is extending the truce an equilibrium?", _extend),
    ),
)
