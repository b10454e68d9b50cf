"""Which council (or fire and rescue service, or town council) a review is of.

Every body the document names (``bodies.bodies_in``) is a candidate; cues add points (a title, "peer
challenge of X", "X invited", "visit to X", being named again and again, also by a
defined abbreviation) and a body met as a peer's employer or in a signpost loses
them. A candidate wins only with a clear margin over the next; otherwise the
review gets none and a warning naming the leaders. A wrong council is worse than
none. Every rule reads each line once (linear in the document).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from graphload.extract.bodies import Named, bodies_in
from graphload.extract.councils import LGA, CouncilFinder
from graphload.extract.lowered import contains_any, first_match, lowered
from graphload.extract.organisations import typed_organisations
from graphload.extract.reading import Line
from graphload.gazetteer import Gazetteer
from graphload.records import Ref

LGA_ID = LGA.id
TITLE_POINTS = 10.0  # named in a title that names a kind of review, or just under it
OPENING_POINTS = 3.0  # named in the document's first short lines
OPENING_ALONE_POINTS = 8.0  # ... as the whole of one of them: a cover page
PHRASE_POINTS = 6.0  # "peer challenge of X", "X invited", "visit to X"...
MAX_PHRASES = 2
MENTION_POINTS = 1.0  # each time it is named elsewhere
MAX_MENTION_POINTS = 12.0
EMPLOYER_PENALTY = 5.0  # each time it is a peer's employer (at most twice)
MIN_SCORE = 4.0
MARGIN = 2.0  # the winner needs twice the runner-up's score
MIN_LEAD = 6.0  # ... and this many points more
MIN_MENTIONS = 3  # with no cue at all, named this often (and twice the runner-up)

_ROLE = (
    r"Chief|Executive|Director|Officer|Head|Leader|Manager|Member|Councillor|Cllr|Portfolio|"
    r"Cabinet|Deputy|Assistant|Adviser|Advisor|Associate|Mayor|Chair\w*|former|"
    r"formerly|Treasurer|Clerk|Commissioner|Secretary"
)
# Job titles as news pages write them, in lower case (not "member", "former": "member of
# earlier peer teams working with X" says no employer).
_ROLE_LOWER = (
    r"chief executive|director|head|leader|manager|officer|councillor|commissioner|"
    r"chair(?:man|woman)?|clerk|mayor"
)
# A mention written as someone's employer: "Chief Executive, X", "director of X" (news
# pages write roles in lower case), "Name (X", "Leader of the Council at X", "formerly
# of X", "a team from X".
_EMPLOYER_BEFORE = re.compile(
    rf"(?:\b(?:{_ROLE}|{_ROLE_LOWER})\b[^.;:!?]{{0,60}}?"
    r"(?:,|–|—|-|\(|\bat|\bof|\bfrom|\bfor|\bwith)\s*"
    r"|\b(?!(?:Peer|Challenge|Review|Report|Feedback|Corporate|Council)\b)[A-Z][a-z'’-]+\s+"
    r"(?!(?:Peer|Challenge|Review|Report|Feedback)\b)[A-Z][a-z'’-]+\s*(?:,|\(|–|—|-)\s*"
    r"|\b(?:team|peers?|panel|colleagues?|officers?|councillors?)\b[^.;:]{0,60}\bfrom\s*"
    r"|\b(?!(?:Peer|Challenge|Review|Report|Association|Government)\b)[A-Z][a-z'’-]+\s+"
    r"(?!(?:Peer|Challenge|Review|Report|Association|Government)\b)[A-Z][a-z'’-]+\s+"
    r"(?:of|from)\s+"
    r"|\bfrom\s*)(?:the\s+)?$"
)
# Every match of _EMPLOYER_BEFORE ends, before an optional "the", with one of these.
_EMPLOYER_BEFORE_ENDS = (",", "–", "—", "-", "(", "at", "of", "from", "for", "with")
# "Wigan Council's Chief Executive, Ann Example": someone's employer, written first.
_EMPLOYER_AFTER = re.compile(rf"^(?:'s|’s)\s+(?:{_ROLE}|{_ROLE_LOWER})\b")
_TEAM_WORDS = re.compile(
    r"\b(?:peers?|team|panel|led by|assisted by|supported by|joined by|reviewers?)\b", re.I
)
# A short line about the team ("Team: A Council, B Council") is not a title.
_TEAM_LINE = re.compile(
    r"\b(?:team|panel|led by|assisted by|supported by|members were|peers were)\b", re.I
)
_LIST_JOIN = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?$")
# ... with places that name no body between: "from Devon & Somerset, Cheshire, and X".
_LIST_JOIN_OVER_PLACES = re.compile(
    r"^\s*(?:,|and|&|,\s*and)\s*(?:(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s*(?:,\s*and|,|and|&)"
    r"\s*){1,3}(?:the\s+)?$"
)
_MAX_JOIN_CHARS = 60
# Pointing the council at someone else's practice: "Signpost: X", "signposted to X",
# "learn from X" (the verb "signpost online resources" is not).
_SIGNPOST = re.compile(
    r"^\W*signpost\b|\bsignpost(?:ed|ing|s)?\s+(?:\w+\s+){0,3}?to\b|\blearn(?:ing)? from\b",
    re.I,
)

# Phrases that say which body the review is of; the name follows or precedes.
_CUE_BEFORE_NAME = re.compile(
    r"\b(?:peer (?:challenge|review)|review|challenge|assessment|visit|visiting|hosted|panel)\s+"
    r"(?:team\s+)?(?:(?:undertaken|carried out|held|conducted|delivered|completed)\s+)?"
    r"(?:of|at|to|for|in|with)\s+(?:the\s+)?$"
    r"|\bvisit(?:ed|ing)?\s+(?:the\s+)?$"
    r"|\b(?:findings|feedback|report)\s+(?:to|for|on|about)\s+(?:the\s+)?$"
    r"|\bat the (?:request|invitation) of\s+(?:the\s+)?$"
    # "spending four days at X to provide ... challenge": the LGA reports' own wording.
    r"|\bspen(?:d|ds|ding|t)\s+(?:[\w-]+\s+){0,3}?(?:days?|weeks?)\s+"
    r"(?:on[- ]?site\s+)?(?:at|with|in)\s+(?:the\s+)?$",
    re.I,
)
_CUE_AFTER_NAME = re.compile(
    r"^(?:'s?|’s?)?\s*(?:\([^)]{1,12}\)\s*)?(?:"
    r"(?:[A-Z][\w'’]*\s+){0,3}(?:has|have|had)?\s*(?:decided to\s+)?"
    r"(?:invited|commission(?:ed|s)?\b|requested|asked|welcomed|hosted|participated|"
    r"received|undertook|volunteered|took part)\b"
    r"|(?:is|was)\s+(?:the\s+)?(?:latest|first|second|third|fourth|next)\b"
    r"|(?:has\s+|have\s+)?(?:had|underwent|undergone)\s+(?:a|an|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?peer (?:challenge|review)\b"
    r"|(?:to|will)\s+(?:participate|host|take part)\b"
    r"|(?:is|are|was|were)\s+(?:currently\s+)?(?:taking|to take|due to take)\s+part\b"
    r"|(?:has|have)\s+(?:(?:this|last)\s+(?:week|month)\s+|today\s+|now\s+|recently\s+)?"
    r"(?:published|announced|released)\s+(?:the\s+)?(?:findings|outcomes?|results|report)\b"
    r"|[\s–—:-]*(?:Corporate\s+|Finance\s+|Planning\s+)?Peer (?:Challenge|Review)\b"
    r"|'?s?\s+(?:corporate\s+)?peer (?:challenge|review)\b"
    r"|\s*(?:Fire\s+)?Peer Challenge\b"
    # "Hartlepool's youth offending service is set to be reviewed"
    r"|(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:service|services|department)\s+(?:is|are|was|were|"
    r"has been|have been)\s+(?:set to be\s+|to be\s+|due to be\s+)?(?:reviewed|praised)\b"
    r")",
    re.I,
)
# Every match of _CUE_BEFORE_NAME begins with one of these.
_CUE_BEFORE_STARTS = (
    "peer",
    "review",
    "challenge",
    "assessment",
    "visit",
    "hosted",
    "panel",
    "findings",
    "feedback",
    "report",
    "at the",
    "spen",
)
_BEFORE_WINDOW = 60
_AFTER_WINDOW = 60


# Every match of _TEAM_WORDS begins with one of these, lowered; every match of _SIGNPOST
# after the line's start begins with one of _SIGNPOST_STARTS.
_TEAM_STARTS = (
    "peer",
    "team",
    "panel",
    "led by",
    "assisted by",
    "supported by",
    "joined by",
    "reviewer",
)
_SIGNPOST_STARTS = ("signpost", "learn")


def _employer_before(before: str) -> bool:
    """``_EMPLOYER_BEFORE.search(before)``, tried only when ``before`` ends as every
    match does (most text before a name does not)."""
    core = before.rstrip()
    ends_so = core.endswith(_EMPLOYER_BEFORE_ENDS) or (
        len(core) < len(before)
        and core.endswith("the")
        and core[:-3].rstrip().endswith(_EMPLOYER_BEFORE_ENDS)
    )
    return ends_so and bool(_EMPLOYER_BEFORE.search(before))


# Every match of _CUE_BEFORE_NAME ends with one of these words (lowered), then white
# space and an optional "the" with white space after it.
_CUE_BEFORE_ENDS = (
    "of",
    "at",
    "to",
    "for",
    "in",
    "with",
    "on",
    "about",
    "visit",
    "visited",
    "visiting",
)


def _cue_before(before: str) -> re.Match[str] | None:
    """``_CUE_BEFORE_NAME.search(before)``, tried only when ``before`` ends as every
    match does (most text before a name does not)."""
    core = before.rstrip()
    if len(core) == len(before):
        return None
    if lowered(core[-3:]) == "the":  # no cue word ends so: the optional "the"
        core = core[:-3].rstrip()
    if not lowered(core[-8:]).endswith(_CUE_BEFORE_ENDS):
        return None
    return first_match(_CUE_BEFORE_NAME, before, _CUE_BEFORE_STARTS)


def _joined(between: str) -> bool:
    """Whether two names are items of one list (``between`` is the text between them)."""
    if _LIST_JOIN.match(between):
        return True
    return (
        len(between) <= _MAX_JOIN_CHARS
        and not between.isspace()
        and between.lstrip()[:1] in (",", "&", "a")
        and bool(_LIST_JOIN_OVER_PLACES.match(between))
    )


def _mentions_team(text: str, in_team: bool) -> bool:
    return in_team or first_match(_TEAM_WORDS, text, _TEAM_STARTS) is not None


def _in_signpost(text: str, in_signpost_section: bool) -> bool:
    """Whether ``_SIGNPOST.search(text)`` finds it (or the line is in a signpost's
    section): the pattern is tried at the line's start and where its words are."""
    if in_signpost_section:
        return True
    low = lowered(text)
    return contains_any(low, _SIGNPOST_STARTS) and bool(
        _SIGNPOST.match(text) or first_match(_SIGNPOST, text, _SIGNPOST_STARTS, low)
    )


