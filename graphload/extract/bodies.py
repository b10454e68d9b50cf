"""Which bodies a line of a document names: councils in the register (by full name, a
defined abbreviation, an initialism that stands for one council, or the short name
alone), fire and rescue services and town or parish councils. Each is a ``Named`` with
where it is on the line; ``reviewed`` weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphload.extract.councils import CouncilFinder, SpanIndex
from graphload.extract.lowered import contains_any
from graphload.extract.organisations import typed_organisations
from graphload.gazetteer import Gazetteer
from graphload.records import Ref


@dataclass
class Named:
    ref: Ref
    start: int
    end: int
    bare: bool = False  # "Bury" without "Council": counts only as a mention


_REGIONAL_KINDS = frozenset({"combined authority", "strategic regional authority"})


@lru_cache(maxsize=4)
def _short_names(gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """English councils' short names, and the words they start with. A combined or
    regional authority's short name is a region's ("across the West Midlands", "West
    Midlands ADASS"): only its full name names the authority."""
    names = frozenset(
        e.short_name
        for e in gazetteer.entries.values()
        if e.nation == "England" and len(e.short_name) >= 4 and e.kind not in _REGIONAL_KINDS
    )
    return names, frozenset(name.split()[0] for name in names)


@lru_cache(maxsize=4)
def _longest_names(gazetteer: Gazetteer) -> dict[str, int]:
    """For each word a short name starts with, the most words such a name has."""
    longest: dict[str, int] = {}
    for name in _short_names(gazetteer)[0]:
        words = name.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


_CAPITALISED = re.compile(r"[A-Z][\w-]*")  # no \b: faster, and a superset
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
_SURNAME_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+ $")
_MAX_NAME_WORDS = 4


_TYPED_WORDS = frozenset({"Fire", "Town", "Parish", "Community", "Village", "Neighbourhood"})
# Capitalised words the council finder starts from ("Borough" for "London Borough of").
_FINDER_WORDS = frozenset(
    {"Council", "Councils", "COUNCIL", "COUNCILS", "DC", "BC", "CC", "MBC", "UA", "Borough"}
)
# Words that make the finder read every token of a line, but name no council themselves:
# such a line names a registered council only beside an anchor word ("our council").
_ASSOCIATION_WORDS = frozenset({"LGA", "LGG", "Local"})


def _may_hold_an_anchor(text: str) -> bool:
    """Whether ``text`` may hold an anchor word the finder reads in any case
    ("council", "COUNCILS") or one of its capitalised suffixes (DC, BC, MBC, CC, UA)."""
    return "council" in text.lower() or contains_any(text, ("DC", "BC", "CC", "UA"))


def bodies_in(text: str, finder: CouncilFinder, org_abbreviations: dict[str, Ref]) -> list[Named]:
    """Councils (register) and typed organisations a line names, in order.

    One pass collects the line's capitalised words; each finder runs only if a word it
    needs is there (most lines name nothing).
    """
    capitals = set(_CAPITALISED.findall(text))
    if not capitals:
        return []
    orgs = typed_organisations(text) if not capitals.isdisjoint(_TYPED_WORDS) else []
    named: list[Named] = []
    for org in orgs:
        named.append(Named(org.ref, org.start, org.end))
        if org.abbreviation:
            org_abbreviations.setdefault(org.abbreviation, org.ref)
    org_spans = SpanIndex((o.start, o.end) for o in orgs) if orgs else None
    if (
        not capitals.isdisjoint(_FINDER_WORDS)
        or not capitals.isdisjoint(finder.abbreviations)
        or (not capitals.isdisjoint(_ASSOCIATION_WORDS) and _may_hold_an_anchor(text))
    ):
        for mention in finder.find(text):
            if not mention.ref.in_register:
                continue
            if org_spans and org_spans.covers(mention.start):
                continue  # "Warwickshire County Council Fire and Rescue Service" is the service
            named.append(Named(mention.ref, mention.start, mention.end))
    if org_abbreviations and not capitals.isdisjoint(org_abbreviations):
        spans = SpanIndex((n.start, n.end) for n in named)
        for abbreviation, ref in org_abbreviations.items():
            for match in re.finditer(rf"\b{re.escape(abbreviation)}\b", text):
                if not spans.covers(match.start(), slack=10):  # not its own definition
                    named.append(Named(ref, match.start(), match.end()))
    starts = capitals & _short_names(finder.gazetteer)[1]
    if starts:
        named.extend(_bare_names(text, finder, named, starts))
    elif text[:2].isupper():
        named.extend(_capitals_lead(text, finder))
    initialisms = capitals & finder.initialism_words
    if initialisms:
        named.extend(_initialisms(text, finder, named, initialisms))
    if len(named) > 1:
        named.sort(key=_start_of)
    return named


# A news lead in capitals: "HARTLEPOOL'S youth offending service is set to be reviewed".
_CAPITALS_LEAD = re.compile(r"([A-Z][A-Z-]{3,}(?: [A-Z][A-Z-]+){0,3})(?=['’]S\b)")


def _capitals_lead(text: str, finder: CouncilFinder) -> list[Named]:
    """A line that starts with a council's short name in capitals, as its possessive."""
    lead = _CAPITALS_LEAD.match(text)
    if lead is None:
        return []
    name = lead.group(1).title()
    if name not in _short_names(finder.gazetteer)[0]:
        return []
    ref = finder.council(name)
    return [Named(ref, 0, lead.end(), bare=True)] if ref else []


def _initialisms(
    text: str, finder: CouncilFinder, named: list[Named], words: set[str]
) -> list[Named]:
    """Councils written as an undefined initialism ("within RBWM", "BCP Council"): each
    counts as the short name alone does."""
    spans = SpanIndex((n.start, n.end) for n in named) if named else None
    found: list[Named] = []
    for word in words:
        for match in re.finditer(rf"\b{word}\b", text):
            if spans and spans.covers(match.start()):
                continue
            before_council = text.startswith(" Council", match.end())
            ref = finder.initialism(word, before_council)
            if ref:
                found.append(Named(ref, match.start(), match.end(), bare=True))
    return found


def _start_of(named: Named) -> int:
    return named.start


def _bare_names(
    text: str, finder: CouncilFinder, named: list[Named], starts: set[str]
) -> list[Named]:
    """Register short names used alone ("Bury is ambitious"), looked up as word n-grams
    from each place the line has a word (in ``starts``) that begins some short name."""
    names = _short_names(finder.gazetteer)[0]
    longest = _longest_names(finder.gazetteer)
    positions: list[int] = []
    for word in starts:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _is_word_char(text[at - 1])) and (
                end == len(text) or not _is_word_char(text[end])
            ):
                positions.append(at)
            at = text.find(word, end)
    found: list[Named] = []
    resume = 0
    spans = SpanIndex((n.start, n.end) for n in named) if named else None
    for start in sorted(positions):
        if start < resume or (spans and spans.covers(start)):
            continue  # inside a name already read
        if text[start - 1 : start] in (" ", "\n") and _SURNAME_BEFORE.search(
            text, max(0, start - 30), start
        ):
            continue  # "Simon Dudley": a person's surname, not the borough
        first = _CAPITALISED.match(text, start)
        if first is None:
            continue
        ends = [first.end()]
        most_words = min(_MAX_NAME_WORDS, longest.get(first.group(), _MAX_NAME_WORDS))
        while len(ends) < most_words:
            following = _NEXT_WORD.match(text, ends[-1])
            if not following:
                break
            ends.append(following.end())
        for end in reversed(ends):
            name = text[start:end]
            if " ".join(name.split()) in names:
                ref = finder.council(name)
                if ref:
                    found.append(Named(ref, start, end, bare=True))
                resume = end
                break
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"
