"""Build the graph (docs/GRAPH-MODEL.md) from extract records.

The result is a ``networkx.MultiDiGraph``: node key = the node's ``id``; node
attributes ``labels`` (a list) plus every property of its label (None where
unknown); edge key = the relationship type (``REVIEWED_BY:<review id>`` for
REVIEWED_BY, the one type a pair of nodes can carry once per review); edge
attributes ``type`` plus the relationship's properties.

Resolution is global: the builder sees every record at once, sorted by
document id, so the graph depends only on the set of documents, never on the
order they were read or loaded in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Any

from graphload.extract.organisations import organisation_type
from graphload.model import (
    IDENTITY_PROPERTY,
    LIST_PROPERTIES,
    NODE_PROPERTIES,
    PROVENANCE,
    RELATIONSHIP_PROPERTIES,
    Label,
    Rel,
    recommendation_id,
    relationship_key,
    review_id,
    signpost_id,
    theme_id,
)
from graphload.people import PeerMention, normalise_name, resolve_peers
from graphload.records import (
    DocumentWarning,
    ExtractRecord,
    PeerInfo,
    RecommendationInfo,
    Ref,
    SharedServiceInfo,
)
from graphload.resolve import CouncilResolver, GazetteerLike, organisation_node_id
from graphload.shared_services import councils_shown, mark_councils_that_share
from graphload.supply import add_supply_counts
from graphload.tables import GraphTables
from graphload.vocab.text import EVIDENCE_LIMIT, clip, fold, scrub

if TYPE_CHECKING:
    import networkx as nx

# The schema lives in graphload.model; these names stay importable from here.
__all__ = [
    "EVIDENCE_LIMIT",
    "IDENTITY_PROPERTY",
    "LIST_PROPERTIES",
    "NODE_PROPERTIES",
    "PROVENANCE",
    "RELATIONSHIP_PROPERTIES",
    "build_graph",
    "clean_text",
    "provenance",
    "relationship_key",
]


@lru_cache(maxsize=1 << 16)  # evidence repeats across a peer's relationships
def clean_text(text: str | None, limit: int | None = None) -> str | None:
    """Remove e-mail addresses and telephone numbers; cut to ``limit`` characters."""
    if text is None:
        return None
    cleaned = scrub(text)
    return clip(cleaned, limit) if limit is not None else " ".join(cleaned.split())


def provenance(
    doc_id: str, line: int | None, evidence: str | None, page: int | None = None
) -> dict[str, Any]:
    return {
        "source": doc_id,
        "evidence": clean_text(evidence, EVIDENCE_LIMIT),
        "line": line,
        "page": page,
    }


class _GraphWriter:
    """Adds nodes and relationships. For a node the first value seen for a
    property wins, later documents only fill gaps, and list properties
    accumulate; a relationship is kept as first stated.

    Kept in plain dicts while building (this runs a quarter of a million times on a
    big store) and handed over as a ``networkx`` graph by ``finish``."""

    def __init__(self) -> None:
        self.tables = GraphTables()
        self.nodes = self.tables.nodes
        self.edges = self.tables.edges

    def node(self, node_id: str, label: str, properties: dict[str, Any]) -> str:
        existing = self.nodes.get(node_id)
        if existing is None:
            attrs: dict[str, Any] = {"labels": [label], "id": node_id}
            for name in NODE_PROPERTIES[label]:
                attrs[name] = properties.get(name)
            for name in _LIST_PROPERTIES_OF[label]:
                attrs[name] = sorted(set(attrs[name] or []))
            self.nodes[node_id] = attrs
            return node_id
        # Provenance is one unit: never evidence from one document with the
        # line number of another.
        take_provenance = existing.get("source") is None and properties.get("source") is not None
        for name, value in properties.items():
            if name not in existing:
                continue
            if name in LIST_PROPERTIES:
                existing[name] = sorted(set(existing[name] or []) | set(value or []))
            elif name in PROVENANCE:
                if take_provenance:
                    existing[name] = value
            elif existing[name] is None:
                existing[name] = value
        return node_id

    def edge(
        self, source: str, target: str, rel_type: str, properties: dict[str, Any]
    ) -> dict[str, Any]:
        names, identity = _RELATIONSHIP_SHAPE[rel_type]
        key = rel_type if identity is None else f"{rel_type}:{properties.get(identity)}"
        existing = self.edges.get((source, target, key))
        if existing is not None:
            return existing  # a relationship is one statement
        if source not in self.nodes:
            self.nodes[source] = {}  # as networkx adds an end it has not seen
        if target not in self.nodes:
            self.nodes[target] = {}
        attrs: dict[str, Any] = {"type": rel_type}
        for name in names:
            attrs[name] = properties.get(name)
        self.edges[(source, target, key)] = attrs
        return attrs


_RELATIONSHIP_SHAPE = {
    rel_type: (names, IDENTITY_PROPERTY.get(rel_type))
    for rel_type, names in RELATIONSHIP_PROPERTIES.items()
}
_LIST_PROPERTIES_OF = {
    label: [name for name in names if name in LIST_PROPERTIES]
    for label, names in NODE_PROPERTIES.items()
}


@dataclass
class _ReviewContext:
    id: str
    year: int | None
    councils: list[str]
    doc_id: str
    kind: str | None = None
    line: int | None = None
    evidence: str | None = None
    page: int | None = None


@dataclass
class _SharedStatement:
    """One "these councils share X" sentence, in load order."""

    year: int | None
    order: int
    councils: list[str]
    info: SharedServiceInfo
    review: _ReviewContext

    def sort_key(self) -> tuple[int, int]:
        return (self.year if self.year is not None else 9999, self.order)


def build_graph(
    records: Iterable[ExtractRecord], gazetteer: GazetteerLike | None
) -> nx.MultiDiGraph:
    """The resolved graph of all ``records``; ``graph.graph["warnings"]`` lists (as
    :class:`DocumentWarning`) what the builder had to decide about (e.g. a name
    listed as peer and not)."""
    return build_tables(records, gazetteer).to_networkx()


def build_tables(records: Iterable[ExtractRecord], gazetteer: GazetteerLike | None) -> GraphTables:
    """``build_graph``'s graph as tables (what a store write needs)."""
    unique = {r.document.sha256: r for r in records}
    ordered = sorted(unique.values(), key=lambda r: r.document.id)
    writer = _GraphWriter()
    councils = CouncilResolver(gazetteer)
    warnings: list[DocumentWarning] = []
    mentions: list[PeerMention] = []
    mention_info: list[tuple[PeerInfo, _ReviewContext, list[str]]] = []
    recommendations: dict[str, list[tuple[RecommendationInfo, str]]] = {}
    shared: list[_SharedStatement] = []

    reviews: list[_ReviewContext] = []
    for order, record in enumerate(ordered):
        review = _add_review(writer, councils, record)
        reviews.append(review)
        _add_themes(writer, record, review)
        _add_signposts(writer, councils, record, review)
        recommendations.setdefault(review.id, []).extend(
            (rec, review.doc_id) for rec in record.recommendations
        )
        for position, info in enumerate(record.shared_services):
            ids = [councils.resolve(ref, review.year) for ref in info.councils]
            for council_id in ids:
                _council_node(
                    writer, councils, council_id, review.doc_id, info.line, info.evidence, info.page
                )
            shared.append(
                _SharedStatement(review.year, order * 10_000 + position, ids, info, review)
            )
        not_peer_names = {normalise_name(p.name) for p in record.not_peers}
        for peer in record.peers:
            if normalise_name(peer.name) in not_peer_names:
                warnings.append(
                    DocumentWarning(
                        record.document.path,
                        f"{peer.name} is listed both on and off the peer team; "
                        "left out of the peers",
                    )
                )
                continue
            employers = [
                _employer_id(writer, councils, ref, peer, review) for ref in peer.organisations
            ]
            mentions.append(
                PeerMention(
                    name=peer.name,
                    aliases=list(peer.aliases),
                    review=review.id,
                    employers=set(employers),
                    order=len(mentions),
                )
            )
            mention_info.append((peer, review, employers))
        warnings.extend(DocumentWarning.from_line(record.document.path, w) for w in record.warnings)

    _add_follow_ups(writer, reviews)
    _add_recommendations(writer, recommendations)
    sharing = _add_shared_services(writer, shared)
    _add_peers(writer, mentions, mention_info)
    _add_councils(writer, councils)
    add_supply_counts(writer.tables)
    mark_councils_that_share(writer.tables, sharing)
    writer.tables.warnings = warnings
    return writer.tables


