"""Person resolution across documents.

A peer is one person across documents when the name matches after
normalisation, or nearly matches (one spelling slip) *and* the two share an
employer or a review. Every spelling seen is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphload.ids import fold, peer_id
from graphload.vocab.people import COUNCILLOR_TITLES, POST_NOMINALS_FOLDED, TITLES

_HONORIFICS = TITLES | COUNCILLOR_TITLES
_POST_NOMINALS = POST_NOMINALS_FOLDED
_WORD = re.compile(r"[a-z]+")


def normalise_name(name: str) -> str:
    """``"Cllr Trevor Jones OBE"`` -> ``"trevor jones"``; hyphens and apostrophes fold."""
    words = _WORD.findall(fold(name).replace("'", "").replace("\u2019", ""))
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    while words and words[-1] in _POST_NOMINALS:
        words.pop()
    return " ".join(words)


def one_slip_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion,
    substitution or swap of neighbouring letters (optimal string alignment 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


def _deletion_keys(name: str) -> set[str]:
    """The name and every string one deletion away: two names within one slip
    always share one of these keys, so candidates come from a dict, not n^2 pairs."""
    return {name} | {name[:i] + name[i + 1 :] for i in range(len(name))}


@dataclass
class PeerMention:
    """One peer as one document lists them."""

    name: str
    aliases: list[str]
    review: str
    employers: set[str]
    order: int  # position of the mention in the sorted load, for stable choices


@dataclass
class ResolvedPeer:
    id: str
    name: str
    aliases: list[str]
    mentions: list[int] = field(default_factory=list)  # indexes into the mention list


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # the lower index stays the root, so the result never depends on call order
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def resolve_peers(mentions: list[PeerMention]) -> list[ResolvedPeer]:
    """Group mentions into people; return them with deterministic ids."""
    uf = _UnionFind(len(mentions))
    by_name: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        for spelling in {mention.name, *mention.aliases}:
            key = normalise_name(spelling)
            if not key:
                continue
            if key in by_name:
                uf.union(by_name[key], i)
            else:
                by_name[key] = i

    _merge_near_matches(mentions, uf)

    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(uf.find(i), []).append(i)

    people = [_describe(mentions, members) for _, members in sorted(groups.items())]
    _disambiguate_ids(people)
    return people


def _merge_near_matches(mentions: list[PeerMention], uf: _UnionFind) -> None:
    while True:
        merged_any = False
        clusters: dict[int, list[int]] = {}
        for i in range(len(mentions)):
            clusters.setdefault(uf.find(i), []).append(i)
        names = {root: _cluster_names(mentions, members) for root, members in clusters.items()}
        context = {
            root: (
                set().union(*(mentions[i].employers for i in members)),
                {mentions[i].review for i in members},
            )
            for root, members in clusters.items()
        }
        index: dict[str, set[int]] = {}
        for root, spellings in names.items():
            for spelling in spellings:
                for key in _deletion_keys(spelling):
                    index.setdefault(key, set()).add(root)
        for candidates in index.values():
            if len(candidates) < 2:
                continue
            ordered = sorted(candidates)
            for pos, a in enumerate(ordered):
                for b in ordered[pos + 1 :]:
                    if uf.find(a) == uf.find(b):
                        continue
                    if _share_context(context[a], context[b]) and any(
                        one_slip_apart(x, y) for x in names[a] for y in names[b]
                    ):
                        uf.union(a, b)
                        merged_any = True
        if not merged_any:
            return


def _cluster_names(mentions: list[PeerMention], members: Iterable[int]) -> set[str]:
    names: set[str] = set()
    for i in members:
        names |= {normalise_name(s) for s in (mentions[i].name, *mentions[i].aliases)}
    names.discard("")
    return names


def _share_context(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    return bool(a[0] & b[0]) or bool(a[1] & b[1])


def _describe(mentions: list[PeerMention], members: list[int]) -> ResolvedPeer:
    # The canonical spelling is the one documents give as the name most often;
    # ties go to the alphabetically first so the choice is order-free.
    name_counts = Counter(mentions[i].name.strip() for i in members)
    name = min(name_counts, key=lambda n: (-name_counts[n], n))
    spellings = {name}
    for i in members:
        spellings |= {s.strip() for s in (mentions[i].name, *mentions[i].aliases) if s.strip()}
    return ResolvedPeer(
        id=peer_id(normalise_name(name) or name),
        name=name,
        aliases=sorted(spellings),
        mentions=members,
    )


def _disambiguate_ids(people: list[ResolvedPeer]) -> None:
    """Two people whose names slugify alike (only possible when they were kept
    apart on purpose) get ``-2``, ``-3``... in a stable order."""
    seen: Counter[str] = Counter()
    for person in sorted(people, key=lambda p: (p.id, min(p.mentions))):
        seen[person.id] += 1
        if seen[person.id] > 1:
            person.id = f"{person.id}-{seen[person.id]}"
