"""What review a document is about: its kind, the council(s) reviewed and when."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphload.extract.councils import CouncilFinder
from graphload.extract.dates import VisitDates, find_visit_or_year
from graphload.extract.lowered import contains_any, holds_any, lowered
from graphload.extract.reading import Line
from graphload.extract.reviewed import CouncilDecision, decide_council
from graphload.gazetteer import Gazetteer
from graphload.records import PeerInfo, Ref

_REVIEWED = r"peer (?:review|challenge)"
# Most specific first: a title naming several kinds is the first it names here.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "Corporate Peer Challenge Progress Review",
        re.compile(
            r"progress review|follow[- ]up (?:visit|review)|peer (?:review|challenge) re-?visit"
            r"|peer (?:challenge|review)\b[^.]{0,20}?\bfollow[- ]?up\b",
            re.I,
        ),
    ),
    (
        "Fire Peer Challenge",
        re.compile(
            rf"\bfire (?:and rescue )?(?:service )?{_REVIEWED}|fire and rescue[^.]{{0,60}}"
            rf"{_REVIEWED}|operational assessment and fire"
            rf"|\bfire service[^.]{{0,60}}{_REVIEWED}|{_REVIEWED}[^.]{{0,60}}fire and rescue",
            re.I,
        ),
    ),
    (
        "Finance Peer Review",
        re.compile(
            r"financ\w* peer (?:review|challenge)|\bLGA financ\w* (?:review|challenge)", re.I
        ),
    ),
    (
        "Planning Peer Challenge",
        re.compile(
            rf"\bplanning (?:service )?{_REVIEWED}"
            rf"|{_REVIEWED} (?:of|into) [^.]{{0,40}}\bplanning (?:department|service|function)"
            # the Planning Advisory Service's reviews: "PAS review", "review by the PAS"
            r"|(?-i:\bPAS\b)[^.]{0,20}\breview\b|\breview(?:ed)? by (?:the )?Planning Advisory "
            r"Service|Planning Advisory Service\b[^.]{0,40}?\b(?:review|analysis|peer|challenge)",
            re.I,
        ),
    ),
    (
        "Adult Social Care Peer Challenge",
        re.compile(
            rf"\badults?'?(?: social care| services| and health| safeguarding)*[^.]{{0,30}}"
            rf"{_REVIEWED}|safeguarding adults[^.]{{0,20}}{_REVIEWED}"
            rf"|\bADASS\b[^.]{{0,40}}{_REVIEWED}"
            rf"|{_REVIEWED}\s+(?:undertaken\s+|carried out\s+)?by\s+[^.]{{0,40}}?"
            r"(?:\bADASS\b|Adult Social Services)",
            re.I,
        ),
    ),
    (
        "Children's Services Peer Review",
        re.compile(
            rf"\bchildren[’']?s?[’']?(?: services?| social care| safeguarding)*[^.]{{0,20}}"
            rf"{_REVIEWED}|safeguarding (?:children )?{_REVIEWED}|\bSEND {_REVIEWED}"
            rf"|{_REVIEWED} (?:of|on|into) children"
            rf"|(?-i:\bSEND\b)[^.]{{0,20}}{_REVIEWED}|{_REVIEWED}[^.]{{0,40}}(?-i:\bSEND\b)",
            re.I,
        ),
    ),
    (
        "Youth Justice Peer Review",
        re.compile(
            rf"\byouth (?:justice|offending)(?: services?)? {_REVIEWED}"
            rf"|{_REVIEWED}[^.]{{0,30}}\byouth (?:justice|offending)",
            re.I,
        ),
    ),
    (
        "Health and Wellbeing Peer Challenge",
        re.compile(rf"\bhealth and well-?being(?: boards?)? {_REVIEWED}", re.I),
    ),
    ("Governance Peer Challenge", re.compile(rf"\bgovernance {_REVIEWED}", re.I)),
    (
        "Equality, Diversity and Inclusion Peer Challenge",
        re.compile(rf"\b(?:equality|diversity|inclusion|EDI)\b[^.]{{0,30}}{_REVIEWED}", re.I),
    ),
    ("Communications Peer Review", re.compile(rf"\bcommunications? {_REVIEWED}", re.I)),
    ("Corporate Peer Challenge", re.compile(r"corporate peer (?:challenge|review)", re.I)),
    (
        "Town and Parish Council Peer Review",
        re.compile(
            rf"\b(?:town|parish|local) councils?\b[^.]{{0,60}}{_REVIEWED}|\bNALC\b[^.]{{0,80}}"
            rf"{_REVIEWED}|{_REVIEWED}[^.]{{0,40}}\b(?:town|parish) council",
            re.I,
        ),
    ),
    ("Peer Challenge", re.compile(r"peer challenge", re.I)),
    ("Peer Review", re.compile(r"peer review", re.I)),
]
_GENERIC_KINDS = {"Peer Challenge", "Peer Review"}
# A title names a kind of review only if it holds one of these: one test rules most
# lines out. (So "Progress Review" alone is no title; its own words are not here.)
_KIND_HINT_WORDS = ("peer", "follow", "operational", "lga financ")
# In the body, a review by the Planning Advisory Service names a kind too (its pages say
# "review" or "analysis", seldom "peer").
_BODY_HINT_WORDS = (*_KIND_HINT_WORDS, "planning advisory", "pas review")


def _names_a_kind_maybe(text: str, hints: tuple[str, ...] = _KIND_HINT_WORDS) -> bool:
    return holds_any(text, hints)


# The generic kinds are plain wordings: most titles hold one, found without the patterns.
_GENERIC_WORDINGS = tuple(pattern.pattern for kind, pattern in KINDS if kind in _GENERIC_KINDS)


# Every match of a kind's pattern holds one of its words (lowered): the pattern is tried
# only on text that holds one.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "Corporate Peer Challenge Progress Review": ("progress review", "follow", "visit"),
    "Fire Peer Challenge": ("fire",),
    "Finance Peer Review": ("financ",),
    "Planning Peer Challenge": ("planning", "pas "),
    "Adult Social Care Peer Challenge": ("adult", "adass"),
    "Children's Services Peer Review": ("children", "safeguarding", "send"),
    "Youth Justice Peer Review": ("youth",),
    "Health and Wellbeing Peer Challenge": ("wellbeing", "well-being"),
    "Governance Peer Challenge": ("governance",),
    "Equality, Diversity and Inclusion Peer Challenge": (
        "equality",
        "diversity",
        "inclusion",
        "edi",
    ),
    "Communications Peer Review": ("communication",),
    "Corporate Peer Challenge": ("corporate peer challenge", "corporate peer review"),
    "Town and Parish Council Peer Review": ("council", "nalc"),
    "Peer Challenge": ("peer challenge",),
    "Peer Review": ("peer review",),
}


def _kinds_named(text: str, kinds: list[tuple[str, re.Pattern[str]]] = KINDS) -> list[str]:
    """The kinds (of ``kinds``) whose pattern matches ``text``, in order."""
    low = lowered(text)
    return [
        kind
        for kind, pattern in kinds
        if contains_any(low, _KIND_WORDS[kind]) and pattern.search(text)
    ]


def _names_a_kind(text: str) -> bool:
    """Whether any of KINDS matches ``text``."""
    return holds_any(text, _GENERIC_WORDINGS) or bool(_kinds_named(text))


TITLE_LINES_AFTER = 4
MAX_TITLE_CHARS = 140


@dataclass
class ReviewFacts:
    kind: str | None
    councils: list[Ref]
    visit: VisitDates | None
    year: int | None
    line: Line | None  # where the reviewed councils were read
    warnings: list[str] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # title lines naming a kind of review


def title_anchors(lines: list[Line]) -> list[int]:
    """Indexes of short title-like lines that name a kind of review."""
    anchors = []
    for index, line in enumerate(lines):
        text = line.text
        if not text or len(text) > MAX_TITLE_CHARS or text.endswith("."):
            continue
        if _names_a_kind_maybe(text) and _names_a_kind(text):
            anchors.append(index)
    return anchors


def review_kind(lines: list[Line], anchors: list[int]) -> str | None:
    """The most specific kind named by the first few titles (a page's <title> may say
    only "Peer challenge" where its heading says "Corporate Peer Challenge")."""
    titles = [_with_line_before(lines, index) for index in anchors[:3]]
    in_titles = {kind for title in titles for kind in _kinds_named(title)}
    titled = next((kind for kind, _ in KINDS if kind in in_titles), None)
    if titled and titled not in _GENERIC_KINDS:
        return titled
    # Not in a title: the most specific kind the text names (a progress review only
    # from a title: reports of a challenge announce the progress review to come).
    counts = Counter(
        kind
        for line in lines
        if _names_a_kind_maybe(line.text, _BODY_HINT_WORDS)
        for kind in _kinds_named(line.text, KINDS[1:])
    )
    specific = Counter({k: n for k, n in counts.items() if k not in _GENERIC_KINDS})
    body_kind = specific.most_common(1)[0][0] if specific else None
    if body_kind in (None, "Corporate Peer Challenge") and _tells_of_a_progress_review(
        lines, counts["Corporate Peer Challenge"]
    ):
        return KINDS[0][0]
    if body_kind:
        return body_kind
    return titled or (counts.most_common(1)[0][0] if counts else None)


# A progress review told as done, not announced: "this Progress Review", "the Progress
# Review at X took place", "the peer team undertook a one day follow up visit", "the
# team returned to X to assess progress".
_PROGRESS_TOLD = re.compile(
    r"\bthis (?:progress review|follow[- ]up visit)\b"
    r"|\b(?:progress review|follow[- ]up visit)\b[^.]{0,60}?\b(?:took place|was held|was "
    r"carried out|was undertaken)\b"
    r"|\b(?:undertook|carried out|made|completed)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:progress review|follow[- ]up visit)\b"
    r"|\b(?:returned|came back)\b[^.]{0,40}?\bto (?:assess|review|look at) (?:the )?progress\b",
    re.I,
)
# Every match of _PROGRESS_TOLD and of the progress review's kind holds one of these
# (searched as written: a quicker test than lowering every line).
_PROGRESS_PIECES = ("rogress", "ROGRESS", "ollow", "OLLOW")


def _tells_of_a_progress_review(lines: list[Line], challenge_lines: int) -> bool:
    """A progress review is told as done, and named on more lines than the corporate peer
    challenge it follows (a challenge's page may tell of its progress review too)."""
    told = False
    naming = 0
    progress = KINDS[0][1]
    for line in lines:
        if contains_any(line.text, _PROGRESS_PIECES):
            said = _PROGRESS_TOLD.search(line.text)
            told = told or bool(said)
            naming += bool(said or progress.search(line.text))
    return told and naming > challenge_lines


def _with_line_before(lines: list[Line], index: int) -> str:
    """A title and the short line above it ("Slough Children's Service" over "Safeguarding
    Peer Review")."""
    before = next((ln for ln in reversed(lines[:index]) if ln.text), None)
    if before and len(before.text) <= MAX_TITLE_CHARS and not before.text.endswith((".", ":")):
        return f"{before.text} / {lines[index].text}"
    return lines[index].text


def title_end_line(lines: list[Line], anchors: list[int]) -> int:
    """The last line number that still counts as a title area (for visit dates): the
    fourth line with text after each title, or the document's last line."""
    with_text = [index for index, line in enumerate(lines) if line.text]
    ends = []
    for index in anchors:
        after = bisect_right(with_text, index) + TITLE_LINES_AFTER - 1
        ends.append(lines[with_text[after]].number if after < len(with_text) else lines[-1].number)
    first_lines = [lines[index].number for index in with_text[:6]]
    return max(ends + first_lines[-1:] + [0])


def settle_council(
    facts: ReviewFacts,
    lines: list[Line],
    finder: CouncilFinder,
    peers: list[PeerInfo],
    signpost_lines: Iterable[int] = (),
    stated: Ref | None = None,
) -> CouncilDecision:
    """Decide the reviewed council(s) once the team is known, and record it in ``facts``.

    ``stated`` is the council the user named (``--council``); it wins, with a
    warning when the text pointed elsewhere.
    """
    decision = decide_council(
        lines,
        facts.anchors,
        finder,
        team=[(p.line, p.name, [o.id for o in p.organisations]) for p in peers if p.line],
        employers=[o.id for p in peers for o in p.organisations],
        signpost_lines=signpost_lines,
        title_lines_after=TITLE_LINES_AFTER,
        max_title_chars=MAX_TITLE_CHARS,
    )
    if stated is not None:
        if decision.councils and stated.id not in {c.id for c in decision.councils}:
            facts.warnings.append(
                f"the text points to {' and '.join(c.name for c in decision.councils)}; "
                f"took {stated.name} as stated with --council"
            )
        facts.councils, facts.line = [stated], None
        return decision
    facts.councils, facts.line = decision.councils, decision.line
    if decision.warning:
        facts.warnings.append(decision.warning)
    return decision


def read_review(lines: list[Line], gazetteer: Gazetteer) -> tuple[ReviewFacts, CouncilFinder]:
    anchors = title_anchors(lines)
    warnings: list[str] = []
    visit, year_seen = find_visit_or_year(lines, title_end_line(lines, anchors))
    year = visit.start.year if visit else None
    if year is None:
        if year_seen:
            year = year_seen.year
        else:
            warnings.append("no visit date or year found")
    finder = CouncilFinder(gazetteer, year)
    for line in lines:
        if "(" in line.text:  # an abbreviation is defined in brackets: most lines have none
            finder.learn(line.text)
    kind = review_kind(lines, anchors)
    return ReviewFacts(kind, [], visit, year, None, warnings, anchors), finder
