"""Signposts: examples of practice the peer team points the council to.

Written as a heading, "Signpost – Adur and Worthing Councils" (or "Signposting:",
"Example of good practice:"), followed by a paragraph about the example.
"""

from __future__ import annotations

import re

from graphload.extract.councils import CouncilFinder
from graphload.extract.reading import Line
from graphload.extract.sentences import clip
from graphload.extract.themes import is_heading_like
from graphload.records import Ref, RefKind, SignpostInfo

_SIGNPOST = re.compile(
    r"^(?:signpost(?:ing)?s?|(?:example|examples) of (?:good|notable|best|innovative) practice|"
    r"(?:good|notable) practice example|notable practice)\s*[:–—-]\s*(?P<title>.{2,150})$",
    re.I,
)
_NAMES_COUNCILS = re.compile(r"\b(councils?|partnership)\b", re.I)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
# How every _SIGNPOST match starts, lowered: a cheap test first.
_SIGNPOST_STARTS = ("signpost", "example", "good", "notable")
# The characters those start with, in either case (no other character lowers to one of
# them): a test of one character rules most lines out before the slice is lowered.
_FIRST_LETTERS = frozenset("sSeEgGnN")
MAX_PARAGRAPHS = 3


def find_signposts(lines: list[Line], finder: CouncilFinder) -> tuple[list[SignpostInfo], set[int]]:
    """The signposts, and the line numbers of their headings and paragraphs."""
    signposts = []
    covered: set[int] = set()
    section: str | None = None
    for index, line in enumerate(lines):
        text = line.text
        if not text or line.bullet:
            continue
        if text[0].isdigit() and len(text) < 90 and _NUMBERED_HEADING.match(text):
            section = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)
        if text[0] not in _FIRST_LETTERS or not text[:8].lower().startswith(_SIGNPOST_STARTS):
            continue
        match = _SIGNPOST.match(text)
        if not match:
            continue
        title = match.group("title").strip(" .:")
        body = _body(lines, index)
        covered |= {line.number} | {b.number for b in body}
        text = " ".join(b.text for b in body)
        councils = _title_councils(title, finder)
        if not councils and _NAMES_COUNCILS.search(title):
            councils = _councils(finder, text)
        signposts.append(
            SignpostInfo(
                title=title,
                councils=councils,
                text=clip(text),
                section=section,
                line=line.number,
                evidence=clip(line.text),
            )
        )
    return signposts, covered


def _title_councils(title: str, finder: CouncilFinder) -> list[Ref]:
    found = _councils(finder, title)
    return found or [
        r for r in finder.council_list(title) if r.kind is not RefKind.UNREGISTERED_COUNCIL
    ]


def _councils(finder: CouncilFinder, text: str) -> list[Ref]:
    refs: list[Ref] = []
    for mention in finder.find(text):
        if mention.ref.in_register and mention.ref not in refs:
            refs.append(mention.ref)
    return refs


def _body(lines: list[Line], index: int) -> list[Line]:
    """The paragraphs after a signpost heading, up to the next heading or list."""
    body: list[Line] = []
    paragraphs = 0
    for line in lines[index + 1 : index + 60]:
        if not line.text:
            if body:
                paragraphs += 1
                if paragraphs >= MAX_PARAGRAPHS:
                    break
            continue
        if (
            line.bullet
            or _SIGNPOST.match(line.text)
            or (is_heading_like(line) and not line.text.startswith(("<", "http")))
        ):
            if body or line.bullet:
                break
            continue
        body.append(line)
    return body
