"""The facts the catalogue rests on: each with its unit, source and publication date.

Dates are publication dates, taken as the last day of the period the source
gives when it gives no day ("Feb 2018" is 2018-02-28), so that the look-ahead
check errs on the side of refusing. Facts published after the latest seed
(14 February 2019) are here to validate models, never to calibrate them: the
registry refuses them to any scenario dated before their publication.

Where no published estimate could be found, the entry says so in its source
and its range is marked as an assumption; no number here is invented as if
it were measured.
"""

from __future__ import annotations

import datetime

from .quantity import Quantity

__all__ = ["FACTS"]

d = datetime.date
CENSUS_2017 = "U.S. Census annual release, 2017 goods trade with China; USITC, Trade Shifts 2017"
NO_ESTIMATE = ("no published point estimate for this flow could be found with the search tool; the value and "
               "range are modelling assumptions, to be replaced by an estimate")

FACTS = [
    # ------------------------------------------------------------ trade flows (published before the seeds)
    Quantity("us_exports_to_china_2017", 130.4, "$B/yr", CENSUS_2017, d(2018, 2, 28), low=130.4, high=130.4),
    Quantity("us_imports_from_china_2017", 505.6, "$B/yr", CENSUS_2017, d(2018, 2, 28), low=505.6, high=505.6),
    Quantity("us_balance_with_china_2017", -375.2, "$B/yr", CENSUS_2017, d(2018, 2, 28), low=-375.2, high=-375.2),
    Quantity("us_soybean_exports_to_china_2017", 12.2, "$B/yr", "USDA, 2017 soybean exports to China",
             d(2018, 3, 31), low=12.2, high=12.2),
    Quantity("us_chip_exports_to_china", 6.5, "$B/yr",
             "seed 004_f3319ef925f740a4.txt (WSJ/MarketWatch): $200B over six years is 'five times' current exports",
             d(2019, 2, 14), low=6.0, high=7.0, note="about $6-7B a year"),
    Quantity("us_goods_exports_2017", 1551.4, "$B/yr", "U.S. Census and BEA, U.S. International Trade in Goods "
             "and Services, December 2017 (FT-900), balance-of-payments basis", d(2018, 2, 6), low=1551.4,
             high=1551.4),
    Quantity("us_current_account_deficit_2017", 466.2, "$B/yr", "BEA, U.S. International Transactions, Fourth "
             "Quarter and Year 2017 (21 March 2018): the deficit rose to $466.2 billion, 2.4% of GDP",
             d(2018, 3, 21), low=466.2, high=466.2, note="the global balance, which equals saving less investment"),
    Quantity("export_income_saved", 0.2, "1", "the share of the income from extra exports that is saved rather "
             "than spent; at full capacity the spent part draws in imports or crowds out other exports, so only "
             "the saved part moves the global balance (saving less investment): " + NO_ESTIMATE,
             d(2018, 5, 17), low=0, high=0.5),
    Quantity("third_country_margin", 0.2, "1", "the share of third-country exporters' extra sales (Brazil's "
             "soybeans, Airbus) that is producer surplus, sales less variable costs: " + NO_ESTIMATE,
             d(2018, 5, 17), low=0.1, high=0.4),
    Quantity("third_country_take_share", 0.5, "1", "the share of a fall in U.S.-China trade that third-country "
             "suppliers take (the rest goes to domestic producers or is not bought): " + NO_ESTIMATE,
             d(2018, 5, 17), low=0.2, high=0.8),
    Quantity("third_country_harm_ratio", 1.0, "1", "the harm China's technology-transfer and IP practices do "
             "the rest of the world, as a multiple of the Section 301 harm to the U.S.: " + NO_ESTIMATE,
             d(2018, 3, 22), low=0.5, high=2.0),
    Quantity("china_imports_divertible_to_us", 50, "$B/yr",
             "seed 000_43b5ebd69bb5c81e.txt (Bown, PIIE, in the NYT): even if China bought only American instead of "
             "Airbus planes and Brazil's soybeans, 'it would even be a stretch to get it to $50 billion'; the range "
             "20-60 is a modelling assumption", d(2018, 5, 17), low=20, high=60,
             note="the China side of the diversion pool: imports from third countries the U.S. could supply"),
    Quantity("us_export_headroom_short_run", 10, "$B/yr",
             "seed 000_43b5ebd69bb5c81e.txt: the U.S. economy runs 'near its full productive capacity' (no number); "
             + NO_ESTIMATE, d(2018, 5, 17), low=0, high=30,
             note="extra U.S. output for export within a year; t years of investment give t times this"),
    Quantity("purchase_premium", 0.1, "1",
             "the price China pays above the third-country supplier it displaces: " + NO_ESTIMATE, d(2018, 5, 17),
             low=0, high=0.3),
    Quantity("china_imports_from_us_2018_chinese_data", 155, "$B/yr",
             "seed 001_ffebdd4ffa0c8fcf.txt (Bloomberg): the offer raises 'the annual import total from $155 billion'",
             d(2019, 1, 18), low=155, high=155, note="Chinese data"),
    Quantity("china_surplus_2018_chinese_data", 323, "$B/yr",
             "seed 001_ffebdd4ffa0c8fcf.txt (Bloomberg): the surplus 'last year stood at $323 billion' (Chinese data); "
             "U.S. data put 2017 at $375.2B, so the range to 400 is a modelling assumption", d(2019, 1, 18),
             low=323, high=400),
    Quantity("china_offer_imports_2024", 600, "$B/yr",
             "seed 001_ffebdd4ffa0c8fcf.txt (Bloomberg): imports from the U.S. to 'about $600 billion' by 2024",
             d(2019, 1, 18), low=600, high=600),
    Quantity("china_offer_years", 6, "yr", "seed 001_ffebdd4ffa0c8fcf.txt (Bloomberg): the surplus to zero by 2024",
             d(2019, 1, 18), low=6, high=6),
    Quantity("chip_pledge_headline", 200, "$B",
             "seed 004_f3319ef925f740a4.txt (WSJ/MarketWatch): U.S. chip sales to China 'over six years of $200 "
             "billion'", d(2019, 2, 14), low=200, high=200, note="a total over the pledge's years"),
    Quantity("chip_pledge_years", 6, "yr", "seed 004_f3319ef925f740a4.txt (WSJ/MarketWatch): 'over six years'",
             d(2019, 2, 14), low=6, high=6),
    Quantity("chip_relabelled_share", 0.5, "1",
             "seed 004_f3319ef925f740a4.txt: the increase comes 'in part' from moving assembly from Mexico and "
             "Malaysia into China (no share given); " + NO_ESTIMATE, d(2019, 2, 14), low=0, high=0.9),
    Quantity("chip_divertible", 10, "$B/yr",
             "U.S.-made chips now sold to third countries (assembly in Mexico and Malaysia aside) that China could "
             "buy instead: " + NO_ESTIMATE, d(2019, 2, 14), low=2, high=30),
    Quantity("chip_headroom_short_run", 2, "$B/yr",
             "extra U.S. chip output for export within a year (new fabs take years): " + NO_ESTIMATE,
             d(2019, 2, 14), low=0, high=8),
    # ------------------------------------------------------------ tariff lists and actions
    Quantity("us_list_april_2018", 50, "$B/yr", "USTR, proposed Section 301 list (25%)", d(2018, 4, 3),
             low=50, high=50),
    Quantity("us_threat_additional_april_2018", 100, "$B/yr", "White House, 5 April 2018: $100B more considered",
             d(2018, 4, 5), low=100, high=100),
    Quantity("china_list_april_2018", 50, "$B/yr", "MOFCOM, 25% on $50B of U.S. goods (soybeans, cars, aircraft)",
             d(2018, 4, 4), low=50, high=50),
    Quantity("tariff_rate_april_2018", 25, "%", "USTR and MOFCOM lists, April 2018", d(2018, 4, 4), low=25, high=25),
    Quantity("tariffs_july_2018", 34, "$B/yr", "USTR; MOFCOM: 25% on $34B each way from 6 July 2018",
             d(2018, 7, 6), low=34, high=34),
    Quantity("tariffs_august_2018", 16, "$B/yr", "USTR: 25% on $16B each way from 23 August 2018", d(2018, 8, 23),
             low=16, high=16),
    Quantity("us_list_september_2018", 200, "$B/yr", "USTR: 10% on $200B from 24 September, to rise to 25%",
             d(2018, 9, 24), low=200, high=200),
    Quantity("tariff_rate_september_2018", 10, "%", "USTR: 10% on $200B from 24 September 2018", d(2018, 9, 24),
             low=10, high=10),
    Quantity("tariff_rate_scheduled_2019", 25, "%", "USTR: the 10% on $200B to rise to 25% (deferred at Buenos "
             "Aires to 1 March 2019)", d(2018, 9, 24), low=25, high=25),
    Quantity("china_list_september_2018", 60, "$B/yr", "MOFCOM: 5-10% on $60B", d(2018, 9, 24), low=60, high=60),
    Quantity("china_rate_september_2018", 7.5, "%", "MOFCOM, 18 September 2018: 5% or 10% on the $60B list; the "
             "mid-point, as an average over the list, is a modelling assumption", d(2018, 9, 24), low=5, high=10),
    Quantity("closing_meetings_per_year", 4, "1/yr", "how often the principals meet where a deal could be closed "
             "(seed 003_0cd96bd9d1e8fa7f.txt: a Trump-Xi summit as the 'main event'; rounds in January and "
             "February 2019): " + NO_ESTIMATE, d(2019, 1, 31), low=1, high=12),
    Quantity("us_average_tariff_on_china_sep_2018", 12.0, "%",
             "PIIE (Bown), US-China Trade War Tariffs: An Up-to-Date Chart", d(2018, 9, 30), low=12.0, high=12.0),
    Quantity("china_average_tariff_on_us_sep_2018", 18.3, "%",
             "PIIE (Bown), US-China Trade War Tariffs: An Up-to-Date Chart", d(2018, 9, 30), low=18.3, high=18.3),
    Quantity("us_farm_aid_july_2018", 12, "$B", "USDA, 24 July 2018", d(2018, 7, 24), low=12, high=12,
             note="a one-off amount, not a flow"),
    # ------------------------------------------------------------ demands and offers
    Quantity("us_demanded_cut_may_2018", 100, "$B/yr",
             "seed 002_a9c1d9645ce3d0de.txt (NYT, 1 May 2018): 'a request ... for a $100 billion reduction in the "
             "annual trade deficit'; the range, from Bown's $50B to the $200B later requested, is a modelling "
             "assumption about what the U.S. would settle for", d(2018, 5, 1), low=50, high=200),
    Quantity("us_requested_cut_may_2018", 200, "$B/yr",
             "seed 000_43b5ebd69bb5c81e.txt (NYT, 17 May 2018): the delegation asked China to reduce the deficit "
             "'by $200 billion'", d(2018, 5, 17), low=200, high=200),
    Quantity("us_demanded_years", 2, "yr", "seed 001_ffebdd4ffa0c8fcf.txt (Bloomberg): the imbalance to be "
             "'cleared in the next two years'", d(2019, 1, 18), low=1, high=6,
             note="the range is a modelling assumption: how long the U.S. would in fact wait"),
    # ------------------------------------------------------------ ZTE and structural issues
    Quantity("zte_fine_paid_2017", 0.892, "$B", "U.S. Commerce and Justice Departments, 7 March 2017",
             d(2017, 3, 7), low=0.892, high=0.892, note="one-off"),
    Quantity("zte_fine_suspended_2017", 0.3, "$B", "U.S. Commerce Department, 7 March 2017", d(2017, 3, 7),
             low=0.3, high=0.3, note="suspended, with a suspended denial order"),
    Quantity("zte_net_profit_2017", 0.721, "$B/yr", "ZTE Corporation, Annual Report 2017 (15 March 2018): net "
             "profit RMB 4.57B, about $0.72B; the range (2015's $0.58B, and room above) is a modelling assumption",
             d(2018, 3, 15), low=0.4, high=1.2, note="what ZTE earns its owners a year while it operates"),
    Quantity("zte_us_purchases_2017", 2.3, "$B/yr", "Reuters, 11 May 2018: a senior ZTE official said ZTE paid "
             "'over $2.3 billion' to 211 U.S. exporters in 2017", d(2018, 5, 11), low=2.3, high=3.0,
             note="'over': the range above 2.3 is a modelling assumption"),
    Quantity("zte_denial_order_years", 7, "yr", "U.S. Commerce Department, 15 April 2018: U.S. exports to ZTE "
             "denied for seven years", d(2018, 4, 15), low=7, high=7),
    Quantity("us_supplier_margin", 0.2, "1", "the share of U.S. suppliers' sales to ZTE that is producer "
             "surplus (sales less variable costs): " + NO_ESTIMATE, d(2018, 5, 11), low=0.1, high=0.4),
    Quantity("zte_detection_without_monitors", 0.3, "1", "the chance a year that a new export-control violation "
             "by ZTE is found without monitors inside the firm (its 2016-17 false statements were found by "
             "Commerce's own review): " + NO_ESTIMATE, d(2018, 4, 15), low=0.1, high=0.6),
    Quantity("zte_detection_with_monitors", 0.8, "1", "the same chance with a compliance team inside ZTE "
             "answering to the U.S. (the 2017 settlement already had a monitor): " + NO_ESTIMATE, d(2017, 3, 7),
             low=0.5, high=0.95),
    Quantity("zte_monitor_cost", 0.05, "$B/yr", "what a compliance team inside ZTE costs it a year: "
             + NO_ESTIMATE, d(2017, 3, 7), low=0.02, high=0.2),
    Quantity("section_301_harm", 50, "$B/yr", "USTR Section 301 findings; the White House puts the harm at "
             "'at least $50 billion' a year", d(2018, 3, 22), low=50, high=200, note="a lower bound ('at least')"),
    # ------------------------------------------------------------ theory and estimates
    Quantity("ossa_average_optimal_tariff", 62, "%", "Ossa, 'Trade Wars and Trade Talks with Data', American "
             "Economic Review 104(12), 2014: optimal tariffs average 62%", d(2014, 12, 1), low=62, high=62),
    Quantity("china_export_supply_elasticity", 1 / 0.62, "1",
             "implied by Ossa (2014): the optimal tariff 1/η averages 62%, so η ≈ 1/0.62; the range 0.5-8 is a "
             "modelling assumption (no published range could be found with the search tool)", d(2014, 12, 1),
             low=0.5, high=8.0),
    Quantity("us_export_supply_elasticity", 1 / 0.62, "1",
             "implied by Ossa (2014) as for China; the range 0.5-8 is a modelling assumption", d(2014, 12, 1),
             low=0.5, high=8.0),
    Quantity("us_import_demand_elasticity", 2.0, "1",
             "Kee, Nicita and Olarreaga (Review of Economics and Statistics 2008) estimate these by product, but "
             + NO_ESTIMATE, d(2008, 11, 1), low=1.0, high=4.0),
    Quantity("china_import_demand_elasticity", 2.0, "1",
             "Kee, Nicita and Olarreaga (2008) estimate these by product, but " + NO_ESTIMATE, d(2008, 11, 1),
             low=1.0, high=4.0),
    Quantity("us_soybean_supply_elasticity_short_run", 0.3, "1",
             "short-run export supply of U.S. soybeans to China: " + NO_ESTIMATE, d(2008, 11, 1), low=0.1, high=1.0),
    # ------------------------------------------------------------ patience and monitoring
    Quantity("government_discount_rate", 0.03, "1/yr",
             "U.S. OMB Circular A-4 (17 September 2003): real discount rates of 3% and 7% for regulatory analysis; "
             "the range spans the two", d(2003, 9, 17), low=0.03, high=0.07),
    Quantity("purchase_monitoring_noise", 0.15, "1",
             "the error in reading China's purchases, as a share of the target: the two sides' trade data differ "
             "by about that much (seed 001_ffebdd4ffa0c8fcf.txt gives China's imports from the U.S. as $155B in "
             "Chinese data; U.S. data gave exports of $130.4B for 2017); " + NO_ESTIMATE, d(2019, 1, 18),
             low=0.05, high=0.3),
    # ------------------------------------------------------------ published after every seed: validation only
    Quantity("us_exports_to_china_2018", 120.3, "$B/yr", "U.S. Census, 2018 annual release", d(2019, 3, 6),
             low=120.3, high=120.3, note="validation only"),
    Quantity("us_imports_from_china_2018", 539.5, "$B/yr", "U.S. Census, 2018 annual release", d(2019, 3, 6),
             low=539.5, high=539.5, note="validation only"),
    Quantity("us_soybean_exports_to_china_2018", 3.1, "$B/yr", "USDA; USITC (2019)", d(2019, 12, 31),
             low=3.1, high=3.1, note="validation only; publication month not given, so the year's end"),
    Quantity("us_buyers_loss_2018", 51, "$B/yr", "Fajgelbaum et al., NBER working paper, March 2019",
             d(2019, 3, 31), low=51, high=51, note="validation only"),
]
