"""Forgiving name matching: "bury", "Bury Council", "BUR", "dai larner", "Dai Lerner".

A name is tried against each candidate's id, name, short name and aliases, in
tiers from strict to loose; the first tier with any match decides. One match is
the answer, several are ambiguous, none gives close suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graphload.errors import PeergraphError

#: Words that say what kind of body a council is, not which one.
GENERIC_WORDS = frozenset(
    {
        "council",
        "councils",
        "district",
        "borough",
        "metropolitan",
        "city",
        "county",
        "london",
        "royal",
        "unitary",
        "authority",
        "of",
        "the",
        "and",
        "dc",
        "bc",
        "mbc",
        "cc",
        "lbo",
    }
)


@dataclass(frozen=True)
class Candidate:
    """Something a name can refer to: a council, a peer, an organisation."""

    id: str
    name: str
    label: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class NameError_(PeergraphError, LookupError):  # noqa: N801 - avoid shadowing the builtin NameError
    """Base class: the name did not pick out exactly one thing."""

    def __init__(self, text: str, kind: str, suggestions: Sequence[Candidate]):
        self.text = text
        self.kind = kind
        self.suggestions = list(suggestions)
        super().__init__(self.message())

    def message(self) -> str:
        raise NotImplementedError

    def _listed(self) -> str:
        return "\n".join(f"  {c.name} ({c.id})" for c in self.suggestions)


class UnknownName(NameError_):
    def message(self) -> str:
        head = f"no {self.kind} matches {self.text!r}"
        if not self.suggestions:
            return head + "."
        return f"{head}. Did you mean:\n{self._listed()}"


class AmbiguousName(NameError_):
    def message(self) -> str:
        return (
            f"{self.text!r} matches more than one {self.kind}; be more specific:\n{self._listed()}"
        )


def normalise(text: str) -> str:
    """Fold case, accents, punctuation and '&': 'St. Edmundsbury & X' -> 'st edmundsbury and x'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def core(text: str) -> str:
    """The distinctive words only: 'Bury Metropolitan Borough Council' -> 'bury'."""
    words = [w for w in normalise(text).split() if w not in GENERIC_WORDS]
    return " ".join(words) or normalise(text)


def _near(a: str, b: str) -> bool:
    """One spelling slip apart (or a close ratio for long names)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 2:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= (0.85 if len(a) < 12 else 0.9)


SLIP_TIERS = 4  # the tiers before this one match names as written (no spelling slip)


@dataclass
class Matcher:
    """Resolve names against a fixed list of candidates."""

    candidates: Sequence[Candidate]
    kind: str = "name"
    _tiers: list = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._tiers = [
            lambda q, c: q.strip().lower() == c.id.lower(),
            lambda q, c: normalise(q) in {normalise(s) for s in c.spellings},
            lambda q, c: core(q) in {core(s) for s in c.spellings},
            lambda q, c: any(_words_in(core(q), core(s)) for s in c.spellings),
            lambda q, c: any(_near(core(q), core(s)) for s in c.spellings),
            lambda q, c: any(_near_words(core(q), core(s)) for s in c.spellings),
        ]

    def matches(self, text: str) -> list[Candidate]:
        """The candidates of the first tier that matches anything (may be several)."""
        if not normalise(text):
            return []
        for tier in self._tiers:
            found = [c for c in self.candidates if tier(text, c)]
            if found:
                return _unique(found)
        return []

    def resolve(self, text: str) -> Candidate:
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousName(text, self.kind, sorted(found, key=lambda c: c.name))
        raise UnknownName(text, self.kind, self.suggest(text))

    def corrected(self, text: str, candidate: Candidate) -> str | None:
        """The spelling of ``candidate`` that ``text`` matches only by a spelling
        slip (so the user should be told), or None when it matches as written."""
        if any(tier(text, candidate) for tier in self._tiers[:SLIP_TIERS]):
            return None
        key = core(text)
        for spelling in candidate.spellings:
            if _near(key, core(spelling)) or _near_words(key, core(spelling)):
                return spelling
        return None

    def suggest(self, text: str, n: int = 5) -> list[Candidate]:
        """Up to ``n`` candidates that look like ``text`` (whole name or one word)."""
        key = core(text)
        scored = []
        for c in self.candidates:
            best = max(_likeness(key, core(s)) for s in c.spellings)
            if best >= 0.6:
                scored.append((-best, c.name, c))
        return [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))[:n]]


def _likeness(a: str, b: str) -> float:
    whole = difflib.SequenceMatcher(None, a, b).ratio()
    words = [
        difflib.SequenceMatcher(None, x, y).ratio() * 0.9
        for x in a.split()
        for y in b.split()
        if len(x) > 2 and len(y) > 2
    ]
    return max([whole, *words])


def _words_in(query: str, target: str) -> bool:
    """Every word of the query starts a word of the target, in order ('brom' in 'bromsgrove')."""
    q, t = query.split(), target.split()
    if not q:
        return False
    i = 0
    for word in t:
        if i < len(q) and word.startswith(q[i]):
            i += 1
    return i == len(q)


def _near_words(query: str, target: str) -> bool:
    """Same number of words, each one slip apart ('dai lerner' ~ 'dai larner')."""
    q, t = query.split(), target.split()
    return len(q) == len(t) and all(_near(a, b) for a, b in zip(q, t, strict=True))


def _unique(cands: Iterable[Candidate]) -> list[Candidate]:
    seen: dict[str, Candidate] = {}
    for c in cands:
        seen.setdefault(c.id, c)
    return list(seen.values())


def suggest_words(text: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Close matches among plain strings (report names)."""
    choices = list(choices)
    key = normalise(text).replace(" ", "-")
    hits = [c for c in choices if key and (key in c or c in key)]
    for c in difflib.get_close_matches(key, choices, n=n, cutoff=0.5):
        if c not in hits:
            hits.append(c)
    return hits[:n]
