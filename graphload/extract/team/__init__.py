"""Find the peer team by weighing evidence, whatever the wording.

``blocks`` finds candidate teams by shape (runs of entries, lists inside a line, prose),
``entry`` reads one entry in any order of team role, name, job and employer, ``cues``
weighs how far a block reads as the team, ``signatures`` reads sign-offs, and
``reader`` merges the accepted blocks into one entry per person.
"""

from graphload.extract.team.entry import PeerEntry, RoleGroup, parse_entry, parse_role
from graphload.extract.team.reader import candidate_blocks, find_peers, find_team

__all__ = [
    "PeerEntry",
    "RoleGroup",
    "candidate_blocks",
    "find_peers",
    "find_team",
    "parse_entry",
    "parse_role",
]
