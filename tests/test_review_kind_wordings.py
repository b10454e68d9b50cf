"""Kinds of review in wordings met in pages never seen before (invented snippets): a
"Corporate Peer Review", a "Peer Challenge Follow Up", a peer review of a council's
planning department, a youth justice peer review, and a progress review told as done
in the body of a page with no title naming it. Also two town councils named in one
sentence ("X Town Council in Wiltshire and Y Town Council").
"""

from __future__ import annotations

from pathlib import Path

from graphload.extract.organisations import typed_organisations
from tests.extract_helpers import extract_text

PROGRESS = "Corporate Peer Challenge Progress Review"


def test_a_corporate_peer_review_is_a_corporate_peer_challenge(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Dear Editor,\nThe LGA Corporate Peer Review last spring was clear that the "
        "committee system needs to change.\n",
    )
    assert record.review.kind == "Corporate Peer Challenge"


def test_a_peer_challenge_follow_up_is_a_progress_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Minutes:\nCouncillor Ada Quill presented the report entitled ‘Corporate Peer "
        "Challenge Follow Up’ and advised that:\n· the peer team visited for one day.\n",
    )
    assert record.review.kind == PROGRESS


def test_a_peer_review_of_a_planning_department(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Recommendations from Peer review of Torbay Council’s planning department\n\n"
        "A team of planners and a councillor spent three days with the council.\n",
    )
    assert record.review.kind == "Planning Peer Challenge"


def test_a_youth_justice_peer_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Youth offending under the spotlight\n\n"
        "A youth justice peer review will take place in town in September.\n",
    )
    assert record.review.kind == "Youth Justice Peer Review"


def test_a_progress_review_told_as_done_in_the_body(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "12 May 2024 - Feedback\nIntroduction\n"
        "The council undertook an LGA Corporate Peer Review in July 2023.\n"
        "The Progress Review is part of the process, ten months after the challenge.\n"
        "The Progress Review at Torbay Council took place onsite on 12 May 2024.\n",
    )
    assert record.review.kind == PROGRESS


def test_a_team_that_returned_to_assess_progress(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Praise for progress\n\n"
        "A Local Government Association peer challenge team returned to Torbay in May to "
        "assess progress on the recommendations it made a year before.\n",
    )
    assert record.review.kind == PROGRESS


def test_a_challenge_page_telling_of_its_progress_review_stays_a_challenge(
    tmp_path: Path,
) -> None:
    record = extract_text(
        tmp_path,
        "Late in 2021 we invited the LGA to carry out a Corporate Peer Challenge.\n"
        "The team praised us for being open and transparent.\n"
        "A Progress Review was carried out in November 2022 and its report is below.\n",
    )
    assert record.review.kind == "Corporate Peer Challenge"


def test_two_town_councils_in_one_sentence() -> None:
    text = (
        "Faversham Town Council in Kent and Knutsford Town Council in Cheshire "
        "completed their challenges."
    )
    assert [o.ref.name for o in typed_organisations(text)] == [
        "Faversham Town Council",
        "Knutsford Town Council",
    ]


def test_a_county_councils_fire_service_stays_one_body() -> None:
    found = typed_organisations("The Warwickshire County Council Fire and Rescue Service team.")
    assert [o.ref.name for o in found] == ["Warwickshire County Council Fire and Rescue Service"]


def test_a_fire_service_praised_after_a_peer_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "NORFOLK’S fire service has been praised following an independent peer review.\n",
    )
    assert record.review.kind == "Fire Peer Challenge"


def test_a_peer_challenge_report_on_a_fire_and_rescue_service(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "News\nAn IDeA Peer Challenge report has concluded that Devon Fire and Rescue "
        "Service is moving in the right direction.\n",
    )
    assert record.review.kind == "Fire Peer Challenge"


def test_a_peer_review_feedback_follow_up_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Issue - meetings\nPeer Review Feedback Follow Up\nMinutes:\n"
        "The positive progress on the Council's Corporate Peer Challenge recommendations "
        "was welcomed.\n",
    )
    assert record.review.kind == PROGRESS


def test_a_send_peer_review_is_childrens(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Outcome of the SEND LGA Peer Review\n\n"
        "The Committee received a report on the outcome of the LGA Peer Review of "
        "Wiltshire Council's SEND Strategy.\n",
    )
    assert record.review.kind == "Children's Services Peer Review"


def test_send_in_lower_case_is_no_childrens_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "News\n\nWe will send the peer review report to every councillor next week.\n",
    )
    assert record.review.kind == "Peer Review"


def test_a_review_by_the_planning_advisory_service(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Scrutiny committee\n\n"
        "Members agreed to invite the Planning Advisory Service (PAS) to carry out an "
        "analysis of the local plan process.\n",
    )
    assert record.review.kind == "Planning Peer Challenge"


def test_a_peer_review_undertaken_by_adass(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Scrutiny\n\nTo receive an overview of the findings from the Peer Review undertaken "
        "by the Association of Directors of Adult Social Services (ADASS) in May.\n",
    )
    assert record.review.kind == "Adult Social Care Peer Challenge"


def test_peer_review_within_youth_justice(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Peer review within the youth justice sector is to play a major role in monitoring "
        "standards.\n",
    )
    assert record.review.kind == "Youth Justice Peer Review"


def test_a_health_and_wellbeing_peer_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Board membership\n\nThe Board received a report following the Health and "
        "Wellbeing Peer Review undertaken in March.\n",
    )
    assert record.review.kind == "Health and Wellbeing Peer Challenge"


def test_a_fire_and_rescue_service_named_without_service() -> None:
    short = typed_organisations("The challenge was undertaken by Kent Fire and Rescue in May.")
    full = typed_organisations("Kent Fire and Rescue Service welcomed the team.")
    assert [o.ref.name for o in short] == ["Kent Fire and Rescue"]
    assert short[0].ref.id == full[0].ref.id
    assert typed_organisations("It is supported by the Chief Fire and Rescue Adviser.") == []
