"""Teams written as prose: the people a sentence about the team names.

A sentence counts when it holds a team cue ("led by", "assisted by", "supported by",
"facilitated by", "managed by", "the team … comprised / consists of / was:", "who led the
team", "the peer team (…)") about a team, review, assessment or visit, or when it
describes someone as a peer ("Lead Peer Review Officer"). Its people are read at the
points where a new name may begin (after a comma, "and", "by", "of", "from", "with", a
bracket, a bullet or a verb), each with what is written up to the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from graphload.extract.councils import CouncilFinder
from graphload.extract.lowered import contains_any, first_match
from graphload.extract.names import NOT_NAME_WORDS, ROLE_WORDS, take_name
from graphload.extract.reading import Line
from graphload.extract.sentences import clip
from graphload.extract.team.blocks import MAX_PROSE_LINE, Block
from graphload.extract.team.cues import ACCEPT, Verdict, introduces_other_people
from graphload.extract.team.entry import PeerEntry, describe
from graphload.vocab.text import fold


@dataclass(frozen=True)
class CueFamily:
    """One family of wording that introduces a team in prose. Every match starts with
    one of the words in ``starts``, in a text that holds a word of each group in
    ``needs``: the pattern is tried only at those words of the lines that hold them, not
    at every character of every line (far cheaper, the same answer)."""

    pattern: re.Pattern[str]
    starts: tuple[str, ...]
    needs: tuple[tuple[str, ...], ...]
    # The word every match ends with, after whitespace just past its start word ("led
    # by"): then the pattern is tried only at a start word ending before an anchor (one
    # search for the anchor rather than one for each of many start words).
    anchor: str | None = None
    # The last two letters of the start words: a word before an anchor that ends
    # otherwise is none of them, and is passed over at once.
    endings: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "endings", frozenset(word[-2:] for word in self.starts))

    def search(self, lowered: str) -> bool:
        for group in self.needs:  # loops, not any(): this runs on many sentences
            for word in group:
                if word in lowered:
                    break
            else:
                return False
        return self.starts_here(lowered)

    def starts_here(self, lowered: str) -> bool:
        """Whether the pattern matches at one of the words it starts with."""
        if self.anchor is not None:
            return self._starts_before_anchor(lowered, self.anchor)
        for word in self.starts:
            at = lowered.find(word)
            while at >= 0:
                if self.pattern.match(lowered, at):
                    return True
                at = lowered.find(word, at + 1)
        return False

    def first_from(self, lowered: str, pos: int) -> re.Match[str] | None:
        """The pattern's first match in ``lowered`` that starts at ``pos`` or after."""
        if self.anchor is not None:
            return self._first_before_anchor(lowered, pos, self.anchor)
        best: re.Match[str] | None = None
        for word in self.starts:
            at = lowered.find(word, pos)
            while at >= 0 and (best is None or at < best.start()):
                match = self.pattern.match(lowered, at)
                if match:
                    best = match
                    break
                at = lowered.find(word, at + 1)
        return best

    def _first_before_anchor(self, lowered: str, pos: int, anchor: str) -> re.Match[str] | None:
        # The start words hold no anchor, so the matches come in the anchors' order.
        at = lowered.find(anchor, pos)
        while at >= 0:
            end = at
            while end > 0 and lowered[end - 1].isspace():
                end -= 1
            if end < at and lowered[end - 2 : end] in self.endings:
                for word in self.starts:
                    begin = end - len(word)
                    if begin >= pos and lowered.endswith(word, 0, end):
                        match = self.pattern.match(lowered, begin)
                        if match:
                            return match
            at = lowered.find(anchor, at + 1)
        return None

    def _starts_before_anchor(self, lowered: str, anchor: str) -> bool:
        at = lowered.find(anchor)
        while at >= 0:
            end = at  # back over the whitespace before the anchor: where a start word ends
            while end > 0 and lowered[end - 1].isspace():
                end -= 1
            if end < at and lowered[end - 2 : end] in self.endings:
                for word in self.starts:
                    if lowered.endswith(word, 0, end) and self.pattern.match(
                        lowered, end - len(word)
                    ):
                        return True
            at = lowered.find(anchor, at + 1)
        return False


