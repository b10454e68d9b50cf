"""People's titles, honours and party labels: one vocabulary for the reader and the builder.

The reader (``graphload.extract``) strips these words from a name as a report writes it;
the builder (``graphload.people``) folds names to match a person across documents, and the
reports' name matcher (``queries.names``) ignores them in what a user types. All read the
sets below, so "Revd Ann Example PhD" is "Ann Example" everywhere.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from graphload.vocab.text import fold

# Honours, decorations, post-nominal qualifications and offices written after a name.
HONOURS = frozenset(
    {
        "OBE", "MBE", "CBE", "DBE", "KBE", "GBE", "CVO", "LVO", "MVO", "KCVO", "DCVO",
        "QPM", "KPM", "QFSM", "KFSM", "BEM", "JP", "DL", "MP", "MEP", "MS", "MSP",
        "KC", "QC", "FRSA", "FCA", "ACA", "FCCA", "ACCA", "CPFA", "CIPFA", "ACMA",
        "FCMA", "CGMA", "FRTPI", "MRTPI", "FCIH", "MCIH", "FCIPD", "CMgr", "FCMI",
        "PhD", "DPhil", "MSc", "MA", "BA", "BSc", "MBA", "LLB", "LLM", "MPA", "FRCP",
        "FRCS", "FFPH", "MFPH", "RGN", "RMN", "Hon",
    }
)  # fmt: skip
_UPPER_HONOURS = frozenset(h.upper() for h in HONOURS if len(h) > 2)
# Folded post-nominals a name key drops ("ms" and "hon" are also titles or words).
POST_NOMINALS_FOLDED = frozenset(h.lower() for h in HONOURS) - {"ms", "hon"}

# Titles written before a name (folded, without a full stop).
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "baroness",
        "baron", "professor", "prof", "rev", "revd", "reverend", "canon", "rt", "hon",
        "right", "honourable", "cmdr", "colonel", "col", "major", "maj", "captain",
        "capt",
    }
)  # fmt: skip
COUNCILLOR_TITLES = frozenset({"councillor", "cllr", "councilor", "county councillor", "coun"})

PARTIES = {
    "labour": "Labour",
    "lab": "Labour",
    "labour co-op": "Labour",
    "labour and co-operative": "Labour",
    "labour and co-op": "Labour",
    "conservative": "Conservative",
    "conservatives": "Conservative",
    "con": "Conservative",
    "tory": "Conservative",
    "liberal democrat": "Liberal Democrat",
    "liberal democrats": "Liberal Democrat",
    "lib dem": "Liberal Democrat",
    "lib dems": "Liberal Democrat",
    "libdem": "Liberal Democrat",
    "ld": "Liberal Democrat",
    "green": "Green",
    "greens": "Green",
    "green party": "Green",
    "independent": "Independent",
    "independents": "Independent",
    "ind": "Independent",
    "ukip": "UKIP",
    "plaid cymru": "Plaid Cymru",
    "snp": "SNP",
    "reform": "Reform UK",
    "reform uk": "Reform UK",
    "residents' association": "Residents' Association",
    "residents association": "Residents' Association",
}
_PARTY_NAMES = sorted({k for k in PARTIES if len(k) > 3}, key=len, reverse=True)
# A party named inside other words: "Leader, Labour Group", "Reform UK Group", "(Lib Dem)".
PARTY_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PARTY_NAMES) + r")"
    r"(?:\s+Party)?(?:\s+Group)?\b",
    re.IGNORECASE,
)
_GROUP_SUFFIX = re.compile(r"\s+(?:party|group)$")


def canonical_party(text: str) -> str | None:
    """ "Lib Dems" -> "Liberal Democrat"; "Reform UK Group" -> "Reform UK"; else None."""
    key = " ".join(text.lower().replace("’", "'").strip(" .()").split())
    while key:
        if key in PARTIES:
            return PARTIES[key]
        shorter = _GROUP_SUFFIX.sub("", key)
        if shorter == key:
            return None
        key = shorter
    return None


def party_in(text: str) -> str | None:
    """A party named in a role ("Leader, Labour Group") or None. Short forms ("Con",
    "Lab") count only as a whole bracketed label, never inside other words."""
    match = PARTY_WORDS.search(text)
    return canonical_party(match.group(1)) if match else None


def is_title(word: str) -> bool:
    folded = word.lower().rstrip(".")
    return folded in TITLES or folded in COUNCILLOR_TITLES


def is_councillor_title(word: str) -> bool:
    return word.lower().rstrip(".") in COUNCILLOR_TITLES


def is_honour(word: str) -> bool:
    """ "OBE", "PhD", "FRSA": as written, or in capitals when longer than two letters."""
    bare = word.strip(".,()")
    return bare in HONOURS or bare.upper() in _UPPER_HONOURS and bare.isupper()


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
    words = re.findall(r"[a-z]+", fold(name))
    while words and (words[0] in TITLES or words[0] in COUNCILLOR_TITLES):
        words.pop(0)
    while words and words[-1] in POST_NOMINALS_FOLDED:
        words.pop()
    return " ".join(words)
