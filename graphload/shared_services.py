"""What the shared-services report reads instead of grouping rows, written once by the
builder (docs/GRAPH-MODEL.md): ``Council.shares_services`` and ``REVIEWED_BY.councils``.

The report lists, for each pair of councils that share services, the people of the
pair who reviewed another partnership's council, each as "person -> councils year".
Found in the database, every such row (about 4,500 on 10,000 documents) was grouped by
review to join a joint review's council names, then sorted: two thirds of the report's
time. The builder sees the whole graph at every load, so these are always those of
every document loaded.
"""

from __future__ import annotations

from graphload.model import Label, Rel
from graphload.tables import GraphTables

#: How a review's councils are named together ("Babergh & Mid Suffolk"), as the reports
#: name them.
JOINED_BY = " & "


def add_shared_services_properties(tables: GraphTables) -> None:
    """Set ``shares_services`` on every Council node and ``councils`` on every
    REVIEWED_BY relationship of ``tables``."""
    sharing: set[str] = set()
    reviewed: dict[str, list[str]] = {}  # review -> the councils it is of
    for (source, target, _), attrs in tables.edges.items():
        if attrs["type"] == Rel.SHARED_WITH:
            sharing.update((source, target))
        elif attrs["type"] == Rel.OF and _is_council(tables, target):
            reviewed.setdefault(source, []).append(target)
    for node_id, attrs in tables.nodes.items():
        if Label.COUNCIL in (attrs.get("labels") or ()):
            attrs["shares_services"] = node_id in sharing
    names = {
        review: JOINED_BY.join(dict.fromkeys(_shown_name(tables, c) for c in sorted(councils)))
        for review, councils in reviewed.items()
    }
    for attrs in tables.edges.values():
        if attrs["type"] == Rel.REVIEWED_BY:
            attrs["councils"] = names.get(attrs["review"])


def _is_council(tables: GraphTables, node_id: str) -> bool:
    return Label.COUNCIL in (tables.nodes.get(node_id, {}).get("labels") or ())


def _shown_name(tables: GraphTables, council_id: str) -> str:
    attrs = tables.nodes[council_id]
    short_name = attrs.get("short_name")
    return short_name if short_name is not None else attrs.get("name") or council_id
