"""render_map: from a graph to one self-contained, interactive HTML file."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from visualise import facts, html, style, views
from visualise.layout import component_layout, force_layout, layered_layout
from visualise.national import council_radius, national_layout
from visualise.select import find_node

# above this many nodes the browser gets finished positions and no physics
BIG_ABOVE = 300
STABILISATION_ITERATIONS = 250
# relationship labels are drawn from the start only on maps with at most this many edges
EDGE_LABELS_UP_TO = 150
# views whose layout means something (places, columns, separate pieces): no physics
FIXED_LAYOUT_VIEWS = frozenset({"national", "advice", "shared-services"})

Span = tuple[int | None, int | None]


@dataclass(frozen=True)
class MapResult:
    path: Path
    node_count: int
    edge_count: int
    description: str


@dataclass(frozen=True)
class Selection:
    """What a map (or an export) shows, and the phrases that say so."""

    graph: nx.MultiDiGraph
    view: str
    focus: str | None
    said: list[str]
    years: Span | None


def _primary_label(attrs: dict) -> str:
    labels = views.labels_of(attrs)
    known = [label for label in labels if label in style.NODE_STYLES]
    return (known or labels or ["Node"])[0]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def select(
    graph: nx.MultiDiGraph,
    view: str = "all",
    council: str | None = None,
    peer: str | None = None,
    depth: int = 2,
    years: Span | str | None = None,
) -> Selection:
    """The part of ``graph`` that a map or an export of these options shows."""
    if council and peer:
        raise ValueError("choose a council or a peer, not both")
    if view not in views.VIEWS:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(views.VIEWS)}")
    span = views.parse_years(years) if isinstance(years, str) else years
    said = [f"View “{view}”: {views.VIEWS[view].summary}."]
    if view in views.DERIVED_VIEWS:
        from visualise.national import national_graph

        shown = national_graph(graph, span)
    else:
        shown = views.view_graph(graph, view)
        if span is not None:
            shown = views.within_years(shown, span)
    if span is not None:
        said.append(f"Years {views.describe_years(span)}.")
    focus = None
    if council or peer:
        label = "Council" if council else "Peer"
        focus = find_node(graph, council or peer or "", label)
        if focus not in shown:
            shown.add_node(focus, **graph.nodes[focus])
        shown = views.neighbourhood(shown, focus, depth)
        name = facts.full_name(focus, graph.nodes[focus])
        said.append(f"Around {name}, up to {_plural(depth, 'step')} away.")
    return Selection(views.without_isolates(shown, keep=focus), view, focus, said, span)


def _disambiguated(labels: dict[str, str], graph: nx.MultiDiGraph) -> dict[str, str]:
    """Labels made distinct where two different nodes share one ("North Yorkshire"
    the county council and "North Yorkshire" the unitary): by council kind, by the
    council's years, by a peer's employer, by label, else by a number."""
    groups: dict[str, list[str]] = defaultdict(list)
    for node, label in labels.items():
        groups[label.casefold()].append(node)

    def kind(n: str) -> str:
        return str(graph.nodes[n].get("kind") or "")

    def dates(n: str) -> str:
        a = graph.nodes[n]
        start, end = str(a.get("start_date") or "")[:4], str(a.get("end_date") or "")[:4]
        return f"{start}–{end}" if start or end else ""

    def employer(n: str) -> str:
        return ", ".join(
            sorted(
                facts.short_label(v, graph.nodes[v])
                for _, v, k, a in graph.out_edges(n, keys=True, data=True)
                if views.rel_type(k, a) == "WORKS_FOR"
            )
        )

    def label(n: str) -> str:
        return _primary_label(graph.nodes[n]).lower()

    out = dict(labels)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        for tell in (kind, dates, employer, label):
            told = [tell(n) for n in members]
            if all(told) and len(set(told)) == len(told):
                break
        else:
            told = [str(i) for i in range(1, len(members) + 1)]
        for node, extra in zip(members, told, strict=True):
            out[node] = f"{labels[node]} ({extra})"
    return out


def _search_names(attrs: dict) -> list[str]:
    """Other names a person may type for a node: short name and aliases."""
    aliases = attrs.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    names = [attrs.get("short_name"), *aliases]
    return sorted({facts.scrub(n) for n in names if isinstance(n, str) and n.strip()})


def _positions(sel: Selection) -> dict:
    shown = sel.graph
    if sel.view == "national":
        return national_layout(shown)
    if sel.view == "advice":
        reviews = [n for n, a in shown.nodes(data=True) if "Review" in views.labels_of(a)]
        edges = [(u, v, views.rel_type(k, a)) for u, v, k, a in shown.edges(keys=True, data=True)]
        featured = {u for u, _, rel in edges if rel == views.DERIVED_SIGNPOST}
        reviewed = {v for _, v, rel in edges if rel == "OF"}
        left = sorted(featured - set(reviews))
        right = sorted((reviewed - featured) | (set(shown) - featured - set(reviews)))
        return layered_layout([left, reviews, right], shown.edges())
    if sel.view == "shared-services":
        return component_layout(list(shown.nodes), list(shown.edges()))
    return force_layout(list(shown.nodes), list(shown.edges()))


def _labelled_edges(shown: nx.MultiDiGraph) -> set[tuple]:
    """One edge per relationship type at each busy node carries a label, so that
    eight "served on" labels do not pile up around a review."""
    chosen: set[tuple] = set()
    seen: set[tuple] = set()
    for u, v, key, attrs in shown.edges(keys=True, data=True):
        hub = u if shown.degree(u) >= shown.degree(v) else v
        group = (hub, views.rel_type(key, attrs))
        if group not in seen:
            seen.add(group)
            chosen.add((u, v, key))
    return chosen


def _edge_years(attrs: dict) -> list[int]:
    year = views._year_of(attrs)
    return [year] if year is not None else []


def _network(graph: nx.MultiDiGraph, sel: Selection) -> tuple[list, list, facts.Provenance]:
    """The nodes and edges as the page's vis-network wants them, and the provenance
    they cite."""
    shown, focus = sel.graph, sel.focus
    prov = facts.Provenance(graph)
    positions = _positions(sel)
    dated = views.node_years(graph)
    national = sel.view == "national"

    raw_labels = {
        n: (
            facts.review_label(graph, n, a)
            if _primary_label(a) == "Review"
            else facts.short_label(n, a)
        )
        for n, a in shown.nodes(data=True)
    }
    labels = _disambiguated(raw_labels, shown)

    def name_of(node_id: str) -> str:
        if node_id in labels:
            return labels[node_id]
        if node_id in graph:
            return facts.short_label(node_id, graph.nodes[node_id])
        return "(not in the graph)"

    nodes, names = [], {}
    for node_id, attrs in shown.nodes(data=True):
        kind = _primary_label(attrs)
        look = style.node_style(kind)
        extra = facts.review_summary(graph, node_id) if kind == "Review" else []
        node_attrs = {k: v for k, v in attrs.items() if k not in ("dossier", "reviews")}
        tip = facts.node_tip(node_id, node_attrs, prov, extra, name_of)
        sections = []
        if kind == "Review":
            sections = facts.recommendation_sections(graph, node_id, prov)
        if national:
            tip["facts"].insert(0, ["reviews received", str(attrs.get("reviews", 0))])
            sections = [
                {
                    "title": title,
                    "items": [{"text": facts.shorten(facts.scrub(t), 200)} for t in items],
                }
                for title, items in (attrs.get("dossier") or {}).items()
            ]
        if sections:
            tip["sections"] = sections
        if labels[node_id] != raw_labels[node_id]:
            tip["name"] = f"{tip['name']} ({labels[node_id].rsplit('(', 1)[-1]}"
        names[node_id] = labels[node_id]
        xy = positions.get(node_id)
        size = (
            council_radius(int(attrs.get("reviews", 0)))
            if national
            else style.node_size(shown.degree(node_id))
        )
        node = {
            "id": node_id,
            "label": labels[node_id],
            "shape": "dot" if national else look.shape,
            "color": (
                {"background": look.colour, "border": "#111111"}
                if node_id == focus
                else look.colour
            ),
            "size": size,
            "kind": kind,
            "tip": tip,
            "names": _search_names(attrs),
        }
        if xy:
            node["x"], node["y"] = xy
        if national:  # the busiest councils' names show first as the map zooms out
            node["font"] = {"size": round(12 + 5 * int(attrs.get("reviews", 0)) ** 0.5)}
        if node_id in dated:
            node["years"] = dated[node_id]
        if node_id == focus:
            node["borderWidth"] = 4
        nodes.append(node)
    labelled = _labelled_edges(shown)
    edges = []
    for n, (u, v, key, attrs) in enumerate(shown.edges(keys=True, data=True)):
        rel = views.rel_type(key, attrs)
        look = style.edge_style(rel)
        phrase = style.phrase(rel)
        width = look.width
        opacity = 0.85
        if rel == "SUPPLIED_PEERS_TO":  # many thin lines: faint unless several peers
            weight = int(attrs.get("weight", 1))
            width = round(0.6 + 1.2 * (weight - 1), 1) if weight < 6 else 6.6
            opacity = min(0.85, 0.18 + 0.17 * (weight - 1))
        edge_years = (
            sorted({int(y) for y in str(attrs.get("years", "")).replace("–", " ").split()})
            if national
            else _edge_years(attrs)
        )
        edge = {
            "id": f"e{n}",
            "from": u,
            "to": v,
            "label": phrase,
            "kind": rel,
            "labelled": (u, v, key) in labelled,
            "tip": facts.edge_tip(phrase, attrs, names[u], names[v], prov, name_of),
            "color": {
                "color": look.colour,
                "highlight": look.colour,
                "hover": look.colour,
                "opacity": opacity,
            },
            "dashes": look.dashes,
            "width": width,
            "arrows": {"to": {"enabled": look.directed, "scaleFactor": 0.5}},
        }
        if edge_years:
            edge["years"] = edge_years
        edges.append(edge)
    return nodes, edges, prov


def _sources_line(documents: list[str]) -> str:
    if not documents:
        return "Source documents: none recorded."
    listed = "; ".join(documents[:6])
    more = f" and {len(documents) - 6} more" if len(documents) > 6 else ""
    return f"From {_plural(len(documents), 'document')}: {listed}{more}."


def render_map(
    graph: nx.MultiDiGraph,
    out_path: str | Path,
    view: str = "all",
    council: str | None = None,
    peer: str | None = None,
    depth: int = 2,
    years: Span | str | None = None,
    title: str | None = None,
) -> MapResult:
    """Write an interactive, offline HTML map of ``graph`` to ``out_path``.

    ``view`` is one of :data:`visualise.views.VIEWS`; ``council`` or ``peer``
    (a forgiving name, see :mod:`visualise.select`) limits the map to the nodes
    within ``depth`` steps of that node; ``years`` ("2012-2019" or a (from, to)
    pair, either end None for open) keeps the facts dated in those years. Raises
    ``ValueError`` (``visualise.select.MatchError`` for names) on bad arguments.
    """
    sel = select(graph, view, council, peer, depth, years)
    nodes, edges, prov = _network(graph, sel)
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
    description = " ".join([*sel.said, summary])
    for doc in sel.graph.graph.get("documents", ()):  # a derived view cites what it counted
        prov.used.add(doc)
    if title is None:
        title = (
            "peergraph: " + facts.full_name(sel.focus, graph.nodes[sel.focus])
            if sel.focus
            else f"peergraph: {view} map"
        )
    if sel.years is not None:
        title = f"{title}, {views.describe_years(sel.years)}"
    all_years = sorted(
        {y for n in nodes for y in n.get("years", ())}
        | {y for e in edges for y in e.get("years", ())}
    )
    data = {
        "title": facts.scrub(title),
        "view": view,
        "description": description,
        "sources": _sources_line(prov.documents()),
        "nodes": nodes,
        "edges": edges,
        "legend": style.legend(counts, rel_counts),
        "physics": len(nodes) <= BIG_ABOVE and view not in FIXED_LAYOUT_VIEWS,
        "stabilisationIterations": STABILISATION_ITERATIONS,
        "bigAbove": BIG_ABOVE,
        "showEdgeLabels": len(edges) <= EDGE_LABELS_UP_TO and view != "national",
        "focus": sel.focus if sel.focus in sel.graph else None,
        "yearRange": [all_years[0], all_years[-1]] if all_years else None,
    }
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html.page(facts.scrub(title), data), encoding="utf-8")
    return MapResult(out, len(nodes), len(edges), description)
