"""Time and peak memory of every file reader at its documented limits.

Each case writes a file at a limit (bytes, cells, nodes, depth, expression
length) and reads it in a fresh process, so that the peak resident memory
(``ru_maxrss``) belongs to that read alone. The target is at most 20 s and
2 GB per case on the reference machine; a limit that misses it is lowered.

    python benchmarks/bench_reader_limits.py
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

from negotiation.io import expressions, gambit, json_format, scenario_file

TARGET_SECONDS, TARGET_MB = 20.0, 2048


def json_game_at_byte_limit(folder: pathlib.Path) -> tuple[pathlib.Path, str]:
    side = 1
    while 2 * (side + 1) ** 2 * 2 < json_format.MAX_BYTES:  # "0," per cell, two players
        side += 1
    row = "[" + ",".join(["7"] * side) + "]"
    matrix = "[" + ",".join([row] * side) + "]"
    text = ('{"format": "negotiation/normal-form", "version": 1, "players": ["A", "B"], "payoffs": ['
            + matrix + "," + matrix + "]}")
    path = folder / "limit.json"
    path.write_text(text)
    return path, f"{side}×{side} integer payoffs"


def json_outcomes_at_byte_limit(folder):
    side = 1
    while 46 * (side + 1) ** 2 < json_format.MAX_BYTES:
        side += 1
    labels = [f"s{k}" for k in range(side)]
    outcomes = [{"profile": [a, b], "payoffs": [1, 2]} for a in labels for b in labels]
    path = folder / "outcomes.json"
    path.write_text(json.dumps({"format": "negotiation/normal-form", "version": 1, "players": ["A", "B"],
                                "outcomes": outcomes}, separators=(",", ":")))
    return path, f"{side}×{side} outcome list"


def nfg_at_byte_limit(folder):
    side = 2400
    while True:
        strategies = " ".join('"s%d"' % k for k in range(side))
        text = f'NFG 1 R "limit" {{ "A" "B" }}\n{{ {{ {strategies} }} {{ {strategies} }} }}\n""\n'
        text += " ".join(["1 2"] * side * side) + "\n"
        if len(text) <= gambit.MAX_BYTES:
            break
        side -= 8
    path = folder / "limit.nfg"
    path.write_text(text)
    return path, f"{side}×{side} payoff form"


def efg_at_node_limit(folder):
    nodes = gambit.MAX_NODES
    while 30 * nodes + 12 * nodes > gambit.MAX_BYTES:  # a terminal line and a label per node
        nodes = int(nodes * 0.9)
    lines = ['EFG 2 R "wide" { "A" "B" }', f'p "" 1 1 "" {{ {" ".join(f"{chr(34)}m{k}{chr(34)}" for k in range(nodes - 1))} }} 0']
    lines += [f't "" {k + 1} "" {{ {k % 7} 1 }}' for k in range(nodes - 1)]
    text = "\n".join(lines) + "\n"
    if len(text.encode()) > gambit.MAX_BYTES:
        return None, f"{nodes} nodes do not fit in {gambit.MAX_BYTES} bytes"
    path = folder / "wide.efg"
    path.write_text(text)
    return path, f"{nodes}-node wide tree"


def efg_deep(folder):
    depth = 150_000  # as deep as 8 MiB allows with these labels
    lines = ['EFG 2 R "deep" { "A" "B" }']
    lines += [f'p "" 1 {k + 1} "" {{ "a long action label {k}" }} 0' for k in range(depth)]
    lines.append('t "" 1 "" { 1 2 }')
    path = folder / "deep.efg"
    path.write_text("\n".join(lines) + "\n")
    return path, f"a chain {depth} moves deep"


def scenario_tree_at_item_limit(folder):
    base = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "scenarios" / "tariff_standoff.toml"
    head = base.read_text().split("[matrix]")[0]
    count = scenario_file.MAX_ITEMS - 1
    while True:
        moves = ", ".join(f'"m{k}"' for k in range(count))
        nodes = [f'{{at = "", player = "U.S.", moves = [{moves}]}}']
        nodes += [f'{{at = "m{k}", payoffs = ["concession_value - {k % 9}", "-backdown_cost"]}}' for k in range(count)]
        text = head + '[tree]\ntitle = "wide"\nnodes = [\n' + ",\n".join(nodes) + "\n]\n"
        if len(text.encode()) <= scenario_file.MAX_BYTES:
            break
        count = int(count * 0.95)
    path = folder / "wide.toml"
    path.write_text(text)
    return path, f"{count + 1}-node tree"


def expression_at_length_limit(folder):
    unit = "x^97*y/3+"  # exact powers and divisions: a flat sum of 222 costly terms
    text = unit * ((expressions.MAX_LENGTH - 1) // len(unit)) + "1"
    path = folder / "expression.txt"
    path.write_text(text)
    return path, f"{len(text)} characters"


READ = {
    "json": "from negotiation.io import json_format as m; g = m.load(PATH); work = g.shape",
    "nfg": "from negotiation.io import gambit as m; g = m.load(PATH); work = g.shape",
    "efg": "from negotiation.io import gambit as m; g = m.load(PATH); work = g.num_nodes",
    "toml": ("from negotiation.io import scenario_file as m; s = m.load(PATH); "
             "work = s.bind().build('tree').num_nodes"),
    "expr": ("from negotiation.io import expressions as m; import pathlib; "
             "t = pathlib.Path(PATH).read_text(); e = m.parse(t); "
             "from negotiation.errors import ExpressionError\n"
             "try:\n    work = e.evaluate({'x': 3, 'y': 5})\nexcept ExpressionError as x:\n    work = str(x)[:40]"),
}

CASES = [
    ("JSON game, file size (20 MiB)", json_game_at_byte_limit, "json"),
    ("JSON game, outcome list (20 MiB)", json_outcomes_at_byte_limit, "json"),
    (".nfg, file size (8 MiB)", nfg_at_byte_limit, "nfg"),
    (".efg, nodes (as many as fit)", efg_at_node_limit, "efg"),
    (".efg, depth", efg_deep, "efg"),
    ("scenario file, tree nodes (as many as fit)", scenario_tree_at_item_limit, "toml"),
    ("expression, length (MAX_LENGTH)", expression_at_length_limit, "expr"),
]


def measure(path: pathlib.Path, kind: str) -> tuple[float, float, str]:
    code = ("import resource, time\nPATH = %r\nstart = time.perf_counter()\n%s\n"
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
            "repr(work)[:40], sep='|')") % (str(path), READ[kind])
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        return float("nan"), float("nan"), run.stderr.strip().splitlines()[-1][:80]
    seconds, megabytes, work = run.stdout.strip().split("|")
    return float(seconds), float(megabytes), work


def main() -> None:
    print("| input at the limit | size | read time | peak memory | within 20 s / 2 GB |")
    print("|---|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for title, make, kind in CASES:
            path, size = make(pathlib.Path(folder))
            if path is None:
                print(f"| {title} | {size} | — | — | — |")
                continue
            size += f", {path.stat().st_size / 2**20:.1f} MiB"
            seconds, megabytes, work = measure(path, kind)
            ok = seconds <= TARGET_SECONDS and megabytes <= TARGET_MB
            verdict = "yes" if ok else "**no**" + ("" if seconds == seconds else f": {work}")
            print(f"| {title} | {size} | {seconds:.2f} s | {megabytes:.0f} MB | {verdict} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
