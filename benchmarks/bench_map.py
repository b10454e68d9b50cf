"""How long a map takes: to render in Python, and to become interactive in headless
Chromium, for synthetic graphs whose "all" view draws about N nodes.

    .venv/bin/python benchmarks/bench_map.py [--sizes 500,1000,2000] [--runs 5] [--json FILE]

Time to interactive is measured twice per run: by the page itself (``performance.now()``
when the first frame is drawn with physics finished, i.e. since navigation start)
and by the driver (wall clock from ``driver.get`` until the page says so). The
median of the runs is reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import headless_chromium, missing_reason, open_map  # noqa: E402

from benchmarks.synthetic import synthetic_graph  # noqa: E402
from visualise import render_map  # noqa: E402

# the "all" view leaves out documents (about one node in nine of these graphs)
DRAWN_SHARE = 0.885


def graph_drawing(n: int, seed: int = 0):
    """A synthetic graph whose "all" map draws at least ``n`` nodes."""
    total = int(n / DRAWN_SHARE) + 10
    while True:
        graph = synthetic_graph(total, seed=seed, recommendations=False)
        drawn = sum(1 for _, a in graph.nodes(data=True) if "Document" not in a["labels"])
        if drawn >= n:
            return graph
        total += n - drawn + 10


def bench(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    with headless_chromium() as driver, tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            graph = graph_drawing(n)
            renders, pages, walls = [], [], []
            for run in range(runs):
                out = Path(tmp) / f"map-{n}-{run}.html"
                start = time.perf_counter()
                result = render_map(graph, out)
                renders.append(time.perf_counter() - start)
                driver.get("about:blank")
                start = time.perf_counter()
                open_map(driver, out, timeout=300)
                walls.append(time.perf_counter() - start)
                pages.append(driver.execute_script("return window.peergraph.readyMs") / 1000)
            rows.append(
                {
                    "nodes": result.node_count,
                    "relationships": result.edge_count,
                    "html_mb": round(out.stat().st_size / 1e6, 2),
                    "render_s": round(statistics.median(renders), 2),
                    "interactive_page_s": round(statistics.median(pages), 2),
                    "interactive_wall_s": round(statistics.median(walls), 2),
                    "runs": runs,
                }
            )
            print(_line(rows[-1]), flush=True)
    return rows


def _line(row: dict) -> str:
    return (
        f"{row['nodes']:>6} nodes {row['relationships']:>6} rels  {row['html_mb']:>5} MB  "
        f"render {row['render_s']:>5} s  interactive {row['interactive_page_s']:>5} s "
        f"(page) {row['interactive_wall_s']:>5} s (wall), median of {row['runs']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,1000,2000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    rows = bench([int(s) for s in args.sizes.split(",")], args.runs)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
