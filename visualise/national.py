"""The national view: one node per council, placed where the council is, joined by
"supplied peers to" (people working for one council served on a review of another).

Positions come from the register's latitude and longitude (``data/gazetteer/``,
columns ``lat`` and ``long``). A council the register no longer places (most
councils abolished before 2021 have no coordinates) takes the place of its
successor; a council the register does not know at all sits in a row below the
map. Circles that would overlap are then pushed apart, so none overlaps another
at the default zoom.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import networkx as nx
import numpy as np

from graphload.model import Label, Rel
from visualise.layout import separate_circles
from visualise.views import labels_of, node_years, rel_type

SUPPLIED = "SUPPLIED_PEERS_TO"
#: a national map with more lines than this draws each council's strongest ones only
DRAWN_LINKS_UP_TO = 1500
LINKS_PER_COUNCIL = 4
PIXELS_PER_DEGREE = 420.0  # England is about 6 degrees tall: ~2,500 px at scale 1
GAP = 3.0  # pixels between two circles after overlaps are removed


def _register_path() -> Path:
    from graphload.gazetteer import GAZETTEER_DIR

    return Path(GAZETTEER_DIR) / "uk_local_authorities_current.csv"


@cache
def register_places() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of every council code the register places, successors
    standing in for councils that have none."""
    rows: dict[str, dict[str, str]] = {}
    with open(_register_path(), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["local-authority-code"]] = row
    places: dict[str, tuple[float, float]] = {}

    def place(code: str, seen: frozenset[str] = frozenset()) -> tuple[float, float] | None:
        row = rows.get(code)
        if row is None or code in seen:
            return None
        if row.get("lat") and row.get("long"):
            return float(row["lat"]), float(row["long"])
        for successor in filter(None, (row.get("replaced-by") or "").split(",")):
            found = place(successor.strip(), seen | {code})
            if found:
                return found
        return None

    for code in rows:
        found = place(code)
        if found:
            places[code] = found
    return places


def council_place(code: str, attrs: dict) -> tuple[float, float] | None:
    """Where a council node is: by its id (a register code), else by its name."""
    places = register_places()
    if code in places:
        return places[code]
    try:
        from graphload.gazetteer import Gazetteer

        entry = Gazetteer.load().resolve(str(attrs.get("name") or attrs.get("short_name") or ""))
    except (ImportError, OSError):  # pragma: no cover - the register ships with the package
        return None
    return places.get(entry.code) if entry else None


def _out(graph: nx.MultiDiGraph, node: str, rel: str) -> list[tuple[str, dict]]:
    return [
        (v, a)
        for _, v, k, a in graph.out_edges(node, keys=True, data=True)
        if rel_type(k, a) == rel
    ]


def _in(graph: nx.MultiDiGraph, node: str, rel: str) -> list[tuple[str, dict]]:
    return [
        (u, a) for u, _, k, a in graph.in_edges(node, keys=True, data=True) if rel_type(k, a) == rel
    ]


