"""The peer team reader's entry points; the reader itself is ``graphload.extract.team``."""

from graphload.extract.team import PeerEntry, RoleGroup, find_peers, parse_entry, parse_role

__all__ = ["PeerEntry", "RoleGroup", "find_peers", "parse_entry", "parse_role"]
