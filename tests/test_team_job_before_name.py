"""A peer written after their employer and job, as news reports write them: "led by
Kent's chief fire officer, NAME, and Royal Berkshire Fire Authority vice-chairman NAME".
Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from graphload.records import PeerInfo
from tests.extract_helpers import extract_text

NEWS = (
    "SURREY'S fire service has been praised following an independent peer review.\n\n"
    "The review, which was led by Kent's chief fire officer, Ann Example, and Royal "
    "Berkshire Fire Authority vice-chairman Bob Sample, was carried out over four days "
    "in May.\n\n"
    'Surrey chief fire officer Cat Trial said: "I am delighted with the outcome."\n'
)


def _peers(tmp_path: Path, text: str) -> dict[str, PeerInfo]:
    return {p.name: p for p in extract_text(tmp_path, text).peers}


def test_possessive_employer_and_job_then_the_name(tmp_path: Path) -> None:
    peers = _peers(tmp_path, NEWS)
    assert set(peers) == {"Ann Example", "Bob Sample"}  # not the service's own officer
    assert peers["Ann Example"].role == "chief fire officer"
    assert [o.name for o in peers["Ann Example"].organisations] == ["Kent County Council"]


def test_employer_and_job_run_into_the_name(tmp_path: Path) -> None:
    peers = _peers(tmp_path, NEWS)
    assert peers["Bob Sample"].role == "vice-chairman"
    assert [o.name for o in peers["Bob Sample"].organisations] == ["Royal Berkshire Fire Authority"]


def test_an_employer_and_job_with_no_name_after_them(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review was led by Kent's chief fire officer and its deputy, who met staff.\n",
    )
    assert peers == {}


def test_the_councils_own_officers_who_supported_the_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Peer challenge\n\nThe peer team were supported by Council officers Eve Proof "
        "and Fay Case throughout the week.\n",
    )
    assert peers == {}


def test_a_council_officer_who_supported_the_team_is_no_peer(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Peer challenge\n\nThe peer team was supported by Wigan Council officer Jay Nope "
        "throughout the week.\n",
    )
    assert peers == {}
