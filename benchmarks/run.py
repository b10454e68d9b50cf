"""Run the benchmarks (``make bench``): the national-scale table (appended to
BENCHMARKS.md; it runs benchmarks/bench_map.py too), then the reader on one huge
document, start-up, PDF and HTML reading. ``make bench BENCH_SIZES=100,1000`` for a
quick run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ["bench_scale.py", "--markdown", str(HERE.parent / "BENCHMARKS.md"), *sys.argv[1:]],
    ["bench_extract.py", "--runs", "3"],
    ["bench_startup.py"],
    ["bench_pdf.py"],
    ["bench_html.py"],
]


def main() -> int:
    failed = 0
    for name, *args in BENCHMARKS:
        print(f"\n== {name}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / name), *args], cwd=HERE.parent) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
