"""Graph fragments the map tests share."""

from __future__ import annotations

import networkx as nx


def add_two_north_yorkshires(graph: nx.MultiDiGraph, partner: str, what: str) -> None:
    """The county council (to 2023) and the unitary council (from 2023): two councils
    whose short names are both "North Yorkshire", each sharing a service with ``partner``."""
    for code, kind, start, end in (
        ("NYK", "county", None, "2023-04-01"),
        ("NYE", "unitary", "2023-04-01", None),
    ):
        graph.add_node(
            code,
            id=code,
            labels=["Council"],
            name=f"North Yorkshire {'County ' if kind == 'county' else ''}Council",
            short_name="North Yorkshire",
            kind=kind,
            start_date=start,
            end_date=end,
        )
        graph.add_edge(partner, code, key="SHARED_WITH", type="SHARED_WITH", what=what)
