"""People's names as reports write them: titles, initials, particles, honours.

A name is read token by token (never by backtracking regexes), so accented names
("Siobhán Murphy"), initials ("J. Smith", "Ms A N Other"), particles ("Jane van der
Berg") and hyphens keep whole, and the work is linear in the text. Titles, honours and
parties come from ``graphload.vocab.people``, the one vocabulary the builder shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphload.people import normalise_name
from graphload.vocab.names_match import one_slip_apart
from graphload.vocab.people import (
    COUNCILLOR_TITLES,
    HONOURS,
    PARTIES,
    TITLES,
    BareName,
    canonical_party,
    is_honour,
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
    "NameSpan",
    "canonical_party",
    "looks_like_person",
    "party_in",
    "same_person",
    "split_name",
    "take_name",
]

# Words of a job: a name may stop just before one ("Ann Example Chief Executive").
ROLE_WORDS = frozenset(
    """executive director manager officer chief leader head adviser advisor deputy assistant
    member members cabinet portfolio holder chair chairman chairwoman vice mayor lead peer peers
    strategic corporate interim former joint principal senior regional associate programme
    support consultant commissioner controller secretary treasurer clerk administrator
    coordinator co-ordinator fellow partner president superintendent inspector sergeant
    constable""".split()
)
# Words of an organisation or of ordinary prose: a run holding one is never a name.
OTHER_WORDS = frozenset(
    """council councils association government local team programme program committee
    partnership borough district county city metropolitan group challenge report feedback
    summary recommendations recommendation comments appendix annex dear yours sincerely
    regards contact service services finance policy lga next steps scope focus town square
    strategy review reviews unit board authority fire rescue police nhs trust
    limited ltd plc llp university college panel participants reviewer reviewers the and of
    for to in on at by with from our their this these that labour conservative
    conservatives liberal democrat democrats tory ukip monday tuesday wednesday thursday
    friday saturday sunday introduction background conclusion key findings people health
    care housing planning children adults education public safeguarding community communities
    office department ministry agency commission institute foundation society network company
    centre center consulting consultancy municipal property resources transformation digital
    economic economy growth place leadership governance culture capacity improvement
    priorities outcomes financial planning management one two three four five six seven
    eight nine ten vision mission values during following since after before between within
    throughout until upon among""".split()
)
NOT_NAME_WORDS = ROLE_WORDS | OTHER_WORDS
PARTICLES = frozenset(
    "van der den de del della di da du la le von ter ten bin ibn al el st mac ap ab dos das".split()
)
_CHUNK = re.compile(r"[^\s,;:()\[\]{}<>\"“”–—|/]+")
# The spaces before a chunk, then the chunk (group 1).
_SPACED_CHUNK = re.compile(rf"[ \t\u00a0]*({_CHUNK.pattern})")
# A chunk and the spaces after it: where the second word of a name would begin.
_CHUNK_AND_SPACES = re.compile(rf"{_CHUNK.pattern}[ \t\u00a0]+")
# Lower-case letters no particle begins with (a word opening with one folds to no particle).
_NOT_PARTICLE_INITIALS = frozenset("abcdefghijklmnopqrstuvwxyz") - {p[0] for p in PARTICLES}
_INITIALS = re.compile(r"(?:[^\W\d_]\.?){1,3}")
_LONGEST_INITIALS = 6  # what _INITIALS can match: three letters, each with a full stop
_NAME_CHARS = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.])*")
MAX_NAME_WORDS = 6


@dataclass
class NameSpan:
    """A name read at the start of a text: ``name`` without titles or honours."""

    name: str
    councillor: bool
    end: int  # where the name (with any honours after it) ends in the text


def _is_initial(chunk: str) -> bool:
    return (
        len(chunk) <= _LONGEST_INITIALS
        and chunk.isupper()  # needed by the test below, and far cheaper ("Ann" fails here)
        and bool(_INITIALS.fullmatch(chunk))
        and all(c.isupper() for c in chunk if c != ".")
    )


def _is_name_word(chunk: str) -> bool:
    if len(chunk) < 2 or not chunk[0].isupper() or not _NAME_CHARS.fullmatch(chunk):
        return False
    if chunk.isascii() and not chunk.isupper():
        return True  # a lower-case letter: the common case, without counting letters
    letters = [c for c in chunk if c.isalpha()]
    return not (len(letters) > 1 and all(c.isupper() for c in letters))  # "LGA", "NHS"


def take_name(text: str, start: int = 0) -> NameSpan | None:
    """The person's name ``text`` starts with (at ``start``), or None.

    Titles before it and honours after it are read and dropped. A run that holds an
    organisation's or a sentence's word is no name ("South Norfolk Council", "The Peer
    Team"); a run that goes on into a job is cut before it ("Ann Example Chief
    Executive"). At least two words, the last a whole word, not only initials.
    """
    pos = start if text[start : start + 1].isupper() else _skip_spaces(text, start)
    if pos >= len(text) or not text[pos].isupper():
        return None  # the common case, cheaply: no capital, no name
    if not _second_word_may_follow(text, pos):
        return None  # "We suggest…": one capitalised word is never a name
    councillor = False
    name_words: list[tuple[str, int, int]] = []
    while len(name_words) <= MAX_NAME_WORDS:
        match = _SPACED_CHUNK.match(text, pos)
        if not match:
            break
        chunk = match.group(1)
        lowered = _folded(chunk.rstrip("."))
        if not name_words and (lowered in TITLES or lowered in COUNCILLOR_TITLES):
            councillor |= lowered in COUNCILLOR_TITLES
            pos = match.end()
            continue
        if not chunk[0].isupper():
            if lowered in PARTICLES and name_words and not is_honour(chunk):
                name_words.append((chunk, match.start(1), match.end()))
                pos = match.end()
                continue
            break  # "Ann Example and Bob Sample": a lower-case word ends the name
        if name_words and is_honour(chunk):
            break
        if lowered in NOT_NAME_WORDS:
            if lowered in ROLE_WORDS and _whole_words(name_words) >= 2:
                break  # "Ann Example Chief Executive": the name ends before the job
            return None
        if not (_is_initial(chunk) or _is_name_word(chunk.rstrip("."))):
            break
        name_words.append((chunk, match.start(1), match.end()))
        pos = match.end()
        if _ends_run(text, pos):
            break
    while name_words and _folded(name_words[-1][0]) in PARTICLES:
        name_words.pop()
    if not _valid(name_words):
        return None
    end = name_words[-1][2]
    end = _after_honours(text, end)
    name = " ".join(w for w, _, _ in name_words)
    return NameSpan(name, councillor, end)


def _second_word_may_follow(text: str, pos: int) -> bool:
    """Whether the word after the one at ``pos`` could go on a name: a name has two
    words at least (after any title), so the second word there opens with a capital
    or is a particle ("Jane van der Berg"). What ``take_name`` would find, cheaply."""
    gap = _CHUNK_AND_SPACES.match(text, pos)
    if gap is None:
        return False
    second = gap.end()
    following = text[second : second + 1]
    if following.isupper():
        return True
    if following in _NOT_PARTICLE_INITIALS:
        return False  # "We suggest…"
    chunk = _CHUNK.match(text, second)
    return chunk is not None and _folded(chunk.group().rstrip(".")) in PARTICLES


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _ends_run(text: str, pos: int) -> bool:
    """Whether punctuation (not a space) follows: a name never runs over it."""
    return pos >= len(text) or text[pos] not in " \t\u00a0"


def _whole_words(words: list[tuple[str, int, int]]) -> int:
    return sum(1 for w, _, _ in words if not _is_initial(w) and _folded(w) not in PARTICLES)


@lru_cache(maxsize=4096)
def _person_key(name: str) -> str:
    return normalise_name(name)


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    return fold(word)


def _valid(words: list[tuple[str, int, int]]) -> bool:
    if len(words) < 2 or len(words) > MAX_NAME_WORDS:
        return False
    last = words[-1][0]
    return not _is_initial(last) and _whole_words(words) >= 1


def _after_honours(text: str, end: int) -> int:
    """Past honours written after a name: "Ann Example OBE", "Ann Example, CBE, DL"."""
    pos = end
    while True:
        probe = _skip_spaces(text, pos)
        if probe < len(text) and text[probe] == ",":
            probe = _skip_spaces(text, probe + 1)
        match = _CHUNK.match(text, probe)
        if not match or not is_honour(match.group()):
            return end
        end = pos = match.end()


def split_name(text: str) -> BareName:
    """Strip titles and honours from a name: ("Councillor Trevor Jones OBE") -> ("Trevor
    Jones", True). The flag says whether a councillor title was present."""
    return strip_titles(text)


def looks_like_person(text: str) -> bool:
    """Whether the whole of ``text`` is plausibly a person's name (titles and honours
    allowed)."""
    text = text.strip(" \t.;:,")
    span = take_name(text)
    return span is not None and not text[span.end :].strip(" .,;:")


def same_person(a: str, b: str) -> bool:
    """Exact match after normalisation, or one spelling slip in a name of some length
    with the first name equal (Dai Lerner / Dai Larner)."""
    key_a, key_b = _person_key(a), _person_key(b)
    if key_a == key_b:
        return True
    first_a, first_b = key_a.split(" ", 1)[0], key_b.split(" ", 1)[0]
    return first_a == first_b and len(key_a) >= 8 and one_slip_apart(key_a, key_b)
