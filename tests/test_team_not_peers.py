"""People a report names who are not the team, in wordings found in real texts the
reader had not seen: a councillor who presented the report in minutes, an auditor named
in apposition. Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import extract_text


def _names(tmp_path: Path, text: str) -> set[str]:
    return {p.name for p in extract_text(tmp_path, text).peers}


def test_a_councillor_who_presented_the_report_in_minutes(tmp_path: Path) -> None:
    text = (
        "73 Planning Peer Review Report\nMinutes:\n"
        "Cllr Ann Example, Cabinet Member for Planning, presented a report updating on the "
        "findings of the Local Government Association (LGA) Planning Service Peer Review, "
        "and setting out the initial response of officers to the recommendations.\n"
        "Cllr Bob Sample, Chairman of the Overview and Scrutiny Committee, noted past work.\n"
    )
    assert _names(tmp_path, text) == set()


def test_an_auditor_named_after_carried_out_by(tmp_path: Path) -> None:
    text = (
        "Sandwell Council welcomes peer challenge findings\n\n"
        "The review follows the Governance Review carried out by the council's external "
        "auditors, Cat Trial, which made a number of recommendations which have all "
        "been accepted.\n"
    )
    assert _names(tmp_path, text) == set()


def test_a_month_after_during_is_no_name(tmp_path: Path) -> None:
    text = (
        "Local Government Association Peer Review Report\n\nMinutes:\n"
        "During March 2019, the Council commissioned the Local Government Association "
        "(LGA) to carry out a Corporate Peer Challenge.\n"
    )
    assert _names(tmp_path, text) == set()


def test_the_signatory_of_a_foreword_after_a_paragraph_about_the_peers(tmp_path: Path) -> None:
    text = (
        "Foreword\n"
        "I am pleased to introduce this report on councils working within combined "
        "authorities. I would like to thank the peer team, including council and combined "
        "authority colleagues, who have led an important piece of work for the sector. "
        "This peer report is an important part of the project and highlights the value of "
        "shared purpose and collaborative working.\n"
        "Ann Example\n"
        "Chief Executive, Local Government Association\n"
        "The landscape of local governance is changing rapidly.\n"
    )
    assert _names(tmp_path, text) == set()


def test_a_leader_quoted_saying_we_will_lead_the_review(tmp_path: Path) -> None:
    text = (
        'Peer review\n\nEve Proof, Leader of Wigan Council, said: "We will lead the review '
        'of our services ourselves."\n'
    )
    assert _names(tmp_path, text) == set()


def test_the_councils_own_head_of_policy_who_will_lead_the_visit(tmp_path: Path) -> None:
    text = (
        "Peer review\n\nFay Case, the council's head of policy, will lead the review team's "
        "visit on behalf of the council.\n"
    )
    assert _names(tmp_path, text) == set()
