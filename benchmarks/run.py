"""Run every benchmark with its default settings (``make bench``); each prints medians."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    "bench_extract.py",
    "bench_load.py",
    "bench_map.py",
    "bench_startup.py",
    "bench_pdf.py",
    "bench_html.py",
]


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        print(f"\n== {name}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / name)], cwd=HERE.parent) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