class _Lazy:
    """A yes/no about a line, worked out only if asked (most lines never ask)."""

    def __init__(self, work: Callable[[], bool]) -> None:
        self._work = work
        self._value: bool | None = None

    def __call__(self) -> bool:
        if self._value is None:
            self._value = self._work()
        return self._value


@dataclass
class Cue:
    line: int
    what: str
    points: float


@dataclass
class Candidate:
    ref: Ref
    cues: list[Cue] = field(default_factory=list)
    mentions: int = 0
    employer: int = 0
    first_line: Line | None = None
    title_line: int | None = None  # index of the line that names it in a title
    lead_line: Line | None = None  # where its strongest cue was read: the evidence
    lead_points: float = 0.0
    phrases: int = 0
    order: int = 0  # how many bodies were named before it first was
    joint: str | None = None  # one phrase named it in a list with others: "review of X and Y"
    someones_employer: int = 0  # named as someone's employer off the team's lines

    def saturated(self, in_title: bool) -> bool:
        """Named so often already that more mentions add nothing here (phrases found
        later are not looked for: a council named a dozen times is decided by then)."""
        return self.mentions * MENTION_POINTS >= MAX_MENTION_POINTS and (
            self.title_line is not None or not in_title
        )

    def add(self, cue: Cue, line: Line) -> None:
        self.cues.append(cue)
        if cue.points > self.lead_points:
            self.lead_line, self.lead_points = line, cue.points

    @property
    def score(self) -> float:
        strong = sum(c.points for c in self.cues)
        named = min(self.mentions * MENTION_POINTS, MAX_MENTION_POINTS)
        return strong + named - EMPLOYER_PENALTY * min(self.employer, 2)

    def explain(self) -> str:
        parts = [f"{c.what} (line {c.line}, +{c.points:g})" for c in self.cues]
        if self.mentions:
            parts.append(f"named {self.mentions} time(s) (+{min(self.mentions, 12):g})")
        if self.employer:
            penalty = EMPLOYER_PENALTY * min(self.employer, 2)
            parts.append(f"a peer's employer {self.employer} time(s) (-{penalty:g})")
        return "; ".join(parts)


