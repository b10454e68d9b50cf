"""Rules' quick paths read lines exactly as the patterns they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphload import redact
from graphload.extract import bodies, dates, review, reviewed, shared
from graphload.extract.councils import CouncilFinder
from graphload.extract.reading import Line
from graphload.gazetteer import Gazetteer

_TEXT = st.lists(
    st.sampled_from(["a", "B", ".", "!", "?", " ", "  ", "\t", "\n", "É", "x."]), max_size=30
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_shared_splits_sentences_as_the_pattern_does(text: str) -> None:
    assert shared._sentences(text) == re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)


def test_shared_splits_written_sentences() -> None:
    text = "Adur and Worthing share a team.  They began in 2008! Why? because. Next"
    assert shared._sentences(text) == [
        "Adur and Worthing share a team.",
        "They began in 2008!",
        "Why? because.",
        "Next",
    ]


_KIND_WORDS = st.sampled_from(
    ["peer", " ", "challenge", "review", "Fire", "and rescue", "progress", "follow-up", "visit"]
    + ["Operational assessment and fire", "LGA finance", "PEER", "ſ", "ı", "İ", "x."]
)
_KIND_HINT = re.compile(r"peer|follow|operational|LGA financ", re.I)  # what it replaced


@settings(max_examples=400, deadline=None)
@given(st.lists(_KIND_WORDS, max_size=12).map(" ".join))
def test_the_kind_hint_is_the_pattern_it_replaced(text: str) -> None:
    assert review._names_a_kind_maybe(text) == bool(_KIND_HINT.search(text))
    assert review._names_a_kind(text) == any(p.search(text) for _, p in review.KINDS)


def test_the_generic_kinds_are_plain_wordings() -> None:
    assert review._GENERIC_WORDINGS == ("peer challenge", "peer review")
    for _, pattern in review.KINDS:
        if pattern.pattern in review._GENERIC_WORDINGS:
            assert pattern.flags & re.IGNORECASE


_CUE_WORDS = st.sampled_from(
    ["peer", "challenge", "review", "visit", "visited", "of", "to", "the", "at the request", "at"]
    + ["findings", "for", "undertaken", "team", "hosted", "by", "Panel", "FEEDBACK", "ı", "x."]
    + ["VISITING", "about", "on", "with", "in", "assessment", "conducted", "report", "\u00a0"]
    + ["spent", "Spending", "four", "days", "time", "on-site"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CUE_WORDS, max_size=10).map(" ".join), st.sampled_from(["", " "]))
def test_cue_before_a_name_is_the_patterns_match(text: str, end: str) -> None:
    found = reviewed._cue_before(text + end)
    expected = reviewed._CUE_BEFORE_NAME.search(text + end)
    assert (found.span() if found else None) == (expected.span() if expected else None)


_CUE_PHRASES = st.sampled_from(
    ["peer challenge of", "review undertaken at", "visit to", "visited", "VISITING", "hosted in"]
    + ["feedback to", "report about", "at the request of", "at the invitation of", "panel with"]
    + ["assessment for", "findings on", "bathe", "proof", "of", "review", "to the"]
    + ["spending four days at", "spent time with", "spends two weeks onsite in", "spent at"]
    + ["spent time at"]
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(_CUE_WORDS, max_size=4).map(" ".join),
    _CUE_PHRASES,
    st.sampled_from(["", " the", " THE", "the", " tHe", "  the", " the the"]),
    st.sampled_from(["", " ", "  ", "\u00a0", "\n "]),
)
def test_cue_before_a_name_ending_as_cues_do_is_the_patterns_match(
    words: str, phrase: str, the: str, end: str
) -> None:
    before = f"{words} {phrase}{the}{end}"
    found, expected = reviewed._cue_before(before), reviewed._CUE_BEFORE_NAME.search(before)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def _lines(texts: list[str]) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


def test_title_area_ends_four_lines_with_text_after_a_title() -> None:
    lines = _lines(["Cover", "Corporate Peer Challenge", "", "Wigan", "", "", "May 2019"])
    lines += _lines(["x"] * 3)
    for number, line in enumerate(lines, 1):
        line.number = number
    anchors = review.title_anchors(lines)
    assert anchors == [1]
    assert review.title_end_line(lines, anchors) == 9  # Wigan, May 2019, x, x
    assert review.title_end_line(lines[:8], anchors) == 8  # too few: the last line


_WITH_WORDS = st.sampled_from(["with", "the", "bathe", "With", "x", " ", "  ", "\n", "\u00a0", "_"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_WITH_WORDS, max_size=8).map("".join))
def test_a_name_after_with_is_what_the_pattern_finds(text: str) -> None:
    expected = bool(re.search(r"\bwith\s+(?:the\s+)?$", text))
    assert shared._follows_with(text + "Bury", len(text)) == expected


_DATE_WORDS = st.sampled_from(
    ["Date of meeting", "date:", "12", "dated", "committee on", "on-site", "onsite", "on site"]
    + ["Visit", "visited", "Peer Review", "during", "took place", "Feedback", "follow-up"]
    + ["follow up", "previous", "Lastly", "prior", ".", ";", " ", "  ", "\n", "x", "ı"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_DATE_WORDS, max_size=12).map("".join))
def test_date_context_tests_are_the_patterns(text: str) -> None:
    assert dates._about_a_meeting(text) == bool(dates._MEETING.search(text))
    assert dates._about_the_visit(text) == bool(dates._VISIT_CONTEXT.search(text))
    assert dates._about_a_past_review(text) == bool(dates._PAST_REVIEW.search(text))
    assert dates._clauses(text) == re.split(r"(?<=[.;])\s+", text)


_LINE_WORDS = st.sampled_from(
    ["peer", "Peers", "team", "panel", "led by", "joined  by", "reviewers", "signposted", "to"]
    + ["Signpost", "learning from", "learn", "shared", "Joint management", "jointly", "the"]
    + ["two", "councils", "integrated team", "single management team", "ı", "ſ", ":", " ", "x"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_WORDS, max_size=12).map(" ".join))
def test_line_word_tests_are_the_patterns(text: str) -> None:
    assert reviewed._mentions_team(text, False) == bool(reviewed._TEAM_WORDS.search(text))
    assert reviewed._in_signpost(text, False) == bool(reviewed._SIGNPOST.search(text))
    found, expected = shared._sharing(text), shared._SHARING.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)


_EMPLOYER_WORDS = st.sampled_from(
    ["Chief Executive", "Director", "Ann Example", "of", "from", "at", "that", "for", "with"]
    + ["the", "team", "peers", ",", "(", "–", "-", "Peer Challenge", "in", "and", " ", "\n"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_EMPLOYER_WORDS, max_size=10).map(" ".join), st.sampled_from(["", " ", "  "]))
def test_an_employer_written_before_a_name_is_what_the_pattern_finds(text: str, end: str) -> None:
    before = text + end
    assert reviewed._employer_before(before) == bool(reviewed._EMPLOYER_BEFORE.search(before))


# The telephone pattern as first written, with its look-behind first (slow: tried at
# every character); redact.py's pattern must find exactly what it finds.
_PHONE_AS_WRITTEN = re.compile(
    r"(?<![\w+£])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:[\s().-]{0,2}\d){8,11}(?!\w)"
)
_PHONE_PIECES = st.sampled_from(
    list("0123456789 ().-+4£a_\n\t")
    + ["+44", "(0)", "01473 825820", "+44 (0)20 7664 3000", "(01473) 825820", "£0", "é0", "+0"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PHONE_PIECES, max_size=25).map("".join))
def test_telephone_numbers_are_found_as_first_written(text: str) -> None:
    assert redact._PHONE.sub("#", text) == _PHONE_AS_WRITTEN.sub("#", text)


def test_written_telephone_numbers_are_removed() -> None:
    text = "Call 01473 825820, +44 (0)20 7664 3000 or (01473) 825820; not £0123456789 or x01234567"
    assert redact.redact(text) == (
        "Call [telephone removed], [telephone removed] or [telephone removed]; "
        "not £0123456789 or x01234567"
    )


_ASSOCIATION_LINE_WORDS = st.sampled_from(
    ["LGA", "LGG", "Local Government Association", "Local", "Wigan council", "Wigan CoUnCiL"]
    + ["Wigan", "council", "Bury COUNCILS"]
    + ["Councils", "Mid Suffolk", "DC", "xDC", "UA", "Borough", "London Borough of Bury", "BDC"]
    + ["the", "and", "(", ")", ",", ".", "x"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_ASSOCIATION_LINE_WORDS, max_size=8).map(" ".join))
def test_a_line_the_reviewed_reader_skips_names_no_registered_council(text: str) -> None:
    finder = CouncilFinder(Gazetteer.load(), 2019)
    finder.learn("Bromsgrove District Council (BDC)")
    capitals = set(bodies._CAPITALISED.findall(text))
    skipped = (
        capitals.isdisjoint(bodies._FINDER_WORDS)
        and capitals.isdisjoint(finder.abbreviations)
        and not bodies._may_hold_an_anchor(text)
    )
    if skipped:
        assert not [m for m in finder.find(text) if m.ref.in_register]


def test_a_line_naming_the_lga_and_a_council_in_lower_case_is_read() -> None:
    assert bodies._may_hold_an_anchor("The LGA and Wigan council agreed")
    assert bodies._may_hold_an_anchor("LGA: Mid Suffolk DC")
    assert not bodies._may_hold_an_anchor("The LGA's Local Government Association team")
