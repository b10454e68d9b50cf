"""People a document names who are not on the peer team: LGA principal advisers,
the letter's addressee, the cover report's author and contact officer."""

from __future__ import annotations

import re

from graphload.extract.names import looks_like_person, split_name
from graphload.extract.reading import Line
from graphload.extract.sentences import clip, sentence_around
from graphload.records import PersonInfo

_NAME = r"(?:(?:Councillor|Cllr)\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}"
_ADVISER = re.compile(
    rf"(?P<name>{_NAME}),?\s+(?:(?:is|as)\s+)?(?:the\s+)?"
    r"(?:LGA'?s?\s+|Local Government Association'?s\s+)?Principal Advis[eo]r"
)
_FIELD = re.compile(
    rf"^(?:report from|contact officer|author|authorship)\s*:?\s*\t?\s*"
    rf"(?P<name>{_NAME})",
    re.I,
)
_FIELD_INITIALS = frozenset("rRcCaA")
_DEAR = re.compile(r"^Dear\s+\w+", re.I)
_AUTHOR_HEADINGS = {"authorship", "author", "report author"}
_LONGEST_HEADING = max(map(len, _AUTHOR_HEADINGS))


def find_others(lines: list[Line]) -> list[PersonInfo]:
    people: dict[str, PersonInfo] = {}

    def add(name: str, why: str, line: Line, start: int = 0) -> None:
        clean, _ = split_name(name)
        if looks_like_person(clean) and clean not in people:
            people[clean] = PersonInfo(
                name=clean, why=why, line=line.number, evidence=sentence_around(line.text, start)
            )

    for index, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        # The adviser's wording is matched as written, so its words must be there.
        if "Principal Advis" in text:
            for match in _ADVISER.finditer(text):
                add(
                    match.group("name"),
                    "LGA principal adviser (a contact, not on the team)",
                    line,
                    match.start(),
                )
        # Each opening pattern is tried only at the letters it can begin with.
        field = _FIELD.match(text) if text[0] in _FIELD_INITIALS else None
        bare = text.rstrip(":")
        if field:
            add(field.group("name"), "author or contact officer of the cover report", line)
        elif len(bare) <= _LONGEST_HEADING and bare.lower() in _AUTHOR_HEADINGS:
            following = next((n for n in lines[index + 1 : index + 4] if n.text), None)
            if following:
                add(following.text, "author of the cover report", following)
        if text[0] in "dD" and _DEAR.match(text):
            first = next(n for n in lines if n.text)  # the letter's first line, if before it
            addressee = first if first is not line else None
            if addressee and looks_like_person(addressee.text):
                add(addressee.text, "the letter's addressee", addressee)
    return [
        PersonInfo(p.name, p.role, p.why, p.line, clip(p.evidence or "")) for p in people.values()
    ]
