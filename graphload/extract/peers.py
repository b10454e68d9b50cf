"""Find the peer team: its lists, its sign-off, and each member's role and employers.

Families of wording handled:

* team lists introduced by "The peers who delivered the peer challenge were",
  "The peers were", "The full team was", "On behalf of the peer team", as bullets
  or plain lines;
* a signature block after "Yours sincerely", one person per paragraph;
* entries written "Name – Role, Council", "Name, Role, Council",
  "Role: Name, Role, Council", "Name (Role, Council)",
  "Councillor Name (Council – Party)", "Cllr Name (Labour) – Role, Council".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphload.extract.councils import CouncilFinder, Mention
from graphload.extract.names import (
    HONOURS,
    canonical_party,
    looks_like_person,
    party_in,
    same_person,
    split_name,
)
from graphload.extract.reading import Line
from graphload.extract.sentences import clip
from graphload.records import PeerInfo, Ref

_INTRO_PHRASE = (
    r"(?:\bthe peers?\b[^.:]{0,80}?\b(?:were|was|are|is)"
    r"|\bthe (?:full |peer |review |peer challenge )?team\b[^.:]{0,40}?"
    r"\b(?:was|were|comprised|consisted of|included|is|are|was made up of)"
    r"|\bmembers of the (?:peer |review )?team\b[^.:]{0,40}?\bwere"
    r"|\bon behalf of the peer(?: challenge| review)? team)"
)
_TEAM_INTRO = re.compile(_INTRO_PHRASE + r"\s*(?:as follows)?\s*[:\-–]*\s*$", re.IGNORECASE)
# "The peer team was: Ann Example, Chief Executive, Leeds City Council; Bob Sample, ..."
_INLINE_TEAM = re.compile(
    _INTRO_PHRASE + r"\s*:\s*(?P<entries>[^;]{5,300}(?:;[^;]{5,300})+)$", re.IGNORECASE
)
_SIGN_OFF = re.compile(
    r"^(?:yours sincerely|yours faithfully|kind regards|best wishes|"
    r"with best wishes|regards)\b",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"\bon behalf of the peer(?: challenge| review)? team\b", re.IGNORECASE)
_HONOUR = "|".join(sorted(HONOURS))
_NAME_PART = r"[A-Z][\w'’\-]+"
_ENTRY = re.compile(
    rf"^(?P<name>(?:(?:Councillor|Cllr\.?|Dr\.?|Mr|Mrs|Ms|Miss|Sir|Dame|Professor)\s+)*"
    rf"{_NAME_PART}(?:\s+(?:{_NAME_PART}|[A-Z]\.?|de|van|von|da|le)){{1,3}}"
    rf"(?:,?\s+(?:{_HONOUR})\b)*)"
    r"\s*(?:\((?P<paren>[^()]{1,160})\))?"
    r"\s*(?:[–—:,]|\s-\s|-\s)?\s*(?P<rest>.*)$"
)
_ROLE_PREFIX = re.compile(r"^(?P<role>[A-Z][^:]{2,50}?)\s*:\s+(?P<entry>.+)$")
_PARTNERSHIP = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’]*\s+){1,5}Partnership)\s*,?\s*"
    r"(?:serving|Serving|covering)\s*:?\s*"
)
_GENERIC_ROLES = {
    "elected member",
    "member",
    "councillor",
    "elected councillor",
    "ward member",
    "ward councillor",
}
_COUNCILLOR_ROLE = re.compile(
    r"\b(elected member|cabinet member|portfolio holder|"
    r"deputy leader|leader of the council|council leader|mayor|"
    r"councillor)\b",
    re.IGNORECASE,
)
_NOT_A_PEER_ROLE = re.compile(r"principal adviser|principal advisor", re.IGNORECASE)
_EDGE_WORDS = re.compile(
    r"^(?:and|at|of|for|with|in|serving|to)\b\s*|\s*\b(?:and|at|of|for|"
    r"with|in|serving|to)$",
    re.IGNORECASE,
)
_BRACKETED_ABBREVIATION = re.compile(r"\(\s*[A-Z]{2,6}\s*\)")
MAX_GAP = 2  # blank lines allowed inside a team list
MAX_ENTRIES = 40


@dataclass
class RoleGroup:
    """One role and the employers written with it ("Chief Executive, A and B")."""

    role: str
    organisations: list[Ref]
    partnership: str | None = None


@dataclass
class PeerEntry:
    name: str
    councillor: bool
    party: str | None
    role: str | None
    organisations: list[Ref]
    groups: list[RoleGroup] = field(default_factory=list)
    team_role: str | None = None
    line: int | None = None
    evidence: str | None = None
    from_signature: bool = False


def parse_entry(text: str, finder: CouncilFinder) -> PeerEntry | None:
    """Parse one team-list entry, or None when it does not start with a person."""
    text = text.strip().rstrip(";.").strip()
    text = re.sub(r"\s+and$", "", text)
    team_role = None
    prefixed = _ROLE_PREFIX.match(text)
    if prefixed and not looks_like_person(prefixed.group("role")):
        team_role, text = prefixed.group("role").strip(), prefixed.group("entry")
    match = _ENTRY.match(text)
    if not match or not looks_like_person(match.group("name")):
        return None
    name, councillor = split_name(match.group("name"))
    party = None
    rest = match.group("rest").strip()
    paren = match.group("paren")
    if paren:
        party = canonical_party(paren)
        if party is None:
            inner, maybe_party = _split_party(paren)
            party = canonical_party(maybe_party) if maybe_party else None
            inner = inner if party else paren
            rest = f"{inner}, {rest}" if rest else inner
    role, organisations, groups = parse_role(rest, finder)
    party = party or (party_in(role) if role else None)
    councillor = (
        councillor
        or bool(role and _COUNCILLOR_ROLE.search(role))
        or any(_COUNCILLOR_ROLE.search(g.role) for g in groups)
    )
    return PeerEntry(name, councillor, party, role, organisations, groups, team_role)


def _split_party(paren: str) -> tuple[str, str]:
    """ "Council – Party" -> ("Council", "Party"); anything else -> (paren, "")."""
    parts = re.split(r"\s+[–—-]\s+", paren, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (paren, "")


def parse_role(text: str, finder: CouncilFinder) -> tuple[str | None, list[Ref], list[RoleGroup]]:
    """Split "Role, Council and Role at Council" into roles and employers."""
    partnership = None
    found = _PARTNERSHIP.search(text)
    if found:
        partnership = found.group("name").strip()
        text = text[: found.start()] + ", " + text[found.end() :]
    mentions = finder.find(text)
    pieces: list[tuple[str, list[Ref]]] = []  # (role text, employers after it)
    cursor = 0
    current_role = ""
    current_orgs: list[Ref] = []
    adjectival: list[Ref] = []
    for mention in mentions:
        if _is_adjectival(text, mention):
            # "LGA Peer Challenge Manager": the organisation is part of the role's wording.
            _add_org(adjectival, mention.ref)
            continue
        between = text[cursor : mention.start]
        role_text = _clean_role(between)
        if role_text:
            if current_role or current_orgs:
                pieces.append((current_role, current_orgs))
            current_role, current_orgs = role_text, []
        _add_org(current_orgs, mention.ref)
        cursor = mention.end
    tail = _clean_role(text[cursor:])
    if tail:
        if current_role or current_orgs:
            pieces.append((current_role, current_orgs))
        current_role, current_orgs = tail, []
        if not mentions and "," in tail:
            # No council named: the last comma-separated part may be the employer.
            head, _, last = tail.rpartition(",")
            org = finder.organisation(last)
            if org:
                current_role, current_orgs = _clean_role(head), [org]
    if current_role or current_orgs:
        pieces.append((current_role, current_orgs))
    groups = [RoleGroup(role, orgs, partnership) for role, orgs in pieces]
    roles = [g.role for g in groups if g.role]
    specific = [r for r in roles if r.lower() not in _GENERIC_ROLES]
    role = "; ".join(specific or roles) or None
    organisations: list[Ref] = []
    for org in [o for g in groups for o in g.organisations] + adjectival:
        _add_org(organisations, org)
    return role, organisations, groups


def _is_adjectival(text: str, mention: Mention) -> bool:
    if mention.ref.is_council:
        return False
    before = text[: mention.start].rsplit(",", 1)[-1].strip()
    after = text[mention.end :].split(",", 1)[0]
    return not before and bool(re.match(r"\s+[A-Za-z]", after))


def _clean_role(text: str) -> str:
    text = _BRACKETED_ABBREVIATION.sub("", text)
    text = re.sub(r"\s*[–—]\s*", " - ", text)
    text = text.strip(" ,;:-()\t")
    previous = None
    while previous != text:
        previous = text
        text = _EDGE_WORDS.sub("", text).strip(" ,;:-")
    return " ".join(text.split())


def _add_org(organisations: list[Ref], ref: Ref) -> None:
    if all(existing.id != ref.id for existing in organisations):
        organisations.append(ref)


# -- finding the lists --------------------------------------------------------


def find_team_lists(lines: list[Line], finder: CouncilFinder) -> list[PeerEntry]:
    entries: list[PeerEntry] = []
    for index, line in enumerate(lines):
        if _TEAM_INTRO.search(line.text):
            entries.extend(_read_list(lines, index + 1, finder))
            continue
        inline = _INLINE_TEAM.search(line.text)
        if inline:
            for text in re.split(r";\s*(?:and\s+)?", inline.group("entries").rstrip(". ")):
                entry = parse_entry(text, finder)
                if entry:
                    entry.line, entry.evidence = line.number, clip(line.text)
                    entries.append(entry)
    return entries


def _read_list(lines: list[Line], start: int, finder: CouncilFinder) -> list[PeerEntry]:
    entries: list[PeerEntry] = []
    gap = 0
    for line in lines[start : start + MAX_ENTRIES * 3]:
        if not line.text:
            gap += 1
            if gap > MAX_GAP and entries:
                break
            continue
        gap = 0
        entry = parse_entry(line.text, finder) if len(line.text) < 400 else None
        if entry is None:
            break
        entry.line, entry.evidence = line.number, clip(line.text)
        entries.append(entry)
        if len(entries) >= MAX_ENTRIES:
            break
    return entries


def find_signatures(lines: list[Line], finder: CouncilFinder) -> tuple[list[PeerEntry], bool]:
    """People signing after "Yours sincerely", and whether the sign-off speaks for the team."""
    entries: list[PeerEntry] = []
    for_team = False
    for index, line in enumerate(lines):
        if not _SIGN_OFF.match(line.text):
            continue
        for_team |= any(_ON_BEHALF.search(lines[i].text) for i in range(max(0, index - 3), index))
        for group in _paragraphs(lines, index + 1):
            first = group[0]
            if _ON_BEHALF.search(first.text):
                for_team = True
                continue
            if not looks_like_person(first.text):
                break
            text = first.text + ", " + ", ".join(g.text for g in group[1:])
            entry = parse_entry(text.rstrip(", "), finder)
            if entry is None:
                break
            entry.line, entry.evidence, entry.from_signature = first.number, clip(text), True
            entries.append(entry)
    return entries, for_team


def _paragraphs(lines: list[Line], start: int, limit: int = 15) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines[start : start + limit * 6]:
        if line.text:
            current.append(line)
            continue
        if current:
            groups.append(current)
            current = []
            if len(groups) >= limit:
                break
    if current:
        groups.append(current)
    return groups


def find_peers(lines: list[Line], finder: CouncilFinder) -> tuple[list[PeerInfo], list[PeerEntry]]:
    """The peer team, and the merged entries (with their role groups) it was read from."""
    listed = find_team_lists(lines, finder)
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
        return
    merged.append(entry)
    aliases[len(merged) - 1] = [entry.name]