@dataclass
class CouncilDecision:
    councils: list[Ref]
    line: Line | None
    candidates: list[Candidate]  # every candidate, best first
    warning: str | None = None


def decide_council(
    lines: list[Line],
    anchors: list[int],
    finder: CouncilFinder,
    team: Iterable[tuple[int, str, Iterable[str]]] = (),
    employers: Iterable[str] = (),
    signpost_lines: Iterable[int] = (),
    title_lines_after: int = 4,
    max_title_chars: int = 140,
) -> CouncilDecision:
    """Weigh every body the document names and decide which the review is of."""
    # A peer's line: its number and the peer's surname on it (an HTML page on one
    # physical line gives every block the same number).
    on_line: dict[int, list[tuple[str, set[str]]]] = {}
    for number, name, organisations in team:
        surname = name.split()[-1] if name.split() else name
        on_line.setdefault(number, []).append((surname, set(organisations)))
    employer_ids = set(employers)
    signposts = set(signpost_lines)
    title_zone = _title_zone(lines, anchors, title_lines_after, max_title_chars)
    opening = set(islice((index for index, line in enumerate(lines) if line.text), 3))
    org_abbreviations: dict[str, Ref] = {}
    candidates: dict[str, Candidate] = {}

    def candidate(ref: Ref, line: Line) -> Candidate:
        found = candidates.get(ref.id)
        if found is None:
            found = candidates[ref.id] = Candidate(ref, order=len(candidates))
        return found

    for index, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        named = bodies_in(text, finder, org_abbreviations)
        if not named:
            continue
        # The employers of the peers read from this line (an HTML page on one physical
        # line gives every block the same number: the peer's name must be on it too).
        peers_here = [orgs for surname, orgs in on_line.get(line.number, ()) if surname in text]
        in_team = bool(peers_here)
        line_employers = set().union(*peers_here) if peers_here else set()
        in_title = (
            index in title_zone
            and len(text) <= max_title_chars
            and not _TEAM_LINE.search(text)
            and not _after_a_person(lines, index)
        )
        about_team = _Lazy(partial(_mentions_team, text, in_team))
        in_signpost = _Lazy(partial(_in_signpost, text, line.number in signposts))
        previous_employer = previous_place = False
        previous_phrase: tuple[Candidate, str] | None = None
        previous_end = -1
        for item in named:
            entry = candidate(item.ref, line)
            if entry.saturated(in_title) and not about_team():
                previous_employer, previous_end = False, item.end
                previous_place, previous_phrase = False, None
                continue  # nothing more to learn from it here: skip the work
            before = text[max(0, item.start - _BEFORE_WINDOW) : item.start]
            after = text[item.end : item.end + _AFTER_WINDOW]
            joined = previous_end >= 0 and _joined(text[previous_end : item.start])
            if item.bare and ((joined and previous_place) or _names_a_region(before)):
                # "councils in Leicestershire & Rutland": a place, not a body reviewed
                previous_employer, previous_place, previous_end = False, True, item.end
                previous_phrase = None
                continue
            previous_place = False
            shared = previous_phrase if joined and _may_share_a_phrase(item.ref) else None
            previous_phrase = None
            cue_before = _cue_before(before)
            as_employer = item.ref.id in line_employers or (
                not cue_before
                and (
                    _employer_before(before)
                    or bool(_EMPLOYER_AFTER.match(after))
                    or (joined and previous_employer)
                )
            )
            previous_employer, previous_end = as_employer, item.end
            if as_employer:
                # Someone's employer: a peer's when the line is about the team, else
                # perhaps the council's own officer ("its Chief Executive, X"): no points.
                if about_team():
                    entry.employer += 1
                else:
                    entry.someones_employer += 1
                continue
            if in_title:
                if entry.title_line is None:
                    entry.title_line = index
                    entry.add(Cue(line.number, "named in the title", TITLE_POINTS), line)
                continue
            if in_signpost():
                continue
            if index in opening and len(text) <= max_title_chars and not cue_before:
                if not any(c.what.startswith("named in the opening") for c in entry.cues):
                    if _alone_on_line(text, item) and not _after_a_person(lines, index):
                        cue = Cue(
                            line.number, "named alone on an opening line", OPENING_ALONE_POINTS
                        )
                    else:
                        cue = Cue(line.number, "named in the opening lines", OPENING_POINTS)
                    entry.add(cue, line)
            phrase = cue_before or _CUE_AFTER_NAME.match(after)
            said = _clip(phrase.group(0)) if phrase else None
            if said is None and shared is not None:
                # "a peer challenge of X and Y": the phrase before X names Y too
                first, said = shared
                first.joint = first.joint or first.ref.id
                entry.joint = first.joint
            if said is not None and _may_share_a_phrase(item.ref):
                previous_phrase = (entry, said)
            if said is not None and entry.phrases < MAX_PHRASES:
                entry.phrases += 1
                entry.add(Cue(line.number, f"“{said}”", PHRASE_POINTS), line)
            else:
                entry.mentions += 1
                entry.first_line = entry.first_line or line
    for ref_id in employer_ids & candidates.keys():
        candidates[ref_id].employer = max(candidates[ref_id].employer, 1)
    ranked = sorted(candidates.values(), key=lambda c: -c.score)  # stable: first named first
    return _decide(ranked)


