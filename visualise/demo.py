"""The main job on a folder of reports: load them, show two answers, draw two maps.

It composes all three packages (graphload loads, queries answers, visualise
draws), so it lives at the top of the import graph, here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphload.load import load_paths
from graphload.model import Rel
from graphload.store import open_store
from queries import format_rows, run_report
from visualise import render_map

DEMO_REPORTS = ("peer-councils-reviewed", "shared-services")


@dataclass
class DemoResult:
    load_line: str
    reports: list[tuple[str, str]] = field(default_factory=list)  # (name, table)
    maps: list[Path] = field(default_factory=list)
    council: str | None = None  # the name of the council of the ego map
    failed: int = 0


def run_demo(
    reports_dir: Path,
    store_dir: Path | str | None,
    maps_dir: Path,
    echo: Callable[[str], None] = print,
    backend: str = "embedded",
    **neo4j_options: Any,
) -> DemoResult:
    summary = load_paths([reports_dir], store_dir=store_dir, backend=backend, **neo4j_options)
    for error in summary.errors:
        echo(f"error: {error}")
    result = DemoResult(summary.summary_line(), failed=summary.documents_failed)
    echo(result.load_line)
    with open_store(backend, store_dir, create=False, **neo4j_options) as store:
        for name in DEMO_REPORTS:
            table = format_rows(run_report(store, name), "table")
            result.reports.append((name, table))
            echo(f"\n$ peergraph report {name}\n{table}")
        graph = store.export_graph()
    maps_dir.mkdir(parents=True, exist_ok=True)
    overview = render_map(
        graph, maps_dir / "overview.html", title="peergraph: every review, peer and council"
    )
    result.maps.append(overview.path)
    council = most_reviewed_council(graph)
    if council:
        ego = render_map(
            graph, maps_dir / f"council-{council.lower()}.html", council=council, depth=2
        )
        result.maps.append(ego.path)
        attrs = graph.nodes[council]
        result.council = attrs.get("short_name") or attrs.get("name") or council
    return result


def most_reviewed_council(graph: Any) -> str | None:
    """The council with the most reviews (ties by id), for the ego map."""
    counts: Counter[str] = Counter()
    for _source, target, key in graph.edges(keys=True):
        if key == Rel.OF:
            counts[target] += 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
