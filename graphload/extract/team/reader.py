"""The peer team of a document: candidate blocks weighed, accepted ones merged by person."""

from __future__ import annotations

import re

from graphload.extract.councils import CouncilFinder
from graphload.extract.names import same_person
from graphload.extract.reading import Line
from graphload.extract.team.blocks import Block, dash_lists, inline_lists, list_runs
from graphload.extract.team.cues import ACCEPT
from graphload.extract.team.entry import PeerEntry
from graphload.extract.team.prose import prose
from graphload.extract.team.signatures import find_signatures
from graphload.records import PeerInfo

_NOT_A_PEER_ROLE = re.compile(r"principal adviser|principal advisor", re.IGNORECASE)
# A job said to be the council's own ("the council's head of policy", "our Director of
# Place"): the reviewed council's staff, not a peer.
_OWN_JOB = re.compile(
    r"^(?:the\s+)?(?:council|authority|borough|county|city)['’]s\s|^our\s", re.IGNORECASE
)


def candidate_blocks(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """Every block that might be the team, with its verdict (for --explain and tests)."""
    return (
        list_runs(lines, finder)
        + inline_lists(lines, finder)
        + dash_lists(lines, finder)
        + prose(lines, finder)
    )


def find_team(lines: list[Line], finder: CouncilFinder) -> list[PeerEntry]:
    """Entries of the accepted blocks, each marked with the cue that accepted it."""
    entries: list[PeerEntry] = []
    accepted = [b for b in candidate_blocks(lines, finder) if b.verdict.score >= ACCEPT]
    # A line already read as a list is not read again as prose where the prose reader
    # ran one entry's employer into the next person's name ("Sutton Dan Probe").
    listed = {
        (e.line, e.name)
        for b in accepted
        if not b.verdict.cue.startswith("prose")
        for e in b.entries
    }
    for block in accepted:
        prose_block = block.verdict.cue.startswith("prose")
        for entry in block.entries:
            if prose_block and _garbles_a_listed_name(entry, listed):
                continue
            if entry.role and _OWN_JOB.match(entry.role):
                continue
            if entry.described:
                entry.cue = entry.cue or block.verdict.cue
                entries.append(entry)
    entries.sort(key=lambda e: e.line or 0)
    return entries


def _garbles_a_listed_name(entry: PeerEntry, listed: set[tuple[int | None, str]]) -> bool:
    return any(
        line == entry.line and name != entry.name and entry.name.endswith(" " + name)
        for line, name in listed
    )


def find_peers(lines: list[Line], finder: CouncilFinder) -> tuple[list[PeerInfo], list[PeerEntry]]:
    """The peer team, and the merged entries (with their role groups) it was read from."""
    listed = find_team(lines, finder)
    signed, for_team = find_signatures(lines, finder)
    merged: list[PeerEntry] = []
    aliases: dict[int, list[str]] = {}
    for entry in listed:
        _merge(merged, aliases, entry)
    for entry in signed:
        matches = any(same_person(entry.name, other.name) for other in merged)
        if matches or for_team or (not listed and len(signed) > 1):
            _merge(merged, aliases, entry)
    peers = []
    kept = []
    for position, entry in enumerate(merged):
        if entry.role and _NOT_A_PEER_ROLE.search(entry.role):
            continue
        kept.append(entry)
        others = [a for a in aliases.get(position, []) if a != entry.name]
        peers.append(
            PeerInfo(
                name=entry.name,
                aliases=others,
                councillor=entry.councillor,
                party=entry.party,
                role=entry.role,
                organisations=entry.organisations,
                team_role=entry.team_role,
                line=entry.line,
                evidence=entry.evidence,
                cue=entry.cue,
            )
        )
    return peers, kept


def _merge(merged: list[PeerEntry], aliases: dict[int, list[str]], entry: PeerEntry) -> None:
    for position, existing in enumerate(merged):
        if not same_person(existing.name, entry.name):
            continue
        spellings = aliases.setdefault(position, [existing.name])
        if entry.name not in spellings:
            spellings.append(entry.name)
        if entry.from_signature and entry.name != existing.name:
            # A person's own sign-off is the likeliest to spell their name right.
            existing.name = entry.name
        existing.role = existing.role or entry.role
        existing.groups = existing.groups or entry.groups
        existing.organisations = existing.organisations or entry.organisations
        existing.party = existing.party or entry.party
        existing.councillor = existing.councillor or entry.councillor
        existing.team_role = existing.team_role or entry.team_role
        return
    merged.append(entry)
    aliases[len(merged) - 1] = [entry.name]
