"""Candidate teams by their shape: runs of entries, lists inside one line, prose.

* a run: consecutive lines (list items, table rows or plain lines) each holding one
  person, with up to two unreadable lines or blank gaps inside it;
* an inline list: one line whose entries are separated by semicolons or bullets,
  usually after a colon ("The peer team was: A, …; B, …; and C, …");
* prose: a sentence about the team ("The review was led by A (…), assisted by B and C,
  Role, Org") whose people are read at the points where a new name may begin.

Every line is read once and every rule is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphload.extract.councils import CouncilFinder
from graphload.extract.names import ROLE_WORDS, take_name
from graphload.extract.reading import Line
from graphload.extract.sentences import clip, sentence_around
from graphload.extract.team.cues import ACCEPT, OTHER_PEOPLE, Verdict, weigh
from graphload.extract.team.entry import (
    MAX_ENTRY_CHARS,
    PeerEntry,
    describe,
    parse_cells,
    parse_entry,
    reads_as_prose,
)
from graphload.vocab.text import fold

MAX_GAP = 2  # blank lines allowed inside a run
MAX_MISSES = 2  # unreadable lines allowed inside a run
MAX_RUN = 40
MAX_PROSE_LINE = 20_000
_INLINE_SPLIT = re.compile(r"\s*(?:;|•|●|▪|·)\s*(?:and\s+)?")
_SENTENCE_TAIL = re.compile(
    r"(?<=[a-z)])\s+(?=(?:They|The|This|These|We|It|In|Our|He|She|Their)\s+[a-z])"
)
_PROSE_CUE = re.compile(
    r"\b(?:led|assisted|supported|facilitated|joined|accompanied|conducted|undertaken|"
    r"delivered|carried out|managed|co-?ordinated)\s+by\b|"
    r"\b(?:team|panel|peers|reviewers)\s+(?:[\w'’-]+\s+){0,4}?(?:was|were|comprised|"
    r"consisted|consists|consist|comprising|included|includes|comprises|made up)\b|"
    r"\b(?:peer|review|challenge|the)\s+(?:team|panel)\s*\(|"
    r"\bwho (?:had )?led the\b"
)
_TEAMISH = re.compile(
    r"\b(?:team|review|challenge|assessment|panel|peers?|visit|session)\b", re.IGNORECASE
)
_BOUNDARY = re.compile(
    r"(?:^|,\s+|;\s+|:\s+|\band\s+|\bby\s+|\bfrom\s+|\bwith\s+|\bof\s+|\(\s*|[•●▪]\s*|"
    r"\b(?:[a-z]{3,}ed|including|namely|were|was|are|is)\s+)"
)
# Where a person's description ends in prose: the next clause of the sentence.
_CLAUSE = re.compile(
    r",?\s*\b(?:assisted|supported|joined|accompanied|were|was|is|are|has|have|had)\b"
    r"|(?<=[a-z)])\s+(?=(?:They|The|This|These|We|It|In|Our|He|She)\s)"
)
_WORD = re.compile(r"\S+")
# An entry that ends with an employer or a bracket is whole: no wrapped line follows it.
_COMPLETE_ENTRY = re.compile(
    r"(?:Council|Councils|LGA|Association|Service|Trust|Ltd|Limited|plc|Authority|NHS|"
    r"[.:;)])\s*$"
)
_CELLS = re.compile(r"\t| {3,}")  # table cells: tabs, or columns of spaces in plain text
# Substrings a cue cannot do without: testing them first is far cheaper than the regexes.
_PEER_ROLE_HINT = re.compile(
    r"(?:lead|member|officer) peer|peer (?:review |challenge )?(?:officer|manager|lead)|"
    r"reviewer|(?:challenge|review) manager"
)


def may_hold_cue(lowered: str) -> bool:
    """Whether a lower-cased text holds the words a cue cannot do without (unrolled
    substring tests: far cheaper than the cue regexes on the many lines without one)."""
    if " by " in lowered or " led the" in lowered or "team (" in lowered:
        return True
    has_noun = "team" in lowered or "panel" in lowered or "peers" in lowered
    return (has_noun or "reviewers" in lowered) and (
        "was" in lowered
        or "were" in lowered
        or "compris" in lowered
        or "consist" in lowered
        or "includ" in lowered
        or "made up" in lowered
        or "panel (" in lowered
    )


def may_describe_peer(lowered: str) -> bool:
    return ("peer" in lowered or "review" in lowered or "challenge" in lowered) and bool(
        _PEER_ROLE_HINT.search(lowered)
    )


LEAD = "Lead peer"
# Words of a job written before a name: "Chief Fire Officer Dave Curry".
JOB_WORDS = ROLE_WORDS | {"fire", "finance", "operating", "technical"}
# A person described as a member of the team, wherever the sentence is.
PEER_ROLE = re.compile(
    r"\b(?:lead peer|member peer|officer peer|peer (?:review |challenge )?(?:officer|manager|"
    r"lead)|peer reviewers?|challenge manager|review manager)\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\bled by\b", re.IGNORECASE)
_WHO_LED = re.compile(r"\s*,?\s*who (?:had )?led the\b[^,;]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z‘'\"(“])")
_NOT_SENTENCE_END = re.compile(r"(?:^|\s)(?:[A-Z]|Dr|Mr|Mrs|Ms|Cllr|St|Prof|Revd|Rev)$")


@dataclass
class Block:
    entries: list[PeerEntry]
    verdict: Verdict


def list_runs(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """Runs of lines that each hold one person, weighed by what introduces them."""
    blocks: list[Block] = []
    run: list[PeerEntry] = []
    context: list[str] = []
    recent: list[str] = []  # the last non-empty lines that held no person
    gap = misses = 0

    def close() -> None:
        nonlocal run, misses
        if run:
            verdict = weigh(context, run, "list")
            blocks.append(Block(run, verdict))
        run, misses = [], 0

    last_text = ""
    for line in lines:
        if not line.text:
            gap += 1
            if run and gap > MAX_GAP:
                close()
            continue
        entry = _line_entry(line, finder)
        if entry is None and run and misses == 0 and gap == 0:
            wrapped = _wrapped_entry(last_text, line, finder)
            if wrapped and wrapped.name == run[-1].name:
                # an entry wrapped onto a second line (a PDF's column): read it whole
                last_text = f"{last_text} {line.text}"
                wrapped.line, wrapped.evidence = run[-1].line, clip(last_text)
                run[-1] = wrapped
                continue
        gap = 0
        if entry is None and run and (line.kind == "heading" or line.text.endswith(":")):
            close()  # a new heading or introduction: whatever follows is another list
            recent = [line.text]
            continue
        if entry is None:
            if run:
                misses += 1
                if misses > MAX_MISSES or len(line.text) > MAX_ENTRY_CHARS and not line.bullet:
                    close()
            if not run:
                recent = (recent + [line.text])[-2:]
            continue
        if not run:
            context = list(recent)
        entry.line, entry.evidence = line.number, clip(line.text)
        run.append(entry)
        last_text = line.text
        misses = 0
        if len(run) >= MAX_RUN:
            close()
            recent = []
    close()
    return blocks


def _wrapped_entry(previous: str, line: Line, finder: CouncilFinder) -> PeerEntry | None:
    """The previous entry read again with ``line`` after it, when ``line`` looks like its
    continuation: short, no bullet of its own, and the entry did not end a sentence."""
    if line.bullet or len(line.text) > 120 or _COMPLETE_ENTRY.search(previous):
        return None
    if take_name(line.text) is not None:
        return None
    entry = parse_entry(f"{previous} {line.text}", finder)
    return None if entry is None or reads_as_prose(entry) else entry


def _line_entry(line: Line, finder: CouncilFinder) -> PeerEntry | None:
    if len(line.text) > MAX_ENTRY_CHARS:
        return None
    cells = _CELLS.split(line.raw) if "\t" in line.raw or "   " in line.raw else None
    entry = parse_cells(cells, finder) if cells and len(cells) > 1 else None
    entry = entry or parse_entry(line.text, finder)
    return None if entry is None or reads_as_prose(entry) else entry


def inline_lists(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """Entries separated by semicolons or bullets inside one line."""
    blocks: list[Block] = []
    previous = ""
    for line in lines:
        text = line.text[:MAX_PROSE_LINE]
        if not text:
            continue
        if text.count(";") + text.count("•") + text.count("●") + text.count("▪") >= 1:
            colon = text.find(":")
            intro, body = (text[: colon + 1], text[colon + 1 :]) if colon >= 0 else ("", text)
            pieces = [p for p in _INLINE_SPLIT.split(body) if p.strip()]
            entries: list[PeerEntry] = []
            for piece in pieces:
                piece = _SENTENCE_TAIL.split(piece, maxsplit=1)[0]
                entry = parse_entry(piece, finder)
                if entry and not reads_as_prose(entry):
                    start = max(0, text.find(entry.name))
                    entry.line, entry.evidence = line.number, clip(sentence_around(text, start))
                    entries.append(entry)
            if len(entries) >= 2:
                blocks.append(Block(entries, weigh([previous, intro], entries, "inline list")))
        previous = text
    return blocks


def prose(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """People in sentences about the team ("led by A (…), assisted by B and C, …"), and
    people a sentence describes as peers ("A, …, Lead Peer Review Officer, and B, …")."""
    blocks: list[Block] = []
    for line in lines:
        text = line.text[:MAX_PROSE_LINE]
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text  # a letter whose lower case is longer: read as written
        if not (may_hold_cue(lowered) or may_describe_peer(lowered)):
            continue
        for start, end in _sentences(text):
            sentence = text[start:end]
            entries, label = _team_in_sentence(sentence, lowered[start:end], finder)
            for entry in entries:
                entry.line, entry.evidence = line.number, clip(sentence)
            if entries:
                blocks.append(Block(entries, Verdict(ACCEPT, label)))
    return blocks


def _team_in_sentence(
    sentence: str, lowered: str, finder: CouncilFinder
) -> tuple[list[PeerEntry], str]:
    """The team a sentence names: after a cue, or from the first person it describes as a
    peer. ``lowered`` is the sentence in lower case, where the cues are searched."""
    cues = _PROSE_CUE.finditer(lowered) if may_hold_cue(lowered) else iter(())
    cue = next((c for c in cues if _introduces_people(sentence, c)), None)
    if (
        cue
        and not OTHER_PEOPLE.search(sentence[: cue.start()])
        and _TEAMISH.search(lowered[: cue.end() + 30])
    ):
        who_led = cue.group().startswith("who")
        people = _people_in(sentence, finder, max(0, cue.start() - 150) if who_led else cue.start())
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
    return [], ""


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


def _people_in(sentence: str, finder: CouncilFinder, start: int = 0) -> list[tuple[int, PeerEntry]]:
    """The people a sentence names at the points where a name may begin, each with what
    is written up to the next one (and where that point is)."""
    found: list[tuple[int, int, str, bool, str]] = []  # (start, name end, name, cllr, job)
    position = 0
    for boundary in _BOUNDARY.finditer(sentence, start):
        if boundary.end() < position:
            continue
        job, name_start = _job_before_name(sentence, boundary.end())
        span = take_name(sentence, name_start)
        if span is None or finder.council(span.name):
            continue
        found.append((boundary.start(), span.end, span.name, span.councillor, job))
        position = span.end
    people: list[tuple[int, PeerEntry]] = []
    joined_to_next: list[bool] = []
    for index, (boundary_start, name_end, name, councillor, job) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(sentence)
        rest = sentence[name_end:stop]
        led_before = bool(_LED_BY.search(sentence, max(0, boundary_start - 12), boundary_start + 3))
        led_after = _WHO_LED.match(rest)
        if led_after:
            rest = rest[led_after.end() :]
        rest = _CLAUSE.split(rest, maxsplit=1)[0].rstrip(" .")
        if job:
            rest = f"{job}, {rest.lstrip(' ,')}" if rest.strip(" ,") else job
        lead = LEAD if led_before or led_after else None
        people.append((boundary_start, describe(name, councillor, rest, finder, lead)))
        joined_to_next.append(sentence[stop : stop + 5].lstrip().startswith("and"))
    # "A and B from the LGA": A shares B's employer.
    for index in range(len(people) - 2, -1, -1):
        entry, following = people[index][1], people[index + 1][1]
        if joined_to_next[index] and not entry.described:
            entry.organisations = list(following.organisations)
            entry.role = entry.role or following.role
    return people


def _job_before_name(sentence: str, start: int) -> tuple[str, int]:
    """ "Chief Fire Officer Dave Curry": the job written before a name, and where the
    name starts (``start`` itself when there is none)."""
    position = start
    words: list[str] = []
    for match in _WORD.finditer(sentence, start):
        if match.start() != position or len(words) >= 4:
            break
        word = match.group()
        if not (word[:1].isupper() and fold(word) in JOB_WORDS):
            break
        words.append(word)
        position = match.end() + 1
    if not words or take_name(sentence, position) is None:
        return "", start
    return " ".join(words), position
