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

from graphload.extract.councils import CouncilFinder, Mention
from graphload.extract.lowered import first_match, holds_any
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


def _mentions_sharing(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _SHARING_WORDS) and bool(_sharing(text))


def _sharing(text: str) -> re.Match[str] | None:
    return first_match(_SHARING, text, _SHARING_WORDS)


def _what(text: str, fallback: str) -> str:
    match = _WHAT.search(text)
    return " ".join(match.group().split()).lower() if match else fallback


def _groups(text: str, mentions: list[Mention]) -> list[list[Ref]]:
    """Coordinated lists: a plural list, or mentions joined only by 'and', ',' or 'with'."""
    groups: list[list[Ref]] = []
    previous: Mention | None = None
    for mention in mentions:
        if not mention.ref.in_register:
            previous = None
            continue
        joined = previous is not None and (
            previous.group == mention.group or _JOINED.match(text[previous.end : mention.start])
        )
        if joined:
            if mention.ref not in groups[-1]:
                groups[-1].append(mention.ref)
        else:
            groups.append([mention.ref])
        previous = mention
    return groups


def from_sentences(
    lines: list[Line], finder: CouncilFinder, reviewed: list[Ref], skip: set[int]
) -> list[SharedServiceInfo]:
    found: list[SharedServiceInfo] = []
    for line in lines:
        if line.number in skip or not _mentions_sharing(line.text):
            continue
        for sentence in _sentences(line.text):
            share = _sharing(sentence)
            if not share:
                continue
            mentions = finder.find(sentence)
            groups = _groups(sentence, mentions)
            the_councils = holds_any(sentence, ("councils",)) and _THE_COUNCILS.search(sentence)
            if the_councils and len(reviewed) >= 2:
                with_others = [
                    g
                    for g in groups
                    if re.search(
                        r"\bwith\s+(?:the\s+)?$", sentence[: _start(sentence, mentions, g)]
                    )
                ]
                joint = list(reviewed)
                for group in with_others:
                    joint += [r for r in group if r not in joint]
                    groups.remove(group)
                groups.append(joint)
            for group in groups:
                if len(group) >= 2:
                    found.append(
                        SharedServiceInfo(
                            councils=group,
                            what=_what(sentence, "shared services"),
                            line=line.number,
                            evidence=sentence_around(sentence, share.start()),
                        )
                    )
    return found


_SENTENCE_BREAK = re.compile(r"[.!?](\s+)(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    """``re.split(r"(?<=[.!?])\\s+(?=[A-Z])", text)``: the break is found from its stop,
    which the engine can look for quickly (a pattern opening with a look-behind is
    tried at every character)."""
    sentences = []
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text):
        sentences.append(text[begin : match.start(1)])
        begin = match.end(1)
    sentences.append(text[begin:])
    return sentences


def _start(sentence: str, mentions: list[Mention], group: list[Ref]) -> int:
    return min((m.start for m in mentions if m.ref in group), default=0)


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