def _add_review(
    writer: _GraphWriter, councils: CouncilResolver, record: ExtractRecord
) -> _ReviewContext:
    doc = record.document
    info = record.review
    year = info.year
    if year is None and info.start_date:
        year = int(info.start_date[:4])
    council_ids = [
        _organisation_node(writer, ref, doc.id, info.line, info.evidence, info.page)
        if not ref.is_council
        else councils.resolve(ref, year)
        for ref in info.councils
    ]
    council_ids = list(dict.fromkeys(council_ids))
    rid = review_id(council_ids, year, info.kind, doc.id)
    context = _ReviewContext(
        rid, year, council_ids, doc.id, info.kind, info.line, info.evidence, info.page
    )

    writer.node(
        doc.id,
        Label.DOCUMENT,
        {
            "path": doc.path,
            "sha256": doc.sha256,
            "format": doc.format,
            "title": clean_text(doc.title),
        },
    )
    writer.node(
        rid,
        Label.REVIEW,
        {
            "kind": info.kind,
            "title": _review_title(
                info.kind, [_subject_label(writer, councils, c) for c in council_ids], year
            ),
            "start_date": info.start_date,
            "end_date": info.end_date,
            "year": year,
            **provenance(doc.id, info.line, info.evidence, info.page),
        },
    )
    writer.edge(rid, doc.id, Rel.SOURCED_FROM, {"source": doc.id})
    for council_id in council_ids:
        if council_id in councils.councils:
            _council_node(writer, councils, council_id, doc.id, info.line, info.evidence, info.page)
        writer.edge(
            rid, council_id, Rel.OF, provenance(doc.id, info.line, info.evidence, info.page)
        )
    return context


