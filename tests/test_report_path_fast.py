"""path's shortcut (the end's neighbours read once, the last layer never expanded) finds
the same path, relationship for relationship, as expanding every layer does."""

from __future__ import annotations

import itertools
from typing import Any

import queries_fixtures

from queries.catalog import get_report
from queries.run import PATH_EXCLUDE, expansion_params, row_label, shortest_path

seed_store = queries_fixtures.seed_store


def _layer_by_layer(store, start: str, end: str, max_hops: int) -> list[tuple[str, str, str]]:
    """The definition: expand every layer; the first row (by from id, type, to id) to
    reach a node is its parent. Returns the chain as (from, type, to) ids."""
    spec = get_report("path")
    parent: dict[str, tuple[str, str]] = {}
    labels: dict[str, str] = {}
    seen, frontier, hops = {start}, [start], 0
    while frontier and end not in seen and hops < max_hops:
        hops += 1
        rows = store.query(spec.cypher, expansion_params(frontier, labels, PATH_EXCLUDE))
        rows.sort(key=lambda r: (r["from_id"], r["type"], r["to_id"]))
        nxt = []
        for row in rows:
            labels.setdefault(row["to_id"], row_label(row) or "")
            if row["to_id"] not in seen:
                seen.add(row["to_id"])
                parent[row["to_id"]] = (row["from_id"], row["type"])
                nxt.append(row["to_id"])
        frontier = sorted(nxt)
    chain, node = [], end
    while node in parent:
        prev, kind = parent[node]
        chain.append((prev, kind, node))
        node = prev
    return chain[::-1] if node == start else []


def test_every_pair_gets_the_path_expanding_every_layer_gives(seed_store) -> None:
    spec = get_report("path")
    ids = [
        r["id"]
        for r in seed_store.query(
            "MATCH (n) WHERE n:Council OR n:Peer OR n:Organisation RETURN n.id AS id ORDER BY id"
        )
    ]
    shown = {
        r["id"]: f"{r['name']} ({r['label']})"
        for r in seed_store.query(
            "MATCH (n) RETURN n.id AS id, labels(n)[0] AS label, "
            "coalesce(n.short_name, n.name, n.title, n.id) AS name"
        )
    }
    found = 0
    for start, end in itertools.islice(itertools.permutations(ids[::3], 2), 400):
        for max_hops in (6, 2):
            want = _layer_by_layer(seed_store, start, end, max_hops)
            got: list[dict[str, Any]] = shortest_path(seed_store, spec, start, end, max_hops)
            assert len(got) == len(want), (start, end, max_hops)
            for row, (_, kind, node) in zip(got, want, strict=True):
                assert f":{kind}]" in row["relationship"]
                assert row["to"] == shown[node]
            found += bool(want)
    assert found > 100
