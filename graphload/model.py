"""The graph model in code: labels, relationship types, their properties, identity
keys and id minting. ``docs/GRAPH-MODEL.md`` is the public contract; a test checks
this module against it, so the two cannot drift apart.

Every id in the graph is a pure function of what the documents say, so loading the
same documents in any order, once or twice, gives the same ids. Ids already public
(``BAB``, ``council:<slug>``, ``org:<slug>``, ``peer:<slug>``, ``review:...``) never
change their form; what *kind* of thing a reference is travels as a field of
:class:`Ref`, never parsed back out of an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from graphload.vocab.text import slugify


class Label:
    """Node labels."""

    COUNCIL: Final = "Council"
    ORGANISATION: Final = "Organisation"
    PEER: Final = "Peer"
    REVIEW: Final = "Review"
    DOCUMENT: Final = "Document"
    SIGNPOST: Final = "Signpost"
    RECOMMENDATION: Final = "Recommendation"
    THEME: Final = "Theme"


class Rel:
    """Relationship types."""

    OF: Final = "OF"
    REVIEWED_BY: Final = "REVIEWED_BY"
    SERVED_ON: Final = "SERVED_ON"
    WORKS_FOR: Final = "WORKS_FOR"
    SHARED_WITH: Final = "SHARED_WITH"
    RECOMMENDS: Final = "RECOMMENDS"
    FEATURES: Final = "FEATURES"
    MADE: Final = "MADE"
    ABOUT: Final = "ABOUT"
    COVERS: Final = "COVERS"
    SOURCED_FROM: Final = "SOURCED_FROM"
    SUCCEEDED_BY: Final = "SUCCEEDED_BY"
    FOLLOWS_UP: Final = "FOLLOWS_UP"


#: Where a fact was read: the Document id, the sentence, the 1-based line.
PROVENANCE: Final = ("source", "evidence", "line", "page")

#: What an employer's people did as peers, counted by the builder (graphload/supply.py).
SUPPLY_COUNTS: Final = ("peers_supplied", "reviews_supplied", "years_supplied")

NODE_PROPERTIES: dict[str, tuple[str, ...]] = {
    Label.COUNCIL: (
        "name",
        "short_name",
        "aliases",
        "kind",
        "start_date",
        "end_date",
        "replaced_by",
        *SUPPLY_COUNTS,
        "shares_services",
        *PROVENANCE,
    ),
    Label.ORGANISATION: ("name", "aliases", "type", *SUPPLY_COUNTS, *PROVENANCE),
    Label.PEER: (
        "name",
        "aliases",
        "councillor",
        "party",
        "name_keys",
        "reviews_served",
        *PROVENANCE,
    ),
    Label.REVIEW: ("kind", "title", "start_date", "end_date", "year", *PROVENANCE),
    Label.DOCUMENT: ("path", "sha256", "format", "title"),
    Label.SIGNPOST: ("title", "summary", *PROVENANCE),
    Label.RECOMMENDATION: ("text", "key", "ordinal", *PROVENANCE),
    Label.THEME: ("name", *PROVENANCE),
}

RELATIONSHIP_PROPERTIES: dict[str, tuple[str, ...]] = {
    Rel.OF: PROVENANCE,
    Rel.REVIEWED_BY: ("review", "year", "councils", *PROVENANCE),
    Rel.SERVED_ON: ("role", *PROVENANCE),
    Rel.WORKS_FOR: ("role", "year", *PROVENANCE),
    Rel.SHARED_WITH: ("what", "year", *PROVENANCE),
    Rel.RECOMMENDS: PROVENANCE,
    Rel.FEATURES: PROVENANCE,
    Rel.MADE: PROVENANCE,
    Rel.ABOUT: PROVENANCE,
    Rel.COVERS: PROVENANCE,
    Rel.SOURCED_FROM: ("source",),
    Rel.SUCCEEDED_BY: ("date",),
    Rel.FOLLOWS_UP: PROVENANCE,
}

#: (source labels, target labels) of each relationship type.
RELATIONSHIP_ENDPOINTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    Rel.OF: (frozenset({Label.REVIEW}), frozenset({Label.COUNCIL, Label.ORGANISATION})),
    Rel.REVIEWED_BY: (frozenset({Label.COUNCIL}), frozenset({Label.PEER})),
    Rel.SERVED_ON: (frozenset({Label.PEER}), frozenset({Label.REVIEW})),
    Rel.WORKS_FOR: (frozenset({Label.PEER}), frozenset({Label.COUNCIL, Label.ORGANISATION})),
    Rel.SHARED_WITH: (frozenset({Label.COUNCIL}), frozenset({Label.COUNCIL})),
    Rel.RECOMMENDS: (frozenset({Label.REVIEW}), frozenset({Label.SIGNPOST})),
    Rel.FEATURES: (frozenset({Label.SIGNPOST}), frozenset({Label.COUNCIL})),
    Rel.MADE: (frozenset({Label.REVIEW}), frozenset({Label.RECOMMENDATION})),
    Rel.ABOUT: (frozenset({Label.RECOMMENDATION}), frozenset({Label.THEME})),
    Rel.COVERS: (frozenset({Label.REVIEW}), frozenset({Label.THEME})),
    Rel.SOURCED_FROM: (frozenset({Label.REVIEW}), frozenset({Label.DOCUMENT})),
    Rel.SUCCEEDED_BY: (frozenset({Label.COUNCIL}), frozenset({Label.COUNCIL})),
    Rel.FOLLOWS_UP: (frozenset({Label.REVIEW}), frozenset({Label.REVIEW})),
}

#: Every node is identified by its ``id`` property.
NODE_KEY: Final = "id"

#: The property that tells apart two relationships of one type between the same two
#: nodes; types not listed occur at most once per ordered pair.
IDENTITY_PROPERTY: dict[str, str] = {Rel.REVIEWED_BY: "review"}

#: Properties holding lists (they accumulate across documents).
LIST_PROPERTIES: Final = frozenset({"aliases", "replaced_by"})


def relationship_key(rel_type: str, properties: dict[str, Any]) -> str:
    """The key of a relationship among those between one ordered pair of nodes."""
    identity = IDENTITY_PROPERTY.get(rel_type)
    return rel_type if identity is None else f"{rel_type}:{properties[identity]}"


# --------------------------------------------------------------------------- refs


class RefKind(StrEnum):
    """What a :class:`Ref` points at."""

    COUNCIL = "council"  # a council in the register, id = its code (``BRM``)
    UNREGISTERED_COUNCIL = "unregistered-council"  # a council the register lacks
    ORGANISATION = "organisation"  # an employer that is not a council

    @property
    def is_council(self) -> bool:
        return self is not RefKind.ORGANISATION


_UNREGISTERED_PREFIX = "council:"
_ORGANISATION_PREFIX = "org:"


@dataclass
class Ref:
    """A council or other organisation as the reader resolved it.

    ``id`` is the graph id it will have (a register code, ``council:<slug>``,
    ``org:<slug>``); ``kind`` says which of those it is. Make one with
    :meth:`council`, :meth:`unregistered_council` or :meth:`organisation`.
    """

    id: str
    name: str
    kind: RefKind | None = None

    def __post_init__(self) -> None:
        if self.kind is None:
            self.kind = _kind_of_legacy_id(self.id)
        else:
            self.kind = RefKind(self.kind)

    @classmethod
    def council(cls, code: str, name: str) -> Ref:
        return cls(code, name, RefKind.COUNCIL)

    @classmethod
    def unregistered_council(cls, name: str) -> Ref:
        return cls(unregistered_council_id(name), name, RefKind.UNREGISTERED_COUNCIL)

    @classmethod
    def organisation(cls, name: str) -> Ref:
        return cls(organisation_id(name), name, RefKind.ORGANISATION)

    @property
    def is_council(self) -> bool:
        """A council, whether or not the register knows it."""
        return self.kind is not RefKind.ORGANISATION

    @property
    def in_register(self) -> bool:
        """A council the register knows (its id is the register's code)."""
        return self.kind is RefKind.COUNCIL


def _kind_of_legacy_id(ref_id: str) -> RefKind:
    """For records written before refs carried their kind (ledgers, old JSON, tests
    building refs by hand): the only place an id's prefix is read back."""
    if ref_id.startswith(_ORGANISATION_PREFIX):
        return RefKind.ORGANISATION
    if ref_id.startswith(_UNREGISTERED_PREFIX):
        return RefKind.UNREGISTERED_COUNCIL
    return RefKind.COUNCIL


# ---------------------------------------------------------------------- id minting


def document_id(sha256: str) -> str:
    return f"doc:{sha256[:16]}"


def unregistered_council_id(name: str) -> str:
    return f"{_UNREGISTERED_PREFIX}{slugify(name)}"


def organisation_id(name: str) -> str:
    return f"{_ORGANISATION_PREFIX}{slugify(name)}"


def peer_id(name: str) -> str:
    return f"peer:{slugify(name)}"


def theme_id(name: str) -> str:
    return f"theme:{slugify(name)}"


def signpost_id(title: str) -> str:
    return f"signpost:{slugify(title)}"


def kind_code(kind: str | None) -> str:
    """The review kind as initials: ``"Corporate Peer Challenge"`` -> ``"cpc"``."""
    if not kind:
        return "review"
    words = slugify(kind).split("-")
    return "".join(word[0] for word in words if word) or "review"


def council_code_for_id(council_id: str) -> str:
    """The part of a reviewed body's id used inside a review id: ``BAB``, or the slug
    of a council the register lacks or of an organisation (a fire and rescue service)."""
    for prefix in (_UNREGISTERED_PREFIX, _ORGANISATION_PREFIX):
        if council_id.startswith(prefix):
            return council_id.removeprefix(prefix)
    return council_id


def review_id(council_ids: list[str], year: int | None, kind: str | None, doc_id: str) -> str:
    """``review:BAB+MSU:2012:cpc``; a review naming no council is keyed by its document."""
    if council_ids:
        subject = "+".join(sorted({council_code_for_id(c) for c in council_ids}))
    else:
        subject = doc_id.replace(":", "-")
    return f"review:{subject}:{year if year is not None else 'undated'}:{kind_code(kind)}"


def recommendation_id(review: str, ordinal: int) -> str:
    return f"{review}:rec:{ordinal}"
