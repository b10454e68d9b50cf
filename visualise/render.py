"""render_map: from a graph to one self-contained, interactive HTML file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from visualise import facts, html, style, views
from visualise.layout import force_layout
from visualise.select import find_node

# above this many nodes the browser gets finished positions and no physics
BIG_ABOVE = 300
STABILISATION_ITERATIONS = 250
# edge labels are drawn from the start only on maps with at most this many edges
EDGE_LABELS_UP_TO = 150


@dataclass(frozen=True)
class MapResult:
    path: Path
    node_count: int
    edge_count: int
    description: str


def _primary_label(attrs: dict) -> str:
    labels = views.labels_of(attrs)
    known = [label for label in labels if label in style.NODE_STYLES]
    return (known or labels or ["Node"])[0]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _select(
    graph: nx.MultiDiGraph,
    view: str,
    council: str | None,
    peer: str | None,
    depth: int,
    years: tuple[int | None, int | None] | str | None,
) -> tuple[nx.MultiDiGraph, str | None, list[str]]:
    """The graph to draw, the focus node, and phrases that say what was chosen."""
    if council and peer:
        raise ValueError("choose a council or a peer, not both")
    shown = views.view_graph(graph, view)
    said = [f"View “{view}”: {views.VIEWS[view].summary}."]
    if years is not None:
        span = views.parse_years(years) if isinstance(years, str) else years
        shown = views.within_years(shown, span)
        lo, hi = span
        said.append("Years " + (f"{lo or '…'}–{hi or '…'}" if lo != hi else str(lo)) + ".")
    focus = None
    if council or peer:
        label = "Council" if council else "Peer"
        focus = find_node(graph, council or peer or "", label)
        if focus not in shown:
            shown.add_node(focus, **graph.nodes[focus])
        shown = views.neighbourhood(shown, focus, depth)
        name = facts.full_name(focus, graph.nodes[focus])
        said.append(f"Around {name}, up to {_plural(depth, 'step')} away.")
    return views.without_isolates(shown, keep=focus), focus, said


def _network(
    graph: nx.MultiDiGraph, shown: nx.MultiDiGraph, focus: str | None
) -> tuple[Network, facts.Provenance]:
    """The pyvis network (nodes and edges as vis-network wants them) and the
    provenance it cites."""
    net = Network(directed=True)  # its nodes and edges only: the page is ours (html.py)
    prov = facts.Provenance(graph)
    # big maps are drawn where these say; small ones start here and get a short
    # physics polish in the browser
    positions = force_layout(list(shown.nodes), list(shown.edges()))
    names = {}
    for node_id, attrs in shown.nodes(data=True):
        kind = _primary_label(attrs)
        look = style.node_style(kind)
        extra = facts.review_summary(graph, node_id) if kind == "Review" else []
        tip = facts.node_tip(node_id, attrs, prov, extra)
        names[node_id] = tip["name"]
        xy = positions.get(node_id)
        net.add_node(
            node_id,
            label=(
                facts.review_label(graph, node_id, attrs)
                if kind == "Review"
                else facts.short_label(node_id, attrs)
            ),
            shape=look.shape,
            color=(
                {"background": look.colour, "border": "#111111"}
                if node_id == focus
                else look.colour
            ),
            size=style.node_size(shown.degree(node_id)),
            kind=kind,
            tip=tip,
            **({"x": xy[0], "y": xy[1]} if xy else {}),
            **({"borderWidth": 4} if node_id == focus else {}),
        )
    for n, (u, v, key, attrs) in enumerate(shown.edges(keys=True, data=True)):
        rel = views.rel_type(key, attrs)
        line_look = style.edge_style(rel)
        net.add_edge(
            u,
            v,
            id=f"e{n}",
            label=rel,
            kind=rel,
            tip=facts.edge_tip(key, attrs, names[u], names[v], prov),
            color={
                "color": line_look.colour,
                "highlight": line_look.colour,
                "hover": line_look.colour,
                "opacity": 0.85,
            },
            dashes=line_look.dashes,
            width=line_look.width,
            arrows={"to": {"enabled": line_look.directed, "scaleFactor": 0.5}},
        )
    return net, prov


def _sources_line(documents: list[str]) -> str:
    if not documents:
        return "Source documents: none recorded."
    listed = ", ".join(documents[:6])
    more = f" and {len(documents) - 6} more" if len(documents) > 6 else ""
    return f"From {_plural(len(documents), 'document')}: {listed}{more}."


def render_map(
    graph: nx.MultiDiGraph,
    out_path: str | Path,
    view: str = "all",
    council: str | None = None,
    peer: str | None = None,
    depth: int = 2,
    years: tuple[int | None, int | None] | str | None = None,
    title: str | None = None,
) -> MapResult:
    """Write an interactive, offline HTML map of ``graph`` to ``out_path``.

    ``view`` is one of :data:`visualise.views.VIEWS`; ``council`` or ``peer``
    (a forgiving name, see :mod:`visualise.select`) limits the map to the nodes
    within ``depth`` steps of that node; ``years`` ("2012-2019" or a (from, to)
    pair, either end None for open) keeps reviews of those years. Raises
    ``ValueError`` (``visualise.select.MatchError`` for names) on bad arguments.
    """
    shown, focus, said = _select(graph, view, council, peer, depth, years)
    net, prov = _network(graph, shown, focus)
    nodes, edges = net.nodes, net.edges
    counts = Counter(n["kind"] for n in nodes)
    rel_counts = Counter(e["kind"] for e in edges)
    what = ", ".join(
        _plural(counts[e["kind"]], e["kind"].lower()) for e in style.legend(counts, {})["nodes"]
    )
    summary = (
        f"{_plural(len(nodes), 'node')} ({what}) and {_plural(len(edges), 'relationship')}."
        if nodes
        else "Nothing to show."
    )
    description = " ".join([*said, summary])
    if title is None:
        title = (
            "peergraph: " + facts.full_name(focus, graph.nodes[focus])
            if focus
            else f"peergraph: {view} map"
        )
    data = {
        "title": facts.scrub(title),
        "description": description,
        "sources": _sources_line(prov.documents()),
        "nodes": nodes,
        "edges": edges,
        "legend": style.legend(counts, rel_counts),
        "physics": len(nodes) <= BIG_ABOVE,
        "stabilisationIterations": STABILISATION_ITERATIONS,
        "bigAbove": BIG_ABOVE,
        "showEdgeLabels": len(edges) <= EDGE_LABELS_UP_TO,
        "focus": focus if focus in shown else None,
    }
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html.page(facts.scrub(title), data), encoding="utf-8")
    return MapResult(out, len(nodes), len(edges), description)
