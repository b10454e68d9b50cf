"""One team entry: a person, their job, their employers and their place on the team.

An entry may lead with the team role ("Lead Peer – Ann Example (…)"), hold the job and
employer in brackets or after a separator (– — - : , "of", "at"), end with a bracketed
team role or party ("…, Breckland DC (member peer)"), or come as table cells. Whatever
the order, the person's name is read first and everything else is placed around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphload.extract.councils import LGA, CouncilFinder, Mention
from graphload.extract.lowered import first_match, holds_any, lowered
from graphload.extract.names import canonical_party, party_in, take_name
from graphload.records import Ref
from graphload.vocab.text import fold

# Words that name a place on the team rather than a job.
TEAM_ROLE = re.compile(
    r"\b(?:peers?|peer team|team lead(?:er)?|challenge manager|review manager|"
    r"reviewers?|lead (?:officer|member)|programme support|shadow peer|"
    r"associate|lead(?:ing)?)\b",
    re.IGNORECASE,
)
# Words TEAM_ROLE cannot match without, lower-cased: tested first (substring tests are far
# cheaper than the pattern on the many lines without one).
_TEAM_ROLE_NEEDS = ("peer", "team", "lead", "review", "manager", "programme", "associate")
# The words TEAM_ROLE's wordings open with, lower-cased: it is tried only where one begins.
_TEAM_ROLE_STARTS = (
    *("peer", "team lead", "challenge manager", "review manager", "reviewer", "lead"),
    *("programme support", "shadow peer", "associate"),
)
_PREFIX_SEPARATOR = re.compile(r"\s*:\s+|\s+[–—-]\s+|\s*[–—]\s*|\s*,\s+")
# The characters every separator turns on: the pattern is tried only where the spaces
# before one begin (it opens with spaces, so the engine would try every character).
_SEPARATOR_MARK = re.compile(r"[:,–—-]")
# Jobs on a team that only the LGA's own staff hold: their employer when none is named.
_LGA_STAFF = re.compile(
    r"\bLGA\b|Local Government Association|\b(?:peer )?challenge manager\b|"
    r"\breview manager\b|\bprogramme (?:support )?(?:manager|officer)\b|"
    r"\bprogramme support\b|\bregional advis[eo]r\b",
    re.IGNORECASE,
)
# The LGA's improvement body under its earlier names, written before a job.
_LGA_PREDECESSOR = re.compile(
    r"(?:the\s+)?(?P<body>IDeA|I&DeA|Improvement and Development Agency|"
    r"(?:LG|Local Government) Improvement and Development|Local Government Group)\s+(?=[A-Z])"
)
_NETWORK_AFTER = re.compile(r"'?\s+Network\b")
_REDACTED = re.compile(r",?\s*\[[a-z -]{1,20} removed\]")
_LEADING_MARKS = re.compile(r"^(?:\(?\d{1,2}[.)]|\([a-z]{1,4}\)|[^\w(]+)\s*")
_JOINING_AND = re.compile(r"^(?:and|&)\s+|\s+and$")
_LEADING_SEPARATORS = re.compile(r"^[\s,:;–—\-]+")
_TRAILING_BRACKET = re.compile(r"\(([^()]{1,80})\)\s*[.;,]?\s*$")
# "(voluntary sector)", "(private sector)": which sector the peer comes from, not a job.
_SECTOR_LABEL = re.compile(
    r"\s*\((?:the\s+)?(?:voluntary|private|public|community|third|health|charity|charitable|"
    r"business|academic)(?:\s+(?:and|&)\s+\w+)?\s+sector\)\s*[.;,]?\s*$",
    re.IGNORECASE,
)
# An employer after "at" written as its abbreviation: "Head of Member Services at NALC".
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
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
COUNCILLOR_ROLE = re.compile(
    r"\b(elected member|cabinet member|portfolio holder|cabinet associate|"
    r"deputy leader|leader of the council|council leader|mayor|"
    r"councillor|member peer|leader)\b",
    re.IGNORECASE,
)
_OFFICER_LEADER = re.compile(r"\b(team leader|leader of the (?:peer )?team)\b", re.IGNORECASE)
_EDGE_WORDS = re.compile(
    r"^(?:and|at|of|for|with|in|serving|to|from|the|by|on behalf of)\b\s*|"
    r"\s*\b(?:and|at|of|for|with|in|serving|to|from|the|by)$",
    re.IGNORECASE,
)
# What a text must open or close with, lower-cased, for _EDGE_WORDS to find anything
# (its second half opens with spaces, so the engine would try every character).
_EDGE_ENDINGS = ("and", "at", "of", "for", "with", "in", "serving", "to", "from", "the", "by")
_EDGE_OPENINGS = (*_EDGE_ENDINGS, "on behalf of")
_LONG_DASH = re.compile(r"\s*[–—]\s*")
_BRACKETED_ABBREVIATION = re.compile(r"\(\s*[A-Z]{2,6}\s*\)")
# An organisation named in a role without the word Council: "… of Kent Fire and Rescue Service".
_STRONG_ORG = re.compile(
    r"\b(Fire and Rescue|Fire & Rescue|NHS|Trust|Police|Constabulary|Limited|Ltd|plc|LLP|"
    r"University|Association|Authority|Foundation|Council|Councils|Commission|Agency|"
    r"Integrated Care Board|ICB|Clinical Commissioning Group|CCG|Healthwatch|Group)\b"
)
_ROLE_LIKE = re.compile(
    r"\b(director|manager|officer|executive|head|chief|leader|member|adviser|advisor|"
    r"lead|chair|deputy|assistant|consultant|peer|councillor|mayor|commissioner|"
    r"secretary|partner|programme|support|former)\b",
    re.IGNORECASE,
)
MAX_ENTRY_CHARS = 400
_LEADING_JOINER = re.compile(
    r"^(?:(?:formerly|previously|now)\s+)?(?:from|of|at|with)\s+(?:the\s+)?"
)
# A text that is only an employer: "NALC", "Dunstable Town Council".
_WHOLE_ORGANISATION = re.compile(
    r"^(?:[A-Z]{2,6}|(?:[A-Z][\w'’&.-]*\s+){1,5}(?:Town |Parish |City |District |Borough |"
    r"County )?Councils?)$"
)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|have|had|said|will|would|been|being|did|does)\b")
# A verb of minutes or news with its object after a name: "Cllr A, Cabinet Member,
# presented a report…", "B, Chief Executive of X, led the peer team…": a sentence about
# the person, not a list entry (however few past tenses it holds).
_REPORTING_VERB = re.compile(
    r"\b(?:led|leads|presented|introduced|summari[sz]ed|outlined|reported|explained|"
    r"highlighted|noted|thanked|welcomed|confirmed|advised|stated|asked|responded|"
    r"commented|proposed|seconded|moved|referred|queried|informed|spoke|says|said)\s+"
    r"(?:a|an|the|that|this|these|his|her|their|its|members|to|on)\b"
)
_PAST_TENSE = re.compile(r"\b[a-z]{3,}(?<!re)ed\b")


def names_team_role(text: str) -> bool:
    """Whether ``text`` names a place on the team (``TEAM_ROLE`` finds one in it)."""
    return first_match(TEAM_ROLE, text, _TEAM_ROLE_STARTS) is not None


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
    cue: str | None = None

    @property
    def described(self) -> bool:
        """Whether the entry says more than a name: a job, an employer or a team role."""
        return bool(self.role or self.organisations or self.team_role)


def parse_entry(text: str, finder: CouncilFinder, team_role: str | None = None) -> PeerEntry | None:
    """Parse one team-list entry, or None when it holds no person."""
    if "removed]" in text:
        text = _REDACTED.sub("", text)  # "[e-mail removed]": contact details say nothing
    text = text.strip().rstrip(";.,").strip()
    if text and not text[0].isalpha():
        text = _LEADING_MARKS.sub("", text)  # "1. ", "(a) ", "– ", "➢ ": a list's own marks
    if text.startswith(("and ", "& ")) or text.endswith(" and"):
        text = _JOINING_AND.sub("", text)
    if not text or len(text) > MAX_ENTRY_CHARS:
        return None
    start = 0
    span = take_name(text)
    if span is None:
        prefix = _team_role_prefix(text)
        if prefix is None:
            return None
        team_role, start = prefix
        span = take_name(text, start)
        if span is None:
            return None
    if finder.council(span.name):
        return None  # "Mid Suffolk": a place, not a person
    return describe(span.name, span.councillor, text[span.end :], finder, team_role)


def describe(
    name: str, councillor: bool, rest: str, finder: CouncilFinder, team_role: str | None = None
) -> PeerEntry:
    """The entry for ``name`` from what is written after it (brackets, job, employer)."""
    party = None
    rest = rest.strip()
    if rest.startswith("("):
        close = rest.find(")")
        if close > 0:
            inner, rest = rest[1:close], rest[close + 1 :]
            party, team_role, inner = _read_bracket(inner, team_role)
            rest = f"{inner}, {rest}" if inner else rest
    # Both bracket rules need a closing bracket: most entries have none.
    if ")" in rest:
        rest = _SECTOR_LABEL.sub("", rest)
    trailing = _TRAILING_BRACKET.search(rest) if ")" in rest else None
    if trailing and (names_team_role(trailing.group(1)) or canonical_party(trailing.group(1))):
        bracket_party, team_role, inner = _read_bracket(trailing.group(1), team_role)
        party = party or bracket_party
        rest = rest[: trailing.start()] + (f", {inner}" if inner else "")
    rest = _LEADING_SEPARATORS.sub("", rest)
    head, comma, last = rest.rpartition(",")
    if comma and len(last) < _LONGEST_PARTY and canonical_party(last.strip(" .;")):
        # "…, Leader, Wirral Council, Labour": the party closes the entry, not the job
        party = party or canonical_party(last.strip(" .;"))
        rest = head
    role, organisations, groups = parse_role(rest, finder)
    predecessor = _LGA_PREDECESSOR.match(role) if role and not organisations else None
    if role and predecessor:
        # "IDeA Review Manager", "LG Improvement and Development Review Manager": the
        # body the manager worked for before the LGA took its work over, as written.
        organisations = [Ref.organisation(predecessor.group("body"))]
        role = role[predecessor.end() :].strip() or role
    if not organisations and _LGA_STAFF.search(" ".join(filter(None, [role, team_role]))):
        organisations = [LGA]  # the team's manager and support officer work for the LGA
    party = (
        party or (party_in(role) if role else None) or (party_in(team_role) if team_role else None)
    )
    councillor = (
        councillor
        or any(_is_councillor_role(g.role) for g in groups)
        or bool(team_role and re.search(r"\bmember peer\b", team_role, re.IGNORECASE))
    )
    return PeerEntry(name, councillor, party, role, organisations, groups, team_role)


def reads_as_prose(entry: PeerEntry) -> bool:
    """Whether an entry's job is really a sentence about the person ("…, Cabinet Member,
    summarised the report. She thanked…"): a list entry has no verbs."""
    role = entry.role or ""
    return (
        bool(_AUXILIARY.search(role))
        or len(_PAST_TENSE.findall(role)) >= 2
        or (role.count(" ") >= 3 and bool(_REPORTING_VERB.search(role)))
    )


