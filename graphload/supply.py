"""Who supplied peers, counted once by the builder: ``Peer.reviews_served`` and, on each
``Council`` and ``Organisation``, ``peers_supplied``, ``reviews_supplied`` and
``years_supplied`` (docs/GRAPH-MODEL.md).

Reports rank people and employers by these numbers; counting them in the database
means grouping every SERVED_ON x WORKS_FOR row (about 60,000 on 10,000 documents) at
every report. The builder sees the whole graph at every load, so the counts are always
those of every document loaded, and a node whose count changes is written again.
"""

from __future__ import annotations

from graphload.model import Label, Rel
from graphload.tables import GraphTables

_EMPLOYERS = (Label.COUNCIL, Label.ORGANISATION)


def add_supply_counts(tables: GraphTables) -> None:
    """Set the counts on every Peer, Council and Organisation node of ``tables``."""
    reviews_of: dict[str, set[str]] = {}  # person -> the reviews they served on
    people_of: dict[str, list[str]] = {}  # employer -> the people who work for it
    for (source, target, _), attrs in tables.edges.items():
        if attrs["type"] == Rel.SERVED_ON:
            reviews_of.setdefault(source, set()).add(target)
        elif attrs["type"] == Rel.WORKS_FOR:
            people_of.setdefault(target, []).append(source)
    for node_id, attrs in tables.nodes.items():
        labels = attrs.get("labels") or ()
        if Label.PEER in labels:
            attrs["reviews_served"] = len(reviews_of.get(node_id, ()))
        elif any(label in labels for label in _EMPLOYERS):
            served = [reviews_of[p] for p in people_of.get(node_id, ()) if reviews_of.get(p)]
            reviews: set[str] = set().union(*served)
            years = {tables.nodes[review].get("year") for review in reviews}
            attrs["peers_supplied"] = len(served)
            attrs["reviews_supplied"] = len(reviews)
            attrs["years_supplied"] = sorted(year for year in years if year is not None)
