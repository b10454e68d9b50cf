"""The reader's cheap tests give the answers of the rules they stand in front of.

Reading runs cheap substring tests before its regexes and finds words once per
document (issue 12, "Fast reading"); these tests hold each shortcut to the plain
rule it spares, on invented lines and on random ones (hypothesis).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.errors import ReadError
from graphload.extract import names
from graphload.extract.councils import CouncilFinder
from graphload.extract.lowered import holds_any
from graphload.extract.others import find_others
from graphload.extract.readers.base import BULLET, clean_line
from graphload.extract.reading import Line, read_document
from graphload.extract.team import cues, entry, prose
from graphload.gazetteer import Gazetteer

FINDER = CouncilFinder(Gazetteer.load())

# --- line cleaning: the fast path (printable, single spaces) and the full one agree


@pytest.mark.parametrize(
    ("content", "text", "kind"),
    [
        (
            "Ann Example **Chief Executive** of Bury",
            "Ann Example Chief Executive of Bury",
            "paragraph",
        ),
        ("a ** b", "a b", "paragraph"),  # emphasis gone, the two spaces left become one
        ("  Lead  peer:  Ann Example  ", "Lead peer: Ann Example", "paragraph"),
        ("Ann\xa0Example", "Ann Example", "paragraph"),
        ("Ann\x07 Example\x1b[31m", "Ann Example[31m", "paragraph"),
        ("   ## The peer team", "The peer team", "heading"),
        ("    # not a heading", "# not a heading", "paragraph"),
        ("See [the report](http://example.org/r) now", "See the report now", "paragraph"),
        ("- Ann Example, Leader", "Ann Example, Leader", "list_item"),
        (
            "Ann Example\tChief Executive\tBury Council",
            "Ann Example – Chief Executive, Bury Council",
            "table_row",
        ),
        ("", "", "paragraph"),
        ("   ", "", "paragraph"),
    ],
)
def test_clean_line_folds_whitespace_and_markup(content: str, text: str, kind: str) -> None:
    line = clean_line(7, content, "x.txt", [])
    assert (line.number, line.text, line.kind) == (7, text, kind)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #*_[]()\t\xa0\x07-•:")), max_size=40))
def test_clean_line_text_has_single_spaces(content: str) -> None:
    text = clean_line(1, content, "x.txt", []).text
    assert text == " ".join(text.split())  # what every rule relies on


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\xa0\u2003-•▪\uf0b7ab:")), max_size=12))
def test_a_bullet_is_found_where_its_pattern_finds_one(content: str) -> None:
    assert clean_line(1, content, "x.txt", []).bullet == bool(BULLET.match(content))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AaBbZ.\u4e2d\u01c5\u0130-1")), max_size=7))
def test_initials_are_told_as_their_plain_rule_tells_them(chunk: str) -> None:
    plain = (
        len(chunk) <= 6
        and bool(names._INITIALS.fullmatch(chunk))
        and all(c.isupper() for c in chunk if c != ".")
    )
    assert names._is_initial(chunk) == plain


def test_control_characters_still_mark_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(("The peer team\x01\x02\x03\x04" * 40).encode())
    with pytest.raises(ReadError, match="binary"):
        read_document(path)


# --- the team in prose: the per-document search finds the lines the plain rules find

# The rules as they stood before the shortcuts: one regex of every cue, one of every hint.
_ANY_CUE = re.compile("|".join(family.pattern.pattern for family in prose.CUE_FAMILIES))
_ANY_HINT = re.compile(
    r"(?:lead|member|officer) peer|peer (?:review |challenge )?(?:officer|manager|lead)|"
    r"reviewer|(?:challenge|review) manager|member of the"
)


def _plain_lines_about_the_team(lowered_lines: list[str]) -> list[int]:
    return [
        index
        for index, lowered in enumerate(lowered_lines)
        if (prose.may_hold_cue(lowered) and _ANY_CUE.search(lowered))
        or (_ANY_HINT.search(lowered) and prose.PEER_ROLE.search(lowered))
    ]


WORDS = (
    "the team was the peers were panel comprised reviewers led by assisted carried out "
    "co-ordinated coordinated who had of peer review challenge officer manager lead member "
    "will featured "
    "Ann Example nearby ( ) : , . and"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join), max_size=6))
def test_lines_about_the_team_match_the_plain_rules(lines: list[str]) -> None:
    assert prose._lines_about_the_team(lines) == _plain_lines_about_the_team(lines)


@pytest.mark.parametrize(
    "line",
    [
        "the review was led  by ann example",
        "the review was led\t\xa0by ann example",
        "it was co-ordinated\nby ann example",
        "nearby, standby by led by-law",
        "by led by",
        "supported byann example",
        "carried out by",
        "joined   by",
    ],
)
def test_cues_found_before_their_anchor_match_the_plain_rules(line: str) -> None:
    lines = ["some text", "step by step, " + line]  # " by ": the line passes the gate
    assert prose._lines_about_the_team(lines) == _plain_lines_about_the_team(lines)


@pytest.mark.parametrize(
    "sentence",
    [
        "The review was led by Ann Example, Chief Executive of Bury Council.",
        "The challenge was co-ordinated by Ann Example of the LGA.",
        "The peer team (Ann Example, Leader of Bolton Council) met staff.",
        "Ann Example, who had led the review, thanked the council.",
        "The team for this review were Ann Example, Chief Executive, Bury Council.",
        "Ann Example, Lead Peer Review Officer, and Bob Sample joined them.",
    ],
)
def test_each_family_of_wording_still_reads_its_people(sentence: str) -> None:
    lines = [Line(1, "Some text."), Line(2, sentence)]
    assert prose._lines_about_the_team([line.text.lower() for line in lines]) == [1]
    names = [e.name for block in prose.prose(lines, FINDER) for e in block.entries]
    assert "Ann Example" in names


# --- people who are not peers: the adviser's wording is still found


def test_principal_adviser_and_addressee() -> None:
    lines = [
        Line(1, "Councillor Ann Example"),
        Line(2, ""),
        Line(3, "Dear Ann,"),
        Line(4, "Bob Sample is the LGA's Principal Adviser for the North West."),
        Line(5, "Author:"),
        Line(6, "Cat Trial"),
    ]
    found = {(p.name, p.line) for p in find_others(lines)}
    assert found == {("Ann Example", 1), ("Bob Sample", 4), ("Cat Trial", 6)}


def test_a_letter_that_opens_with_dear_has_no_addressee_line() -> None:
    lines = [Line(1, "Dear Ann Example,"), Line(2, "Thank you.")]
    assert find_others(lines) == []


# --- what introduces a team: the words tested first never hide a match


@pytest.mark.parametrize(
    ("intro", "size"),
    [
        ("The peer team was made up of FIVE PEERS:", 5),
        ("Siobhán Murphy led a team of four peers:", 4),  # not ASCII: the pattern decides
        ("Our 3 members of staff", 3),
        ("The council has five priorities:", None),
    ],
)
def test_stated_size(intro: str, size: int | None) -> None:
    assert cues.stated_size(intro) == size


INTRO_WORDS = (
    "The PEER Team review Panel participants REVIEWERS delivered by Facilitated By "
    "five 4 people officers and members individuals were thanks council Zoë :"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(INTRO_WORDS), max_size=12).map(" ".join))
def test_team_words_pretest_never_hides_a_match(intro: str) -> None:
    if cues.TEAM_WORDS.search(intro):
        assert holds_any(intro, cues._TEAM_WORDS_NEED)
    if cues._STATED_SIZE.search(intro):
        assert holds_any(intro, cues._STATED_SIZE_NEEDS)


ROLE_WORDS = (
    "Lead Peer PEERS peer team Team Leader challenge manager Review Manager reviewers "
    "lead officer Programme Support shadow peer Associate Leading Chief Executive Zoë :"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ROLE_WORDS), max_size=6).map(" ".join))
def test_team_role_pretest_never_hides_a_match(head: str) -> None:
    if entry.TEAM_ROLE.search(head):
        assert holds_any(head, entry._TEAM_ROLE_NEEDS)