def national_graph(
    graph: nx.MultiDiGraph, years: tuple[int | None, int | None] | None = None
) -> nx.MultiDiGraph:
    """Councils and the derived ``SUPPLIED_PEERS_TO {peers, weight, years}`` between
    them. Each council carries ``reviews`` (reviews received in the years) and a
    ``dossier`` (what the page lists when it is clicked)."""
    lo, hi = years or (None, None)
    dated = node_years(graph)
    councils = {n for n, a in graph.nodes(data=True) if Label.COUNCIL in labels_of(a)}

    def in_years(review: str) -> bool:
        ys = dated.get(review) or []
        if years is None:
            return True
        return any((lo is None or y >= lo) and (hi is None or y <= hi) for y in ys)

    reviews = [n for n, a in graph.nodes(data=True) if Label.REVIEW in labels_of(a) and in_years(n)]
    received: Counter[str] = Counter()
    dossier: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    supplied: dict[tuple[str, str], dict[str, set]] = {}

    def name(node: str) -> str:
        attrs = graph.nodes[node]
        return str(attrs.get("short_name") or attrs.get("name") or attrs.get("title") or "")

    for review in reviews:
        attrs = graph.nodes[review]
        year = dated[review][0] if dated.get(review) else None
        when = f" ({year})" if year else ""
        reviewed = [c for c, _ in _out(graph, review, Rel.OF) if c in councils]
        title = str(attrs.get("title") or attrs.get("kind") or "a review")
        team = [p for p, _ in _in(graph, review, Rel.SERVED_ON)]
        for council in reviewed:
            received[council] += 1
            dossier[council]["Reviews received"].append(f"{title}{when}")
            for sp, _ in _out(graph, review, "RECOMMENDS"):
                dossier[council]["Signposted to it"].append(f"{name(sp)}{when}")
        for peer in team:
            employers = [e for e, _ in _out(graph, peer, Rel.WORKS_FOR) if e in councils]
            where = ", ".join(name(e) for e in employers)
            for council in reviewed:
                dossier[council]["Peers received"].append(
                    f"{name(peer)}" + (f" of {where}" if where else "") + when
                )
            for employer in employers:
                for council in reviewed:
                    if employer == council:
                        continue
                    dossier[employer]["Peers lent"].append(f"{name(peer)} to {name(council)}{when}")
                    link = supplied.setdefault(
                        (employer, council), {"peers": set(), "years": set()}
                    )
                    link["peers"].add(name(peer))
                    if year:
                        link["years"].add(year)
    for signpost, attrs in graph.nodes(data=True):
        if Label.SIGNPOST not in labels_of(attrs) or (years is not None and not in_years(signpost)):
            continue
        for council, _ in _out(graph, signpost, "FEATURES"):
            if council in councils:
                dossier[council]["Its practice signposted"].append(name(signpost))

    out = nx.MultiDiGraph(
        documents=sorted(
            {str(graph.nodes[r]["source"]) for r in reviews if graph.nodes[r].get("source")}
        )
    )
    shown = {c for c in councils if received[c] or c in dossier} | {
        c for pair in supplied for c in pair
    }
    for council in shown:
        out.add_node(
            council,
            **graph.nodes[council],
            reviews=received[council],
            dossier={k: sorted(set(v)) for k, v in dossier[council].items()},
        )
    for (src, dst), link in supplied.items():
        ys = sorted(link["years"])
        out.add_edge(
            src,
            dst,
            key=SUPPLIED,
            type=SUPPLIED,
            weight=len(link["peers"]),
            peers=sorted(link["peers"]),
            **({"years": f"{ys[0]}–{ys[-1]}" if ys[0] != ys[-1] else str(ys[0])} if ys else {}),
        )
    return out


def council_radius(reviews: int) -> float:
    """Circle radius in pixels: area grows with the reviews received."""
    return round(7.0 + 5.0 * math.sqrt(max(reviews, 0)), 1)


def national_layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Pixel positions from latitude and longitude, overlaps pushed apart."""
    nodes = sorted(graph.nodes)
    if not nodes:
        return {}
    located = {n: council_place(n, graph.nodes[n]) for n in nodes}
    known = [p for p in located.values() if p]
    lat0 = sum(p[0] for p in known) / len(known) if known else 53.0
    lon0 = sum(p[1] for p in known) / len(known) if known else -1.5
    squash = math.cos(math.radians(lat0))
    xy = np.zeros((len(nodes), 2))
    radius = np.array([council_radius(graph.nodes[n].get("reviews", 0)) for n in nodes])
    bottom = max((-(p[0] - lat0) * PIXELS_PER_DEGREE for p in known), default=0.0) + 80.0
    unplaced = 0
    for i, node in enumerate(nodes):
        where = located[node]
        if where:
            xy[i] = (
                (where[1] - lon0) * squash * PIXELS_PER_DEGREE,
                -(where[0] - lat0) * PIXELS_PER_DEGREE,
            )
        else:
            row, col = divmod(unplaced, 25)
            xy[i] = (-600.0 + col * 50.0, bottom + row * 50.0)
            unplaced += 1
    xy = separate_circles(xy, radius, GAP)
    return {
        n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)
    }


def strongest_links(
    graph: nx.MultiDiGraph, per_council: int = LINKS_PER_COUNCIL
) -> nx.MultiDiGraph:
    """A copy keeping each council's ``per_council`` heaviest "supplied peers to"
    lines (a line stays when it is among the heaviest of either council); the
    dossiers still list every loan."""
    ranked: dict[str, list[tuple[int, tuple]]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        for end in (u, v):
            ranked.setdefault(end, []).append((int(attrs.get("weight", 1)), (u, v, key)))
    keep: set[tuple] = set()
    for lines in ranked.values():
        lines.sort(key=lambda item: (-item[0], item[1]))
        keep.update(edge for _, edge in lines[:per_council])
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    out.add_edges_from(
        (u, v, k, a) for u, v, k, a in graph.edges(keys=True, data=True) if (u, v, k) in keep
    )
    return out