def _is_councillor_role(role: str) -> bool:
    return bool(COUNCILLOR_ROLE.search(role)) and not _OFFICER_LEADER.search(role)


def _read_bracket(inner: str, team_role: str | None) -> tuple[str | None, str | None, str]:
    """What a bracket holds: a party, "Council – Party", a team role, or a job/employer."""
    inner = inner.strip()
    party = canonical_party(inner)
    if party:
        return party, team_role, ""
    parts = re.split(r"\s+[–—-]\s+", inner, maxsplit=1)
    if len(parts) == 2 and canonical_party(parts[1]):
        return canonical_party(parts[1]), team_role, parts[0]
    first, comma, last = inner.partition(",")
    if comma and canonical_party(first):  # "(Liberal Democrat, Sefton Council)"
        return canonical_party(first), team_role, last.strip()
    head, comma, tail = inner.rpartition(",")
    if comma and canonical_party(tail):  # "(Sefton Council, Labour)"
        return canonical_party(tail), team_role, head.strip()
    if (
        team_role is None
        and names_team_role(inner)
        and not _STRONG_ORG.search(inner)
        and "," not in inner
        and len(inner) < 60
    ):
        return party_in(inner), team_role or inner, ""
    return None, team_role, inner


def _team_role_prefix(text: str) -> tuple[str, int] | None:
    """ "Lead Peer – Ann Example…", "Officer Peer: Ann Example…" -> (team role, name start)."""
    head = text[:90]
    if not (":" in head or "," in head or " - " in head or "–" in head or "—" in head):
        return None
    if not holds_any(head, _TEAM_ROLE_NEEDS):
        return None
    separator = _first_separator(head)
    if not separator:
        return None
    head = text[: separator.start()].strip()
    if not head or len(head.split()) > 8:
        return None
    if not names_team_role(head):
        return None  # "REPORT FROM: Councillor A": a field label, not a place on the team
    return head, separator.end()


