"""The workshop page: how long `negotiation workshop` takes, how big the page is, and how fast a slider redraws.

    python benchmarks/bench_workshop.py            # tariff_standoff and purchase_pledges, 21×21, 200 moves
    python benchmarks/bench_workshop.py --quick    # 7×7 grids, 40 moves

Building: the command run as a user runs it (a fresh process, so imports
count), and the time per grid point. Redrawing: the page opened in headless
Chromium (Selenium), sliders moved by key presses and by random jumps; the
page times each redraw itself, from the input event to the end of layout
(`window.workshop.timings`). The issue's budget is 100 ms per move.

Peers: none builds such a page. Equilibrium regions (`equilibrium_conditions`)
are also timed against SymPy's own `solveset`, which the grid used before.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def build(name: str, points: int, folder: str) -> tuple[float, str]:
    path = os.path.join(folder, f"{name}.html")
    command = [sys.executable, "-m", "negotiation.cli", "workshop", name, "-o", path, "--points", str(points)]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, path


def browser():
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))


def redraws(driver, path: str, moves: int) -> dict:
    """Times (ms) of redraws by key presses and by random jumps across the grid."""
    import random

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get("file://" + path)
    count = driver.execute_script("return window.workshop.data.sliders.length")
    sizes = driver.execute_script("return window.workshop.data.sliders.map(s => s.values.length)")
    driver.execute_script("window.workshop.timings.length = 0")
    for k in range(count):
        element = driver.find_element(By.ID, f"s-{k}")
        element.send_keys(Keys.HOME)
        for _ in range(moves // (2 * count)):
            element.send_keys(Keys.ARROW_RIGHT)
    keys = list(driver.execute_script("return window.workshop.timings"))
    driver.execute_script("window.workshop.timings.length = 0")
    rng = random.Random(0)
    for _ in range(moves // 2):
        driver.execute_script("window.workshop.select(arguments[0])", [rng.randrange(n) for n in sizes])
    jumps = list(driver.execute_script("return window.workshop.timings"))
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    return {"keys": keys, "jumps": jumps, "errors": len(errors)}


def quantiles(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):.1f} ms, 95% {p95:.1f} ms, max {ordered[-1]:.1f} ms (n={len(ordered)})"


def regions(repeats: int) -> tuple[float, float]:
    """equilibrium_conditions on the standoff's game: ours, and SymPy's solveset on the same conditions."""
    import sympy

    import negotiation as ng

    cost = sympy.Symbol("concession_cost")
    game = ng.NormalFormGame.from_arrays([[sympy.Rational(-55, 2), 100], [0, 100]], [[-42.5, -cost], [0, -cost]])
    ours = _time(lambda: ng.equilibrium_conditions(game, solve_for="concession_cost"), repeats)

    def theirs():
        for r in range(2):
            for c in range(2):
                gains = [game.payoffs[0][r, c] - game.payoffs[0][1 - r, c], game.payoffs[1][r, c] - game.payoffs[1][r, 1 - c]]
                sympy.solveset(sympy.And(*(sympy.Ge(sympy.sympify(g), 0) for g in gains)), cost, sympy.S.Reals)

    return ours, _time(theirs, repeats)


def _time(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="7×7 grids and 40 moves")
    args = parser.parse_args()
    points, moves = (7, 40) if args.quick else (21, 200)
    folder = tempfile.mkdtemp()
    driver = browser() if shutil.which("chromium") and shutil.which("chromedriver") else None
    for name in ("tariff_standoff", "purchase_pledges"):
        seconds, path = build(name, points, folder)
        import json
        import re

        text = open(path, encoding="utf-8").read()
        data = json.loads(re.search(r'id="workshop-data">(.*?)</script>', text, re.S).group(1).replace("<\\/", "</"))
        grid = " × ".join(str(len(s["values"])) for s in data["sliders"])
        print(f"{name}: `negotiation workshop` {seconds:.2f} s for a {grid} grid ({len(data['points'])} points, "
              f"{1000 * seconds / len(data['points']):.1f} ms a point with start-up), page {len(text.encode()) / 1e3:.0f} kB")
        if driver is None:
            print("  (Chromium or chromedriver missing: redraws not timed)")
            continue
        timed = redraws(driver, path, moves)
        print(f"  redraw after a key press: {quantiles(timed['keys'])}")
        print(f"  redraw after a jump:      {quantiles(timed['jumps'])}")
        print(f"  console errors: {timed['errors']}")
    if driver is not None:
        driver.quit()
    ours, theirs = regions(20 if args.quick else 50)
    print(f"equilibrium regions of the standoff: ours {1000 * ours:.2f} ms, SymPy solveset {1000 * theirs:.1f} ms "
          f"({theirs / ours:.0f}× faster)")


if __name__ == "__main__":
    main()
