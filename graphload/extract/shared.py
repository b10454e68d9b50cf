"""Shared services: councils that share a chief executive, a management team or services.

Read three ways: a sentence that says so of a coordinated list of councils
("Suffolk Coastal and Waveney councils ... shared management arrangements"), or of
"the two councils" of a joint review (with any council joined by "with"); a
signpost about two or more councils that share; and an officer peer whose one
role spans several councils ("Chief Executive, Bromsgrove District Council and
Redditch Borough Council").
"""

from __future__ import annotations

import re
from collections import Counter

from graphload.extract.councils import CouncilFinder, Mention
from graphload.extract.lowered import contains_any, first_match, lowered
from graphload.extract.peers import RoleGroup
from graphload.extract.reading import Line
from graphload.extract.sentences import sentence_around
from graphload.records import Ref, SharedServiceInfo, SignpostInfo

_SHARING = re.compile(
    r"\b(shar(?:e|ed|es|ing)|jointly|joint management|single management "
    r"team|integrated (?:management|staffing|services?|team)|"
    r"councils partnership)\b",
    re.I,
)
_WHAT = re.compile(
    r"\b(?:shar(?:e|ed|es|ing)|joint|single|integrated)\s+(?:an?\s+|the\s+|their\s+|most\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:chief executive|management team|management|services?|staffing|"
    r"workforce|capacity|arrangements|partnership|structure|model|director|revenues?|"
    r"benefits|officer team|team)\b",
    re.I,
)
# Every match of _SHARING contains one of these: a cheap test on the lowered line first.
_SHARING_WORDS = ("shar", "joint", "single management team", "integrated", "councils partnership")
_THE_COUNCILS = re.compile(r"\b(?:the|both)\s+(?:two\s+|three\s+)?councils\b", re.I)
_JOINED = re.compile(r"^\s*(?:,|and|&|with)\s*$", re.I)


def _may_mention_sharing(text: str) -> bool:
    return contains_any(text.lower(), _SHARING_WORDS)


def _sharing(text: str, low: str | None = None) -> re.Match[str] | None:
    return first_match(_SHARING, text, _SHARING_WORDS, low)


def _sharing_matches(text: str, low: str) -> list[re.Match[str]]:
    """Where ``_SHARING`` matches in ``text`` (``low`` lowered), in order: each place one
    of its words begins, tried once. A match holds no stop, so it never reaches over a
    sentence's end: a sentence's first match is the first of these inside it."""
    found: dict[int, re.Match[str]] = {}
    for word in _SHARING_WORDS:
        at = low.find(word)
        while at != -1:
            if at not in found and (match := _SHARING.match(text, at)):
                found[at] = match
            at = low.find(word, at + 1)
    return [found[at] for at in sorted(found)]


def _what(text: str, fallback: str) -> str:
    match = _WHAT.search(text)
    return " ".join(match.group().split()).lower() if match else fallback


def _groups(text: str, mentions: list[Mention]) -> list[list[Ref]]:
    """Coordinated lists: a plural list, or mentions joined only by 'and', ',' or 'with'."""
    groups: list[list[Ref]] = []
    in_last: set[tuple] = set()  # the last group's refs, to add each once
    previous: Mention | None = None
    for mention in mentions:
        if not mention.ref.in_register:
            previous = None
            continue
        joined = previous is not None and (
            previous.group == mention.group or _JOINED.match(text[previous.end : mention.start])
        )
        if not joined:
            groups.append([])
            in_last = set()
        if _key(mention.ref) not in in_last:
            groups[-1].append(mention.ref)
            in_last.add(_key(mention.ref))
        previous = mention
    return groups


def from_sentences(
    lines: list[Line], finder: CouncilFinder, reviewed: list[Ref], skip: set[int]
) -> list[SharedServiceInfo]:
    found: list[SharedServiceInfo] = []
    for line in lines:
        text = line.text
        if not text or line.number in skip or not _may_mention_sharing(text):
            continue
        low = lowered(text)  # each sentence's lowered text is a slice of it
        shares = _sharing_matches(text, low)
        if not shares:
            continue
        following = 0  # the first match not in an earlier sentence
        for begin, end in _sentence_spans(text):
            while following < len(shares) and shares[following].start() < begin:
                following += 1
            if following == len(shares) or shares[following].start() >= end:
                continue
            share_at = shares[following].start() - begin
            sentence, low_sentence = text[begin:end], low[begin:end]
            mentions = finder.find(sentence)
            groups = _groups(sentence, mentions)
            the_councils = "councils" in low_sentence and _THE_COUNCILS.search(sentence)
            if the_councils and len(reviewed) >= 2:
                groups = _with_the_reviewed(sentence, mentions, groups, reviewed)
            sharing = [group for group in groups if len(group) >= 2]
            if not sharing:
                continue
            what = _what(sentence, "shared services")
            evidence = sentence_around(sentence, share_at)
            for group in sharing:
                found.append(
                    SharedServiceInfo(
                        councils=group, what=what, line=line.number, evidence=evidence
                    )
                )
    return found