PROGRESS_REVIEW = "Corporate Peer Challenge Progress Review"
_FOLLOW_UP_YEARS = 3


def _add_follow_ups(writer: _GraphWriter, reviews: list[_ReviewContext]) -> None:
    """Link a progress review to the challenge it follows up: the latest earlier
    review of the same council(s), at most three years before, when it is loaded."""
    # The reviews a progress review can follow, by their set of councils (one pass,
    # not every review against every other).
    candidates: dict[frozenset[str], list[tuple[int, str]]] = {}
    for other in reviews:
        if other.kind != PROGRESS_REVIEW and other.year is not None:
            candidates.setdefault(frozenset(other.councils), []).append((other.year, other.id))
    for review in reviews:
        if review.kind != PROGRESS_REVIEW or not review.councils or review.year is None:
            continue
        year = review.year
        earlier = [
            (other_year, other_id)
            for other_year, other_id in candidates.get(frozenset(review.councils), ())
            if 0 <= year - other_year <= _FOLLOW_UP_YEARS
        ]
        if earlier:
            writer.edge(
                review.id,
                max(earlier)[1],
                Rel.FOLLOWS_UP,
                provenance(review.doc_id, review.line, review.evidence, review.page),
            )


def _review_title(kind: str | None, council_names: list[str], year: int | None) -> str:
    subject = " and ".join(council_names) if council_names else "an unnamed council"
    when = f" ({year})" if year is not None else ""
    return f"{kind or 'Peer review'}: {subject}{when}"


def _subject_label(writer: _GraphWriter, councils: CouncilResolver, node_id: str) -> str:
    if node_id in councils.councils:
        return _council_label(councils, node_id)
    return writer.nodes[node_id]["name"]  # a fire and rescue service, a town council


def _council_label(councils: CouncilResolver, council_id: str) -> str:
    props = councils.councils[council_id].properties
    return props.get("short_name") or props["name"]