# What a lead verb must govern to name the team's lead: the team, panel or visit, the
# review itself, or a peer review or challenge ("led the peer team", "will lead the
# review"), not another review ("led the scrutiny review", "the council's response").
_LED_OBJECT = (
    r"(?:(?:lga\s+|corporate\s+)?(?:peer|review|challenge|visiting)\s+)?"
    r"(?:(?:review|challenge)\s+)?(?:team|panel|visit|review|challenge)\b"
)

CUE_FAMILIES = (
    # "led by", "assisted by", "carried out by"
    CueFamily(
        re.compile(
            r"\b(?:led|assisted|supported|facilitated|joined|accompanied|conducted|undertaken|"
            r"delivered|carried out|managed|co-?ordinated)\s+by\b"
        ),
        (
            *("led", "assisted", "supported", "facilitated", "joined", "accompanied"),
            *("conducted", "undertaken", "delivered", "carried out", "managed"),
            *("co-ordinated", "coordinated"),
        ),
        (("by",),),
        anchor="by",
    ),
    # "the team was:", "the peers for this review were", "the panel comprised"
    CueFamily(
        re.compile(
            r"\b(?:team|panel|peers|reviewers)\s+(?:[\w'’-]+\s+){0,4}?(?:was|were|comprised|"
            r"consisted|consists|consist|comprising|included|includes|comprises|made up|"
            r"featured|features|featuring)\b"
        ),
        ("team", "panel", "peers", "reviewers"),
        (("team", "panel", "peer", "reviewer"),),  # the words peer roles need too
    ),
    # "the peer team (Ann Example, …)"
    CueFamily(
        re.compile(r"\b(?:peer|review|challenge|the)\s+(?:team|panel)\s*\("),
        ("peer", "review", "challenge", "the"),
        (("(",), ("team", "panel")),
    ),
    # "Ann Example, who led the review"
    CueFamily(re.compile(r"\bwho (?:had )?led the\b"), ("who ",), (("led the",),)),
    # "Ann Example, Director of X, will lead the review", "…, led the peer team"
    CueFamily(
        re.compile(r"\b(?:lead|led)\s+the\s+" + _LED_OBJECT),
        ("lead", "led"),
        (("lead the", "led the"),),
    ),
)
# All the families in one pattern: the cues of a sentence in order.
_PROSE_CUE = re.compile("|".join(family.pattern.pattern for family in CUE_FAMILIES))


def _cues_in(lowered: str, families: tuple[CueFamily, ...]) -> Iterator[re.Match[str]]:
    """``_PROSE_CUE.finditer(lowered)`` for a text that holds no cue of other families:
    each family's next match is found from its own words, and the first (the earlier
    family at the same place, as the pattern's alternatives) is the next cue."""
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for family in families:
            match = family.first_from(lowered, pos)
            if match and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return
        yield best
        pos = best.end()


_TEAMISH = re.compile(
    r"\b(?:team|review|challenge|assessment|panel|peers?|visit|session)\b", re.IGNORECASE
)
_TEAMISH_STARTS = ("team", "review", "challenge", "assessment", "panel", "peer", "visit", "session")

_BOUNDARY = re.compile(
    r"(?:^|,\s+|;\s+|:\s+|\band\s+|\bby\s+|\bfrom\s+|\bwith\s+|\bof\s+|\(\s*|[•●▪]\s*|"
    r"\b(?:[a-z]{3,}ed|including|namely|were|was|are|is)\s+)"
)

# Where a person's description ends in prose: the next clause of the sentence.
_CLAUSE = re.compile(
    r",?\s*\b(?:assisted|supported|joined|accompanied|were|was|is|are|has|have|had|"
    r"which|whose|whom)\b"
    r"|,?\s+and\s+(?:a|an|the|two|three|four|five|other|several|senior)\s"
    r"|(?<=[a-z)])\s+(?=(?:They|The|This|These|We|It|In|Our|He|She)\s)"
)

_WORD = re.compile(r"\S+")

# The wordings that describe a person as a peer, each beginning with a word it cannot do
# without: the search then skips along the text to that word, far faster than trying one
# pattern of alternatives at every character.
_PEER_ROLE_HINTS = (
    # "lead peer", "member peer", "peer review officer", "peer challenge manager"
    re.compile(
        r"peer(?:(?<=lead peer)|(?<=member peer)|(?<=officer peer)|"
        r" (?:review |challenge )?(?:officer|manager|lead))"
    ),
    re.compile(r"reviewer"),
    re.compile(r"manager(?:(?<=challenge manager)|(?<=review manager))"),
)
_PEER_ROLE_WORDS = ("peer", "reviewer", "manager")  # one of them is in every hint


