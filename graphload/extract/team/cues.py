"""The evidence that a block of people is the peer team, weighed rather than required.

A block scores for the words that introduce it (a heading such as "The Review Panel", a
sentence about the peers ending in a colon), for team roles among its entries (lead
peer, member peer, peer challenge manager), for an LGA person in it, and for a stated
team size that matches. Words that introduce other people (those present at a meeting,
those the team met, contacts) count against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphload.extract.councils import LGA
from graphload.extract.lowered import first_match, holds_any
from graphload.extract.team.entry import PeerEntry, names_team_role

# Words that introduce a team: any one of them in the heading or sentence before a block.
TEAM_WORDS = re.compile(
    r"\b(?:peers?|peer team|(?:review|challenge|assessment|visiting|"
    r"full|core) team|review panel|the panel|panel members?|members of the (?:peer |review )?"
    r"(?:team|panel)|(?:original|same|returning|lga|cpc|cpr|fpc|pas|nalc)\s+(?:peer\s+)?"
    r"(?:review\s+|challenge\s+)?team|team members?|participants|reviewers|"
    r"the team (?:was|were|comprised|consisted|included|is|are)|the team:|delivered by|"
    r"facilitated by|conducted by)\b",
    re.IGNORECASE,
)
# Words that introduce people who are not the team.
OTHER_PEOPLE = re.compile(
    r"\b(?:present|apologies|in attendance|attendees|attended by|contacts?|contact details|"
    r"spoke (?:to|with)|met (?:with)?|interviewed|thanks?|thanked|grateful|"
    r"we would like to thank|distribution|copied to|signed|author|report author|"
    r"officers? present|members? present|councillors present|dear|lead members of|"
    r"cabinet members?|portfolio holders?|senior leadership team|management team|"
    r"corporate leadership team|chief officers|our staff)\b",
    re.IGNORECASE,
)
# The words OTHER_PEOPLE's wordings open with, lower-cased: it is tried only where one
# begins (it opens with a word boundary, so the engine would try every character).
_OTHER_PEOPLE_STARTS = (
    *("present", "apologies", "in attendance", "attend", "contact", "spoke", "met"),
    *("interviewed", "thank", "grateful", "we would like to thank", "distribution"),
    *("copied to", "signed", "author", "report author", "officer", "member"),
    *("councillors present", "dear", "lead members of", "cabinet member", "portfolio holder"),
    *("senior leadership team", "management team", "corporate leadership team"),
    *("chief officers", "our staff"),
)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_STATED_SIZE = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:[\w-]+\s+){0,3}?(?:people|peers|members|officers and members|"
    r"councillors and officers|individuals)\b",
    re.IGNORECASE,
)
_LGA = re.compile(r"\bLGA\b|Local Government Association", re.IGNORECASE)
# Words each pattern cannot match without, lower-cased: tested first (far cheaper than the
# patterns on a long introduction).
_TEAM_WORDS_NEED: tuple[str, ...] = ("peer", "team", "panel", "participants", "reviewers")
_TEAM_WORDS_NEED += ("delivered by", "facilitated by", "conducted by")
# The words TEAM_WORDS's wordings open with, lower-cased: it is tried only where one begins.
_TEAM_WORDS_STARTS = (
    *("peer", "review", "challenge", "assessment", "visiting", "full", "core", "the panel"),
    *("panel", "members of the", "team", "participants", "reviewers", "the team"),
    *("original", "same", "returning", "lga", "cpc", "cpr", "fpc", "pas", "nalc"),
    *("delivered by", "facilitated by", "conducted by"),
)
_STATED_SIZE_NEEDS = ("people", "peers", "members", "officers", "individuals")
ACCEPT = 4
_PARAGRAPH_CHARS = 200


@dataclass
class Verdict:
    score: int
    cue: str  # the strongest reason, for --explain


def introduces_other_people(text: str) -> bool:
    """Whether ``text`` holds words that introduce people who are not the team."""
    return first_match(OTHER_PEOPLE, text, _OTHER_PEOPLE_STARTS) is not None


def stated_size(text: str) -> int | None:
    match = _STATED_SIZE.search(text) if holds_any(text, _STATED_SIZE_NEEDS) else None
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def weigh(context: list[str], entries: list[PeerEntry], shape: str) -> Verdict:
    """How far ``entries`` (a block of the given shape, after ``context``) read as the team."""
    described = [e for e in entries if e.described]
    if not described:
        return Verdict(0, "no one described")
    score = 0
    reasons: list[str] = []
    intro = " ".join(context)
    last_sentence = _last_sentence(context[-1]) if context else ""
    # One person right after a paragraph of prose (not an introduction ending in a colon):
    # the paragraph's signatory or speaker ("…This peer report is…" then "Ann Example /
    # Chief Executive, LGA"), whatever the paragraph says about peers.
    signs_a_paragraph = (
        len(entries) == 1
        and bool(context)
        and len(context[-1]) > _PARAGRAPH_CHARS
        and not context[-1].rstrip().endswith(":")
    )
    if (
        not signs_a_paragraph
        and holds_any(intro, _TEAM_WORDS_NEED)
        and first_match(TEAM_WORDS, intro, _TEAM_WORDS_STARTS)
    ):
        score += 3
        reasons.append(f"introduced by '{_short(last_sentence if context else intro)}'")
    if context and context[-1].rstrip().endswith(":"):
        score += 1
    elif not signs_a_paragraph and context and _heading_names_the_team(context[-1]):
        score += 1  # "The peer team" alone above the people: a label, as strong as a colon
        reasons.append("under a heading that names the team")
    if introduces_other_people(last_sentence):
        score -= 5
        reasons.append("introduced as other people")
    team_roles = sum(1 for e in entries if e.team_role or (e.role and names_team_role(e.role)))
    if team_roles:
        score += 2
        reasons.append("team roles in entries")
    if any(_is_lga(e) for e in entries):
        score += 1
        reasons.append("LGA person present")
    if len(described) >= 3:
        score += 1
    size = stated_size(intro)
    if size is not None and size in {len(entries), len(entries) + 1, len(entries) - 1}:
        score += 1
        reasons.append(f"stated size {size}")
    if shape == "signature":
        score += 0
    return Verdict(score, f"{shape}: " + ("; ".join(reasons) or "people with jobs"))


_HEADING_WORDS = 5
_GROUP_NOUNS = frozenset({"team", "panel", "peers", "reviewers", "participants"})


def _heading_names_the_team(text: str) -> bool:
    """A short label that names the team ("The peer team", "Review panel members"): a
    few words, no sentence, and the team words among them."""
    words = text.split()
    if not words or len(words) > _HEADING_WORDS or text.rstrip()[-1:] in ".!?,;":
        return False
    if not _GROUP_NOUNS.intersection(w.strip(":").lower() for w in words):
        return False  # "Corporate Peer Challenge": a title, not a label of people
    match = first_match(TEAM_WORDS, text, _TEAM_WORDS_STARTS)
    return match is not None and not introduces_other_people(text)


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1]


def _is_lga(entry: PeerEntry) -> bool:
    if any(o.id == LGA.id for o in entry.organisations):
        return True
    return bool(_LGA.search(" ".join(filter(None, [entry.role, entry.team_role]))))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."