def _council_node(
    writer: _GraphWriter,
    councils: CouncilResolver,
    council_id: str,
    doc_id: str | None,
    line: int | None,
    evidence: str | None,
    page: int | None = None,
) -> str:
    existing = writer.nodes.get(council_id)
    if (
        existing is not None
        and existing.get("source") is not None
        and existing["labels"] == [Label.COUNCIL]
    ):
        # Made from the same register properties, with its provenance taken: a later
        # mention changes nothing (its spellings are added at the end).
        return council_id
    props = dict(councils.councils[council_id].properties)
    if doc_id is not None:
        props.update(provenance(doc_id, line, evidence, page))
    return writer.node(council_id, Label.COUNCIL, props)


def _add_themes(writer: _GraphWriter, record: ExtractRecord, review: _ReviewContext) -> None:
    for theme in record.themes:
        node = writer.node(
            theme_id(theme.name),
            Label.THEME,
            {
                "name": theme.name.strip(),
                **provenance(review.doc_id, theme.line, theme.evidence, theme.page),
            },
        )
        writer.edge(
            review.id,
            node,
            Rel.COVERS,
            provenance(review.doc_id, theme.line, theme.evidence, theme.page),
        )


def _add_signposts(
    writer: _GraphWriter, councils: CouncilResolver, record: ExtractRecord, review: _ReviewContext
) -> None:
    for signpost in record.signposts:
        evidence = provenance(review.doc_id, signpost.line, signpost.evidence, signpost.page)
        node = writer.node(
            signpost_id(signpost.title),
            Label.SIGNPOST,
            {
                "title": clean_text(signpost.title),
                "summary": clean_text(signpost.text, EVIDENCE_LIMIT) or None,
                **evidence,
            },
        )
        writer.edge(review.id, node, Rel.RECOMMENDS, evidence)
        for ref in signpost.councils:
            council_id = councils.resolve(ref, review.year)
            _council_node(
                writer,
                councils,
                council_id,
                review.doc_id,
                signpost.line,
                signpost.evidence,
                signpost.page,
            )
            writer.edge(node, council_id, Rel.FEATURES, evidence)


def _add_recommendations(
    writer: _GraphWriter, by_review: dict[str, list[tuple[RecommendationInfo, str]]]
) -> None:
    for rid, items in by_review.items():
        seen: set[str] = set()
        ordinal = 0
        for rec, doc_id in items:
            text_key = fold(rec.text)
            if not text_key or text_key in seen:
                continue  # the same advice quoted by a second document of the review
            seen.add(text_key)
            ordinal += 1
            evidence = provenance(doc_id, rec.line, rec.evidence, rec.page)
            node = writer.node(
                recommendation_id(rid, ordinal),
                Label.RECOMMENDATION,
                {
                    "text": clean_text(rec.text),
                    "key": bool(rec.key),
                    "ordinal": ordinal,
                    **evidence,
                },
            )
            writer.edge(rid, node, Rel.MADE, evidence)
            if rec.theme:
                theme = writer.node(
                    theme_id(rec.theme), Label.THEME, {"name": rec.theme.strip(), **evidence}
                )
                writer.edge(node, theme, Rel.ABOUT, evidence)


def _add_shared_services(writer: _GraphWriter, shared: list[_SharedStatement]) -> set[str]:
    """SHARED_WITH between every two councils said to share; returns those councils."""
    sharing: set[str] = set()
    # Earliest year first, so the one SHARED_WITH edge per pair carries the
    # earliest year and provenance; later descriptions are appended to `what`.
    for statement in sorted(shared, key=_SharedStatement.sort_key):
        council_ids, info, review = statement.councils, statement.info, statement.review
        what = clean_text(info.what) or None
        for low, high in combinations(sorted(set(council_ids)), 2):
            sharing.update((low, high))
            attrs = writer.edge(
                low,
                high,
                Rel.SHARED_WITH,
                {
                    "what": what,
                    "year": review.year,
                    **provenance(review.doc_id, info.line, info.evidence, info.page),
                },
            )
            if what and attrs["what"] and what not in attrs["what"].split("; "):
                attrs["what"] = f"{attrs['what']}; {what}"
    return sharing


def _employer_id(
    writer: _GraphWriter,
    councils: CouncilResolver,
    ref: Ref,
    peer: PeerInfo,
    review: _ReviewContext,
) -> str:
    if ref.is_council:
        council_id = councils.resolve(ref, review.year)
        return _council_node(
            writer, councils, council_id, review.doc_id, peer.line, peer.evidence, peer.page
        )
    return _organisation_node(writer, ref, review.doc_id, peer.line, peer.evidence, peer.page)


