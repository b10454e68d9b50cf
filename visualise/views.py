"""Which part of the graph a map shows: views, years, the neighbourhood of one node.

Each function takes a graph and returns a new, smaller ``nx.MultiDiGraph`` that
shares the node and edge attribute values of its input (nothing is copied deeply,
nothing is modified).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from graphload.model import Label, Rel

DERIVED_SIGNPOST = "SIGNPOSTED_IN"


@dataclass(frozen=True)
class View:
    name: str
    summary: str
    labels: frozenset[str] | None  # None: every label not in ``hidden_labels``
    rels: frozenset[str] | None  # None: every relationship not in ``hidden_rels``
    hidden_labels: frozenset[str] = frozenset()
    hidden_rels: frozenset[str] = frozenset()

    def keeps_node(self, labels: list[str]) -> bool:
        if self.labels is not None:
            return any(label in self.labels for label in labels)
        return not any(label in self.hidden_labels for label in labels)

    def keeps_edge(self, rel: str) -> bool:
        if self.rels is not None:
            return rel in self.rels
        return rel not in self.hidden_rels


VIEWS: dict[str, View] = {
    "national": View(
        "national",
        "councils where they are, sized by reviews received, joined by "
        "“supplied peers to” (width: how many peers); click a council for its dossier",
        labels=frozenset({Label.COUNCIL}),
        rels=frozenset({"SUPPLIED_PEERS_TO"}),
    ),
    "all": View(
        "all",
        "councils, peers, reviews, employers, signposts and themes "
        "(recommendations and documents appear in the tooltips, not as nodes)",
        labels=None,
        rels=None,
        hidden_labels=frozenset({Label.RECOMMENDATION, Label.DOCUMENT}),
        hidden_rels=frozenset({Rel.MADE, Rel.ABOUT, Rel.SOURCED_FROM}),
    ),
    "peers": View(
        "peers",
        "who reviewed whom: councils, the peers on their review teams, and the peers' employers",
        labels=frozenset({Label.COUNCIL, Label.PEER, Label.REVIEW, Label.ORGANISATION}),
        rels=frozenset({Rel.REVIEWED_BY, Rel.SERVED_ON, Rel.WORKS_FOR, Rel.OF}),
    ),
    "shared-services": View(
        "shared-services",
        "councils that share a chief executive, management team or services, and reorganisations",
        labels=frozenset({Label.COUNCIL}),
        rels=frozenset({Rel.SHARED_WITH, Rel.SUCCEEDED_BY}),
    ),
    "signposts": View(
        "signposts",
        "the examples of good practice that reviews signposted, and the councils they feature",
        labels=frozenset({Label.REVIEW, Label.SIGNPOST, Label.COUNCIL}),
        rels=frozenset({Rel.RECOMMENDS, Rel.FEATURES}),
    ),
    "advice": View(
        "advice",
        "how practice travels: a featured council is signposted in a review, "
        "which looked at another council",
        labels=frozenset({Label.REVIEW, Label.COUNCIL}),
        rels=frozenset({DERIVED_SIGNPOST, Rel.OF}),
    ),
    "everything": View(
        "everything",
        "every node and relationship, recommendations and documents included",
        labels=None,
        rels=None,
    ),
}
#: views whose graph is derived (visualise/national.py), not filtered from the store's
DERIVED_VIEWS = frozenset({"national"})


def labels_of(attrs: dict) -> list[str]:
    labels = attrs.get("labels") or []
    return [labels] if isinstance(labels, str) else list(labels)


def rel_type(key: object, attrs: dict) -> str:
    return str(attrs.get("type") or key)


def _filtered(
    graph: nx.MultiDiGraph,
    keep_node: Callable[[str, dict], bool],
    keep_edge: Callable[[str, str, str, dict], bool],
) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from((n, a) for n, a in graph.nodes(data=True) if keep_node(n, a))
    out.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in graph.edges(keys=True, data=True)
        if u in out and v in out and keep_edge(u, v, k, a)
    )
    return out


def _with_signpost_flow(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with one derived edge (featured council)-[SIGNPOSTED_IN]->(review) for
    every (review)-[RECOMMENDS]->(signpost)-[FEATURES]->(council) path."""
    out = graph.copy(as_view=False)
    for review, signpost, key, rec in graph.edges(keys=True, data=True):
        if rel_type(key, rec) != "RECOMMENDS":
            continue
        title = str(graph.nodes[signpost].get("title") or signpost)
        for _, council, fkey, feat in graph.out_edges(signpost, keys=True, data=True):
            if rel_type(fkey, feat) != "FEATURES":
                continue
            if out.has_edge(council, review, DERIVED_SIGNPOST):
                edge = out.edges[council, review, DERIVED_SIGNPOST]
                edge["signpost"] = f"{edge['signpost']}; {title}"
                continue
            out.add_edge(
                council,
                review,
                key=DERIVED_SIGNPOST,
                type=DERIVED_SIGNPOST,
                signpost=title,
                derived="(:Review)-[:RECOMMENDS]->(:Signpost)-[:FEATURES]->(:Council)",
                **{k: rec[k] for k in ("source", "evidence", "line") if rec.get(k) is not None},
            )
    return out


