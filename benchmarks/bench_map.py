"""How long a map takes and how smoothly it moves: render time in Python, time to
interactive and frames per second while panning and zooming in headless Chromium,
for synthetic graphs of about N documents (the "all" view).

    .venv/bin/python benchmarks/bench_map.py [--docs 100,2000,10000] [--runs 3]
        [--ungrouped] [--json FILE]

Time to interactive is measured by the page itself (``performance.now()`` when the
first frame is drawn with physics finished, i.e. since navigation start) and by the
driver (wall clock from ``driver.get`` until the page says so). Frames per second
are counted with ``requestAnimationFrame`` for two seconds while the view pans and
zooms a little every frame (headless Chromium draws at most 60). ``--ungrouped``
also measures the same graphs drawn node by node (no groups), the alternative the
grouping replaced. The median of the runs is reported. On a shared machine the
numbers are noisy: say under what load they were taken.
"""

from __future__ import annotations

import argparse
import json
import os
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

NODES_PER_DOCUMENT = 7.2  # synthetic graphs without recommendations (measured)
DRAWN_PER_DOCUMENT = 6.1  # of which the "all" view draws (documents are not drawn)
FPS_SCRIPT = """
var done = arguments[arguments.length - 1];
var net = window.peergraph.network, start = net.getViewPosition(), scale = net.getScale();
var frames = 0, t0 = performance.now();
function step(now) {
  frames += 1;
  var i = frames;
  net.moveTo({position: {x: start.x + 40 * Math.sin(i / 9), y: start.y + 30 * Math.cos(i / 11)},
              scale: scale * (1 + 0.15 * Math.sin(i / 13))});
  if (now - t0 < 2000) { requestAnimationFrame(step); }
  else { done(frames / ((now - t0) / 1000)); }
}
requestAnimationFrame(step);
"""


def graph_of_documents(n_docs: int, seed: int = 0):
    """A synthetic graph (no recommendations) with at least ``n_docs`` documents."""
    total = int(n_docs * NODES_PER_DOCUMENT) + 10
    while True:
        graph = synthetic_graph(total, seed=seed, recommendations=False)
        docs = sum(1 for _, a in graph.nodes(data=True) if "Document" in a["labels"])
        if docs >= n_docs:
            return graph, docs
        total += int((n_docs - docs) * NODES_PER_DOCUMENT * 1.5) + 10


def measure(driver, graph, out: Path, runs: int, group_above: int | None) -> dict:
    renders, pages, walls, fps = [], [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = render_map(graph, out, group_above=group_above)
        renders.append(time.perf_counter() - start)
        driver.get("about:blank")
        start = time.perf_counter()
        open_map(driver, out, timeout=600)
        walls.append(time.perf_counter() - start)
        pages.append(driver.execute_script("return window.peergraph.readyMs") / 1000)
        driver.set_script_timeout(120)
        fps.append(driver.execute_async_script(FPS_SCRIPT))
    drawn = driver.execute_script("return window.peergraph.network.body.nodeIndices.length")
    return {
        "nodes": result.node_count,
        "relationships": result.edge_count,
        "drawn_nodes": drawn,
        "html_mb": round(out.stat().st_size / 1e6, 1),
        "render_s": round(statistics.median(renders), 1),
        "interactive_page_s": round(statistics.median(pages), 2),
        "interactive_wall_s": round(statistics.median(walls), 2),
        "fps": round(statistics.median(fps), 1),
        "runs": runs,
    }


def bench(doc_counts: list[int], runs: int, ungrouped: bool) -> list[dict]:
    rows = []
    with headless_chromium() as driver, tempfile.TemporaryDirectory() as tmp:
        for n_docs in doc_counts:
            graph, docs = graph_of_documents(n_docs)
            modes = [("as drawn", None)] + ([("ungrouped", 10**9)] if ungrouped else [])
            for mode, limit in modes:
                row = measure(driver, graph, Path(tmp) / f"map-{n_docs}.html", runs, limit)
                row.update(documents=docs, mode=mode, load=round(os.getloadavg()[0], 1))
                rows.append(row)
                print(_line(row), flush=True)
    return rows


def _line(row: dict) -> str:
    return (
        f"{row['documents']:>6} docs {row['mode']:>9}: {row['nodes']:>6} nodes "
        f"{row['relationships']:>7} rels, {row['drawn_nodes']:>6} drawn, {row['html_mb']:>5} MB, "
        f"render {row['render_s']:>5} s, interactive {row['interactive_page_s']:>5} s (page) "
        f"{row['interactive_wall_s']:>5} s (wall), {row['fps']:>5} fps, "
        f"median of {row['runs']}, load {row['load']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="100,2000,10000")
    parser.add_argument(
        "--sizes",
        help="the older interface: about N drawn nodes each (the all view draws about "
        "six nodes per document); overrides --docs",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ungrouped", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    if args.sizes:
        docs = [max(1, round(int(s) / DRAWN_PER_DOCUMENT)) for s in args.sizes.split(",")]
    else:
        docs = [int(s) for s in args.docs.split(",")]
    rows = bench(docs, args.runs, args.ungrouped)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
