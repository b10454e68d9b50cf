"""The peer team reader now lives in ``graphload.extract.team``; kept for old imports."""

from graphload.extract.team import PeerEntry, RoleGroup, find_peers, parse_entry, parse_role

__all__ = ["PeerEntry", "RoleGroup", "find_peers", "parse_entry", "parse_role"]
