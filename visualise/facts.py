"""What a map says about each node and relationship: label, tooltip facts,
evidence and source, all as plain text.

Everything that leaves this module has passed :func:`scrub`, so an e-mail address
or telephone number that slipped through extraction never reaches a map. The
text is data: it is never HTML-escaped here (the page shows it with
``textContent``), so ``<b>`` stays the four characters ``<b>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import PurePath

import networkx as nx

from graphload.model import Label, Rel
from graphload.vocab.text import clip as shorten
from graphload.vocab.text import scrub as redact
from visualise.views import labels_of, rel_type

LABEL_MAX = 42
TEXT_MAX = 300
# properties not shown as facts: provenance has its own lines, labels its heading
_NOT_FACTS = {"labels", "id", "source", "evidence", "line", "type", "derived", "sha256"}
# properties whose values are node ids: shown as those nodes' names
_ID_VALUED = {"replaced_by", "review"}
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
    if Label.COUNCIL in labels_of(attrs) and attrs.get("short_name"):
        return shorten(scrub(attrs["short_name"]), LABEL_MAX)
    return shorten(full_name(node_id, attrs), LABEL_MAX)


def review_label(graph: nx.MultiDiGraph, review: str, attrs: dict) -> str:
    """A review's label, "Bromsgrove & Redditch 2018": the reviewed councils' short
    names and the year (the full title is in the tooltip)."""
    councils = sorted(
        short_label(v, graph.nodes[v])
        for _, v, k, a in graph.out_edges(review, keys=True, data=True)
        if rel_type(k, a) == Rel.OF
    )
    if not councils:
        return short_label(review, attrs)
    year = f" {attrs['year']}" if attrs.get("year") else ""
    return shorten(" & ".join(councils) + year, LABEL_MAX)


def _facts(
    attrs: dict, skip: Iterable[str] = (), name_of: Callable[[str], str] | None = None
) -> list[list[str]]:
    """Each property as [plain words, text]; ids (``replaced_by``, ``review``)
    become the names of what they point at, or are left out."""
    skipped = _NOT_FACTS | set(skip)
    out = []
    for key in sorted(attrs):
        if key in skipped:
            continue
        value = attrs[key]
        if key in _ID_VALUED:
            if name_of is None:
                continue
            ids = [value] if isinstance(value, str) else list(value or [])
            value = [name_of(str(i)) for i in ids]
        text = shorten(scrub(value), TEXT_MAX)
        if text:
            out.append([key.replace("_", " "), text])
    return out


class Provenance:
    """Turns ``source`` document ids into "Report title, line 12" using the graph's
    Document nodes, and remembers which documents the map drew on."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self._docs = {n: a for n, a in graph.nodes(data=True) if Label.DOCUMENT in labels_of(a)}
        self.used: set[str] = set()

    @cache  # noqa: B019 - one Provenance per map, freed with it
    def document_name(self, doc_id: str) -> str:
        """The report's title; its file name when it has none (never the id)."""
        attrs = self._docs.get(doc_id)
        if attrs and attrs.get("title"):
            return shorten(scrub(attrs["title"]), 120)
        if attrs and attrs.get("path"):
            return scrub(PurePath(str(attrs["path"])).name)
        return "a document not in the graph"

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


def node_tip(
    node_id: str,
    attrs: dict,
    prov: Provenance,
    extra: list[list[str]],
    name_of: Callable[[str], str] | None = None,
) -> dict:
    kinds = labels_of(attrs) or ["Node"]
    name_key = next((k for k in _NAME_KEYS if attrs.get(k)), None)
    facts = [*_facts(attrs, skip=[name_key] if name_key else [], name_of=name_of), *extra]
    return {
        "kind": " / ".join(kinds),
        "name": shorten(full_name(node_id, attrs), TEXT_MAX),
        "facts": facts,
        "evidence": shorten(scrub(attrs.get("evidence")), TEXT_MAX),
        "source": prov.describe(attrs),
    }


def edge_tip(
    phrase: str,
    attrs: dict,
    src_name: str,
    dst_name: str,
    prov: Provenance,
    name_of: Callable[[str], str] | None = None,
) -> dict:
    return {
        "kind": phrase,
        "name": f"{src_name} {phrase} {dst_name}",
        "facts": _facts(attrs, name_of=name_of),
        "evidence": shorten(scrub(attrs.get("evidence")), TEXT_MAX),
        "source": prov.describe(attrs),
    }


def review_summary(graph: nx.MultiDiGraph, review: str) -> list[list[str]]:
    """Facts about a review's recommendations (listed in full in its sections)."""
    recs = [
        graph.nodes[v]
        for _, v, k, a in graph.out_edges(review, keys=True, data=True)
        if rel_type(k, a) == "MADE"
    ]
    if not recs:
        return []
    key = sum(1 for r in recs if r.get("key"))
    return [["recommendations", f"{len(recs)} ({key} key)" if key else str(len(recs))]]


def _ordinal(attrs: dict) -> int:
    try:
        return int(attrs.get("ordinal") or 0)
    except (TypeError, ValueError):
        return 0


def recommendation_sections(graph: nx.MultiDiGraph, review: str, prov: Provenance) -> list[dict]:
    """A review's recommendations grouped by theme, in the review's order, each with
    the line it was read from: ``[{"title", "items": [{"text", "note"}]}]``.
    A recommendation about several themes is listed under each."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for _, rec, key, edge in graph.out_edges(review, keys=True, data=True):
        if rel_type(key, edge) != "MADE":
            continue
        attrs = graph.nodes[rec]
        themes = sorted(
            full_name(t, graph.nodes[t])
            for _, t, k, a in graph.out_edges(rec, keys=True, data=True)
            if rel_type(k, a) == "ABOUT"
        ) or ["Other recommendations"]
        text = shorten(full_name(rec, attrs), TEXT_MAX)
        if attrs.get("key"):
            text = "Key: " + text
        evidence = shorten(scrub(attrs.get("evidence")), TEXT_MAX)
        note = prov.describe(attrs)
        if evidence and evidence not in text:
            note = f"“{evidence}” ({note})" if note else f"“{evidence}”"
        for theme in themes:
            groups.setdefault(theme, []).append((_ordinal(attrs), {"text": text, "note": note}))
    ordered = sorted(groups, key=lambda t: (t == "Other recommendations", t))
    return [
        {
            "title": f"Recommendations: {theme}",
            "items": [item for _, item in sorted(groups[theme], key=lambda p: p[0])],
        }
        for theme in ordered
    ]
