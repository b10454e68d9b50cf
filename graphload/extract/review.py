"""What review a document is about: its kind, the council(s) reviewed and when."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graphload.extract.councils import CouncilFinder
from graphload.extract.dates import VisitDates, find_visit, find_visit_year
from graphload.extract.reading import Line
from graphload.gazetteer import Gazetteer
from graphload.records import Ref

KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "Corporate Peer Challenge Progress Review",
        re.compile(r"corporate peer challenge[^.]{0,20}progress review|progress review", re.I),
    ),
    ("Finance Peer Review", re.compile(r"financ\w* peer (review|challenge)", re.I)),
    ("Corporate Peer Challenge", re.compile(r"corporate peer challenge", re.I)),
    ("Peer Challenge", re.compile(r"peer challenge", re.I)),
    ("Peer Review", re.compile(r"peer review", re.I)),
]
TITLE_LINES_AFTER = 4
MAX_TITLE_CHARS = 140
_REVIEW_OF = re.compile(
    r"peer (?:challenge|review) (?:of|at|to|for|in)\b|invited (?:in)?to\b", re.I
)


@dataclass
class ReviewFacts:
    kind: str | None
    councils: list[Ref]
    visit: VisitDates | None
    year: int | None
    line: Line | None  # where the reviewed councils were read
    warnings: list[str] = field(default_factory=list)


def title_anchors(lines: list[Line]) -> list[int]:
    """Indexes of short title-like lines that name a kind of review."""
    anchors = []
    for index, line in enumerate(lines):
        text = line.text
        if not text or len(text) > MAX_TITLE_CHARS or text.endswith("."):
            continue
        if any(pattern.search(text) for _, pattern in KINDS):
            anchors.append(index)
    return anchors


def review_kind(lines: list[Line], anchors: list[int]) -> str | None:
    """The most specific kind named by the first few titles (a page's <title> may say
    only "Peer challenge" where its heading says "Corporate Peer Challenge")."""
    for kind, pattern in KINDS:
        if any(pattern.search(lines[index].text) for index in anchors[:3]):
            return kind
    counts = Counter(
        kind for line in lines for kind, pattern in KINDS[2:] if pattern.search(line.text)
    )
    return counts.most_common(1)[0][0] if counts else None


def title_end_line(lines: list[Line], anchors: list[int]) -> int:
    """The last line number that still counts as a title area (for visit dates)."""
    ends = [_line_after(lines, index, TITLE_LINES_AFTER).number for index in anchors]
    first_lines = [line.number for line in lines if line.text][:6]
    return max(ends + first_lines[-1:] + [0])


def _line_after(lines: list[Line], index: int, count: int) -> Line:
    seen = 0
    for line in lines[index + 1 :]:
        if line.text:
            seen += 1
            if seen == count:
                return line
    return lines[-1]


def reviewed_councils(
    lines: list[Line], anchors: list[int], finder: CouncilFinder
) -> tuple[list[Ref], Line | None, str | None]:
    """The councils a review is of, where they were read, and a warning if inferred."""
    for index in anchors:
        found = _councils_in(lines[index], finder)
        seen = 0
        for line in lines[index + 1 :]:
            if found or seen >= TITLE_LINES_AFTER:
                break
            if line.text:
                seen += 1
                if len(line.text) <= MAX_TITLE_CHARS and not line.text.endswith("."):
                    found = _councils_in(line, finder)
                    if found:
                        return found, line, None
        if found:
            return found, lines[index], None
    for line in [line for line in lines if line.text][:3]:
        if len(line.text) <= MAX_TITLE_CHARS:
            found = _councils_in(line, finder)
            if found:
                return found, line, None
    for line in lines:
        match = _REVIEW_OF.search(line.text)
        if match:
            found = [
                m.ref
                for m in finder.find(line.text[match.end() : match.end() + 160])
                if m.ref.in_register
            ]
            if found:
                return found[:2], line, None
    return _most_named(lines, finder)


def _councils_in(line: Line, finder: CouncilFinder) -> list[Ref]:
    refs: list[Ref] = []
    for mention in finder.find(line.text):
        if mention.ref.in_register and mention.ref not in refs:
            refs.append(mention.ref)
    return refs


@lru_cache(maxsize=1)
def _short_names(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(
        e.short_name
        for e in gazetteer.entries.values()
        if e.nation == "England" and len(e.short_name) >= 4
    )


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_MAX_NAME_WORDS = 4


def _most_named(
    lines: list[Line], finder: CouncilFinder
) -> tuple[list[Ref], Line | None, str | None]:
    """Last resort: a council named far more often than any other.

    Word n-grams looked up in a set keep this linear in the size of the document.
    """
    names = _short_names(finder.gazetteer)
    counts: Counter[str] = Counter()
    first_line: dict[str, Line] = {}
    for line in lines:
        words = _WORD.findall(line.text)
        for i, word in enumerate(words):
            if not word[0].isupper():
                continue
            for n in range(_MAX_NAME_WORDS, 0, -1):
                name = " ".join(words[i : i + n])
                if name in names:
                    counts[name] += 1
                    first_line.setdefault(name, line)
                    break
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        name, count = ranked[0]
        ref = finder.council(name)
        if ref:
            return (
                [ref],
                first_line[name],
                (
                    f"the reviewed council is not named in a title; took {ref.name}, "
                    f"named {count} times"
                ),
            )
    return [], None, "the text never names the reviewed council; none recorded"


def read_review(lines: list[Line], gazetteer: Gazetteer) -> tuple[ReviewFacts, CouncilFinder]:
    anchors = title_anchors(lines)
    warnings: list[str] = []
    visit = find_visit(lines, title_end_line(lines, anchors))
    year = visit.start.year if visit else None
    if year is None:
        found = find_visit_year(lines)
        if found:
            year = found.year
        else:
            warnings.append("no visit date or year found")
    finder = CouncilFinder(gazetteer, year)
    for each in lines:
        finder.learn(each.text)
    councils, line, warning = reviewed_councils(lines, anchors, finder)
    if warning:
        warnings.append(warning)
    return ReviewFacts(review_kind(lines, anchors), councils, visit, year, line, warnings), finder
