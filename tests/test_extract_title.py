"""A document's title: a committee paper's subject, a letter's heading, else the first line."""

from __future__ import annotations

from graphload.extract.reading import Line
from graphload.extract.title import document_title


def lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


def test_the_first_line_is_the_title() -> None:
    assert document_title(lines("", "Rutland County Council", "Corporate Peer Challenge")) == (
        "Rutland County Council"
    )


def test_a_committee_papers_subject_line_is_its_title() -> None:
    paper = lines(
        "REPORT FOR DECISION",
        "MEETING: – Cabinet",
        "SUBJECT: – Outcome of the Corporate Peer Challenge",
        "REPORT FROM: – Councillor Ann Example, Leader",
    )
    assert document_title(paper) == "Outcome of the Corporate Peer Challenge"
    assert document_title(lines("Subject: Finance peer review of Melton")) == (
        "Finance peer review of Melton"
    )


def test_a_letter_opening_with_its_addressee_takes_its_review_heading() -> None:
    letter = lines(
        "Ms Jo Sample",
        "Chief Executive",
        "Melton Borough Council",
        "Dear Jo,",
        "Melton Borough Council – Corporate Peer Challenge",
        "On behalf of the peer team, thank you for inviting us.",
    )
    assert document_title(letter) == "Melton Borough Council – Corporate Peer Challenge"


def test_a_letter_with_no_review_heading_takes_its_first_line_that_is_not_a_name() -> None:
    assert document_title(lines("Dan Probe", "Harborough District Council", "Dear Dan")) == (
        "Harborough District Council"
    )


def test_a_council_name_is_not_taken_for_a_persons_name() -> None:
    assert document_title(lines("Tendring District Council", "Peer challenge feedback")) == (
        "Tendring District Council"
    )


def test_no_text_no_title() -> None:
    assert document_title(lines("", "  ")) is None
