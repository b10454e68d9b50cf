"""A synthetic graph whose councils are real English councils from the register,
so that the national view places them on the map.

``benchmarks/synthetic.py`` invents councils ("North Adur District Council") with
invented codes; :func:`on_register_councils` renames each one, in a fixed order,
to a current English council of the register (code, official and short name,
kind, start date), keeping every relationship.
"""

from __future__ import annotations

import csv

import networkx as nx

from graphload.gazetteer import GAZETTEER_DIR
from visualise.national import register_places


def english_councils() -> list[dict[str, str]]:
    """English councils the national view can place: current ones first, then past
    ones (placed where their successors are)."""
    with open(GAZETTEER_DIR / "uk_local_authorities_current.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    places = register_places()
    return sorted(
        (
            r
            for r in rows
            if r["nation"] == "England"
            and r["local-authority-code"] in places
            and "combined" not in r["local-authority-type-name"].lower()
        ),
        key=lambda r: (bool(r["end-date"]), r["local-authority-code"]),
    )


def on_register_councils(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose Council nodes are register councils (as many as
    the register has; any further synthetic councils keep their invented names)."""
    register = english_councils()
    councils = sorted(n for n, a in graph.nodes(data=True) if "Council" in a.get("labels", []))
    renamed: dict[str, str] = {}
    attrs: dict[str, dict] = {}
    for old, row in zip(councils, register, strict=False):
        code = row["local-authority-code"]
        renamed[old] = code
        attrs[code] = {
            "id": code,
            "labels": ["Council"],
            "name": row["official-name"],
            "short_name": row["nice-name"],
            "aliases": [row["nice-name"]],
            "kind": row["local-authority-type-name"].lower(),
            "start_date": row["start-date"] or None,
            "end_date": row["end-date"] or None,
        }
    out = nx.relabel_nodes(graph, renamed, copy=True)
    for code, new in attrs.items():
        out.nodes[code].clear()
        out.nodes[code].update(new)
    return out
