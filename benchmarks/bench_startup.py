"""How fast the command line starts: median wall time of whole processes.

.venv/bin/python benchmarks/bench_startup.py [--runs N]

Each command runs as a fresh process (the console script beside this Python),
so the time includes the interpreter's start and every import. Targets (issue
12): ``peergraph --help`` and ``peergraph extract --help`` <= 0.15 s. For where
the time goes: ``python -X importtime -m graphload --help 2>&1 | sort -t'|' -k2 -n``.
"""

from __future__ import annotations

import argparse
import resource
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


def timings(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds and CPU seconds (user + system) of each run. On a busy machine the
    wall time includes waiting for a core; the CPU time does not."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rows = [("python -c pass (the floor)", timings(BASELINE, args.runs))]
    for extra in COMMANDS:
        rows.append(("peergraph " + " ".join(extra), timings([*peergraph(), *extra], args.runs)))
    print(f"{'command':<32}  {'median':>8}  {'min':>8}  {'max':>8}  {'cpu':>8}  ({args.runs} runs)")
    for name, (wall, cpu) in rows:
        print(
            f"{name:<32}  {statistics.median(wall):>7.3f}s  {min(wall):>7.3f}s  "
            f"{max(wall):>7.3f}s  {statistics.median(cpu):>7.3f}s"
        )


if __name__ == "__main__":
    main()
