"""Person resolution across documents.

A peer is one person across documents when the name matches after
normalisation, or nearly matches (one spelling slip) *and* the two share an
employer or a review. Every spelling seen is kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graphload.model import peer_id
from graphload.vocab.names_match import deletion_keys, one_slip_apart
from graphload.vocab.people import person_key

__all__ = ["PeerMention", "ResolvedPeer", "normalise_name", "one_slip_apart", "resolve_peers"]


@lru_cache(maxsize=1 << 16)  # the same names recur across thousands of documents
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
    spellings = [_spellings(mention) for mention in mentions]
    by_name: dict[str, int] = {}
    for i, keys in enumerate(spellings):
        for key in keys:
            if key in by_name:
                uf.union(by_name[key], i)
            else:
                by_name[key] = i

    _merge_near_matches(mentions, spellings, uf)

    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(uf.find(i), []).append(i)

    people = [_describe(mentions, members) for _, members in sorted(groups.items())]
    _disambiguate_ids(people)
    return people


def _spellings(mention: PeerMention) -> set[str]:
    """The normalised spellings of one mention (its name and aliases)."""
    keys = {normalise_name(s) for s in (mention.name, *mention.aliases)}
    keys.discard("")
    return keys


@dataclass
class _Cluster:
    """The people merged so far under one union-find root: what a near match needs."""

    names: set[str]
    employers: set[str]
    reviews: set[str]


def _merge_near_matches(
    mentions: list[PeerMention], spellings: list[set[str]], uf: _UnionFind
) -> None:
    """Merge clusters whose names are one slip apart and that share an employer or a
    review, until no two clusters do.

    A merge never undoes a reason for another (a merged cluster has every name and
    context of its parts), so the clusters this ends with are the same whichever
    pair is merged first; a worklist re-examines only a cluster that grew, against
    the clusters sharing a deletion key with it."""
    clusters: dict[int, _Cluster] = {}
    for i, mention in enumerate(mentions):
        root = uf.find(i)
        cluster = clusters.get(root)
        if cluster is None:
            clusters[root] = _Cluster(set(spellings[i]), set(mention.employers), {mention.review})
        else:
            cluster.names |= spellings[i]
            cluster.employers |= mention.employers
            cluster.reviews.add(mention.review)
    index: dict[str, set[int]] = {}
    for root, cluster in clusters.items():
        for spelling in cluster.names:
            for key in _deletion_keys(spelling):
                index.setdefault(key, set()).add(root)
    pending = sorted(clusters, reverse=True)  # popped lowest first
    while pending:
        root = pending.pop()
        cluster = clusters.get(root)
        if cluster is None:
            continue  # merged into another since it was queued
        candidates: set[int] = set()
        for spelling in cluster.names:
            for key in _deletion_keys(spelling):
                candidates |= index[key]
        candidates.discard(root)
        for other in sorted(candidates):
            near = clusters[other]
            if not (cluster.employers & near.employers or cluster.reviews & near.reviews):
                continue
            if not any(one_slip_apart(x, y) for x in cluster.names for y in near.names):
                continue
            uf.union(root, other)
            kept, gone = min(root, other), max(root, other)
            merged = clusters[kept]
            absorbed = clusters.pop(gone)
            for spelling in absorbed.names:
                for key in _deletion_keys(spelling):
                    roots = index[key]
                    roots.discard(gone)
                    roots.add(kept)
            merged.names |= absorbed.names
            merged.employers |= absorbed.employers
            merged.reviews |= absorbed.reviews
            pending.append(kept)  # grown: look again at its neighbours
            break


@lru_cache(maxsize=1 << 16)
def _deletion_keys(spelling: str) -> frozenset[str]:
    return frozenset(deletion_keys(spelling))


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
