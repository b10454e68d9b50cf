"""Wording families of the peers' recommendations seen in real reports, on invented
snippets: a heading that counts them, and a progress review's list of the original
recommendations."""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge Rossendale Borough Council\n\n2nd to 5th June 2025\n\n"


def test_a_heading_that_counts_the_recommendations(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "The four recommendations\n\n"
        "- Set out a ten-year plan for the town centres\n"
        "- Bring the three housing teams under one head of service\n\n"
        "Our 2 key recommendations\n\n"
        "1. Publish a balanced medium term financial plan this year\n"
        "2. Agree a protocol between the cabinet and the scrutiny chairs\n",
    )
    summary = [(r.text, r.group) for r in record.recommendations]
    assert summary == [
        ("Set out a ten-year plan for the town centres", "recommendation"),
        ("Bring the three housing teams under one head of service", "recommendation"),
        ("Publish a balanced medium term financial plan this year", "key"),
        ("Agree a protocol between the cabinet and the scrutiny chairs", "key"),
    ]


def test_a_counted_heading_needs_the_word_itself(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "The four priorities\n\n- Set out a ten-year plan for the town centres\n",
    )
    assert record.recommendations == []


def test_a_progress_review_lists_the_original_recommendations(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "Summary of the approach\n"
        "The progress review looked at each of the recommendations from the Corporate "
        "Peer Challenge:\n"
        "- Agree one vision for the borough with the health and police partners.\n"
        "- Strengthen the programme office that drives the savings plan.\n"
        "The following members of the original team were involved:\n"
        "- Cllr Mary Pennock, Leader, Pendle Borough Council\n",
    )
    assert [r.text for r in record.recommendations] == [
        "Agree one vision for the borough with the health and police partners.",
        "Strengthen the programme office that drives the savings plan.",
    ]


def test_another_bodys_recommendations_or_theme_headings_are_not_the_peers(
    tmp_path: Path,
) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "3. That the recommendations of the Scrutiny Committee be approved as "
        "follows:\n\n1. welcomes the outcome of the review and the action plan;\n"
        "2. asks for a report on progress to come back in six months;\n\n"
        "The progress review looked at each of the recommendations from the challenge, "
        "under the following theme headings:\n- Value for money\n- Working with partners\n",
    )
    assert record.recommendations == []
