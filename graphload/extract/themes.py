"""Themes: the areas a peer challenge looks at, named one way across reports.

Corporate peer challenges are organised around a handful of core components
whose wording has drifted over the years ("Understanding of the local place and
priority setting", "...local context..."; "Financial planning" for "Financial
planning and viability"). A heading, a core-question line or a table group row
that matches one of these patterns is a theme; each maps to one canonical name so
the same theme is one node across reviews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphload.extract.reading import Line
from graphload.vocab.text import fold

# canonical name -> wordings that mean it (matched against the whole heading, folded)
THEMES: dict[str, str] = {
    "Understanding of the local context and priority setting": (
        r"understanding (of )?(the )?local (context|place)"
        r"( and priority setting)?"
    ),
    "Local priorities and outcomes": r"local priorities and outcomes",
    "Financial planning and viability": (
        r"financial planning( and viability)?|"
        r"financial (plan|viability|sustainability)"
    ),
    "Financial planning and management": r"financial (planning and )?management",
    "Political and managerial leadership": r"political and managerial leadership",
    "Governance and decision-making": (
        r"(effective )?governance and decision[ -]making( arrangements)?|"
        r"decision[ -]making"
    ),
    "Governance and culture": r"governance and culture",
    "Organisational capacity": (
        r"(resources and )?organisational capacity( and resources)?|"
        r"capacity and resources"
    ),
    "Capacity to deliver": r"capacity to deliver",
    "Capacity for improvement": r"capacity for improvement",
    "Leadership of place": r"(the )?leadership of place|place leadership",
    "Organisational leadership and governance": (
        r"organisational leadership and governance|"
        r"leadership and governance"
    ),
    "Organisational and place leadership": r"organisational and place leadership",
    "Priority setting": r"priority setting|priorities",
    "Community engagement": r"community (engagement|leadership)",
    "Economic growth": r"(inclusive )?economic growth|economy and regeneration",
    "Transformation": r"transformation|transformation and (reform|change)",
    "Partnerships": r"partnerships?( working)?",
    "Housing": r"housing",
    "Digital": r"digital( transformation)?",
    "Commercialisation": r"commerciali[sz]ation",
    "Workforce and culture": r"workforce( development)?|workforce and culture|culture",
    "Performance management": r"performance management",
}
_PATTERNS = [(name, re.compile(rf"^(?:{pattern})$")) for name, pattern in THEMES.items()]
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|[ivx]{1,4}[.)])\s+")
_SUFFIX = re.compile(r"\s*[-–—:]\s*(suggestions?|recommendations?)\s*$", re.I)
MAX_HEADING = 90


@dataclass
class ThemeHit:
    name: str
    line: Line


@lru_cache(maxsize=8192)  # headings recur within a document and across reports
def theme_of(text: str) -> str | None:
    """The canonical theme a heading names, or None."""
    text = _NUMBERING.sub("", text.strip()).split("\t")[0]
    text = _SUFFIX.sub("", text)
    head = text.split(":", 1)[0] if ":" in text else text  # "Capacity to deliver: Is ..."
    key = fold(head)
    for name, pattern in _PATTERNS:
        if pattern.match(key):
            return name
    return None


def is_heading_like(line: Line) -> bool:
    text = line.text
    if not text:
        return False
    if 0 <= text.find(":") <= MAX_HEADING:
        return True  # "Leadership of Place: Does the Council provide ...?"
    if "\t" in line.raw:
        cells = [c for c in line.raw.split("\t") if c.strip()]
        if len(cells) == 1:
            return len(cells[0]) <= MAX_HEADING  # a table's group row
    return len(text) <= MAX_HEADING and not text.endswith((".", ",", ";"))


def find_themes(lines: list[Line]) -> list[ThemeHit]:
    hits: dict[str, ThemeHit] = {}
    for line in lines:
        if line.bullet or not is_heading_like(line):
            continue  # a bulleted list of areas is scope, not the report's own structure
        name = theme_of(line.text)
        if name and name not in hits:
            hits[name] = ThemeHit(name, line)
    return list(hits.values())


def section_themes(lines: list[Line]) -> list[str | None]:
    """For each line, the theme of the heading it sits under (None before any)."""
    current: str | None = None
    result: list[str | None] = []
    for line in lines:
        if is_heading_like(line) and not line.bullet:
            name = theme_of(line.text)
            if name:
                current = name
            elif _NUMBERING.match(line.text) and len(line.text) < 60 and ":" not in line.text:
                current = None  # a new numbered section that is not a theme
        result.append(current)
    return result
