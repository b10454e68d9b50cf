"""The alternative the big maps did not take: the same graph drawn node by node with
WebGL (sigma.js 3 + graphology), for the comparison in docs/maps.md.

sigma and graphology are not vendored; fetch their npm packages first:

    mkdir -p /tmp/sigma && cd /tmp/sigma && npm pack sigma graphology && \\
        for f in *.tgz; do tar xzf $f --one-top-level=${f%.tgz}; done
    .venv/bin/python benchmarks/bench_map_webgl.py --sigma-dir /tmp/sigma [--docs 2000,10000]

Positions are the ones the grouped map computes for its members (every node
drawn at once), so both renderers draw the same picture. Reports time to the first
frame (navigation start to the second animation frame after sigma is built) and
frames per second while the camera pans and zooms for two seconds, in headless
Chromium (software WebGL: SwiftShader, as there is no GPU).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench_map import graph_of_documents  # noqa: E402
from browser import headless_chromium, missing_reason  # noqa: E402

from visualise import clusters, style, views  # noqa: E402

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html, body, #g {{ margin: 0; width: 100%; height: 100%; }}</style></head><body>
<div id="g"></div><script>{graphology}</script><script>{sigma}</script>
<script type="application/json" id="d">{data}</script>
<script>
var d = JSON.parse(document.getElementById("d").textContent);
var g = new graphology.Graph({{multi: true}});
d.nodes.forEach(function (n) {{
  g.addNode(n[0], {{x: n[1], y: -n[2], size: 3, color: n[3], label: n[4]}}); }});
d.edges.forEach(function (e) {{
  g.addEdge(d.nodes[e[0]][0], d.nodes[e[1]][0], {{color: "#ccc", size: 0.5}}); }});
var r = new Sigma(g, document.getElementById("g"), {{renderLabels: true}});
requestAnimationFrame(function () {{
  requestAnimationFrame(function () {{ window.readyMs = performance.now(); }}); }});
window.renderer = r;
</script></body></html>"""

FPS = """
var done = arguments[arguments.length - 1], cam = window.renderer.getCamera();
var s = cam.getState(), frames = 0, t0 = performance.now();
function step(now) {
  frames += 1;
  cam.setState({x: s.x + 0.05 * Math.sin(frames / 9), y: s.y + 0.05 * Math.cos(frames / 11),
                ratio: s.ratio * (1 + 0.15 * Math.sin(frames / 13))});
  if (now - t0 < 2000) { requestAnimationFrame(step); } else { done(frames / ((now - t0) / 1000)); }
}
requestAnimationFrame(step);
"""


def page_for(n_docs: int, sigma_dir: Path) -> tuple[str, int, int]:
    graph, _ = graph_of_documents(n_docs)
    shown = views.without_isolates(views.view_graph(graph, "all"))
    groups = clusters.communities(shown)
    _, _, xy = clusters.group_positions(groups, shown)
    ids = list(shown.nodes)
    index = {n: i for i, n in enumerate(ids)}
    nodes = []
    for n in ids:
        label = views.labels_of(shown.nodes[n])[0]
        nodes.append([n, xy[n][0], xy[n][1], style.node_style(label).colour, n])
    edges = [[index[u], index[v]] for u, v in shown.edges() if u != v]
    text = PAGE.format(
        graphology=(sigma_dir / "graphology-0.26.0/package/dist/graphology.umd.min.js").read_text(),
        sigma=(sigma_dir / "sigma-3.0.3/package/dist/sigma.min.js").read_text(),
        data=json.dumps({"nodes": nodes, "edges": edges}).replace("<", "\\u003c"),
    )
    return text, len(nodes), len(edges)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sigma-dir", type=Path, required=True)
    parser.add_argument("--docs", default="2000,10000")
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    with headless_chromium() as driver, tempfile.TemporaryDirectory() as tmp:
        for n_docs in (int(s) for s in args.docs.split(",")):
            text, n_nodes, n_edges = page_for(n_docs, args.sigma_dir)
            path = Path(tmp) / f"sigma-{n_docs}.html"
            path.write_text(text, encoding="utf-8")
            driver.get("about:blank")
            start = time.perf_counter()
            driver.get(path.as_uri())
            deadline = time.monotonic() + 300
            while not driver.execute_script("return window.readyMs || null"):
                errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                if errors or time.monotonic() > deadline:
                    print(f"{n_docs} docs: sigma did not draw: {errors}")
                    break
                time.sleep(0.05)
            else:
                wall = time.perf_counter() - start
                page = driver.execute_script("return window.readyMs") / 1000
                driver.set_script_timeout(120)
                fps = driver.execute_async_script(FPS)
                print(
                    f"{n_docs} docs: {n_nodes} nodes {n_edges} edges, first frame "
                    f"{page:.2f} s (page) {wall:.2f} s (wall), {fps:.1f} fps",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
