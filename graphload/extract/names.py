"""People's names as reports write them: titles, honours and party labels."""

from __future__ import annotations

import re

from graphload.ids import fold
from graphload.people import normalise_name, one_slip_apart

HONOURS = {
    "OBE",
    "MBE",
    "CBE",
    "DBE",
    "KBE",
    "JP",
    "DL",
    "CVO",
    "LVO",
    "MVO",
    "QPM",
    "FRSA",
    "KC",
    "QC",
    "BEM",
    "MP",
    "MEP",
}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "professor",
    "prof",
    "the",
}
COUNCILLOR_TITLES = {"councillor", "cllr", "cllr."}

PARTIES = {
    "labour": "Labour",
    "lab": "Labour",
    "labour co-op": "Labour",
    "labour and co-operative": "Labour",
    "conservative": "Conservative",
    "con": "Conservative",
    "tory": "Conservative",
    "liberal democrat": "Liberal Democrat",
    "liberal democrats": "Liberal Democrat",
    "lib dem": "Liberal Democrat",
    "lib dems": "Liberal Democrat",
    "ld": "Liberal Democrat",
    "green": "Green",
    "green party": "Green",
    "independent": "Independent",
    "ind": "Independent",
    "ukip": "UKIP",
    "plaid cymru": "Plaid Cymru",
    "snp": "SNP",
    "reform uk": "Reform UK",
    "residents' association": "Residents' Association",
}
_PARTY_WORDS = re.compile(
    r"\b(Labour|Conservative|Liberal Democrats?|Lib Dems?|Green|Independent|UKIP|Plaid Cymru)"
    r"(?: Party)?(?: Group)?\b"
)

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


def canonical_party(text: str) -> str | None:
    return PARTIES.get(fold(text).strip(" .()"))


def party_in(text: str) -> str | None:
    """A party named in a role ("Leader, Labour Group") or None."""
    match = _PARTY_WORDS.search(text)
    return canonical_party(match.group(1)) if match else None


def split_name(text: str) -> tuple[str, bool]:
    """Strip titles and honours from a name: ("Councillor Trevor Jones OBE") -> ("Trevor
    Jones", True). The flag says whether a councillor title was present."""
    words = text.replace(",", " ").split()
    councillor = False
    while words and (fold(words[0]).rstrip(".") in TITLES or fold(words[0]) in COUNCILLOR_TITLES):
        councillor |= fold(words[0]) in COUNCILLOR_TITLES
        words.pop(0)
    while words and words[-1].strip(".()").upper() in HONOURS:
        words.pop()
    return " ".join(words), councillor


def looks_like_person(text: str) -> bool:
    """Whether ``text`` (titles and honours removed) is plausibly a person's name."""
    name, _ = split_name(text)
    if not _PERSON.match(name):
        return False
    return not any(fold(word).strip(".") in NOT_NAME_WORDS for word in name.split())


def same_person(a: str, b: str) -> bool:
    """Exact match after normalisation, or one spelling slip in a name of some length
    with the first name equal (Dai Lerner / Dai Larner)."""
    key_a, key_b = normalise_name(a), normalise_name(b)
    if key_a == key_b:
        return True
    first_a, first_b = key_a.split(" ", 1)[0], key_b.split(" ", 1)[0]
    return first_a == first_b and len(key_a) >= 8 and one_slip_apart(key_a, key_b)
