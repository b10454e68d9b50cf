"""An employer written as a bare place between separators: "NAME, Kent – Operational
Peer". Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import extract_text

HEADER = "Adult Social Care Peer Challenge\n\nWigan Council\n\n4th to 7th March 2019\n\n"


def test_a_bare_county_between_the_name_and_the_team_role(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "The members of the peer challenge team were:\n"
        "- Ann Example, Torbay Council – DASS and Lead Peer\n"
        "- Bob Sample, Kent – Operational Peer\n"
        "- Cat Trial, Independent Consultant – Lived Experience Peer\n\nScope\n",
    )
    peers = {p.name: p for p in record.peers}
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial"}
    assert [o.name for o in peers["Bob Sample"].organisations] == ["Kent County Council"]
    assert peers["Bob Sample"].role == "Operational Peer"
    assert peers["Cat Trial"].organisations == []  # a job, not an employer
