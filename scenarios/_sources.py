"""The seed articles and public figures the scenarios cite (see ../shared/CALIBRATION.md)."""

import datetime

import negotiation as ng

D = datetime.date

SEED_MAY_1 = "002_a9c1d9645ce3d0de.txt"
SEED_MAY_17 = "000_43b5ebd69bb5c81e.txt"
SEED_JAN_18 = "001_ffebdd4ffa0c8fcf.txt"
SEED_JAN_31 = "003_0cd96bd9d1e8fa7f.txt"
SEED_FEB_14 = "004_f3319ef925f740a4.txt"

OUTLAST = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "mean that China can outlast the United States and Trump in any trade quarrel", SEED_MAY_1)
THREAT_FIRST = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "China is insisting that the parameters of any deal be limited, and that the tariff threat be removed before a final deal can be struck",
    SEED_MAY_1)
TARIFF_150 = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "The Chinese government is frustrated with Trump’s threats to impose tariffs on $150 billion in Chinese goods",
    SEED_MAY_1)
CUT_100 = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "One of these demands is a request by White House officials for a $100 billion reduction in the annual trade deficit with China",
    SEED_MAY_1)
TWO_DEMANDS = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "The other demand, for limits on China’s industrial policy, is from the US trade representative, Robert Lighthizer",
    SEED_MAY_1)
NO_CURBS = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "A senior Chinese government official said that Beijing is unwilling to negotiate with the United States on any curbs on China’s industrial policy",
    SEED_MAY_1)
BUSINESSMAN = ng.Source(
    "NYT-syndicated", D(2018, 5, 1),
    "The Chinese government believes Trump’s background as a businessman means that at some point he will agree to a deal",
    SEED_MAY_1)
REQUEST_200 = ng.Source(
    "New York Times", D(2018, 5, 17),
    "a request by a high-level American trade delegation to Beijing in early May that China reduce the trade deficit, which hit $375.2 billion last year, by $200 billion",
    SEED_MAY_17)
STRETCH_50 = ng.Source(
    "New York Times", D(2018, 5, 17), "“It would even be a stretch to get it to $50 billion,” Mr. Bown said.", SEED_MAY_17)
FULL_CAPACITY = ng.Source(
    "New York Times", D(2018, 5, 17),
    "the United States economy is already running near its full productive capacity", SEED_MAY_17)
DIVERSION = ng.Source(
    "New York Times", D(2018, 5, 17),
    "shrinking the United States trade deficit with China but leaving the United States trade deficit with the entire world unchanged",
    SEED_MAY_17)
ZTE = ng.Source(
    "New York Times", D(2018, 5, 17),
    "China plans to press the administration to lift sanctions on the telecommunications giant ZTE and to relax export controls that prevent American companies from selling sensitive technology to China",
    SEED_MAY_17)
NORTH_KOREA = ng.Source(
    "New York Times", D(2018, 5, 17),
    "Some administration officials said they believed China was using its influence over North Korea as leverage to push Mr. Trump for a trade deal",
    SEED_MAY_17)
SPREE = ng.Source(
    "Bloomberg via LA Times", D(2019, 1, 18),
    "By increasing goods imports from the U.S. by a combined value of more than $1 trillion over that period, China would seek to reduce its trade surplus — which last year stood at $323 billion — to zero by 2024",
    SEED_JAN_18)
TWO_YEARS = ng.Source(
    "Bloomberg via LA Times", D(2019, 1, 18),
    "demanding that the imbalance be cleared in the next two years", SEED_JAN_18)
IMPORT_PATH = ng.Source(
    "Bloomberg via LA Times", D(2019, 1, 18),
    "China’s offer implies raising the annual import total from $155 billion to about $200 billion in 2019",
    SEED_JAN_18)
MARCH_1 = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "The agreement to continue talking raises hopes the world's two biggest economies could find a way to end the conflict before March 1",
    SEED_JAN_31)
MOU = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "China has in the past walked away from similar MOUs after a period of time.", SEED_JAN_31)
ENFORCEABLE = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "The U.S. is insisting that any deal should be enforceable and Lighthizer called that idea “foundational” on Thursday.",
    SEED_JAN_31)
ARBITRATION = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "they have been toying with ideas such as having independent arbitration tribunals that the U.S. is unlikely to accept",
    SEED_JAN_31)
SOYBEANS = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "China has agreed to buy a substantial amount of American soybeans, the president added, calling the offer a sign of good faith.",
    SEED_JAN_31)
SUMMIT = ng.Source(
    "Bloomberg", D(2019, 1, 31), "He said a Trump-Xi summit “is, as it has always been, the main event.”", SEED_JAN_31)
CHIPS = ng.Source(
    "WSJ/MarketWatch", D(2019, 2, 14),
    "China’s top economic-planning agency is proposing to increase U.S. semiconductor sales to China to a total over six years of $200 billion",
    SEED_FEB_14)
RELABEL = ng.Source(
    "WSJ/MarketWatch", D(2019, 2, 14),
    "that increase would be generated in part by moving assembly operations of U.S. semiconductors from third countries like Mexico and Malaysia to China",
    SEED_FEB_14)
VEHICLES = ng.Source(
    "WSJ/MarketWatch", D(2019, 2, 14),
    "Chinese negotiators are also offering to eliminate a national vehicle-procurement policy", SEED_FEB_14)
KIM_SUMMIT = ng.Source(
    "Bloomberg", D(2019, 1, 31),
    "meeting with Xi after the U.S. president's planned summit with North Korean leader Kim Jong Un in late February",
    SEED_JAN_31)
SEPTEMBER_LISTS = ng.Source(
    "USTR; MOFCOM (see CALIBRATION.md)", D(2018, 9, 24),
    "U.S. 10% on $200B (5,745 lines), to rise to 25% on 1 Jan; $267B more threatened; China 5-10% on $60B")
SHIFTED = ng.Source(
    "Bloomberg via LA Times", D(2019, 1, 18),
    "that might help deal with their bilateral problem with the U.S., but at the expense of worsening imbalances with other countries",
    SEED_JAN_18)
US_DEMAND = ng.Source(
    "Bloomberg via LA Times", D(2019, 1, 18),
    "Economists who have studied the trade relationship argue it would be hard to eliminate the gap, which they say is sustained in large part by U.S. demand for Chinese products",
    SEED_JAN_18)