def _first_separator(head: str) -> re.Match[str] | None:
    """``_PREFIX_SEPARATOR.search(head)``, tried only where a separator's spaces begin:
    every match opens with the spaces before one of its marks (or with the mark)."""
    for mark in _SEPARATOR_MARK.finditer(head):
        start = mark.start()
        while start > 0 and head[start - 1].isspace():
            start -= 1
        found = _PREFIX_SEPARATOR.match(head, start)
        if found:
            return found
    return None


def parse_cells(cells: list[str], finder: CouncilFinder) -> PeerEntry | None:
    """A table row: the cell holding a name, a team-role cell, the job and employer cells."""
    cells = [c.strip() for c in cells if c.strip()]
    for index, cell in enumerate(cells):
        span = take_name(cell)
        if span is None or cell[span.end :].strip(" ,.;"):
            continue
        others = cells[:index] + cells[index + 1 :]
        team_roles = [c for c in others if names_team_role(c) and not finder.find(c)]
        described = [c for c in others if c not in team_roles]
        team_role = "; ".join(team_roles) or None
        return describe(span.name, span.councillor, ", ".join(described), finder, team_role)
    return None


def parse_role(text: str, finder: CouncilFinder) -> tuple[str | None, list[Ref], list[RoleGroup]]:
    """Split "Role, Council and Role at Council" into roles and employers."""
    partnership = None
    found = _PARTNERSHIP.search(text) if "Partnership" in text else None
    if found:
        partnership = found.group("name").strip()
        text = text[: found.start()] + ", " + text[found.end() :]
    earlier_teams = _EARLIER_TEAMS.search(text) if holds_any(text, ("teams",)) else None
    if earlier_teams:
        text = text[: earlier_teams.start()]  # a note of past peer work, not a job
    mentions = [_body_named_councils(text, m) for m in finder.find(text)]
    pieces: list[tuple[str, list[Ref]]] = []  # (role text, employers after it)
    cursor = 0
    current_role = ""
    current_orgs: list[Ref] = []
    adjectival: list[Ref] = []
    for mention in mentions:
        if _WORKED_WITH.search(text, cursor, mention.start):
            continue  # "member of earlier peer teams working with X": not an employer
        if _is_adjectival(text, mention):
            # "LGA Peer Challenge Manager": the organisation is part of the role's wording.
            _add_org(adjectival, mention.ref)
            continue
        role_text = clean_role(text[cursor : mention.start])
        if role_text:
            if current_role or current_orgs:
                pieces.append((current_role, current_orgs))
            current_role, current_orgs = role_text, []
        _add_org(current_orgs, mention.ref)
        cursor = mention.end
    tail = clean_role(text[cursor:])
    if tail:
        if current_role or current_orgs:
            pieces.append((current_role, current_orgs))
        current_role, current_orgs = tail, []
        if not mentions:
            current_role, current_orgs = _employer_in_words(tail, finder)
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


