"""People's names as reports write them: what looks like a person's name, and when two
spellings are one person. Titles, honours and parties: :mod:`graphload.vocab.people`."""

from __future__ import annotations

import re

from graphload.people import normalise_name
from graphload.vocab.names_match import one_slip_apart
from graphload.vocab.people import (
    COUNCILLOR_TITLES,
    HONOURS,
    PARTIES,
    TITLES,
    BareName,
    canonical_party,
    party_in,
    strip_titles,
)
from graphload.vocab.text import fold

__all__ = [
    "COUNCILLOR_TITLES",
    "HONOURS",
    "NOT_NAME_WORDS",
    "PARTIES",
    "TITLES",
    "canonical_party",
    "looks_like_person",
    "party_in",
    "same_person",
    "split_name",
]

# Words that make a line a role or an organisation rather than a person's name.
NOT_NAME_WORDS = {
    "council",
    "councils",
    "association",
    "government",
    "local",
    "executive",
    "director",
    "manager",
    "officer",
    "team",
    "programme",
    "program",
    "chief",
    "leader",
    "member",
    "committee",
    "partnership",
    "support",
    "borough",
    "district",
    "county",
    "city",
    "head",
    "group",
    "peer",
    "peers",
    "challenge",
    "report",
    "feedback",
    "summary",
    "recommendations",
    "comments",
    "appendix",
    "annex",
    "dear",
    "yours",
    "sincerely",
    "regards",
    "contact",
    "adviser",
    "advisor",
    "cabinet",
    "portfolio",
    "assistant",
    "deputy",
    "corporate",
    "service",
    "services",
    "strategic",
    "finance",
    "policy",
    "lga",
    "next",
    "steps",
    "scope",
    "focus",
    "street",
    "road",
    "house",
    "lane",
    "strategy",
    "review",
    "unit",
    "board",
    "authority",
}

_NAME_WORD = r"[A-Z][a-zA-Z'’\-]+"
_PERSON = re.compile(
    rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.?|de|van|von|le|la|da))"
    rf"{{1,3}}$"
)


def split_name(text: str) -> BareName:
    """Strip titles and honours from a name: ("Councillor Trevor Jones OBE") -> ("Trevor
    Jones", True). The flag says whether a councillor title was present."""
    return strip_titles(text)


def looks_like_person(text: str) -> bool:
    """Whether ``text`` (titles and honours removed) is plausibly a person's name."""
    name, _ = split_name(text)
    if not _PERSON.match(name):
        return False
    return not any(fold(word) in NOT_NAME_WORDS for word in name.split())


def same_person(a: str, b: str) -> bool:
    """Exact match after normalisation, or one spelling slip in a name of some length
    with the first name equal (Dai Lerner / Dai Larner)."""
    key_a, key_b = normalise_name(a), normalise_name(b)
    if key_a == key_b:
        return True
    first_a, first_b = key_a.split(" ", 1)[0], key_b.split(" ", 1)[0]
    return first_a == first_b and len(key_a) >= 8 and one_slip_apart(key_a, key_b)