def _decide(ranked: list[Candidate]) -> CouncilDecision:
    top = ranked[0] if ranked else None
    if top is not None and not top.cues:
        named_often = _named_most_often(ranked)
        if named_often:
            return named_often
    if top is None or top.score < MIN_SCORE:
        leaders = [c for c in ranked if c.score > 0][:3]
        if not leaders:
            employers = [c.ref.name for c in ranked if c.employer][:3]
            someones = [c.ref.name for c in ranked if c.someones_employer][:3]
            for names, said in (
                (employers, "the text names no council but the peers' employers"),
                (someones, "the text names councils only as people's employers"),
            ):
                if names:
                    return CouncilDecision(
                        [],
                        None,
                        ranked,
                        f"{said} ({', '.join(names)}); none recorded as the reviewed council",
                    )
        return CouncilDecision([], None, ranked, _unclear(leaders))
    # A joint review: councils named together in the same title share the win.
    winners = [top]
    if top.title_line is not None:
        winners += [
            c
            for c in ranked[1:]
            if c.title_line == top.title_line and c.score >= top.score / MARGIN
        ]
    if top.joint is not None:  # ... and councils one phrase names together
        winners += [
            c
            for c in ranked[1:]
            if c.joint == top.joint and c not in winners and c.score >= top.score / MARGIN
        ]
    rest = [c for c in ranked if c not in winners]
    runner_up = max(rest[0].score, 0.0) if rest else 0.0
    weakest = min(w.score for w in winners)
    if weakest < MARGIN * runner_up or weakest - runner_up < MIN_LEAD:
        return CouncilDecision([], None, ranked, _unclear(ranked[:3]))
    in_document_order = [c for c in ranked_by_first_named(ranked) if c in winners]
    return CouncilDecision(
        [w.ref for w in in_document_order], top.lead_line or top.first_line, ranked
    )


