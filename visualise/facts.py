"""What a map says about each node and relationship: label, tooltip facts,
evidence and source, all as plain text.

Everything that leaves this module has passed :func:`scrub`, so an e-mail address
or telephone number that slipped through extraction never reaches a map. The
text is data: it is never HTML-escaped here (the page shows it with
``textContent``), so ``<b>`` stays the four characters ``<b>``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import PurePath

import networkx as nx

from graphload.vocab.text import clip as shorten
from graphload.vocab.text import scrub as redact
from visualise.views import labels_of, rel_type

LABEL_MAX = 42
TEXT_MAX = 300
# properties not shown as facts: provenance has its own lines, labels its heading
_NOT_FACTS = {"labels", "id", "source", "evidence", "line", "type"}
_NAME_KEYS = ("name", "title", "text")


def scrub(value: object) -> str:
    """A value as display text without e-mail addresses or telephone numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list | tuple | set | frozenset):
        text = ", ".join(scrub(v) for v in value if v is not None and v != "")
    else:
        text = str(value)
    return redact(text)


def full_name(node_id: str, attrs: dict) -> str:
    for key in _NAME_KEYS:
        if attrs.get(key):
            return scrub(attrs[key])
    return scrub(node_id)


def short_label(node_id: str, attrs: dict) -> str:
    """The text drawn beside a node: its short name where it has one."""
    if "Council" in labels_of(attrs) and attrs.get("short_name"):
        return shorten(scrub(attrs["short_name"]), LABEL_MAX)
    return shorten(full_name(node_id, attrs), LABEL_MAX)


def review_label(graph: nx.MultiDiGraph, review: str, attrs: dict) -> str:
    """A review's label, "Bromsgrove & Redditch 2018": the reviewed councils' short
    names and the year (the full title is in the tooltip)."""
    councils = sorted(
        short_label(v, graph.nodes[v])
        for _, v, k, a in graph.out_edges(review, keys=True, data=True)
        if rel_type(k, a) == "OF"
    )
    if not councils:
        return short_label(review, attrs)
    year = f" {attrs['year']}" if attrs.get("year") else ""
    return shorten(" & ".join(councils) + year, LABEL_MAX)


def _facts(attrs: dict, skip: Iterable[str] = ()) -> list[list[str]]:
    skipped = _NOT_FACTS | set(skip)
    out = []
    for key in sorted(attrs):
        if key in skipped:
            continue
        text = shorten(scrub(attrs[key]), TEXT_MAX)
        if text:
            out.append([key.replace("_", " "), text])
    return out


class Provenance:
    """Turns ``source`` document ids into "report.txt, line 12" using the graph's
    Document nodes, and remembers which documents the map drew on."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self._docs = {n: a for n, a in graph.nodes(data=True) if "Document" in labels_of(a)}
        self.used: set[str] = set()

    @cache  # noqa: B019 - one Provenance per map, freed with it
    def document_name(self, doc_id: str) -> str:
        attrs = self._docs.get(doc_id)
        if attrs and attrs.get("path"):
            return scrub(PurePath(str(attrs["path"])).name)
        if attrs and attrs.get("title"):
            return scrub(attrs["title"])
        return scrub(doc_id)

    def describe(self, attrs: dict) -> str:
        sources = attrs.get("source")
        if not sources:
            return ""
        ids = [sources] if isinstance(sources, str) else [str(s) for s in sources]
        self.used.update(ids)
        names = ", ".join(self.document_name(d) for d in ids)
        line = attrs.get("line")
        return f"{names}, line {line}" if line is not None else names

    def documents(self) -> list[str]:
        return sorted({self.document_name(d) for d in self.used})


def node_tip(node_id: str, attrs: dict, prov: Provenance, extra: list[list[str]]) -> dict:
    kinds = labels_of(attrs) or ["Node"]
    name_key = next((k for k in _NAME_KEYS if attrs.get(k)), None)
    facts = [["id", scrub(node_id)], *_facts(attrs, skip=[name_key] if name_key else []), *extra]
    return {
        "kind": " / ".join(kinds),
        "name": shorten(full_name(node_id, attrs), TEXT_MAX),
        "facts": facts,
        "evidence": shorten(scrub(attrs.get("evidence")), TEXT_MAX),
        "source": prov.describe(attrs),
    }


def edge_tip(key: object, attrs: dict, src_name: str, dst_name: str, prov: Provenance) -> dict:
    return {
        "kind": rel_type(key, attrs),
        "name": f"{src_name} → {dst_name}",
        "facts": _facts(attrs),
        "evidence": shorten(scrub(attrs.get("evidence")), TEXT_MAX),
        "source": prov.describe(attrs),
    }


def review_summary(graph: nx.MultiDiGraph, review: str) -> list[list[str]]:
    """Facts about a review's recommendations, which the maps do not draw as nodes."""
    recs = [
        graph.nodes[v]
        for _, v, k, a in graph.out_edges(review, keys=True, data=True)
        if rel_type(k, a) == "MADE"
    ]
    if not recs:
        return []
    key = sum(1 for r in recs if r.get("key"))
    return [["recommendations", f"{len(recs)} ({key} key)" if key else str(len(recs))]]