def _with_the_reviewed(
    sentence: str, mentions: list[Mention], groups: list[list[Ref]], reviewed: list[Ref]
) -> list[list[Ref]]:
    """ "The two councils ... with X": the reviewed councils and every group named after
    "with" become one group, last; the other groups stay as they were."""
    first_named: dict[tuple, int] = {}
    for mention in mentions:
        key = _key(mention.ref)
        first_named[key] = min(first_named.get(key, mention.start), mention.start)
    with_others = [
        group
        for group in groups
        if _follows_with(sentence, min((first_named.get(_key(r), 0) for r in group), default=0))
    ]
    joint = list(reviewed)
    in_joint = {_key(r) for r in joint}
    for group in with_others:
        added = [r for r in group if _key(r) not in in_joint]
        joint += added
        in_joint.update(_key(r) for r in added)
    # Each group taken is removed as list.remove would: the first group equal to it.
    to_remove = Counter(tuple(_key(r) for r in group) for group in with_others)
    kept = []
    for group in groups:
        key = tuple(_key(r) for r in group)
        if to_remove[key]:
            to_remove[key] -= 1
        else:
            kept.append(group)
    return [*kept, joint]


def _key(ref: Ref) -> tuple:
    """What makes two refs equal, as a dictionary key."""
    return (ref.id, ref.name, ref.kind)


def _follows_with(text: str, end: int) -> bool:
    """``re.search(r"\\bwith\\s+(?:the\\s+)?$", text[:end])``, read back from ``end``
    (a search of everything before each name would be quadratic in a long sentence)."""
    word_end = _before_space(text, end)
    if word_end == end:
        return False
    if text.endswith("the", 0, word_end):
        with_end = _before_space(text, word_end - 3)
        if with_end < word_end - 3 and _word_ends_at(text, with_end, "with"):
            return True
    return _word_ends_at(text, word_end, "with")


def _before_space(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _word_ends_at(text: str, end: int, word: str) -> bool:
    start = end - len(word)
    return (
        start >= 0
        and text.startswith(word, start)
        and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"))
    )


_SENTENCE_BREAK = re.compile(r"[.!?](\s+)(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    """``re.split(r"(?<=[.!?])\\s+(?=[A-Z])", text)``: the break is found from its stop,
    which the engine can look for quickly (a pattern opening with a look-behind is
    tried at every character)."""
    return [text[begin:end] for begin, end in _sentence_spans(text)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each of ``_sentences(text)`` begins and ends in ``text``."""
    spans = []
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((begin, match.start(1)))
        begin = match.end(1)
    spans.append((begin, len(text)))
    return spans


def from_signposts(signposts: list[SignpostInfo]) -> list[SharedServiceInfo]:
    found = []
    for signpost in signposts:
        councils = [c for c in signpost.councils if c.in_register]
        if len(councils) < 2:
            continue
        if "partnership" in signpost.title.lower():
            what = signpost.title
        elif _SHARING.search(signpost.text) or "partnership" in signpost.text.lower():
            what = _what(signpost.text, "shared services")
        else:
            continue
        found.append(
            SharedServiceInfo(
                councils=councils, what=what, line=signpost.line, evidence=signpost.evidence
            )
        )
    return found


def from_peer_roles(groups: list[tuple[RoleGroup, int, str]]) -> list[SharedServiceInfo]:
    """An officer whose one role covers several councils: those councils share that post."""
    found = []
    for group, line, evidence in groups:
        councils = [c for c in group.organisations if c.in_register]
        if len(councils) < 2 or not group.role:
            continue
        what = group.partnership or f"shared {group.role.lower()}"
        found.append(SharedServiceInfo(councils=councils, what=what, line=line, evidence=evidence))
    return found


def merge(found: list[SharedServiceInfo]) -> list[SharedServiceInfo]:
    """One entry per set of councils, keeping the first description."""
    unique: dict[frozenset[str], SharedServiceInfo] = {}
    for item in found:
        unique.setdefault(frozenset(c.id for c in item.councils), item)
    return list(unique.values())
