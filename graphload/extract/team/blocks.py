"""Candidate teams by their shape: runs of entries, lists inside one line, prose.

* a run: consecutive lines (list items, table rows or plain lines) each holding one
  person, with up to two unreadable lines or blank gaps inside it;
* an inline list: one line whose entries are separated by semicolons or bullets,
  usually after a colon ("The peer team was: A, …; B, …; and C, …");
* prose: a sentence about the team, read by ``prose.py``.

Every line is read once and every rule is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphload.extract.councils import CouncilFinder
from graphload.extract.names import take_name
from graphload.extract.reading import Line
from graphload.extract.sentences import clip, sentence_around
from graphload.extract.team.cues import Verdict, weigh
from graphload.extract.team.entry import (
    MAX_ENTRY_CHARS,
    PeerEntry,
    parse_cells,
    parse_entry,
    reads_as_prose,
)

MAX_GAP = 2  # blank lines allowed inside a run
MAX_MISSES = 2  # unreadable lines allowed inside a run
MAX_RUN = 40
MAX_PROSE_LINE = 20_000
_INLINE_SPLIT = re.compile(r"\s*(?:;|•|●|▪|·)\s*(?:and\s+)?")
# _INLINE_SPLIT from its mark on: a pattern that opens with the mark is found quickly.
_INLINE_MARK = re.compile(r"[;•●▪·]\s*(?:and\s+)?")
_SENTENCE_TAIL = re.compile(
    r"(?<=[a-z)])\s+(?=(?:They|The|This|These|We|It|In|Our|He|She|Their)\s+[a-z])"
)
# The words a sentence tail opens with: looked for first, then the spaces before them.
_TAIL_OPENING = re.compile(r"(?:They|The|This|These|We|It|In|Our|He|She|Their)\s+[a-z]")
_BEFORE_TAIL = frozenset("abcdefghijklmnopqrstuvwxyz)")
# An entry that ends with an employer or a bracket is whole: no wrapped line follows it.
_COMPLETE_ENTRY = re.compile(
    r"(?:Council|Councils|LGA|Association|Service|Trust|Ltd|Limited|plc|Authority|NHS|"
    r"[.:;)])\s*$"
)
_CELLS = re.compile(r"\t| {3,}")  # table cells: tabs, or columns of spaces in plain text
# A sentence in the first person after each person: their own words ("I would recommend
# it…"), so the people are quoted (testimonials, a peers' page), not listed as a team.
_FIRST_PERSON = re.compile(r"(?:^|[\s\"“‘(])(?:I|I['’](?:ve|m|d|ll))\b|\b(?:my|me)\b")
# Its two halves, each opening with its letter so that the engine looks only there: "I"
# at the start or after a space, quote or bracket; "my" or "me" as a word.
_FIRST_PERSON_I = re.compile(r"I(?<![^\s\"“‘(]I)(?:\b|['’](?:ve|m|d|ll)\b)")
_FIRST_PERSON_ME = re.compile(r"m(?<!\wm)[ye]\b")
QUOTED_PENALTY = 5


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
    quoted = 0  # entries followed by a sentence in the first person

    def close() -> None:
        nonlocal run, misses, quoted
        if run:
            verdict = weigh(context, run, "list")
            if quoted and quoted >= (len(run) if len(run) <= 2 else len(run) - 1):
                verdict = Verdict(
                    verdict.score - QUOTED_PENALTY,
                    f"{verdict.cue}; people quoted in their own words",
                )
            blocks.append(Block(run, verdict))
        run, misses, quoted = [], 0, 0

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
        if entry is None and run and (line.kind == "heading" or _introduces(line.text)):
            close()  # a new heading or introduction: whatever follows is another list
            recent = [line.text]
            continue
        if entry is None:
            if run:
                misses += 1
                in_own_words = misses == 1 and _in_own_words(line.text)
                quoted += in_own_words
                long_line = len(line.text) > MAX_ENTRY_CHARS and not line.bullet
                if misses > MAX_MISSES or long_line and not in_own_words:
                    close()
            if not run:
                recent = [recent[-1], line.text] if recent else [line.text]
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


_WORD = re.compile(r"[^\W\d_]{2,}")


def _introduces(text: str) -> bool:
    """A line that introduces what follows: words ending in a colon ("We would like to
    thank:"), not a stray colon."""
    return text.endswith(":") and len(_WORD.findall(text[:200])) >= 2


def _in_own_words(text: str) -> bool:
    """A sentence in the first person or in quotation marks: "I always learn…",
    "“The new model has great potential…”"."""
    if len(text.split()) < 5:
        return False
    return text[:1] in '"“' or text[:1].isupper() and _in_the_first_person(text)


def _in_the_first_person(text: str) -> bool:
    """Whether ``_FIRST_PERSON`` finds a word in the first person in ``text``."""
    return bool(_FIRST_PERSON_I.search(text) or _FIRST_PERSON_ME.search(text))


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
        if ";" in text or "•" in text or "●" in text or "▪" in text:
            colon = text.find(":")
            intro, body = (text[: colon + 1], text[colon + 1 :]) if colon >= 0 else ("", text)
            pieces = [p for p in _inline_pieces(body) if p.strip()]
            entries: list[PeerEntry] = []
            for piece in pieces:
                piece = _before_sentence_tail(piece)
                entry = parse_entry(piece, finder)
                if entry and not reads_as_prose(entry):
                    start = max(0, text.find(entry.name))
                    entry.line, entry.evidence = line.number, clip(sentence_around(text, start))
                    entries.append(entry)
            if len(entries) >= 2:
                blocks.append(Block(entries, weigh([previous, intro], entries, "inline list")))
        previous = text
    return blocks


def _inline_pieces(body: str) -> list[str]:
    """``_INLINE_SPLIT.split(body)``: split at each mark, then the spaces before the mark
    (which that pattern takes into its match) cut off the piece before it."""
    pieces = _INLINE_MARK.split(body)
    return [piece.rstrip() for piece in pieces[:-1]] + pieces[-1:]


def _before_sentence_tail(piece: str) -> str:
    """``_SENTENCE_TAIL.split(piece, maxsplit=1)[0]``: the piece up to the spaces before
    a new sentence's first word, found from that word (the pattern opens with a
    look-behind, so the engine would try every character)."""
    opening = _TAIL_OPENING.search(piece)
    while opening:
        start = end = opening.start()
        while start > 0 and piece[start - 1].isspace():
            start -= 1
        if 0 < start < end and piece[start - 1] in _BEFORE_TAIL:
            return piece[:start]
        opening = _TAIL_OPENING.search(piece, end + 1)
    return piece


# A list flattened into one paragraph with only a dash after each name (a PDF copied as
# text): "…were: Ann Example – Chief Executive, Leeds City Council Councillor Bob Sample
# (Labour) – Leader of Salford City Council Cat Trial – …".
_NAME_DASH = re.compile(r"\s[–—-]\s")
_NAME_TITLE = re.compile(r"(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame)\.?$")
_HONOURS = re.compile(r"(?:OBE|MBE|CBE|DBE|KBE|JP|DL)[,.]?$")
_BRACKET_AT_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_TOKEN = re.compile(r"\S+")
_NAME_WINDOW = 80
_LAST_ENTRY_CHARS = 200


def dash_lists(lines: list[Line], finder: CouncilFinder) -> list[Block]:
    """Entries run together after a colon, each a name followed by a dash."""
    blocks: list[Block] = []
    previous = ""
    for line in lines:
        text = line.text[:MAX_PROSE_LINE]
        if ":" in text and text.count("–") + text.count("—") + text.count(" - ") >= 2:
            block = _dash_list(text, line, previous, finder)
            if block:
                blocks.append(block)
        previous = text or previous
    return blocks


def _dash_list(text: str, line: Line, previous: str, finder: CouncilFinder) -> Block | None:
    starts = [s for s in (_name_before(text, m.start()) for m in _NAME_DASH.finditer(text)) if s]
    opened = next(
        (i for i, s in enumerate(starts) if text[max(0, s - 20) : s].rstrip().endswith(":")), None
    )
    if opened is None:
        return None
    pieces: list[str] = []
    for index in range(opened, len(starts)):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else None
        if end is None or end - start > MAX_ENTRY_CHARS:
            pieces.append(_last_entry(text[start : start + _LAST_ENTRY_CHARS], finder))
            break
        pieces.append(text[start:end])
    entries: list[PeerEntry] = []
    for piece in pieces:
        entry = parse_entry(piece, finder)
        if entry and not reads_as_prose(entry):
            entry.line, entry.evidence = line.number, clip(piece.strip())
            entries.append(entry)
    if len(entries) < 2:
        return None
    intro = text[: starts[opened]].rstrip()
    return Block(entries, weigh([previous, intro], entries, "flattened list"))


def _name_before(text: str, dash: int) -> int | None:
    """Where the name before a dash begins: a title within its last words ("Councillor
    Bob Sample (Labour)"), else its last two words ("Ann Example")."""
    window_start = max(0, dash - _NAME_WINDOW)
    window = text[window_start:dash]
    bracket = _BRACKET_AT_END.search(window)
    if bracket:
        window = window[: bracket.start()]
    tokens = list(_TOKEN.finditer(window))
    while tokens and _HONOURS.match(tokens[-1].group()):
        tokens.pop()
    if len(tokens) < 2:
        return None
    last = tokens[-5:]
    titled = [t for t in last[:-1] if _NAME_TITLE.match(t.group())]
    first = titled[-1] if titled else tokens[-2]
    start = window_start + first.start()
    span = take_name(text[start : window_start + tokens[-1].end()])
    return start if span is not None else None


def _last_entry(text: str, finder: CouncilFinder) -> str:
    """The last entry runs into the next heading: end it at its bracket or employer."""
    bracket = text.find(")")
    if bracket >= 0:
        return text[: bracket + 1]
    mentions = finder.find(text)
    return text[: mentions[0].end] if mentions else ""