def _employer_in_words(text: str, finder: CouncilFinder) -> tuple[str, list[Ref]]:
    """No council named: the employer may still close the text ("…, Zurich Municipal",
    "Chief Executive of Kent Fire and Rescue Service", "former Chief Fire Officer of
    Cumbria")."""
    head, comma, last = text.rpartition(",")
    last = _LEADING_JOINER.sub("", last.strip())
    if comma:
        org = finder.organisation(last)
        if org is None and _reads_as_organisation(last):
            org = Ref.organisation(last.strip())
        if org:
            return clean_role(head), [org]
    if len(text) < 60 and text[:1].isupper():
        council = finder.council(text)  # "(Leeds)": a place standing for its council
        if council:
            return "", [council]
    if _WHOLE_ORGANISATION.match(text):
        org = finder.organisation(text) or Ref.organisation(text)
        return "", [org]
    for joiner in (" at ", " of ", " with ", " from ", " for "):
        head, found, last = text.rpartition(joiner)
        if not found:
            continue
        last = last.strip()
        council = finder.council(last)
        if council:
            return clean_role(head), [council]
        if _STRONG_ORG.search(last) and last[:1].isupper():
            org = finder.organisation(last)
            if org:
                return clean_role(head), [org]
        if joiner == " at " and _ABBREVIATION.fullmatch(last):
            return clean_role(head), [finder.organisation(last) or Ref.organisation(last)]
    return _place_between_separators(text, finder)


