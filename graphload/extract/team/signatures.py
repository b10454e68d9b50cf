"""People signing after "Yours sincerely", one person per paragraph."""

from __future__ import annotations

import re

from graphload.extract.councils import CouncilFinder
from graphload.extract.names import looks_like_person
from graphload.extract.reading import Line
from graphload.extract.sentences import clip
from graphload.extract.team.entry import PeerEntry, parse_entry

_SIGN_OFF = re.compile(
    r"^(?:yours sincerely|yours faithfully|kind regards|best wishes|"
    r"with best wishes|regards)\b",
    re.IGNORECASE,
)
# The letters a sign-off can begin with (the Kelvin sign matches "k" when case is ignored).
_SIGN_OFF_INITIALS = frozenset("yYkKbBwWrR\u212a")
ON_BEHALF = re.compile(r"\bon behalf of the peer(?: challenge| review)? team\b", re.IGNORECASE)


def find_signatures(lines: list[Line], finder: CouncilFinder) -> tuple[list[PeerEntry], bool]:
    """People signing after a sign-off, and whether the sign-off speaks for the team."""
    entries: list[PeerEntry] = []
    for_team = False
    for index, line in enumerate(lines):
        if line.text[:1] not in _SIGN_OFF_INITIALS or not _SIGN_OFF.match(line.text):
            continue
        for_team |= any(ON_BEHALF.search(lines[i].text) for i in range(max(0, index - 3), index))
        for group in _paragraphs(lines, index + 1):
            first = group[0]
            if ON_BEHALF.search(first.text):
                for_team = True
                continue
            if not looks_like_person(first.text):
                break
            text = first.text + ", " + ", ".join(g.text for g in group[1:])
            entry = parse_entry(text.rstrip(", "), finder)
            if entry is None:
                break
            entry.line, entry.evidence, entry.from_signature = first.number, clip(text), True
            entry.cue = f"signature after '{line.text[:40]}'"
            entries.append(entry)
    return entries, for_team


def _paragraphs(lines: list[Line], start: int, limit: int = 15) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines[start : start + limit * 6]:
        if line.text:
            current.append(line)
            continue
        if current:
            groups.append(current)
            current = []
            if len(groups) >= limit:
                break
    if current:
        groups.append(current)
    return groups
