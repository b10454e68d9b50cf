"""What the shared-services report reads instead of grouping rows, written by the
builder (docs/GRAPH-MODEL.md): ``Council.shares_services`` and ``REVIEWED_BY.councils``.

The report lists, for each pair of councils that share services, the people of the
pair who reviewed another partnership's council, each as "person -> councils year".
Found in the database, every such row (about 4,500 on 10,000 documents) was grouped by
review to join a joint review's council names, then sorted: a third of the report's
time. The builder sees the whole graph at every load, so these are always those of
every document loaded. Both are set as the builder goes (a pass over every
relationship of 10,000 documents would cost more than the lookups themselves).
"""

from __future__ import annotations

from collections.abc import Iterable

from graphload.model import Label
from graphload.tables import GraphTables

#: How a review's councils are named together ("Babergh & Mid Suffolk"), as the reports
#: name them.
JOINED_BY = " & "


def councils_shown(tables: GraphTables, node_ids: Iterable[str]) -> str | None:
    """The councils among ``node_ids`` as the reports show a review's councils: each
    one's ``short_name`` (else ``name``), in id order, joined by " & "; None if none
    of them is a council (a fire and rescue service)."""
    names: dict[str, None] = {}  # each name once, in order
    for node_id in sorted(node_ids):
        attrs = tables.nodes.get(node_id, {})
        if Label.COUNCIL in (attrs.get("labels") or ()):
            short_name = attrs.get("short_name")
            names[short_name if short_name is not None else attrs.get("name") or node_id] = None
    return JOINED_BY.join(names) if names else None


def mark_councils_that_share(tables: GraphTables, sharing: set[str]) -> None:
    """``shares_services`` on every Council node: whether it is in ``sharing``."""
    for node_id, attrs in tables.nodes.items():
        if Label.COUNCIL in (attrs.get("labels") or ()):
            attrs["shares_services"] = node_id in sharing