def may_hold_cue(lowered: str) -> bool:
    """Whether a lower-cased text holds the words a cue cannot do without (unrolled
    substring tests: far cheaper than the cue regexes on the many lines without one)."""
    if " by " in lowered or " led the" in lowered or " lead the" in lowered or "team (" in lowered:
        return True
    has_noun = "team" in lowered or "panel" in lowered or "peers" in lowered
    return (has_noun or "reviewers" in lowered) and (
        "was" in lowered
        or "were" in lowered
        or "compris" in lowered
        or "consist" in lowered
        or "includ" in lowered
        or "made up" in lowered
        or "featur" in lowered
        or "panel (" in lowered
    )


def may_describe_peer(lowered: str) -> bool:
    """Whether a lower-cased text holds the words of a peer's role (cheaper than
    ``PEER_ROLE``, which then finds where)."""
    if "member of the" in lowered:
        return True
    for hint in _PEER_ROLE_HINTS:
        if hint.search(lowered):
            return True
    return False


def _holds_cue(lowered: str, families: tuple[CueFamily, ...] = CUE_FAMILIES) -> bool:
    """Whether a lower-cased text holds a cue of one of ``families`` (a sentence can hold
    only the families its line holds, so a sentence is tried for those alone)."""
    for family in families:
        if family.search(lowered):
            return may_hold_cue(lowered)
    return False


LEAD = "Lead peer"
# A place on the team said in apposition after a person's job: "…, manager at X and a
# reviewer on the first peer review", "…, Head of Planning at Y and a member of the peer
# review team".
_APPOSITION = (
    r"(?:a|the|lead)\s+reviewer\s+(?:on|for|in|with)\s+(?:[\w'’-]+\s+){0,3}?peer\s+"
    r"(?:review|challenge)|member\s+of\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:peer|review|"
    r"challenge)\s+(?:review\s+|challenge\s+)?team"
)
_APPOSED = re.compile(_APPOSITION, re.IGNORECASE)
# Words of a job written before a name: "Chief Fire Officer Dave Curry".
JOB_WORDS = ROLE_WORDS | {"fire", "finance", "operating", "technical"}
# A person described as a member of the team, wherever the sentence is.
PEER_ROLE = re.compile(
    r"\b(?:lead peer|member peer|officer peer|peer (?:review |challenge )?(?:officer|manager|"
    r"lead)|peer reviewers?|challenge manager|review manager|" + _APPOSITION + r")\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\bled by\b", re.IGNORECASE)
# A cue that names its lead before it ("who led the", "will lead the", "led the team").
_LEAD_VERB = re.compile(r"who\b|(?:lead|led)\s+the\b")
# A job, then the lead verb: "…, director of children's services for X, will lead the review".
_QUOTED = re.compile(r"[\"“”:]|\bsaid\b|\bsays\b")
_LEADS_LATER = re.compile(
    r",?\s*(?:who\s+)?(?:(?:will|would|shall|is to|is due to)\s+lead|led)\s+the\s+"
    + _LED_OBJECT
    + r"[^,;]*",
    re.IGNORECASE,
)
_WHO_LED = re.compile(r"\s*,?\s*who (?:had )?led the\b[^,;]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z‘'\"(“])")
_NOT_SENTENCE_END = re.compile(r"(?:^|\s)(?:[A-Z]|Dr|Mr|Mrs|Ms|Cllr|Coun|St|Prof|Revd|Rev)$")