_LONGEST_PARTY = 40
_MAX_PLACE_WORDS = 4


def _place_between_separators(text: str, finder: CouncilFinder) -> tuple[str, list[Ref]]:
    """ "Kent - Operational Peer": a bare place, alone between separators, standing for
    its council; the other pieces are the job."""
    if " - " not in text:
        return text, []
    pieces = text.split(" - ")
    for index, piece in enumerate(pieces):
        if piece[:1].isupper() and len(piece.split()) <= _MAX_PLACE_WORDS:
            council = finder.council(piece)
            if council:
                rest = pieces[:index] + pieces[index + 1 :]
                return clean_role(" - ".join(rest)), [council]
    return text, []


# "…, Director of Place, and a member of earlier peer teams that worked with Rutland":
# a note of past peer work, not a job, and not an employer
_EARLIER_TEAMS = re.compile(
    r",?\s+and\s+(?:a\s+)?member\s+of\s+(?:the\s+|previous\s+|earlier\s+|several\s+|many\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:peer|challenge|review)\s+teams\b",
    re.IGNORECASE,
)
_WORKED_WITH = re.compile(r"\bwork(?:s|ing|ed)?\s+with\s+(?:the\s+)?$")
_ORGANISATION_SMALL_WORDS = {"and", "of", "&", "the", "to", "for", "in", "on"}


def _reads_as_organisation(text: str) -> bool:
    """ "Zurich Municipal": capitalised words and no job words."""
    words = text.split()
    return (
        1 <= len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _ORGANISATION_SMALL_WORDS for w in words)
        and not _ROLE_LIKE.search(text)
    )


def _body_named_councils(text: str, mention: Mention) -> Mention:
    """ "London Councils", "County Councils Network": associations of councils, not the
    council a place name would resolve to."""
    written = text[mention.start : mention.end]
    network = _NETWORK_AFTER.match(text, mention.end)
    if fold(written) == "london councils" or (network and written.endswith("Councils")):
        end = network.end() if network else mention.end
        name = text[mention.start : end]
        return Mention(Ref.organisation(name), mention.start, end, mention.group)
    return mention


def _is_adjectival(text: str, mention: Mention) -> bool:
    if mention.ref.is_council:
        return False
    before = text[: mention.start].rsplit(",", 1)[-1].strip()
    after = text[mention.end :].split(",", 1)[0]
    return not before and bool(re.match(r"\s+[A-Za-z]", after))


def clean_role(text: str) -> str:
    if "(" in text:
        text = _BRACKETED_ABBREVIATION.sub("", text)
    if "–" in text or "—" in text:
        text = _LONG_DASH.sub(" - ", text)
    text = text.strip(" ,;:-()\t.")
    previous = None
    while previous != text:
        previous = text
        edge = lowered(text)
        # ("$" also matches before a last line feed)
        if edge.startswith(_EDGE_OPENINGS) or edge.removesuffix("\n").endswith(_EDGE_ENDINGS):
            text = _EDGE_WORDS.sub("", text)
        text = text.strip(" ,;:-.")
    return " ".join(text.split())


def _add_org(organisations: list[Ref], ref: Ref) -> None:
    if all(existing.id != ref.id for existing in organisations):
        organisations.append(ref)
