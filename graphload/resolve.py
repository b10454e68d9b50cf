"""Council and organisation resolution for the graph builder.

Councils are keyed by gazetteer code (``BAB``) wherever the gazetteer knows
them; organisations that are not councils by their normalised name, with the
few abbreviations reports use for them spelled out ("LGA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphload.ids import fold, organisation_id, slugify
from graphload.records import Ref


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


# Employers that reports name by abbreviation or with a prefix.
_ORGANISATION_ALIASES = {
    "lga": "Local Government Association",
    "the lga": "Local Government Association",
    "local government association": "Local Government Association",
    "the local government association": "Local Government Association",
    "local government group": "Local Government Association",
    "lgg": "Local Government Association",
}
_PARENTHESISED = re.compile(r"\s*\([^)]*\)\s*")


def canonical_organisation_name(name: str) -> str:
    """``"the LGA"`` and ``"Local Government Association (LGA)"`` -> the full name."""
    cleaned = _PARENTHESISED.sub(" ", name).strip()
    key = " ".join(fold(cleaned).split())
    if key in _ORGANISATION_ALIASES:
        return _ORGANISATION_ALIASES[key]
    if key.startswith("the "):
        cleaned = cleaned[4:]
    return cleaned or name.strip()


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
            council_id = (
                ref.id if _looks_like_council_id(ref.id) else f"council:{slugify(ref.name)}"
            )
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


def _looks_like_council_id(ref_id: str) -> bool:
    return ref_id.startswith("council:") or bool(re.fullmatch(r"[A-Z0-9]{3,4}", ref_id))


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


def is_council_ref(ref: Ref) -> bool:
    return not ref.id.startswith("org:")


def organisation_node_id(ref: Ref) -> tuple[str, str]:
    """(id, canonical name) of a non-council employer."""
    name = canonical_organisation_name(ref.name or ref.id.removeprefix("org:").replace("-", " "))
    return organisation_id(name), name
