"""Person resolution across documents.

A peer is one person across documents when the name matches after
normalisation, or nearly matches (one spelling slip) *and* the two share an
employer or a review. Every spelling seen is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphload.model import peer_id
from graphload.vocab.names_match import deletion_keys, one_slip_apart
from graphload.vocab.people import person_key

__all__ = ["PeerMention", "ResolvedPeer", "normalise_name", "one_slip_apart", "resolve_peers"]


def normalise_name(name: str) -> str:
    """``"Cllr Trevor Jones OBE"`` -> ``"trevor jones"``; hyphens and apostrophes fold."""
    return person_key(name)


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
                for key in deletion_keys(spelling):
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
