"""Visit dates: "14th to 17th May 2012", "22-24th January and 23rd February 2018",
"8th-11th November 2016", "(12th to 15th November 2013)", "during 10-13 October 2023",
"31 October – 3 November 2023". A meeting date or a letter's date is not a visit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from graphload.extract.lowered import contains_any, first_match, holds_any
from graphload.extract.reading import Line

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|until)\s*"
# 31 October – 3 November 2023
_CROSS_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}{_TO}{_DAY}\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
# 14th to 17th May 2012, 8-11th November 2016, optionally "and 23rd February" after
_SAME_MONTH = re.compile(
    rf"\b{_DAY}{_TO}{_DAY}\s+{_MONTH}(?:,?\s+(\d{{4}}))?"
    rf"(?:\s+and\s+{_DAY}\s+{_MONTH})?(?:,?\s+(\d{{4}}))?\b",
    re.I,
)
# "took place on 4 and 5 March 2019": two days, a visit only in a sentence about the visit
_TWO_DAYS = re.compile(rf"\b{_DAY}\s+and\s+{_DAY}\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MEETING = re.compile(
    r"\b(date of meeting|meeting date|date:|meeting on|committee on|"
    r"decision of|dated)\b",
    re.I,
)
_VISIT_CONTEXT = re.compile(
    r"\b(on-?site|visit|peer challenge|peer review|during|took place|"
    r"undertaken|carried out|feedback)\b",
    re.I,
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)
_PAST_REVIEW = re.compile(r"\b(previous|last|earlier|prior|former|follow[- ]up)\b", re.I)
# The words every match of each pattern above begins with: the patterns are tried only
# where one of them is (a case-insensitive pattern is otherwise tried at every character).
_MEETING_STARTS = (
    "date of meeting",
    "meeting date",
    "date:",
    "meeting on",
    "committee on",
    "decision of",
    "dated",
)
_VISIT_STARTS = (
    "on-site",
    "onsite",
    "visit",
    "peer challenge",
    "peer review",
    "during",
    "took place",
    "undertaken",
    "carried out",
    "feedback",
)
_PAST_STARTS = ("previous", "last", "earlier", "prior", "former", "follow-up", "follow up")
_CLAUSE_BREAK = re.compile(r"[.;](\s+)")


def _about_a_meeting(text: str) -> bool:
    return first_match(_MEETING, text, _MEETING_STARTS) is not None


def _about_the_visit(text: str) -> bool:
    return first_match(_VISIT_CONTEXT, text, _VISIT_STARTS) is not None


def _about_a_past_review(text: str) -> bool:
    return first_match(_PAST_REVIEW, text, _PAST_STARTS) is not None


def _clauses(text: str) -> list[str]:
    """``re.split(r"(?<=[.;])\\s+", text)``, the break found from its stop."""
    clauses = []
    begin = 0
    for match in _CLAUSE_BREAK.finditer(text):
        clauses.append(text[begin : match.start(1)])
        begin = match.end(1)
    clauses.append(text[begin:])
    return clauses


def _names_a_month(text: str) -> bool:
    """Every date pattern here names a month: a cheap test before the regexes."""
    return contains_any(text.lower(), MONTHS)


def _may_hold_a_date(text: str) -> bool:
    """Every date pattern here names a month and holds a digit (a day or a year). The
    ten digits are looked for first (a search for one character is far quicker than
    one for a month's name, and most lines hold no digit); ``\\d`` also takes other
    scripts' digits, so a line that is not ASCII goes straight to the month names."""
    return (not text.isascii() or contains_any(text, _ASCII_DIGITS)) and _names_a_month(text)


_ASCII_DIGITS = "0123456789"


@dataclass
class VisitDates:
    start: date
    end: date
    line: int
    text: str  # the line it was read from


def _make(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (ValueError, KeyError):
        return None


class DateRange(NamedTuple):
    start: date
    end: date


class YearSeen(NamedTuple):
    """A visit's year read from a sentence, and the line it was read on."""

    year: int
    line: Line


def parse_range(text: str) -> DateRange | None:
    """The first date range in ``text``, if any."""
    match = _CROSS_MONTH.search(text)
    if match:
        d1, m1, d2, m2, year = match.groups()
        start, end = _make(d1, m1, year), _make(d2, m2, year)
        if start and end and start.month > end.month:  # 28 December – 2 January 2024
            start = _make(d1, m1, str(int(year) - 1))
        if start and end and start <= end:
            return DateRange(start, end)
    match = _SAME_MONTH.search(text)
    if match:
        d1, d2, month, year1, d3, month3, year2 = match.groups()
        year = year1 or year2
        if not year:
            return None
        start, end = _make(d1, month, year), _make(d2, month, year)
        if d3 and month3:
            end = _make(d3, month3, year)
        if start and end and start <= end:
            return DateRange(start, end)
    return None


def _two_days(text: str) -> DateRange | None:
    match = _TWO_DAYS.search(text)
    if not match:
        return None
    d1, d2, month, year = match.groups()
    start, end = _make(d1, month, year), _make(d2, month, year)
    return DateRange(start, end) if start and end and start < end else None


def find_visit(lines: list[Line], title_end: int) -> VisitDates | None:
    """The visit: a date range in the title area, else in a sentence about the visit."""
    return find_visit_or_year(lines, title_end)[0]


def find_visit_or_year(
    lines: list[Line], title_end: int
) -> tuple[VisitDates | None, YearSeen | None]:
    """``find_visit``, and when it finds no visit, ``find_visit_year``: the year is read
    from the lines the visit's search kept (those naming a month, with a digit, not about
    a meeting), not from a second pass over the document."""
    fallback = None
    dated: list[Line] = []
    for line in lines:
        if not line.text or not _may_hold_a_date(line.text) or _about_a_meeting(line.text):
            continue
        dated.append(line)
        found = parse_range(line.text)
        if not found and _about_the_visit(line.text):
            found = _two_days(line.text)
        if not found:
            continue
        visit = VisitDates(found.start, found.end, line.number, line.text)
        if line.number <= title_end:
            return visit, None
        if fallback is None and _about_the_visit(line.text) and not _about_a_past_review(line.text):
            fallback = visit
    return fallback, None if fallback else _visit_year(dated)


def find_visit_year(lines: list[Line]) -> YearSeen | None:
    """ "The Corporate Peer Challenge undertaken in November 2018": a month and year in a
    sentence about this review's visit, when no dates are given."""
    return _visit_year(
        line for line in lines if _may_hold_a_date(line.text) and not _about_a_meeting(line.text)
    )


def _visit_year(dated: Iterable[Line]) -> YearSeen | None:
    """``find_visit_year`` over the lines that name a month, hold a digit and are not
    about a meeting."""
    for line in dated:
        if not _about_the_visit(line.text):
            continue
        for sentence in _clauses(line.text):
            if not holds_any(sentence, ("peer challenge", "peer review")):
                continue
            if _about_a_past_review(sentence):
                continue
            match = _MONTH_YEAR.search(sentence)
            if match:
                return YearSeen(int(match.group(2)), line)
    return None
