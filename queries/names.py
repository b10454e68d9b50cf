"""Forgiving name matching: "bury", "Bury Council", "BUR", "dai larner", "Dai Lerner".

A name is tried against each candidate's id, name, short name and aliases, in
tiers from strict to loose; the first tier with any match decides. One match is
the answer, several are ambiguous, none gives close suggestions.

Names fold as everywhere in the project (:func:`graphload.vocab.text.fold`), a
person's titles and honours are ignored ("Cllr Nick Worth OBE" is Nick Worth), and
one spelling slip is forgiven by the graph's own rule
(:func:`graphload.vocab.names_match.one_slip_apart`), so any name the graph merged
into one person is accepted here. :meth:`Matcher.match` says which spelling was
matched and whether a slip was corrected, so a command can tell the user.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from graphload.errors import PeergraphError
from graphload.model import Label
from graphload.vocab.names_match import one_slip_apart
from graphload.vocab.people import strip_titles
from graphload.vocab.text import fold

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


# Cached: every tier folds the typed name and every candidate's spellings again.
@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Fold case, accents, punctuation and '&': 'St. Edmundsbury & X' -> 'st edmundsbury and x'."""
    return fold(text)


@functools.lru_cache(maxsize=1 << 16)
def core(text: str) -> str:
    """The distinctive words only: 'Bury Metropolitan Borough Council' -> 'bury'."""
    words = [w for w in normalise(text).split() if w not in GENERIC_WORDS]
    return " ".join(words) or normalise(text)


@dataclass(frozen=True)
class NameMatch:
    """What a typed name was matched to: the candidate, the spelling of it that
    matched, and whether a spelling slip was forgiven to get there."""

    candidate: Candidate
    spelling: str
    corrected: bool = False


# A tier: (query, candidate) -> the candidate's spelling that matched, or None.
_Tier = Callable[[str, Candidate], str | None]


def _first(spellings: Iterable[str], test: Callable[[str], bool]) -> str | None:
    return next((s for s in spellings if test(s)), None)


_STRICT_TIERS: list[_Tier] = [
    lambda q, c: c.name if q.strip().lower() == c.id.lower() else None,
    lambda q, c: _first(c.spellings, lambda s: normalise(q) == normalise(s)),
    # (the two tiers above are EXACT_TIERS: a store can find their matches by id and by
    # a peer's name_keys without the matcher reading every person)
    lambda q, c: _first(c.spellings, lambda s: core(q) == core(s)),
    lambda q, c: _first(c.spellings, lambda s: _words_in(core(q), core(s))),
]
#: How many of the first tiers are exact (an id, a folded spelling).
EXACT_TIERS = 2
_SLIP_TIER: _Tier = lambda q, c: _first(  # noqa: E731
    c.spellings, lambda s: one_slip_apart(core(q), core(s))
)


@dataclass
class Matcher:
    """Resolve names against a fixed list of candidates."""

    candidates: Sequence[Candidate]
    kind: str = "name"
    _tiers: list[tuple[_Tier, bool]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._tiers = [(tier, False) for tier in _STRICT_TIERS] + [(_SLIP_TIER, True)]

    def _found(self, text: str, tiers: int | None = None) -> list[NameMatch]:
        if not normalise(text):
            return []
        # A person's titles and honours are not part of their name ("Cllr Nick Worth OBE").
        as_person = person_name(text)
        for tier, corrected in self._tiers[:tiers]:
            found: dict[str, NameMatch] = {}
            for c in self.candidates:
                spelling = tier(as_person if c.label == Label.PEER else text, c)
                if spelling is not None and c.id not in found:
                    found[c.id] = NameMatch(c, spelling, corrected)
            if found:
                return list(found.values())
        return []

    def matches(self, text: str) -> list[Candidate]:
        """The candidates of the first tier that matches anything (may be several)."""
        return [m.candidate for m in self._found(text)]

    def match(self, text: str) -> NameMatch:
        """The one candidate ``text`` names, with the spelling matched and whether a
        slip was corrected; raises :class:`UnknownName` or :class:`AmbiguousName`."""
        found = self._found(text)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousName(
                text, self.kind, sorted((m.candidate for m in found), key=lambda c: c.name)
            )
        raise UnknownName(text, self.kind, self.suggest(text))

    def match_exact(self, text: str) -> NameMatch | None:
        """As :meth:`match`, by the exact tiers only (an id, a folded spelling); None
        when neither matches anything, so that only the looser tiers could.

        The candidates need only include every one an exact tier could match: the
        first tier that matches decides, so the answer is the one :meth:`match` gives
        on all candidates."""
        found = self._found(text, EXACT_TIERS)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        raise AmbiguousName(
            text, self.kind, sorted((m.candidate for m in found), key=lambda c: c.name)
        )

    def resolve(self, text: str) -> Candidate:
        """The one candidate ``text`` names (see :meth:`match` for how it was matched)."""
        return self.match(text).candidate

    def corrected(self, text: str, candidate: Candidate) -> str | None:
        """The spelling of ``candidate`` that ``text`` matches only by a spelling slip
        (so the user should be told), or None when it matches as written."""
        query = person_name(text) if candidate.label == Label.PEER else text
        if any(tier(query, candidate) is not None for tier in _STRICT_TIERS):
            return None
        return _SLIP_TIER(query, candidate)

    def suggest(self, text: str, n: int = 5) -> list[Candidate]:
        """Up to ``n`` candidates that look like ``text`` (whole name or one word).
        Suggestions are only listed, never taken as the answer, so a looser likeness
        than the one-slip rule ranks them."""
        key = core(text)
        scored = []
        for c in self.candidates:
            best = max(_likeness(key, core(s)) for s in c.spellings)
            if best >= 0.6:
                scored.append((-best, c.name, c))
        return [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))[:n]]


def person_name(text: str) -> str:
    """A typed name as a person's: without titles and honours ("Cllr Nick Worth OBE")."""
    return strip_titles(text).name or text


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


def suggest_words(text: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Close matches among plain strings (report names)."""
    choices = list(choices)
    key = normalise(text).replace(" ", "-")
    hits = [c for c in choices if key and (key in c or c in key)]
    for c in difflib.get_close_matches(key, choices, n=n, cutoff=0.5):
        if c not in hits:
            hits.append(c)
    return hits[:n]
