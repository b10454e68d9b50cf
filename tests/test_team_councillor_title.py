"""A councillor's title is itself a description: "The team comprised Cllr NAME and
NAME from the LGA" (the councillor does not take the LGA as employer), and newspapers'
"Coun NAME". Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from graphload.records import PeerInfo
from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge\n\nWigan Council\n\n4th to 7th March 2019\n\n"


def _peers(tmp_path: Path, body: str) -> dict[str, PeerInfo]:
    return {p.name: p for p in extract_text(tmp_path, HEADER + body).peers}


def test_a_councillor_named_only_by_title_in_a_team_sentence(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer challenge team comprised Cllr Ann Example and Bob Sample from the LGA.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample"}
    assert peers["Ann Example"].councillor
    assert peers["Ann Example"].organisations == []  # not the LGA's: Bob Sample's employer
    assert [o.id for o in peers["Bob Sample"].organisations] == ["org:local-government-association"]


def test_a_team_sentence_cut_after_its_first_councillor(tmp_path: Path) -> None:
    peers = _peers(tmp_path, "The peer challenge team comprised Cllr Cat Trial")
    assert set(peers) == {"Cat Trial"}


def test_a_bare_name_in_a_team_sentence_is_still_not_enough(tmp_path: Path) -> None:
    peers = _peers(tmp_path, "The peer challenge team comprised Dan Probe\n")
    assert peers == {}


def test_coun_is_a_councillor_title(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review was led by Coun Eve Proof, Leader of Bury Council, assisted by "
        "Fay Case, LGA Peer Challenge Manager.\n",
    )
    assert set(peers) == {"Eve Proof", "Fay Case"}
    assert peers["Eve Proof"].councillor


def test_coun_with_a_full_stop_does_not_end_the_sentence(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team, led by Gus Demo (Chief Executive, Bury Council), included Coun. "
        "Hal Test of Bolton Council and Ida Check from the LGA.\n",
    )
    assert set(peers) == {"Gus Demo", "Hal Test", "Ida Check"}
    assert peers["Gus Demo"].role == "Chief Executive"
    assert peers["Hal Test"].councillor


def test_a_bare_councillor_who_supported_the_team_is_not_enough(tmp_path: Path) -> None:
    peers = _peers(tmp_path, "The peer team was supported by Cllr Jay Nope during its visit.\n")
    assert peers == {}
