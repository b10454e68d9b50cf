"""The shortcuts of reading and of the team reader (issue 12, "Fast reading") give the
answers of the plain rules they stand in front of: each is compared with the rule run
without it, on invented lines and on random ones (hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.extract import names
from graphload.extract.councils import CouncilFinder
from graphload.extract.readers import text as text_reader
from graphload.extract.readers.base import BULLET, clean_line
from graphload.extract.team import blocks, cues, entry, prose
from graphload.gazetteer import Gazetteer
from graphload.redact import redact

FINDER = CouncilFinder(Gazetteer.load())

# --- a name's second word: the pre-test never refuses a name the full reading finds

NAME_PIECES = [
    "Ann", "Example", "ann", "van", "der", "Van", "de", "DE", "d'", "J.", "A", "N", "Cllr",
    "Councillor", "Dr", "Dr.", "Ms", "OBE", "Chief", "Executive", "Council", "The", "We",
    "Siobhán", "Zoë", "İsmail", "ſam", "st", "St.", "Mac", "(Labour)", ",", ";", "–", ":",
    "council", "has", "of", "wins", "ofé", "ter", "bin", "ab", "al", "el", "dos", "mac",
]  # fmt: skip
SPACES = [" ", "  ", "\t", "\xa0", "\u2003", "", "\n"]


def _without_pre_test(text: str, start: int = 0) -> names.NameSpan | None:
    real = names._second_word_may_follow
    names._second_word_may_follow = lambda text, pos: True
    try:
        return names.take_name(text, start)
    finally:
        names._second_word_may_follow = real


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from(SPACES)), max_size=6),
    st.integers(min_value=0, max_value=3),
)
def test_take_name_finds_what_it_finds_without_the_pre_test(
    pieces: list[tuple[str, str]], start: int
) -> None:
    text = "".join(word + space for word, space in pieces)
    assert names.take_name(text, start) == _without_pre_test(text, start)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane van der Berg, Chief Executive", "Jane van der Berg"),
        ("Ann bin Example", "Ann bin Example"),
        ("Ann ter Example", "Ann ter Example"),
        ("Ann dé Example", "Ann dé Example"),
        ("Ann council Example", None),
        ("Cllr Ann Example (Labour)", "Ann Example"),
        ("Ms A N Other – Leader", "A N Other"),
        ("Dr.\xa0Ann\tExample", "Ann Example"),
        ("We suggest that the council acts", None),
        ("Ann", None),
        ("Ann,Example", None),
    ],
)
def test_take_name_on_written_cases(text: str, name: str | None) -> None:
    span = names.take_name(text)
    assert (span.name if span else None) == name


# --- the team in prose: a sentence is tried only for the cue families its line holds

SENTENCE_WORDS = (
    "The review was led by Ann Example , Chief Executive of Bury Council . "
    "the peer team ( Bob Sample ) who had led the panel comprised peers were reviewers "
    "assisted co-ordinated by Cat Trial Lead Peer Review Officer challenge manager . "
    "They LGA and ; : nearby standby"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCE_WORDS), max_size=30).map(" ".join), max_size=4))
def test_prose_reads_what_it_reads_trying_every_family(texts: list[str]) -> None:
    lowered_lines = [text.lower() for text in texts]
    chosen = prose._cues_by_line(lowered_lines)
    for index, families in chosen.items():
        text, lowered = texts[index], lowered_lines[index]
        for start, end in prose._sentences(text):
            sentence = text[start:end]
            fast = prose._team_in_sentence(sentence, lowered[start:end], FINDER, families)
            plain = prose._team_in_sentence(sentence, lowered[start:end], FINDER)
            assert fast == plain


# --- a text file's control characters: counted over its bytes, as the pattern counts them

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # the rule: controls but \t \n \v \f \r


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=200))
def test_control_share_of_a_text_is_the_patterns(sample: str) -> None:
    expected = len(_CONTROL_CHARS.findall(sample)) / len(sample) if sample else 0.0
    assert text_reader._control_share(sample) == expected


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200))
def test_control_share_of_bytes_is_the_patterns_over_latin1(sample: bytes) -> None:
    as_text = sample.decode("latin-1")
    expected = len(_CONTROL_CHARS.findall(as_text)) / len(as_text) if sample else 0.0
    assert text_reader._control_share(sample) == expected


def test_control_share_counts_lone_surrogates_as_text() -> None:
    assert text_reader._control_share("\udc80\x01ab") == 0.25


# --- a line is redacted only when it holds an "@", a "0" or a "+": without one, redaction
# changes nothing

_CONTACT_PIECES = ["ann", "@", "example.org", "0", "1473", "825820", "+44", "(0)", "20", " ",
                   "-", ".", "(", ")", "£", "9", "mailto:", "7664 3000", "+", "44"]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_CONTACT_PIECES), max_size=12).map("".join))
def test_a_line_is_redacted_as_redaction_alone_would(text: str) -> None:
    if not ("@" in text or "0" in text or "+" in text):
        assert redact(text) == text
    assert clean_line(1, text, "x.txt", []).raw == redact(text).rstrip(" \r\n")


# --- a team role's separator and a job's edge words: found where the patterns find them

_SEPARATOR_TEXT = st.lists(
    st.sampled_from(
        [" ", "  ", "\t", "\xa0", "\u2003", "\n", ":", ",", "–", "—", "-", "Lead", "peer"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_SEPARATOR_TEXT)
def test_first_separator_is_the_patterns_first_match(head: str) -> None:
    found, expected = entry._first_separator(head), entry._PREFIX_SEPARATOR.search(head)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def _clean_role_by_the_pattern(text: str) -> str:
    """``clean_role`` as it was: the edge-word pattern tried on every round."""
    if "(" in text:
        text = entry._BRACKETED_ABBREVIATION.sub("", text)
    if "–" in text or "—" in text:
        text = entry._LONG_DASH.sub(" - ", text)
    text = text.strip(" ,;:-()\t.")
    previous = None
    while previous != text:
        previous = text
        text = entry._EDGE_WORDS.sub("", text).strip(" ,;:-.")
    return " ".join(text.split())


_ROLE_WORDS = ["and", "AND", "At", "of", "ſerving", "wıth", "İn", "the", "by", "on behalf of",
               "Director", "Chief", "Officer", "band", "offer", "theatre", " ", ",", ".", "-",
               "\n", "(LGA)", "–", "ofthe"]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_WORDS), max_size=10).map(" ".join))
def test_clean_role_is_what_the_pattern_makes_it(text: str) -> None:
    assert entry.clean_role(text) == _clean_role_by_the_pattern(text)


def test_clean_role_on_written_cases() -> None:
    assert entry.clean_role("and Director of") == "Director"
    assert entry.clean_role("Head of Policy at") == "Head of Policy"
    assert entry.clean_role("on behalf of the LGA") == "LGA"
    assert entry.clean_role("Director of\n") == "Director"


# --- inline lists: split where the pattern splits, cut where the pattern cuts

_INLINE_TEXT = st.lists(
    st.sampled_from([" ", "  ", "\t", "\xa0", "\u2003", ";", "•", "●", "▪", "·", "and", "and ",
                     "Ann Example", "x", ")", "The", "They", "This a", "In", "We the", "It"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(_INLINE_TEXT)
def test_inline_pieces_are_the_patterns_pieces(body: str) -> None:
    assert blocks._inline_pieces(body) == blocks._INLINE_SPLIT.split(body)


@settings(max_examples=1000, deadline=None)
@given(_INLINE_TEXT)
def test_a_piece_is_cut_where_the_pattern_cuts_it(piece: str) -> None:
    assert blocks._before_sentence_tail(piece) == blocks._SENTENCE_TAIL.split(piece, maxsplit=1)[0]


def test_inline_pieces_on_a_written_list() -> None:
    body = " Ann Example, Leader ; and Bob Sample, Chief Executive •Cat Trial, Leader The team met"
    pieces = blocks._inline_pieces(body)
    assert pieces == [
        " Ann Example, Leader",
        "Bob Sample, Chief Executive",
        "Cat Trial, Leader The team met",
    ]
    assert blocks._before_sentence_tail(pieces[2]) == "Cat Trial, Leader"
    assert blocks._before_sentence_tail("Cat Trial. The team met") == "Cat Trial. The team met"


# --- words that introduce other people: found where the pattern finds them

_OTHER_WORDS = ["present", "Apologies", "in attendance", "attendees", "ATTENDED by", "contacts",
                "contact details", "spoke to", "met", "met with", "interviewed", "thanks",
                "thanked", "grateful", "we would like to thank", "distribution", "copied to",
                "signed", "author", "report author", "officers present", "member present",
                "councillors present", "Dear", "lead members of", "cabinet members",
                "portfolio holder", "senior leadership team", "management team",
                "corporate leadership team", "chief officers", "our ſtaff", "metropolitan",
                "unsigned", "Members", "the", "peer", "team", " ", ",", "İn", "ınterviewed",
                "thankful", "co-author"]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_OTHER_WORDS), max_size=6).map(" ".join))
def test_other_people_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert cues.introduces_other_people(text) == bool(cues.OTHER_PEOPLE.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_OTHER_WORDS), max_size=6).map("".join))
def test_other_people_run_together_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert cues.introduces_other_people(text) == bool(cues.OTHER_PEOPLE.search(text))


# --- team roles, team words, earlier teams: found where the patterns find them

_ROLE_TEXT = st.lists(
    st.sampled_from(["Lead", "peer", "PEERS", "peer team", "team leader", "Team Lead",
                     "challenge manager", "Review Manager", "reviewers", "lead officer",
                     "lead member", "Programme Support", "shadow peer", "Associate", "leading",
                     "misleading", "peerless", "teams", "review", "assessment", "panel",
                     "visit", "sessions", "ſession", "ınterview", "and a member of", "earlier",
                     "peer teams", "challenge teams", "Chief Executive", ",", " ", "-"]),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(_ROLE_TEXT)
def test_team_roles_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert entry.names_team_role(text) == bool(entry.TEAM_ROLE.search(text))


@settings(max_examples=1000, deadline=None)
@given(_ROLE_TEXT)
def test_team_words_are_found_as_the_pattern_finds_them(text: str) -> None:
    found = prose.first_match(prose._TEAMISH, text, prose._TEAMISH_STARTS)
    expected = prose._TEAMISH.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)


@settings(max_examples=500, deadline=None)
@given(_ROLE_TEXT)
def test_earlier_teams_need_the_word_teams(text: str) -> None:
    if entry._EARLIER_TEAMS.search(text):
        assert entry.holds_any(text, ("teams",))


# --- the cues of a sentence, in order: as the one pattern of every family finds them

_CUE_WORDS = (
    "the team was the peers were panel comprised reviewers led by assisted carried out "
    "co-ordinated coordinated who had of peer review challenge officer manager lead member "
    "ann example nearby ( ) : , . and team( by-law led\tby joined  by peer team ( who led the"
).split(" ")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=16).map(" ".join))
def test_cues_in_a_text_are_the_patterns_matches(lowered: str) -> None:
    found = [(m.span(), m.group()) for m in prose._cues_in(lowered, prose.CUE_FAMILIES)]
    expected = [(m.span(), m.group()) for m in prose._PROSE_CUE.finditer(lowered)]
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CUE_WORDS), max_size=16).map(" ".join), max_size=4))
def test_cues_of_a_line_s_families_are_all_its_cues(lowered_lines: list[str]) -> None:
    for index, families in prose._cues_by_line(lowered_lines).items():
        lowered = lowered_lines[index]
        if families and prose._holds_cue(lowered, families):
            found = [m.span() for m in prose._cues_in(lowered, families)]
            assert found == [m.span() for m in prose._PROSE_CUE.finditer(lowered)]


def _job_before_name_by_finditer(sentence: str, start: int) -> tuple[str, int]:
    position = start
    words: list[str] = []
    for match in prose._WORD.finditer(sentence, start):
        if match.start() != position or len(words) >= 4:
            break
        word = match.group()
        if not (word[:1].isupper() and prose.fold(word) in prose.JOB_WORDS):
            break
        words.append(word)
        position = match.end() + 1
    if not words or prose.take_name(sentence, position) is None:
        return "", start
    return " ".join(words), position


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Chief", "Fire", "Officer", "Dave", "Curry", "Executive", "Director",
                         "Head", "of", "and", " ", "  ", "\t", "Ann", "Example", ","]),
        max_size=10,
    ).map(" ".join),
    st.integers(min_value=0, max_value=6),
)  # fmt: skip
def test_a_job_before_a_name_is_read_as_before(sentence: str, start: int) -> None:
    assert prose._job_before_name(sentence, start) == _job_before_name_by_finditer(sentence, start)


# --- words in the first person, words that introduce a team: as the patterns find them

_PERSON_PIECES = ["I", "I've", "I’m", "I'd", "I'll", "I'x", "IT", "Im", "my", "me", "Me", "MY",
                  "some", "mean", "(I", '"I', "“I", "‘I", "xI", "_I", "I_", " ", "\t", "\u2003",
                  ".", ",", "am", "team", "3I", "é"]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PERSON_PIECES), max_size=8).map("".join))
def test_first_person_is_found_as_the_pattern_finds_it(text: str) -> None:
    assert blocks._in_the_first_person(text) == bool(blocks._FIRST_PERSON.search(text))


_INTRO_PIECES = ["peer", "PEERS", "peer team", "review team", "Challenge Team", "assessment",
                 "visiting team", "full team", "core team", "review panel", "the panel",
                 "panel members", "members of the peer team", "members of the review panel",
                 "team members", "participants", "reviewers", "the team was", "the team:",
                 "The team included", "delivered by", "facilitated by", "conducted by",
                 "peerless", "steam", "reviewer", "ſteam", "ınclude", " ", ":", "the"]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_INTRO_PIECES), max_size=6).map(" ".join))
def test_team_words_of_an_introduction_are_the_patterns(text: str) -> None:
    found = cues.first_match(cues.TEAM_WORDS, text, cues._TEAM_WORDS_STARTS)
    expected = cues.TEAM_WORDS.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\u2003-•▪\uf0b7ab:")), max_size=12))
def test_a_bullet_leaves_what_its_pattern_leaves(content: str) -> None:
    line = clean_line(1, content, "x.txt", [])
    if line.bullet and "\t" not in content:
        assert line.text == " ".join(BULLET.sub("", content).split())