def prose(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """People in sentences about the team ("led by A (…), assisted by B and C, …"), and
    people a sentence describes as peers ("A, …, Lead Peer Review Officer, and B, …")."""
    blocks: list[Block] = []
    texts = [line.text[:MAX_PROSE_LINE] for line in lines]
    lowered_lines = [  # a letter whose lower case is longer: read as written
        (lowered if len(lowered := text.lower()) == len(text) else text) if text else text
        for text in texts
    ]
    cues_by_line = _cues_by_line(lowered_lines)
    for index in sorted(cues_by_line):
        line, text, lowered = lines[index], texts[index], lowered_lines[index]
        families = cues_by_line[index]
        for start, end in _sentences(text):
            sentence = text[start:end]
            entries, label = _team_in_sentence(sentence, lowered[start:end], finder, families)
            for entry in entries:
                entry.line, entry.evidence = line.number, clip(sentence)
            if entries:
                blocks.append(Block(entries, Verdict(ACCEPT, label)))
    return blocks


def _lines_about_the_team(lowered_lines: list[str]) -> list[int]:
    """The lines that hold a cue or a peer's role (a sentence can hold one only where its
    line does)."""
    return sorted(_cues_by_line(lowered_lines))


def _cues_by_line(lowered_lines: list[str]) -> dict[int, tuple[CueFamily, ...]]:
    """The lines about the team, each with the cue families it may hold (none for a line
    that only describes a peer). The lines that hold each word a cue needs are found
    once (a substring test a line: quicker than searching the whole document and
    placing each find in its line), and only those lines are read further."""
    written = [(index, text) for index, text in enumerate(lowered_lines) if text]
    holding: dict[str, set[int]] = {}

    def lines_holding(word: str) -> set[int]:
        if word not in holding:
            holding[word] = {index for index, text in written if word in text}
        return holding[word]

    def lines_holding_one_of(group: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        for word in group:
            found |= lines_holding(word)
        return found

    candidates_of: list[set[int]] = []  # the lines holding each family's words
    for family in CUE_FAMILIES:
        candidates = lines_holding_one_of(family.needs[0])
        for group in family.needs[1:]:
            # tested in those lines alone: a search of every (long) line costs more
            candidates = {i for i in candidates if contains_any(lowered_lines[i], group)}
        candidates_of.append(candidates)
    chosen: dict[int, tuple[CueFamily, ...]] = {}
    for position, family in enumerate(CUE_FAMILIES):
        for index in candidates_of[position] - chosen.keys():
            lowered = lowered_lines[index]
            if family.starts_here(lowered) and may_hold_cue(lowered):
                # the families before this one are not in the line, nor in its sentences;
                # nor are the later ones without their words
                chosen[index] = tuple(
                    later
                    for later, lines in zip(
                        CUE_FAMILIES[position:], candidates_of[position:], strict=True
                    )
                    if index in lines
                )
    for index in lines_holding_one_of(_PEER_ROLE_WORDS) - chosen.keys():
        lowered = lowered_lines[index]
        if may_describe_peer(lowered) and PEER_ROLE.search(lowered):
            chosen[index] = ()  # no cue in the line (or not its words): none to look for
    for index in lines_holding("team") - chosen.keys():
        lowered = lowered_lines[index]  # "…and a member of the review team": no peer word
        if "member of the" in lowered and PEER_ROLE.search(lowered):
            chosen[index] = ()
    return chosen


def _team_in_sentence(
    sentence: str,
    lowered: str,
    finder: CouncilFinder,
    families: tuple[CueFamily, ...] = CUE_FAMILIES,
) -> tuple[list[PeerEntry], str]:
    """The team a sentence names: after a cue, or from the first person it describes as a
    peer. ``lowered`` is the sentence in lower case, where the cues are searched;
    ``families`` the cue families its line holds."""
    held = bool(families) and _holds_cue(lowered, families)
    cues = _cues_in(lowered, families) if held else iter(())
    cue = next((c for c in cues if _introduces_people(sentence, c)), None)
    if (
        cue
        and not introduces_other_people(sentence[: cue.start()])
        and first_match(_TEAMISH, lowered[: cue.end() + 30], _TEAMISH_STARTS)
    ):
        who_led = _LEAD_VERB.match(cue.group()) is not None
        # a team's members ("comprised", "featured", "the peer team (") may be named by a
        # councillor's title alone; its helpers ("supported by") may be the council's own
        members = not who_led and not cue.group().endswith("by")
        start = max(0, cue.start() - 150) if who_led else cue.start()
        people = _people_in(sentence, finder, start, titled_described=members)
        if who_led:
            kept = [e for _, e in people if e.team_role == LEAD]
        else:
            kept = [e for start, e in people if start >= cue.start() or e.team_role == LEAD]
        return [e for e in kept if e.described], f"prose: '{' '.join(cue.group().split())}'"
    described = PEER_ROLE.search(lowered) if may_describe_peer(lowered) else None
    if described:
        named = [e for _, e in _people_in(sentence, finder, max(0, described.start() - 250))]
        first = next((i for i, e in enumerate(named) if _described_as_peer(e)), None)
        if first is not None:
            kept = [e for e in named[first:] if e.described]
            return kept, "prose: a person described as a peer"
        apposed = _apposed_peer(sentence, finder, described)
        if apposed is not None:
            return [apposed], "prose: a person described as a peer"
    return [], ""


def _apposed_peer(
    sentence: str, finder: CouncilFinder, described: re.Match[str]
) -> PeerEntry | None:
    """The person whose description holds the team words, when they are said in
    apposition ("A, manager at X and a reviewer on the peer review, says…"): that person
    alone, not the others the sentence names."""
    if not _APPOSED.match(sentence, described.start()):
        return None
    at = described.start()
    people = _people_in(sentence, finder, max(0, at - 250))
    before = [entry for start, entry in people if start < at]
    if not before or not before[-1].described:
        return None
    entry = before[-1]
    words = " ".join(sentence[at : described.end()].split())
    entry.team_role = entry.team_role or re.sub(r"^(?:a|the)\s+", "", words, flags=re.I)
    return entry


def _introduces_people(sentence: str, cue: re.Match[str]) -> bool:
    """ "The peers were: …" or "The peers were Ann Example, …", not "The peer team were
    impressed by …": after "was"/"were" a colon or a name must follow."""
    if not cue.group().endswith(("was", "were")):
        return True
    after = cue.end()
    while after < len(sentence) and sentence[after] == " ":
        after += 1
    return sentence[after : after + 1] == ":" or take_name(sentence, after) is not None


def _described_as_peer(entry: PeerEntry) -> bool:
    return bool(PEER_ROLE.search(" ".join(filter(None, [entry.role, entry.team_role]))))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        if _NOT_SENTENCE_END.search(text, max(0, match.start() - 6), match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


def _people_in(
    sentence: str, finder: CouncilFinder, start: int = 0, titled_described: bool = False
) -> list[tuple[int, PeerEntry]]:
    """The people a sentence names at the points where a name may begin, each with what
    is written up to the next one (and where that point is)."""
    found: list[tuple[int, int, str, bool, str]] = []  # (start, name end, name, cllr, job)
    position = 0
    for boundary in _BOUNDARY.finditer(sentence, start):
        if boundary.end() < position:
            continue
        job, name_start = _job_before_name(sentence, boundary.end())
        span = take_name(sentence, name_start)
        if span is None:
            job, name_start = _employer_and_job_before_name(sentence, boundary.end(), finder)
            span = take_name(sentence, name_start) if job else None
        if span is None or finder.council(span.name):
            continue
        found.append((boundary.start(), span.end, span.name, span.councillor, job))
        position = span.end
    people: list[tuple[int, PeerEntry]] = []
    joined_to_next: list[bool] = []
    for index, (boundary_start, name_end, name, councillor, job) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(sentence)
        rest = sentence[name_end:stop]
        if _SENTENCE_GOES_ON.match(rest) and not _is_job_word(rest.split(None, 1)[0]):
            rest = ""  # "B throughout the week": the sentence goes on, no description
        led_before = bool(_LED_BY.search(sentence, max(0, boundary_start - 12), boundary_start + 3))
        led_after = _WHO_LED.match(rest)
        if led_after:
            rest = rest[led_after.end() :]
        else:
            led_after = _LEADS_LATER.search(rest) if "le" in rest else None
            if led_after and _QUOTED.search(rest, 0, led_after.start()):
                led_after = None  # 'A, Leader, said: "We will lead the review…"': their words
            if led_after:
                rest = rest[: led_after.start()]
        close = rest.find(")")
        if close >= 0 and "(" not in rest[:close]:
            rest = rest[:close]  # "the peer team (A, …, and B, Manager at X) met…": B's ends
        rest = _CLAUSE.split(rest, maxsplit=1)[0].rstrip(" .")
        if job:
            rest = f"{job}, {rest.lstrip(' ,')}" if rest.strip(" ,") else job
        lead = LEAD if led_before or led_after else None
        entry = describe(name, councillor, rest, finder, lead)
        if titled_described and councillor and not entry.described:
            entry.role = "Councillor"  # "Cllr Ann Example": the title is a description
        people.append((boundary_start, entry))
        joined_to_next.append(sentence[stop : stop + 5].lstrip().startswith("and"))
    # "A and B from the LGA": A shares B's employer.
    for index in range(len(people) - 2, -1, -1):
        entry, following = people[index][1], people[index + 1][1]
        if joined_to_next[index] and not entry.described:
            entry.organisations = list(following.organisations)
            entry.role = entry.role or following.role
    return people


_MAX_WORDS_BEFORE_NAME = 8
# A peer written after their employer holds a senior post; "officer" alone is staff.
_SENIOR_JOB_WORDS = frozenset(
    "chief director leader chair chairman chairwoman head executive mayor president "
    "commissioner deputy former cabinet councillor".split()
)
# After a name, a word in lower case that joins no description to it ("of", "at"…).
_SENTENCE_GOES_ON = re.compile(
    r"\s+(?!(?:of|at|from|for|with|in|on|representing|formerly|previously|now)\b)[a-z]"
)
_ORGANISATION_JOINERS = {"and", "of", "&", "the", "for"}
_POSSESSIVE = re.compile(r"['’]s$")


def _is_job_word(word: str) -> bool:
    """ "chief", "Officer", "vice-chairman": a word of a job, in any case."""
    return any(fold(part) in JOB_WORDS for part in word.split("-"))


def _employer_and_job_before_name(
    sentence: str, start: int, finder: CouncilFinder
) -> tuple[str, int]:
    """ "Kent's chief fire officer, Ann Example", "Royal Berkshire Fire Authority
    vice-chairman Bob Sample": the employer and job written before a name, as "job,
    employer", and where the name starts ("", ``start`` when there is none)."""
    if not sentence[start : start + 1].isupper():
        return "", start  # an employer opens with a capital: most boundaries do not
    ahead = sentence[start : start + 160].split(None, _MAX_WORDS_BEFORE_NAME)
    if not any(_is_job_word(word.rstrip(",")) for word in ahead[1:_MAX_WORDS_BEFORE_NAME]):
        return "", start  # no job word where one must be: no name read at each word
    words: list[str] = []
    position = start
    for _ in range(_MAX_WORDS_BEFORE_NAME):
        if words and take_name(sentence, position) is not None:
            break
        match = _WORD.match(sentence, position)  # words one space apart
        if match is None:
            return "", start
        word = match.group()
        words.append(word.rstrip(","))
        position = match.end() + 1
        if words[-1] != word:
            break  # "…officer, Ann Example": the name must follow the comma
    if not words or take_name(sentence, position) is None:
        return "", start
    split = len(words)
    while split > 0 and _is_job_word(words[split - 1]):
        split -= 1  # the job: the job words just before the name
    employer, job = words[:split], words[split:]
    if not job or not employer or not _reads_as_employer(employer, finder):
        return "", start
    if not any(part in _SENIOR_JOB_WORDS for w in job for part in fold(w).split()):
        return "", start  # "Wigan Council officer A": the council's own staff, not a peer
    return f"{' '.join(job)}, {_POSSESSIVE.sub('', ' '.join(employer))}", position


def _reads_as_employer(words: list[str], finder: CouncilFinder) -> bool:
    """Capitalised words (and "and", "of"…), only the last one possessive ("Kent's"),
    that name a body: a council, or words with a proper name among them ("Royal
    Berkshire Fire Authority"), not "Council" or "The Council's" alone (the council's
    own officers)."""
    for index, word in enumerate(words):
        if not (word[:1].isupper() or word in _ORGANISATION_JOINERS):
            return False
        if index < len(words) - 1 and _POSSESSIVE.search(word):
            return False
    if not words[0][:1].isupper():
        return False
    if finder.council(_POSSESSIVE.sub("", " ".join(words))):
        return True
    proper = [w for w in words if fold(_POSSESSIVE.sub("", w)) not in NOT_NAME_WORDS]
    return len(words) >= 2 and any(w not in _ORGANISATION_JOINERS for w in proper)


def _job_before_name(sentence: str, start: int) -> tuple[str, int]:
    """ "Chief Fire Officer Dave Curry": the job written before a name, and where the
    name starts (``start`` itself when there is none)."""
    position = start
    words: list[str] = []
    while len(words) < 4:
        match = _WORD.match(sentence, position)  # words one space apart
        if match is None:
            break
        word = match.group()
        if not (word[:1].isupper() and fold(word) in JOB_WORDS):
            break
        words.append(word)
        position = match.end() + 1
    if not words or take_name(sentence, position) is None:
        return "", start
    return " ".join(words), position