def view_graph(graph: nx.MultiDiGraph, view: str) -> nx.MultiDiGraph:
    """The nodes and relationships that ``view`` draws (isolated nodes included)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}")
    spec = VIEWS[view]
    if view in DERIVED_VIEWS:
        from visualise.national import national_graph

        return national_graph(graph)
    if DERIVED_SIGNPOST in (spec.rels or ()):
        graph = _with_signpost_flow(graph)
    shown = _filtered(
        graph,
        lambda n, a: spec.keeps_node(labels_of(a)),
        lambda u, v, k, a: spec.keeps_edge(rel_type(k, a)),
    )
    if view == "advice":  # a review that signposted nothing is not part of any flow
        shown.remove_nodes_from(
            [
                n
                for n, a in list(shown.nodes(data=True))
                if Label.REVIEW in labels_of(a)
                and not any(
                    rel_type(k, e) == DERIVED_SIGNPOST
                    for *_, k, e in shown.in_edges(n, keys=True, data=True)
                )
            ]
        )
    return shown


_YEARS = re.compile(r"^\s*(\d{4})?\s*(?:(-|–|\.\.|to)\s*(\d{4})?)?\s*$")


def parse_years(text: str) -> tuple[int | None, int | None]:
    """``"2012-2019"`` → (2012, 2019); ``"2015"`` → (2015, 2015); ``"2015-"`` and
    ``"-2015"`` leave one end open. Raises ValueError on anything else."""
    match = _YEARS.match(text or "")
    if not match or not (match.group(1) or match.group(3)):
        raise ValueError(f"years must look like 2012-2019, 2015, 2015- or -2015, not {text!r}")
    start, dash, end = match.groups()
    lo = int(start) if start else None
    hi = int(end) if end else (lo if not dash else None)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"years {text!r} run backwards")
    return lo, hi


_YEAR_KEYS = ("year", "date", "start_date")
_SPAN = tuple[int | None, int | None]


def _year_of(attrs: dict) -> int | None:
    """The year a fact is dated by: ``year``, else the year of ``date`` or ``start_date``."""
    for key in _YEAR_KEYS:
        value = attrs.get(key)
        if value is None or value == "":
            continue
        try:
            return int(str(value)[:4])
        except ValueError:
            continue
    return None


def node_years(graph: nx.MultiDiGraph) -> dict[str, list[int]]:
    """The years that date each node that has a date of its own.

    A review is dated by its year; a signpost and a recommendation by the reviews
    that made them. Other nodes (councils, peers, themes, employers) are undated:
    they are in a map of some years only through a dated fact.
    """
    years: dict[str, set[int]] = {}
    for node, attrs in graph.nodes(data=True):
        if Label.REVIEW in labels_of(attrs):
            year = _year_of(attrs)
            if year is not None:
                years.setdefault(node, set()).add(year)
    for review, target, key, attrs in graph.edges(keys=True, data=True):
        if rel_type(key, attrs) in ("RECOMMENDS", "MADE") and review in years:
            years.setdefault(target, set()).update(years[review])
    return {node: sorted(found) for node, found in years.items()}


def _inside(year: int, span: _SPAN) -> bool:
    lo, hi = span
    return (lo is None or year >= lo) and (hi is None or year <= hi)


def _council_exists(attrs: dict, span: _SPAN) -> bool:
    """False only for a council whose own dates put it wholly outside the years."""
    lo, hi = span
    start, end = attrs.get("start_date"), attrs.get("end_date")
    try:
        if end and lo is not None and int(str(end)[:4]) < lo:
            return False
        return not (start and hi is not None and int(str(start)[:4]) > hi)
    except ValueError:
        return True


def within_years(graph: nx.MultiDiGraph, years: _SPAN) -> nx.MultiDiGraph:
    """Only the facts dated inside ``years`` (either end may be None: open).

    - a dated node (a review; a signpost or recommendation, by its reviews) is kept
      when one of its years is inside; a review with no year is dropped;
    - a council is dropped when its own start and end dates lie outside;
    - a relationship with a date of its own (``year``, ``date`` or ``start_date``)
      is kept when that date is inside;
    - a relationship without one is kept only when at least one of its ends is
      dated inside and neither end is dated outside (a peer's place on a 2012
      review is a 2012 fact; an undated shared service between two councils is
      not a fact of any particular year, so it is dropped).

    The page's year slider applies the same rule (``visualise/assets/map.js``).
    """
    dated = node_years(graph)

    def node_inside(node: str) -> bool | None:
        """True/False for a dated node, None for an undated one."""
        if node not in dated:
            return None
        return any(_inside(y, years) for y in dated[node])

    def keep_node(node: str, attrs: dict) -> bool:
        labels = labels_of(attrs)
        if Label.REVIEW in labels and node not in dated:
            return False
        if Label.COUNCIL in labels and not _council_exists(attrs, years):
            return False
        return node_inside(node) is not False

    def keep_edge(u: str, v: str, key: str, attrs: dict) -> bool:
        year = _year_of(attrs)
        if year is not None:
            return _inside(year, years)
        ends = (node_inside(u), node_inside(v))
        return True in ends and False not in ends

    return _filtered(graph, keep_node, keep_edge)


def describe_years(span: _SPAN) -> str:
    """ "2012–2013", "2015", "2015 on", "up to 2015"."""
    lo, hi = span
    if lo is not None and lo == hi:
        return str(lo)
    if lo is None:
        return f"up to {hi}"
    if hi is None:
        return f"{lo} on"
    return f"{lo}–{hi}"


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within ``depth`` steps of ``centre`` (either direction)."""
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    if centre not in graph:
        return nx.MultiDiGraph(graph.subgraph([]))
    near = nx.single_source_shortest_path_length(
        graph.to_undirected(as_view=True), centre, cutoff=depth
    )
    return nx.MultiDiGraph(graph.subgraph(near))


def without_isolates(graph: nx.MultiDiGraph, keep: str | None = None) -> nx.MultiDiGraph:
    """Drop nodes with no relationship in the map (they say nothing), except ``keep``."""
    lonely = [n for n in graph if graph.degree(n) == 0 and n != keep]
    if not lonely:
        return graph
    out = graph.copy()
    out.remove_nodes_from(lonely)
    return out