def _named_most_often(ranked: list[Candidate]) -> CouncilDecision | None:
    """No cue at all: a council named at least three times, and twice as often as any
    other, is taken, with a warning saying so."""
    top = ranked[0]
    runner_up = max((c.score for c in ranked[1:]), default=0.0)
    if top.mentions >= MIN_MENTIONS and top.score >= MARGIN * max(runner_up, 0.5):
        return CouncilDecision(
            [top.ref],
            top.first_line,
            ranked,
            f"the reviewed council is not named in a title; took {top.ref.name}, "
            f"named {top.mentions} times",
        )
    return None


def _unclear(leaders: list[Candidate]) -> str:
    named = [c for c in leaders if c.score > 0]
    if not named:
        return "the text never names the reviewed council; none recorded"
    return (
        "the text never names the reviewed council for certain; none recorded (candidates: "
        + ", ".join(f"{c.ref.name} {c.score:g}" for c in named)
        + ")"
    )


def ranked_by_first_named(candidates: list[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: c.order)


def stated_council(name: str, gazetteer: Gazetteer) -> Ref | None:
    """The council a user names (``--council``): from the register, or a fire and rescue
    service or town/parish council named in full; None if it is neither."""
    entry = gazetteer.resolve(name.strip(), None)
    if entry is not None:
        return Ref.council(entry.code, entry.name)
    typed = typed_organisations(name.strip())
    if len(typed) == 1 and typed[0].end - typed[0].start == len(name.strip()):
        return typed[0].ref
    return None


def _title_zone(lines: list[Line], anchors: list[int], after: int, max_chars: int) -> set[int]:
    """Indexes of the titles that name a kind of review, the short lines under them and
    the short line above (a title set on two lines: "Slough Children's Service")."""
    zone: set[int] = set()
    for index in [i for i in anchors if not lines[i].text.rstrip().endswith(":")][:3]:
        zone.add(index)
        before = next((i for i in range(index - 1, -1, -1) if lines[i].text), None)
        if before is not None:
            text = lines[before].text
            if len(text) <= max_chars and not text.endswith((".", ":")):
                zone.add(before)
        seen = 0
        for following in range(index + 1, len(lines)):
            if seen >= after:
                break
            text = lines[following].text
            if not text:
                continue
            seen += 1
            if len(text) <= max_chars and not text.endswith((".", ":")):
                zone.add(following)
            else:
                break  # a sentence, or a list's introduction ("The peer team:")
    return zone


def _alone_on_line(text: str, item: Named) -> bool:
    return not text[: item.start].strip(" -–—:|*#") and not text[item.end :].strip(" .,;:")


_PERSON_OR_ROLE = re.compile(
    rf"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms)\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}}$"
    rf"|\b(?:{_ROLE})\b"
)


_NOT_A_PERSON = re.compile(
    r"\b(?:peer|challenge|review|report|councils?|feedback|letter|team|appendix)\b", re.I
)


def _after_a_person(lines: list[Line], index: int) -> bool:
    """The line before is a person's name or role: an address or signature block."""
    before = next((lines[i].text for i in range(index - 1, -1, -1) if lines[i].text), "")
    return (
        bool(before) and not _NOT_A_PERSON.search(before) and bool(_PERSON_OR_ROLE.search(before))
    )


# A place, not a body: "councils in Kent", "authorities across Leicestershire & Rutland".
_REGION_BEFORE = re.compile(
    r"\b(?:councils|authorities|parishes|areas|communities|towns)\s+"
    r"(?:in|across|throughout)\s+(?:the\s+)?$",
    re.I,
)


def _names_a_region(before: str) -> bool:
    """The bare place name after ``before`` is a region ("local councils in X")."""
    return lowered(before[-24:]).rstrip().endswith(("in", "across", "throughout", "the")) and bool(
        _REGION_BEFORE.search(before)
    )


def _may_share_a_phrase(ref: Ref) -> bool:
    """A council or a typed body (not the LGA) may be one of several reviewed together."""
    return ref.id != LGA_ID


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
