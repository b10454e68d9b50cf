"""Person resolution against a plain reference: the worklist in ``graphload.people``
must group mentions exactly as merging any two near-matching clusters that share an
employer or a review, over and over until none do, would."""

from __future__ import annotations

import random

from graphload.people import PeerMention, normalise_name, one_slip_apart, resolve_peers

NAMES = [
    "Ann Smith",
    "Anne Smith",
    "Ann Smyth",
    "Bob Jones",
    "Bob Jone",
    "Rob Jones",
    "Cath Lee",
    "Kath Lee",
    "Cath Leigh",
    "Dan Ray",
    "Dann Ray",
    "Dan Rae",
]


def _slip(rng: random.Random, name: str) -> str:
    at = rng.randrange(len(name))
    letter = rng.choice("aeiouxyz")
    return rng.choice(
        [
            name[:at] + name[at + 1 :],
            name[:at] + letter + name[at:],
            name[:at] + letter + name[at + 1 :],
        ]
    )


def _mentions(rng: random.Random) -> list[PeerMention]:
    mentions = []
    for order in range(rng.randrange(2, 50)):
        name = rng.choice(NAMES)
        if rng.random() < 0.4:
            name = _slip(rng, name)
        mentions.append(
            PeerMention(
                name=name,
                aliases=[_slip(rng, name)] if rng.random() < 0.2 else [],
                review=f"review:{rng.randrange(8)}",
                employers={f"council:{rng.randrange(6)}" for _ in range(rng.randrange(2))},
                order=order,
            )
        )
    return mentions


def _reference(mentions: list[PeerMention]) -> set[frozenset[int]]:
    """Exact names first, then merge near matches pair by pair until nothing changes."""
    clusters: list[set[int]] = [{i} for i in range(len(mentions))]

    def names(cluster: set[int]) -> set[str]:
        found = {
            normalise_name(s) for i in cluster for s in (mentions[i].name, *mentions[i].aliases)
        }
        return found - {""}

    def near(a: set[int], b: set[int]) -> bool:
        if names(a) & names(b):
            return True
        employers_a = set().union(*(mentions[i].employers for i in a))
        employers_b = set().union(*(mentions[i].employers for i in b))
        shared = bool(employers_a & employers_b) or bool(
            {mentions[i].review for i in a} & {mentions[i].review for i in b}
        )
        return shared and any(one_slip_apart(x, y) for x in names(a) for y in names(b))

    merged = True
    while merged:
        merged = False
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                if near(clusters[x], clusters[y]):
                    clusters[x] |= clusters.pop(y)
                    merged = True
                    break
            if merged:
                break
    return {frozenset(cluster) for cluster in clusters}


def test_resolution_groups_mentions_as_the_plain_fixpoint_does() -> None:
    rng = random.Random(12)
    merged_near_matches = 0
    for _ in range(150):
        mentions = _mentions(rng)
        people = resolve_peers(mentions)
        groups = {frozenset(person.mentions) for person in people}
        assert groups == _reference(mentions)
        exact = {normalise_name(m.name) for m in mentions}
        merged_near_matches += len(exact) - len(groups)
    assert merged_near_matches > 100  # the cases do exercise near matches
