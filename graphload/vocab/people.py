"""People's names as reports write them: titles, honours and political parties.

One list of each, used by the reader (``extract/names.py``), by person resolution
(``graphload/people.py``) and by the reports' and maps' name matcher.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from graphload.vocab.text import fold

#: Words before a name that are not part of it (folded, without a full stop).
TITLES = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady baroness baron professor prof rev revd reverend "
    "canon rt hon the".split()
)
#: Titles that also say the person is a councillor.
COUNCILLOR_TITLES = frozenset({"councillor", "cllr"})
#: Honours and offices written after a name, as reports write them (capitals).
HONOURS = frozenset(
    "OBE MBE CBE DBE KBE GBE BEM CVO LVO MVO KCVO DCVO QPM KPM QFSM KFSM JP DL MP MEP MSP "
    "KC QC FRSA".split()
)
#: Degrees and professional letters after a name (folded).
QUALIFICATIONS = frozenset(
    "cpfa fca acma cipfa fcca acca fcma cgma phd dphil msc ma ba bsc mba llb llm mpa frtpi "
    "mrtpi fcih mcih fcipd fcmi frcp frcs ffph mfph".split()
)
_AFTER_NAME = frozenset(h.lower() for h in HONOURS) | QUALIFICATIONS

#: Canonical party -> every spelling reports use for it (folded, without "Party"/"Group").
PARTIES: dict[str, tuple[str, ...]] = {
    "Labour": (
        "labour",
        "lab",
        "labour co op",
        "labour and co operative",
        "labour and cooperative",
    ),
    "Conservative": ("conservative", "conservatives", "con", "tory", "tories"),
    "Liberal Democrat": ("liberal democrat", "liberal democrats", "lib dem", "lib dems", "ld"),
    "Green": ("green", "greens"),
    "Independent": ("independent", "independents", "ind"),
    "UKIP": ("ukip",),
    "Plaid Cymru": ("plaid cymru",),
    "SNP": ("snp",),
    "Reform UK": ("reform uk", "reform"),
    "Residents' Association": ("residents association", "residents"),
}
_PARTY_BY_SPELLING = {
    spelling: party for party, spellings in PARTIES.items() for spelling in spellings
}
_PARTY_SUFFIXES = ("party", "group")

# In running text (a role such as "Leader, Labour Group") only the capitalised full
# names count: "green spaces" or "an independent review" name no party.
_PARTY_IN_TEXT = re.compile(
    r"\b(Labour(?: (?:and )?Co-op(?:erative)?)?|Conservative|Liberal Democrats?|Lib Dems?|"
    r"Green|Independent|UKIP|Plaid Cymru|SNP|Reform UK)"
    r"(?: Party)?(?: Group)?\b"
)


def canonical_party(text: str) -> str | None:
    """``"Lab"``, ``"(Labour Co-op)"``, ``"Reform UK Group"`` -> the party's canonical name."""
    words = fold(text).split()
    if words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in _PARTY_SUFFIXES:
        words.pop()
    return _PARTY_BY_SPELLING.get(" ".join(words))


def party_in(text: str) -> str | None:
    """A party named in running text ("Leader, Labour Group") or None."""
    match = _PARTY_IN_TEXT.search(text)
    return canonical_party(match.group(1)) if match else None


def is_title(word: str) -> bool:
    return fold(word) in TITLES or fold(word) in COUNCILLOR_TITLES


def is_councillor_title(word: str) -> bool:
    return fold(word) in COUNCILLOR_TITLES


def is_honour(word: str) -> bool:
    """An honour or qualification after a name ("OBE", "(CBE)", "PhD"). Two letters
    count only in capitals: "MA" is a degree, "Ma" a surname."""
    folded = fold(word)
    return folded in _AFTER_NAME and (len(folded) > 2 or word.strip(".,()").isupper())


class BareName(NamedTuple):
    """A name without its titles and honours."""

    name: str
    councillor: bool  # a councillor title ("Cllr") was present


def strip_titles(name: str) -> BareName:
    """Titles and honours removed: ``"Councillor Trevor Jones OBE"`` -> ``("Trevor Jones",
    True)``; the flag says whether a councillor title was present."""
    words = name.replace(",", " ").split()
    councillor = False
    while words and is_title(words[0]):
        councillor |= is_councillor_title(words[0])
        words.pop(0)
    while words and is_honour(words[-1]):
        words.pop()
    return BareName(" ".join(words), councillor)


def person_key(name: str) -> str:
    """The comparison key of a person's name: folded, titles and honours removed,
    letters only. ``"Cllr Trevor Jones OBE"`` -> ``"trevor jones"``."""
    return fold(strip_titles(name).name)
