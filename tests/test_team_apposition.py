"""A peer named in passing, in apposition, in news and minutes: "NAME, JOB at PLACE and
a reviewer on the peer review, says…", "NAME, JOB for PLACE, will lead the review".
Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from graphload.records import PeerInfo
from tests.extract_helpers import extract_text


def _peers(tmp_path: Path, text: str) -> dict[str, PeerInfo]:
    return {p.name: p for p in extract_text(tmp_path, text).peers}


def test_a_reviewer_on_the_peer_review_named_in_apposition(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Youth justice peer reviews\n\n"
        "Ann Example, youth offending manager at Stockport and a reviewer on the first "
        "peer review, which took place in Bury in May, says the process works. "
        "Bob Sample, service manager at Bury, says staff found it fair.\n",
    )
    assert set(peers) == {"Ann Example"}
    assert [o.name for o in peers["Ann Example"].organisations] == [
        "Stockport Metropolitan Borough Council"
    ]


def test_a_member_of_the_peer_team_named_in_apposition(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Planning review\n\n"
        "Cat Trial, Head of Planning at Wigan Council and a member of the peer review "
        "team, spoke to the committee.\n",
    )
    assert set(peers) == {"Cat Trial"}


def test_a_reviewer_of_something_else_is_no_peer(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Budget\n\nDan Probe, finance manager at Wigan Council and a reviewer of the "
        "draft budget, says savings are needed.\n",
    )
    assert peers == {}


def test_the_person_who_will_lead_the_review(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Safeguarding under the spotlight\n\n"
        "Bolton Council is taking part in a peer review next month.\n"
        "Eve Proof, director of children's services for Rochdale, will lead the review "
        "together with a team of specialists from other councils.\n",
    )
    assert set(peers) == {"Eve Proof"}
    assert peers["Eve Proof"].role == "director of children's services"
    assert [o.name for o in peers["Eve Proof"].organisations] == [
        "Rochdale Metropolitan Borough Council"
    ]


def test_the_person_who_led_the_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Peer challenge\n\nFay Case, Chief Executive of Bury Council, led the peer team "
        "during its four days on site.\n",
    )
    assert set(peers) == {"Fay Case"}


def test_a_leader_who_led_something_else_is_no_peer(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Peer challenge\n\nGus Demo, Leader of Wigan Council, led the council's response "
        "to the pandemic, the peer team heard.\n",
    )
    assert peers == {}


def test_a_member_who_led_a_review_of_the_councils_own_is_no_peer(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Peer challenge\n\nCllr Hal Test, Chair of the Overview Committee, led the "
        "scrutiny review of waste services before the peer team arrived.\n",
    )
    assert peers == {}
