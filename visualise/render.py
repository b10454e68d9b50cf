"""render_map: from a graph to one self-contained, interactive HTML file."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphload.model import Label, Rel
from visualise import clusters, facts, html, style, views
from visualise.layout import component_layout, force_layout, layered_layout, spread_out
from visualise.national import council_radius, national_layout
from visualise.select import find_match

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
        label = Label.COUNCIL if council else Label.PEER
        typed = council or peer or ""
        match = find_match(graph, typed, label)
        focus = match.candidate.id
        if match.corrected:
            said.append(f"Matched “{match.spelling}” for “{typed}”.")
        if focus not in shown:
            shown.add_node(focus, **graph.nodes[focus])
        shown = views.neighbourhood(shown, focus, depth)
        name = facts.full_name(focus, graph.nodes[focus])
        said.append(f"Around {name}, up to {_plural(depth, 'step')} away.")
    return Selection(views.without_isolates(shown, keep=focus), view, focus, said, span)


def _thinned(sel: Selection) -> Selection:
    """A national map with thousands of lines keeps each council's strongest (the
    dossiers list every loan); others are drawn as selected."""
    from visualise import national

    if sel.view != "national" or sel.graph.number_of_edges() <= national.DRAWN_LINKS_UP_TO:
        return sel
    said = [
        *sel.said,
        f"Each council's {national.LINKS_PER_COUNCIL} strongest lines are drawn "
        f"(of {sel.graph.number_of_edges()}); its dossier lists every loan.",
    ]
    return Selection(national.strongest_links(sel.graph), sel.view, sel.focus, said, sel.years)


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
                if views.rel_type(k, a) == Rel.WORKS_FOR
            )
        )

    def node_label(n: str) -> str:
        return _primary_label(graph.nodes[n]).lower()

    out = dict(labels)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        for tell in (kind, dates, employer, node_label):
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
        reviews = [n for n, a in shown.nodes(data=True) if Label.REVIEW in views.labels_of(a)]
        edges = [(u, v, views.rel_type(k, a)) for u, v, k, a in shown.edges(keys=True, data=True)]
        featured = {u for u, _, rel in edges if rel == views.DERIVED_SIGNPOST}
        reviewed = {v for _, v, rel in edges if rel == Rel.OF}
        left = sorted(featured - set(reviews))
        right = sorted((reviewed - featured) | (set(shown) - featured - set(reviews)))
        return layered_layout([left, reviews, right], shown.edges())
    if sel.view == "shared-services":
        return component_layout(list(shown.nodes), list(shown.edges()))
    positions = force_layout(list(shown.nodes), list(shown.edges()))
    if shown.number_of_nodes() > BIG_ABOVE:  # drawn without physics: no overlaps
        sizes = {n: style.node_size(shown.degree(n)) for n in shown.nodes}
        positions = spread_out(positions, sizes)
    return positions


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


def _network(
    graph: nx.MultiDiGraph,
    sel: Selection,
    positions: dict | None = None,
    with_edges: bool = True,
) -> tuple[list, list, facts.Provenance]:
    """The nodes and edges as the page's vis-network wants them, and the provenance
    they cite. A grouped map (``with_edges=False``) sends its relationships in a
    compact form instead (:func:`_grouped`)."""
    shown, focus = sel.graph, sel.focus
    prov = facts.Provenance(graph)
    if positions is None:
        positions = _positions(sel)
    dated = views.node_years(graph)
    national = sel.view == "national"

    raw_labels = {
        n: (
            facts.review_label(graph, n, a)
            if _primary_label(a) == Label.REVIEW
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
        extra = facts.review_summary(graph, node_id) if kind == Label.REVIEW else []
        node_attrs = {k: v for k, v in attrs.items() if k not in ("dossier", "reviews")}
        tip = facts.node_tip(node_id, node_attrs, prov, extra, name_of)
        sections = []
        if kind == Label.REVIEW:
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
    if not with_edges:
        return nodes, [], prov
    labelled = _labelled_edges(shown)
    edges = []
    for n, (u, v, key, attrs) in enumerate(shown.edges(keys=True, data=True)):
        rel = views.rel_type(key, attrs)
        line_look = style.edge_style(rel)
        phrase = style.phrase(rel)
        width = line_look.width
        opacity = 0.85
        if rel == "SUPPLIED_PEERS_TO":  # many lines: a single loan faint, many strong
            weight = int(attrs.get("weight", 1))
            width = round(0.6 + 1.2 * (weight - 1), 1) if weight < 6 else 6.6
            faintest = 0.18 if shown.number_of_edges() > 200 else 0.5
            opacity = min(0.85, faintest + 0.17 * (weight - 1))
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
                "color": line_look.colour,
                "highlight": line_look.colour,
                "hover": line_look.colour,
                "opacity": opacity,
            },
            "dashes": line_look.dashes,
            "width": width,
            "arrows": {"to": {"enabled": line_look.directed, "scaleFactor": 0.5}},
        }
        if edge_years:
            edge["years"] = edge_years
        edges.append(edge)
    return nodes, edges, prov


def _grouped(graph: nx.MultiDiGraph, sel: Selection) -> tuple[dict, list[dict], facts.Provenance]:
    """A big map as groups: the overview's nodes and edges, the search index, the
    relationship styles, and one block of members per group (read when opened)."""
    shown = sel.graph
    groups = clusters.communities(shown)
    centres, reach, member_xy = clusters.group_positions(
        groups, shown, lambda n: style.node_size(shown.degree(n))
    )
    members, _, prov = _network(graph, sel, positions=member_xy, with_edges=False)
    group_of = {m: i for i, g in enumerate(groups) for m in g}
    kinds = sorted({views.rel_type(k, a) for *_, k, a in shown.edges(keys=True, data=True)})
    kind_index = {k: i for i, k in enumerate(kinds)}
    blocks: list[dict] = [{"nodes": [], "edges": []} for _ in groups]
    for node in members:
        node["pgGroup"] = group_of[node["id"]]
        blocks[node["pgGroup"]]["nodes"].append(node)
    between: Counter[tuple[int, int]] = Counter()
    for u, v, key, attrs in shown.edges(keys=True, data=True):
        record = [u, v, kind_index[views.rel_type(key, attrs)], views._year_of(attrs)]
        gu, gv = group_of[u], group_of[v]
        blocks[gu]["edges"].append(record)
        if gv != gu:
            blocks[gv]["edges"].append(record)
            between[(min(gu, gv), max(gu, gv))] += 1
    look = style.node_style("Group")
    labels = {n["id"]: n["label"] for n in members}
    kinds_of = {n["id"]: n["kind"] for n in members}
    overview_nodes = []
    for i, group in enumerate(groups):
        name = clusters.group_name(group, labels, kinds_of, shown.degree)
        counts = Counter(kinds_of[m] for m in group)
        overview_nodes.append(
            {
                "id": f"group:{i}",
                "label": name,
                "shape": "dot",
                "color": look.colour,
                # drawn at a third of the room its members take when open: never overlapping
                "size": round(0.3 * reach[i], 1),
                "font": {"size": max(14, round(0.11 * reach[i]))},
                "kind": "Group",
                "pgGroup": i,
                "x": centres[i][0],
                "y": centres[i][1],
                "tip": {
                    "kind": "Group",
                    "name": name,
                    "facts": [["nodes", str(len(group))]]
                    + [[k.lower(), str(c)] for k, c in counts.most_common()],
                    "evidence": "",
                    "source": "",
                },
                "names": [],
            }
        )
    grouped_look = style.edge_style("GROUPED")
    overview_edges = [
        {
            "id": f"ge{n}",
            "from": f"group:{a}",
            "to": f"group:{b}",
            "label": f"{count} relationships",
            "kind": "GROUPED",
            "labelled": False,
            "tip": {
                "kind": grouped_look.phrase,
                "name": f"{overview_nodes[a]['label']} – {overview_nodes[b]['label']}",
                "facts": [["relationships", str(count)]],
                "evidence": "",
                "source": "",
            },
            "color": {
                "color": grouped_look.colour,
                "highlight": grouped_look.colour,
                "hover": grouped_look.colour,
                "opacity": 0.6,
            },
            "dashes": False,
            "width": round(min(24.0, 1.0 + 2.0 * math.log2(count)), 1),
            "arrows": {"to": {"enabled": False}},
        }
        for n, ((a, b), count) in enumerate(sorted(clusters.strongest_links(between).items()))
    ]
    search = [
        [n["id"], n["pgGroup"], n["label"], n["tip"]["name"], n["names"], n["kind"]]
        for n in members
    ]
    edge_kinds = []
    for kind in kinds:
        k = style.edge_style(kind)
        edge_kinds.append(
            {
                "kind": kind,
                "phrase": style.phrase(kind),
                "colour": k.colour,
                "dashes": k.dashes,
                "width": k.width,
                "directed": k.directed,
            }
        )
    overview = {
        "nodes": overview_nodes,
        "edges": overview_edges,
        "searchIndex": search,
        "edgeKinds": edge_kinds,
        "memberCounts": Counter(kinds_of.values()),
        "relCounts": Counter(
            views.rel_type(k, a) for *_, k, a in shown.edges(keys=True, data=True)
        ),
    }
    return overview, blocks, prov


def name_rule() -> dict[str, list[str]]:
    """The titles and honours the page's Find box drops from a person's name (the
    lists of :mod:`graphload.vocab.people`, so the page and the reports agree)."""
    from graphload.vocab import people

    return {
        "titles": sorted(people.TITLES | people.COUNCILLOR_TITLES),
        "honours": sorted(people.HONOURS),
        "upperHonours": sorted(people._UPPER_HONOURS),
    }


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
    group_above: int | None = None,
) -> MapResult:
    """Write an interactive, offline HTML map of ``graph`` to ``out_path``.

    ``view`` is one of :data:`visualise.views.VIEWS`; ``council`` or ``peer``
    (a forgiving name, see :mod:`visualise.select`) limits the map to the nodes
    within ``depth`` steps of that node; ``years`` ("2012-2019" or a (from, to)
    pair, either end None for open) keeps the facts dated in those years. A map of
    more than ``group_above`` nodes (default :data:`visualise.clusters.CLUSTER_ABOVE`)
    is drawn as groups that open on click. Raises
    ``ValueError`` (``visualise.select.MatchError`` for names) on bad arguments.
    """
    sel = _thinned(select(graph, view, council, peer, depth, years))
    limit = clusters.CLUSTER_ABOVE if group_above is None else group_above
    grouped = sel.graph.number_of_nodes() > limit and view != "national"
    blocks: list[dict] = []
    if grouped:
        overview, blocks, prov = _grouped(graph, sel)
        nodes, edges = overview["nodes"], overview["edges"]
        counts, rel_counts = overview["memberCounts"], overview["relCounts"]
        counts_drawn = Counter({"Group": len(nodes)})
        rel_counts_drawn = Counter({"GROUPED": len(edges)})
    else:
        nodes, edges, prov = _network(graph, sel)
        counts = Counter(n["kind"] for n in nodes)
        rel_counts = Counter(e["kind"] for e in edges)
        counts_drawn, rel_counts_drawn = Counter(), Counter()
    what = ", ".join(
        _plural(counts[e["kind"]], e["kind"].lower()) for e in style.legend(counts, {})["nodes"]
    )
    n_nodes = sum(counts.values()) if grouped else len(nodes)
    n_edges = sum(rel_counts.values()) if grouped else len(edges)
    summary = (
        f"{_plural(n_nodes, 'node')} ({what}) and {_plural(n_edges, 'relationship')}."
        if nodes
        else "Nothing to show."
    )
    if grouped:
        groups = _plural(len(nodes), "group")
        summary += f" Drawn as {groups} of closely joined nodes: click one to open it."
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
    members = [n for b in blocks for n in b["nodes"]] if grouped else nodes
    all_years = sorted(
        {y for n in members for y in n.get("years", ())}
        | {y for e in edges for y in e.get("years", ())}
        | {r[3] for b in blocks for r in b["edges"] if r[3] is not None}
    )
    data = {
        "title": facts.scrub(title),
        "view": view,
        "description": description,
        "sources": _sources_line(prov.documents()),
        "nodes": nodes,
        "edges": edges,
        "legend": style.legend(counts + counts_drawn, rel_counts + rel_counts_drawn),
        "physics": len(nodes) <= BIG_ABOVE and view not in FIXED_LAYOUT_VIEWS and not grouped,
        "stabilisationIterations": STABILISATION_ITERATIONS,
        "bigAbove": BIG_ABOVE,
        "showEdgeLabels": len(edges) <= EDGE_LABELS_UP_TO and view != "national",
        "focus": sel.focus if sel.focus in sel.graph else None,
        "yearRange": [all_years[0], all_years[-1]] if all_years else None,
        "grouped": grouped,
        "nameRule": name_rule(),
    }
    if grouped:
        data["searchIndex"] = overview["searchIndex"]
        data["edgeKinds"] = overview["edgeKinds"]
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html.page(facts.scrub(title), data, blocks), encoding="utf-8")
    return MapResult(out, n_nodes, n_edges, description)
