"""The extract record: what one document says, with provenance.

This is the stable interface printed by ``peergraph extract --format json`` and
consumed by the graph builder. Every fact read from text keeps ``line`` (1-based,
in the document's decoded text) and ``evidence`` (the sentence, at most 300
characters, with e-mail addresses and telephone numbers removed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graphload.model import Ref, RefKind, document_id

__all__ = [
    "DocumentInfo",
    "DocumentWarning",
    "ExtractRecord",
    "PeerInfo",
    "PersonInfo",
    "RecommendationInfo",
    "Ref",
    "RefKind",
    "ReviewInfo",
    "SharedServiceInfo",
    "SignpostInfo",
    "ThemeInfo",
]


@dataclass(frozen=True)
class DocumentWarning:
    """Something a reader or the builder had to decide about one document."""

    path: str  # the document's path, as read
    message: str

    @classmethod
    def from_line(cls, path: str, line: str) -> DocumentWarning:
        """From an extract record's warning, which may already start with ``path: ``."""
        return cls(path, line.removeprefix(f"{path}:").strip())

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class DocumentInfo:
    path: str
    sha256: str
    format: str  # txt, md, html, pdf, docx
    title: str | None = None

    @property
    def id(self) -> str:
        return document_id(self.sha256)


@dataclass
class ReviewInfo:
    kind: str | None = None  # "Corporate Peer Challenge", "Finance Peer Review", ...
    councils: list[Ref] = field(default_factory=list)
    start_date: str | None = None  # ISO 8601
    end_date: str | None = None
    year: int | None = None
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class PeerInfo:
    name: str
    aliases: list[str] = field(default_factory=list)  # other spellings seen in the document
    councillor: bool = False
    party: str | None = None
    role: str | None = None  # the job the report gives them ("Chief Executive")
    organisations: list[Ref] = field(default_factory=list)
    team_role: str | None = None  # their place on the team, when stated ("Lead peer")
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages
    cue: str | None = None  # why the reader took them for a peer: the block and its cue


@dataclass
class SignpostInfo:
    title: str
    councils: list[Ref] = field(default_factory=list)
    text: str = ""
    section: str | None = None
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class RecommendationInfo:
    text: str
    key: bool = False  # a headline ("key") recommendation
    theme: str | None = None
    group: str = "recommendation"  # key, further, suggestion, comment, recommendation
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class ThemeInfo:
    name: str
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class SharedServiceInfo:
    councils: list[Ref]
    what: str
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class PersonInfo:
    """Someone named in the document who is not on the peer team."""

    name: str
    role: str | None = None
    why: str = ""
    line: int | None = None
    evidence: str | None = None
    page: int | None = None  # the PDF page of ``line``; None for formats without pages


@dataclass
class ExtractRecord:
    document: DocumentInfo
    review: ReviewInfo = field(default_factory=ReviewInfo)
    peers: list[PeerInfo] = field(default_factory=list)
    signposts: list[SignpostInfo] = field(default_factory=list)
    recommendations: list[RecommendationInfo] = field(default_factory=list)
    themes: list[ThemeInfo] = field(default_factory=list)
    shared_services: list[SharedServiceInfo] = field(default_factory=list)
    not_peers: list[PersonInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Why the reviewed council was chosen: every candidate with its score and cues,
    # best first (printed by ``extract --explain``; not part of the JSON record).
    explanation: list[dict[str, Any]] = field(default_factory=list, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (``themes`` as names, their provenance apart)."""
        data = asdict(self)
        data.pop("explanation")
        data["theme_evidence"] = data["themes"]
        data["themes"] = [t.name for t in self.themes]
        return data
