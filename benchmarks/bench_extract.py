"""How fast the reader is: median seconds per sample report, and on a 30 MB document.

.venv/bin/python benchmarks/bench_extract.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from graphload.extract import extract_file
from graphload.gazetteer import Gazetteer

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
WORDS = (
    "the council should review its plans and priorities with partners across the borough"
).split()


def median_seconds(path: Path, runs: int, gazetteer: Gazetteer) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        extract_file(path, gazetteer)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def big_document(directory: Path, megabytes: int = 30) -> Path:
    random.seed(1)
    path = directory / "big.txt"
    with path.open("w") as handle:
        written = 0
        while written < megabytes * 2**20:
            line = " ".join(random.choice(WORDS) for _ in range(12)).capitalize() + ".\n"
            handle.write(line)
            written += len(line)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    for path in sorted(REPORTS.glob("*.txt")):
        seconds = median_seconds(path, args.runs, gazetteer)
        size = path.stat().st_size / 1024
        print(f"{path.name:32} {size:7.0f} KiB  median {seconds * 1000:7.1f} ms")
    with tempfile.TemporaryDirectory() as directory:
        big = big_document(Path(directory))
        seconds = median_seconds(big, 3, gazetteer)
        print(
            f"{'30 MB, 400k lines, no report':32} {big.stat().st_size / 2**20:6.0f} MiB  "
            f"median {seconds:7.1f} s"
        )


if __name__ == "__main__":
    main()