def _organisation_node(
    writer: _GraphWriter,
    ref: Ref,
    doc_id: str,
    line: int | None,
    evidence: str | None,
    page: int | None = None,
) -> str:
    """A body that is not in the councils register, typed by its name (the LGA, a fire
    and rescue service, a town council, an NHS trust, a company...)."""
    org_id, name = organisation_node_id(ref)
    writer.node(
        org_id,
        Label.ORGANISATION,
        {
            "name": name,
            "aliases": [name, ref.name.strip()] if ref.name else [name],
            "type": organisation_type(name),
            **provenance(doc_id, line, evidence, page),
        },
    )
    return org_id


def _add_peers(
    writer: _GraphWriter,
    mentions: list[PeerMention],
    mention_info: list[tuple[PeerInfo, _ReviewContext, list[str]]],
) -> None:
    shown: dict[str, str | None] = {}  # review -> its councils as the reports name them
    for person in resolve_peers(mentions):
        infos = [mention_info[i] for i in person.mentions]
        first_peer, first_review, _ = infos[0]
        party = next((p.party for p, _, _ in infos if p.party), None)
        writer.node(
            person.id,
            Label.PEER,
            {
                "name": person.name,
                "aliases": person.aliases,
                "councillor": any(p.councillor for p, _, _ in infos),
                "party": party,
                # For exact look-ups of a typed name (queries/names.py).
                "name_keys": sorted({fold(s) for s in (person.name, *person.aliases) if s}),
                **provenance(
                    first_review.doc_id, first_peer.line, first_peer.evidence, first_peer.page
                ),
            },
        )
        for peer, review, _ in infos:
            evidence = provenance(review.doc_id, peer.line, peer.evidence, peer.page)
            # Their place on the team when the report states it ("Lead peer"), else their job.
            team_role = clean_text(peer.team_role or peer.role)
            writer.edge(person.id, review.id, Rel.SERVED_ON, {"role": team_role, **evidence})
            if review.id not in shown:
                shown[review.id] = councils_shown(writer.tables, review.councils)
            for council_id in review.councils:
                writer.edge(
                    council_id,
                    person.id,
                    Rel.REVIEWED_BY,
                    {
                        "review": review.id,
                        "year": review.year,
                        "councils": shown[review.id],
                        **evidence,
                    },
                )
        # One WORKS_FOR per employer, as the most recent report states it.
        latest_first = sorted(infos, key=lambda item: -(item[1].year or 0))
        for peer, review, employers in latest_first:
            evidence = provenance(review.doc_id, peer.line, peer.evidence, peer.page)
            for employer in employers:
                writer.edge(
                    person.id,
                    employer,
                    Rel.WORKS_FOR,
                    {"role": clean_text(peer.role), "year": review.year, **evidence},
                )


def _add_councils(writer: _GraphWriter, councils: CouncilResolver) -> None:
    """Give every council its spellings, and follow reorganisations: a council
    that was replaced brings its successor(s) from the gazetteer, joined by
    SUCCEEDED_BY, so "Waveney" leads to East Suffolk even if no report names it."""
    pending = sorted(councils.councils)
    done: set[str] = set()
    while pending:
        council_id = pending.pop(0)
        if council_id in done:
            continue
        done.add(council_id)
        council = councils.councils[council_id]
        if council_id not in writer.nodes:
            writer.node(council_id, Label.COUNCIL, council.properties)
        writer.node(council_id, Label.COUNCIL, {"aliases": sorted(council.names_seen)})
        entry = council.entry
        if entry is None:
            continue
        for successor in sorted(entry.replaced_by):
            if councils.add_from_gazetteer(successor) is None:
                continue
            succ_entry = councils.councils[successor].entry
            if successor not in writer.nodes:
                writer.node(successor, Label.COUNCIL, councils.councils[successor].properties)
            date = (succ_entry.start_date if succ_entry else None) or entry.end_date
            writer.edge(council_id, successor, Rel.SUCCEEDED_BY, {"date": date})
            pending.append(successor)
