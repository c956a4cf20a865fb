"""What a deal is worth to China in early 2019: the U.S. tariffs it would remove, from the tariff block.

Shared by the scenarios dated January and February 2019 (the buying spree,
semiconductors, enforcement): one set of registry facts and one formula, so
the stake is the same number wherever it appears.
"""

import negotiation as ng
from negotiation import econ


def parameters(date):
    """The facts behind the stake, bound for a scenario dated ``date`` (look-ahead refused)."""
    def fact(name, key, reason, **options):
        return ng.Parameter.from_fact(name, key, date, reason, **options)

    return (
        fact("tariffed_july", "tariffs_july_2018", "imports from China taxed since July 2018"),
        fact("tariffed_august", "tariffs_august_2018", "imports from China taxed since August 2018"),
        fact("first_rate", "tariff_rate_april_2018", "the rate on those two lists"),
        fact("tariffed_september", "us_list_september_2018", "the imports whose tariff is to rise on 1 March"),
        fact("rate_scheduled", "tariff_rate_scheduled_2019", "the rate scheduled for them from 1 March"),
        fact("us_demand_elasticity", "us_import_demand_elasticity", "how U.S. buyers turn away from dearer imports",
             prior="triangular"),
        fact("china_supply_elasticity", "china_export_supply_elasticity", "how Chinese exporters cut supply: low "
             "means they bear the tariff", prior="triangular"),
    )


def tariffs_after_march(v):
    """The U.S. tariffs in force after 1 March without a deal (those of July and August 2018, and the $200B at
    the scheduled rate), as the tariff block's numbers."""
    def tariff(flow, rate):
        return econ.tariff_effects(flow, econ.convert(rate, "%", "1"), v.us_demand_elasticity,
                                   v.china_supply_elasticity)
    return tariff(v.tariffed_july + v.tariffed_august, v.first_rate), tariff(v.tariffed_september, v.rate_scheduled)


def china_stake(v):
    """What those tariffs would cost Chinese exporters a year ($B/yr), all of which a deal is assumed to remove."""
    return -sum(t["exporter_welfare"] for t in tariffs_after_march(v))


def us_tariff_welfare(v):
    """What those tariffs are worth to the U.S. a year (revenue less buyers' loss), before any retaliation."""
    return sum(t["importer_welfare"] for t in tariffs_after_march(v))
