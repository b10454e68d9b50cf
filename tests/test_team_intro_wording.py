"""Team introductions found in real texts the reader had not seen (session 4): a team
named by its acronym or as "the original team", and a team that "featured" its peers.
Invented people; real council names from the register."""

from __future__ import annotations

from pathlib import Path

from graphload.records import PeerInfo
from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge Progress Review\n\nWigan Council\n\n2 October 2024\n\n"


def _peers(tmp_path: Path, body: str) -> dict[str, PeerInfo]:
    record = extract_text(tmp_path, HEADER + body)
    return {p.name: p for p in record.peers}


def test_members_of_the_original_team_named_by_its_acronym(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The following members of the original CPR team were involved:\n"
        "- Ann Example, Chief Executive, Bolton Council\n"
        "- Cllr Bob Sample, Leader, Wirral Council, Labour\n"
        "- Cat Trial, Interim Executive Director, Bolton Council\n\n"
        "Findings\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial"}
    assert peers["Bob Sample"].party == "Labour"
    assert peers["Bob Sample"].role == "Leader"  # the party is not part of the job


def test_a_list_after_a_heading_that_names_no_team_stays_unread(tmp_path: Path) -> None:
    # The same entries after an introduction that is not about a team: not enough evidence.
    peers = _peers(
        tmp_path,
        "The following people were involved:\n"
        "- Ann Example, Chief Executive, Bolton Council\n"
        "- Cat Trial, Interim Executive Director, Bolton Council\n\n"
        "Findings\n",
    )
    assert peers == {}


def test_a_team_that_featured_its_peers_in_one_sentence(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review took place in January. Their peer team featured Cllr Dan Probe "
        "(Frome Town Council), Eve Proof (Bath and North East Somerset Council) and "
        "Fay Case (LGA). The report praised the council.\n",
    )
    assert set(peers) == {"Dan Probe", "Eve Proof", "Fay Case"}
    assert [o.id for o in peers["Fay Case"].organisations] == ["org:local-government-association"]


def test_a_bracketed_team_ends_at_its_closing_bracket(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The Peer Challenge team (Gus Demo, Town Clerk, Frome Town Council, and Hal Test, "
        "Peer Challenge Manager at LGA) met with a selection of councillors and staff to "
        "examine the ways in which the council works.\n",
    )
    assert set(peers) == {"Gus Demo", "Hal Test"}
    assert peers["Hal Test"].role == "Peer Challenge Manager"


def test_two_peers_under_a_bare_heading_that_names_the_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team\n\n"
        "Jay Nope, Chief Executive, Bury Council\n"
        "Kay Zed, Director of Resources, Bolton Council\n\n"
        "Findings\n",
    )
    assert set(peers) == {"Jay Nope", "Kay Zed"}


def test_two_people_under_a_heading_that_only_mentions_peers_stay_unread(
    tmp_path: Path,
) -> None:
    peers = _peers(
        tmp_path,
        "What the peers heard from partners about the council and its plans\n\n"
        "Jay Nope, Chief Executive, Bury Council\n"
        "Kay Zed, Director of Resources, Bolton Council\n\n"
        "Findings\n",
    )
    assert peers == {}
