"""Council and organisation resolution for the graph builder.

Councils are keyed by gazetteer code (``BAB``) wherever the gazetteer knows
them; organisations that are not councils by their normalised name, with the
few abbreviations reports use for them spelled out ("LGA",
:mod:`graphload.vocab.organisations`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from graphload.model import Ref, organisation_id, unregistered_council_id
from graphload.vocab.organisations import canonical_organisation_name


class CouncilEntryLike(Protocol):
    code: str
    name: str
    short_name: str
    kind: str
    start_date: str | None
    end_date: str | None
    replaced_by: list[str]
    aliases: list[str]


class GazetteerLike(Protocol):
    def get(self, code: str) -> Any: ...

    def resolve(self, text: str, year: int | None = None) -> Any: ...


@dataclass
class ResolvedCouncil:
    id: str
    properties: dict[str, Any]
    entry: Any | None = None  # the gazetteer entry, when there is one
    names_seen: set[str] = field(default_factory=set)


def council_properties(entry: CouncilEntryLike) -> dict[str, Any]:
    return {
        "name": entry.name,
        "short_name": entry.short_name,
        "aliases": sorted(set(entry.aliases)),
        "kind": entry.kind,
        "start_date": entry.start_date,
        "end_date": entry.end_date,
        "replaced_by": list(entry.replaced_by),
    }


class CouncilResolver:
    """Turn the extractor's council references into graph ids, consulting the
    gazetteer (when there is one) for references the extractor left unresolved."""

    def __init__(self, gazetteer: GazetteerLike | None) -> None:
        self.gazetteer = gazetteer
        self.councils: dict[str, ResolvedCouncil] = {}

    def resolve(self, ref: Ref, year: int | None = None) -> str:
        entry = self._lookup(ref, year)
        if entry is not None:
            council_id = entry.code
            council = self.councils.get(council_id)
            if council is None:
                council = ResolvedCouncil(council_id, council_properties(entry), entry)
                self.councils[council_id] = council
        else:
            # a council the register lacks keeps the id the reader gave it
            council_id = ref.id if ref.is_council and ref.id else unregistered_council_id(ref.name)
            council = self.councils.get(council_id)
            if council is None:
                council = ResolvedCouncil(council_id, _unknown_council_properties(ref.name))
                self.councils[council_id] = council
        if ref.name:
            council.names_seen.add(ref.name.strip())
        return council_id

    def add_from_gazetteer(self, code: str) -> str | None:
        """Add a council the documents do not name (a successor); None if unknown."""
        if code in self.councils:
            return code
        entry = self.gazetteer.get(code) if self.gazetteer else None
        if entry is None:
            return None
        self.councils[code] = ResolvedCouncil(code, council_properties(entry), entry)
        return code

    def _lookup(self, ref: Ref, year: int | None) -> Any | None:
        if self.gazetteer is None:
            return None
        entry = self.gazetteer.get(ref.id)
        if entry is None and ref.name:
            entry = self.gazetteer.resolve(ref.name, year)
        return entry


def _unknown_council_properties(name: str) -> dict[str, Any]:
    return {
        "name": name.strip(),
        "short_name": None,
        "aliases": [],
        "kind": None,
        "start_date": None,
        "end_date": None,
        "replaced_by": [],
    }


class OrganisationNode(NamedTuple):
    id: str
    name: str  # canonical ("Local Government Association" for "the LGA")


def organisation_node_id(ref: Ref) -> OrganisationNode:
    """The id and canonical name of a non-council employer."""
    return _organisation_node_id(ref.name or ref.id)


@lru_cache(maxsize=4096)  # a few employers recur in thousands of documents
def _organisation_node_id(name: str) -> OrganisationNode:
    canonical = canonical_organisation_name(name)
    return OrganisationNode(organisation_id(canonical), canonical)
