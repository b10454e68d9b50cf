"""The peer team's advice: key recommendations, further recommendations, suggestions
and the numbered comments of a response table.

Lists are found under headings ("Key recommendations", "Further Recommendations",
"Recommendations – finance", "Suggestions for consideration") or after a sentence
that introduces them ("...highlighted the following key recommendations:-").
Committee resolutions ("That the report is published...") are the council's own
recommendations, not the peers', and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphload.extract.lowered import first_match
from graphload.extract.reading import Line
from graphload.extract.sentences import clip
from graphload.extract.themes import section_themes, theme_of
from graphload.records import RecommendationInfo
from graphload.vocab.text import fold

_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z]\)|\(?[ivx]{1,4}\))"
# "The six recommendations", "Our 8 key recommendations": a heading that counts them.
_COUNTED = (
    r"(?:(?:the|our)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+)?"
)
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    ("key", re.compile(rf"^(?:{_NUMBER}\s+)?{_COUNTED}key recommendations?\s*:?$", re.I)),
    (
        "further",
        re.compile(
            rf"^(?:{_NUMBER}\s+)?(?:further|other|additional) recommendations?"
            r"\s*:?$",
            re.I,
        ),
    ),
    (
        "suggestion",
        re.compile(rf"^(?:{_NUMBER}\s+)?suggestions?(?: for consideration)?\s*:?$", re.I),
    ),
    (
        "recommendation",
        re.compile(
            rf"^(?:{_NUMBER}\s+)?{_COUNTED}recommendations?(?:\s*[–—:-]\s*"
            r"[\w ,&'-]{1,60})?\s*:?$",
            re.I,
        ),
    ),
]
_INTRO = re.compile(
    r"\bthe following (key )?(recommendations|suggestions)\b[^.]{0,40}[:\-–]+\s*$"
    r"|\b(key )?recommendations( are| were)?\s*[:\-–]+\s*$"
    # "...focussed on each of the recommendations from the Corporate Peer Challenge:"
    r"|\brecommendations (?:from|of|made by) the (?:[\w'’-]+ ){0,4}?"
    r"(?:peer challenge|peer review|review|challenge|peer team|team|cpc)\s*:\s*$",
    re.I,
)
# Every match of _INTRO begins with one of these, lowered: the pattern is tried only there.
_INTRO_STARTS = ("the following", "key recommendations", "recommendations")
_ITEM_NUMBER = re.compile(rf"^{_NUMBER}\s+")
_RESOLUTION = re.compile(r"^That\b")  # "That the report is published": a committee's resolution
_COMMENT_HEADER = re.compile(
    r"\b(peer (review )?team|peer challenge team|peers?)'?s? "
    r"(comments?|recommendations?|findings?)\b",
    re.I,
)
_TABLE_ROW = re.compile(r"^\s*(\d{1,3})\t")
MAX_INTRO_PARAGRAPHS = 2
MAX_TEXT = 2000


@dataclass
class _Found:
    text: str
    group: str
    line: Line
    theme: str | None


def _is_item(line: Line) -> bool:
    if line.bullet:
        return True
    if not _ITEM_NUMBER.match(line.text):
        return False
    words = _ITEM_NUMBER.sub("", line.text).split()
    return len(words) > 3 or line.text.endswith((".", ";"))  # not "3. Financial Implications"


def _item_text(line: Line) -> str:
    return _ITEM_NUMBER.sub("", line.text).strip()


def _list_after(lines: list[Line], start: int) -> list[int]:
    """Indexes of the items of the list that starts after ``start``, allowing a short
    intro, gaps and lines that continue an item (wrapped text starting in lower case)."""
    items: list[int] = []
    prose = 0
    for at in range(start + 1, min(start + 400, len(lines))):
        line = lines[at]
        if not line.text:
            continue
        if _is_item(line) and (not items or line.bullet == lines[items[0]].bullet):
            items.append(at)
            continue
        if items and line.text[0].islower():
            continue
        if items or prose >= MAX_INTRO_PARAGRAPHS or _heading_group(line.text):
            break
        prose += 1
    return items


def _names_advice(lowered: str) -> bool:
    """Every heading and intro names recommendations or suggestions: a cheap test first."""
    return "recommendation" in lowered or "suggestion" in lowered


def _heading_group(text: str) -> str | None:
    if len(text) > 80 or not _names_advice(text.lower()):
        return None
    for group, pattern in _HEADINGS:
        if pattern.match(text):
            return group
    return None


def find_recommendations(lines: list[Line]) -> list[RecommendationInfo]:
    themes: list[str | None] | None = None  # worked out at the first list found
    found: list[_Found] = []
    for index, line in enumerate(lines):
        if not line.text or line.bullet or not _names_advice(line.text.lower()):
            continue
        group = _heading_group(line.text)
        if group is None and first_match(_INTRO, line.text, _INTRO_STARTS):
            group = "key" if re.search(r"\bkey\b", line.text, re.I) else "recommendation"
        if group is None:
            continue
        for at in _list_after(lines, index):
            item = lines[at]
            text = _item_text(item)
            if len(text) < 12 or _RESOLUTION.match(text):
                continue
            if themes is None:
                themes = section_themes(lines)
            theme = themes[at] if group != "key" else None
            found.append(_Found(text, group, item, theme))
    found.extend(_table_comments(lines))
    return _deduplicate(found)


def _table_comments(lines: list[Line]) -> list[_Found]:
    """Rows of a response table whose header names the peer team's comments."""
    found: list[_Found] = []
    column: int | None = None
    theme: str | None = None
    for line in lines:
        tabbed = "\t" in line.raw
        if column is None or not line.raw.strip():
            if tabbed and _COMMENT_HEADER.search(line.raw):
                cells = line.raw.split("\t")
                column = next(i for i, c in enumerate(cells) if _COMMENT_HEADER.search(c))
            continue
        cells = line.raw.split("\t")
        if _COMMENT_HEADER.search(line.raw):
            continue  # a repeated header
        row = _TABLE_ROW.match(line.raw)
        if row and column < len(cells) and len(cells[column].strip()) >= 12:
            found.append(_Found(cells[column].strip(), "comment", line, theme))
        elif "\t" in line.raw and len([c for c in cells if c.strip()]) == 1:
            theme = theme_of(cells[0] or line.text) or theme
        elif "\t" not in line.raw:
            column = None  # the table has ended
    return found


def _key(text: str) -> str:
    return fold(text)[:200]


def _deduplicate(found: list[_Found]) -> list[RecommendationInfo]:
    """One entry per piece of advice: an annex that repeats the body adds nothing, but
    marks the body's item as 'further' (or key) advice."""
    unique: dict[str, RecommendationInfo] = {}
    for item in found:
        key = _key(item.text)
        existing = unique.get(key)
        if existing is None:
            unique[key] = RecommendationInfo(
                text=item.text[:MAX_TEXT],
                key=item.group == "key",
                theme=item.theme,
                group=item.group,
                line=item.line.number,
                evidence=clip(item.line.text),
            )
            continue
        existing.key = existing.key or item.group == "key"
        if item.group in ("key", "further") and existing.group == "recommendation":
            existing.group = item.group
        existing.theme = existing.theme or item.theme
    return list(unique.values())
