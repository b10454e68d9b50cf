"""The quick paths of the council finder and the stages around it (reviewed council,
visit dates, shared services, recommendations) give the answers of the slow ones."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.extract import dates, recommendations, review, shared, signposts
from graphload.extract.lowered import first_match, holds_any, lowered
from graphload.extract.reading import Line
from graphload.vocab.text import fold

_DATE_WORDS = st.sampled_from(
    ["12th", "3", "2018", "to", "-", "–", "and", " ", "May", "MAY", "may", "november", "June,"]
    + ["٣", "٢٠١٨", "١٢", "x", "during the visit", "peer challenge", "in", "İ", "1st"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_DATE_WORDS, max_size=10).map(" ".join))
def test_a_line_ruled_out_for_dates_holds_no_date(text: str) -> None:
    patterns = (dates._CROSS_MONTH, dates._SAME_MONTH, dates._TWO_DAYS, dates._MONTH_YEAR)
    if any(pattern.search(text) for pattern in patterns):
        assert dates._may_hold_a_date(text)


def test_dates_in_other_scripts_digits_are_still_read() -> None:
    assert dates._may_hold_a_date("١٢ to ١٤ May ٢٠١٨")
    found = dates.parse_range("١٢ to ١٤ May ٢٠١٨")
    assert found is not None and (found.start.day, found.end.day) == (12, 14)
    assert not dates._may_hold_a_date("we met in May")
    assert dates._may_hold_a_date("the visit of 12-14 May 2018")


def _fold_as_it_was(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = re.sub(r"['\u2019\u2018`]", "", ascii_text.replace("&", " and "))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


_NAME_PIECES = st.sampled_from(
    ["King's", "Lynn", "&", "St.", "Ynys Môn", "’", "‘", "`", "-", "  ", "\t", "É", "ß", "ﬁ"]
    + ["Newcastle-upon-Tyne", "(LGA)", "Ŀ", "İ", "½", "①", "x", "A", "9", "_", "\x00", "~"]
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(_NAME_PIECES, max_size=8).map("".join), st.text(max_size=30)))
def test_fold_gives_what_its_regular_expressions_gave(text: str) -> None:
    assert fold(text) == _fold_as_it_was(text)


_SHARING_PIECES = st.sampled_from(
    ["shared", "Shares", "jointly", "joint management", "single management team", "x"]
    + ["integrated services", "councils partnership", ".", "!", " ", "  ", "A", "The", "ſhare"]
    + ["sharing.", "SHARE", "İntegrated team", "joint", "share-", "_share", "\n"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_SHARING_PIECES, max_size=14).map(" ".join))
def test_each_sentence_gets_the_sharing_match_it_would_find_alone(text: str) -> None:
    low = lowered(text)
    matches = shared._sharing_matches(text, low)
    assert [m.span() for m in matches] == sorted({m.span() for m in matches})
    for begin, end in shared._sentence_spans(text):
        alone = shared._sharing(text[begin:end], low[begin:end])
        inside = [(m.start() - begin, m.end() - begin) for m in matches if begin <= m.start() < end]
        assert (alone.span() if alone else None) == (inside[0] if inside else None)


_INTRO_PIECES = st.sampled_from(
    ["the following", "THE FOLLOWING", "key", "Key", "recommendations", "RECOMMENDATIONS"]
    + ["suggestions", "are", "were", ":", "-", "–", ":-", " ", ".", "x", "ı", "ſ", "İ", "keyrec"]
    + ["from the", "of the", "Corporate", "Peer Challenge", "team", "CPC"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_INTRO_PIECES, max_size=10).map(" ".join))
def test_a_list_intro_is_found_where_the_pattern_finds_it(text: str) -> None:
    found = first_match(recommendations._INTRO, text, recommendations._INTRO_STARTS)
    expected = recommendations._INTRO.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)


_KIND_PHRASES = st.sampled_from(
    ["peer review re-visit", "Peer Challenge revisit", "follow up visit", "Progress Review"]
    + ["LGA finance review", "financial peer challenge", "operational assessment and fire"]
    + ["fire and rescue service peer review", "Fire peer challenge", "planning peer review"]
    + ["safeguarding adults peer review", "adults' social care peer challenge", "ADASS led"]
    + ["SEND peer review", "peer review of children", "children’s services peer review"]
    + ["safeguarding peer challenge", "governance peer review", "EDI peer challenge"]
    + ["communications peer review", "corporate peer challenge", "town council peer review"]
    + ["NALC peer challenge", "peer review for the parish council", "local councils"]
)
_KIND_PIECES = st.sampled_from(
    ["peer", "review", "challenge", "visit", "Fire", "of", "into", ".", "ſ", "ı", "İ", "\u212a"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_KIND_PHRASES, _KIND_PIECES), max_size=5).map(" ".join))
def test_the_kinds_a_text_names_are_the_patterns_that_match(text: str) -> None:
    expected = [kind for kind, pattern in review.KINDS if pattern.search(text)]
    assert review._kinds_named(text) == expected
    assert review._kinds_named(text, review.KINDS[1:]) == [
        kind for kind in expected if kind != review.KINDS[0][0]
    ]


def _visit_year_as_it_was(lines: list[Line]) -> dates.YearSeen | None:
    for line in lines:
        if not dates._names_a_month(line.text) or not dates._about_the_visit(line.text):
            continue
        if dates._about_a_meeting(line.text):
            continue
        for sentence in dates._clauses(line.text):
            if not holds_any(sentence, ("peer challenge", "peer review")):
                continue
            if dates._about_a_past_review(sentence):
                continue
            match = dates._MONTH_YEAR.search(sentence)
            if match:
                return dates.YearSeen(int(match.group(2)), line)
    return None


_DATED_LINES = st.sampled_from(
    ["", "The peer challenge took place in May 2019.", "Meeting on 3 May 2019", "Bury Council"]
    + ["The peer review undertaken in November 2018; the previous peer review in May 2014."]
    + ["The visit was on 12 to 14 March 2019.", "Our last peer challenge was in June 2016."]
    + ["Corporate Peer Challenge", "12-15 November 2013", "The peer challenge, ٢٠١٨ May"]
    + ["Date of meeting: 4 June 2020", "feedback from the peer review in October 2021"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATED_LINES, max_size=8), st.integers(min_value=0, max_value=9))
def test_the_visit_year_read_in_the_visits_pass_is_the_one_a_second_pass_reads(
    texts: list[str], title_end: int
) -> None:
    lines = [Line(number, text) for number, text in enumerate(texts, 1)]
    visit, year = dates.find_visit_or_year(lines, title_end)
    assert year == (_visit_year_as_it_was(lines) if visit is None else None)
    assert dates.find_visit_year(lines) == _visit_year_as_it_was(lines)


def test_a_signpost_heading_starts_with_one_of_the_first_letters() -> None:
    starts = {word[:1] for word in signposts._SIGNPOST_STARTS}
    lowering_to_a_start = {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if char.lower()[:1] in starts and not 0xD800 <= ord(char) <= 0xDFFF
    }
    assert lowering_to_a_start == signposts._FIRST_LETTERS
