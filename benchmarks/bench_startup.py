"""How fast the command line starts: median wall time of whole processes.

.venv/bin/python benchmarks/bench_startup.py [--runs N]

Each command runs as a fresh process (the console script beside this Python),
so the time includes the interpreter's start and every import. Targets (issue
12): ``peergraph --help`` and ``peergraph extract --help`` <= 0.15 s. For where
the time goes: ``python -X importtime -m graphload --help 2>&1 | sort -t'|' -k2 -n``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = [
    ["--help"],
    ["extract", "--help"],
    ["report", "--help"],
    ["map", "--help"],
    ["--version"],
]
BASELINE = [sys.executable, "-c", "pass"]


def peergraph() -> list[str]:
    script = Path(sys.executable).with_name("peergraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "graphload"]


def timings(command: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rows = [("python -c pass (the floor)", timings(BASELINE, args.runs))]
    for extra in COMMANDS:
        rows.append(("peergraph " + " ".join(extra), timings([*peergraph(), *extra], args.runs)))
    print(f"{'command':<32}  {'median':>8}  {'min':>8}  {'max':>8}   ({args.runs} runs)")
    for name, times in rows:
        print(
            f"{name:<32}  {statistics.median(times):>7.3f}s  {min(times):>7.3f}s  "
            f"{max(times):>7.3f}s"
        )


if __name__ == "__main__":
    main()
