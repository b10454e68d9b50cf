"""Team lists in the families of wording reports use, on invented snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge\n\nWigan Council\n\n4th to 7th March 2019\n\n"


def _peers(tmp_path: Path, body: str) -> dict:
    record = extract_text(tmp_path, HEADER + body)
    return {p.name: p for p in record.peers}


@pytest.mark.parametrize(
    "intro",
    [
        "The peers who delivered the peer challenge were:",
        "The peers were:",
        "The full team was:",
        "On behalf of the peer team:",
    ],
)
def test_list_introductions(tmp_path: Path, intro: str) -> None:
    peers = _peers(
        tmp_path,
        f"{intro}\n\n- Ann Example, Chief Executive, Leeds City Council\n"
        "- Bob Sample, Director of Place, Salford City Council\n\n"
        "The team then spent four days on site.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample"}
    assert [o.id for o in peers["Bob Sample"].organisations] == ["SLF"]


def test_plain_lines_without_bullets(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\nAnn Example, Chief Executive, Leeds City Council\n"
        "Bob Sample – Director, Salford City Council\n\nMore prose here.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample"}


@pytest.mark.parametrize(
    ("entry", "name", "role", "org_ids", "councillor", "party"),
    [
        (
            "Ann Example – Chief Executive, Leeds City Council",
            "Ann Example",
            "Chief Executive",
            ["LDS"],
            False,
            None,
        ),
        (
            "Ann Example, Chief Executive, Leeds City Council",
            "Ann Example",
            "Chief Executive",
            ["LDS"],
            False,
            None,
        ),
        (
            "Lead peer: Ann Example, Chief Executive, Leeds City Council",
            "Ann Example",
            "Chief Executive",
            ["LDS"],
            False,
            None,
        ),
        (
            "Ann Example (Chief Executive, Leeds City Council)",
            "Ann Example",
            "Chief Executive",
            ["LDS"],
            False,
            None,
        ),
        (
            "Councillor Carl Test (Leeds City Council – Conservative)",
            "Carl Test",
            None,
            ["LDS"],
            True,
            "Conservative",
        ),
        (
            "Cllr Dee Trial (Labour) – Deputy Leader, Salford City Council",
            "Dee Trial",
            "Deputy Leader",
            ["SLF"],
            True,
            "Labour",
        ),
        (
            "Cllr Eve Proof OBE, Cabinet Member for Housing, Sandwell MBC",
            "Eve Proof",
            "Cabinet Member for Housing",
            ["SAW"],
            True,
            None,
        ),
        (
            "Fay Case, Director of Public Health, NHS Somerset",
            "Fay Case",
            "Director of Public Health",
            ["org:nhs-somerset"],
            False,
            None,
        ),
        (
            "Gus Demo, Peer Challenge Manager, Local Government Association",
            "Gus Demo",
            "Peer Challenge Manager",
            ["org:local-government-association"],
            False,
            None,
        ),
    ],
)
def test_entry_forms(
    tmp_path: Path,
    entry: str,
    name: str,
    role: str | None,
    org_ids: list[str],
    councillor: bool,
    party: str | None,
) -> None:
    peers = _peers(tmp_path, f"The peers were:\n\n- {entry}\n\nThe visit went well.\n")
    assert list(peers) == [name]
    peer = peers[name]
    assert peer.role == role
    assert [o.id for o in peer.organisations] == org_ids
    assert peer.councillor is councillor
    assert peer.party == party
    assert peer.line and peer.evidence


def test_team_role_prefix_is_kept(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n- Lead peer: Ann Example, Chief Executive, "
        "Leeds City Council\n\nProse.\n",
    )
    assert peers["Ann Example"].team_role == "Lead peer"


def test_signature_block_merges_spellings(tmp_path: Path) -> None:
    body = (
        "The peers were:\n\n- Hal Lerner, Executive Director, Salford City Council\n"
        "- Ann Example, Chief Executive, Leeds City Council\n\nSome findings.\n\n"
        "Yours sincerely\n\nAnn Example\nChief Executive\nLeeds City Council\n\n"
        "Hal Larner\nExecutive Director\nSalford City Council\n"
    )
    peers = _peers(tmp_path, body)
    assert set(peers) == {"Hal Larner", "Ann Example"}
    assert peers["Hal Larner"].aliases == ["Hal Lerner"]


def test_signature_alone_is_not_a_team(tmp_path: Path) -> None:
    body = "Some findings.\n\nYours sincerely\n\nIan Officer\nHead of Democratic Services\n"
    assert _peers(tmp_path, body) == {}


def test_shared_post_from_a_peers_role(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "The peers were:\n- Ann Example, Chief Executive, "
        "Babergh District Council and Mid Suffolk District Council\n\nProse.\n",
    )
    assert [{c.id for c in s.councils} for s in record.shared_services] == [{"BAB", "MSU"}]
    assert record.shared_services[0].what == "shared chief executive"


def test_councillor_in_two_councils_is_not_a_shared_service(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "The peers were:\n- Councillor Ann Example, Leader, "
        "Selby District Council and elected member at North Yorkshire County "
        "Council\n\nProse.\n",
    )
    assert record.shared_services == []
    assert [o.id for o in record.peers[0].organisations] == ["SEL", "NYK"]


def test_no_peer_list_is_a_warning(tmp_path: Path) -> None:
    record = extract_text(tmp_path, HEADER + "A report with no team in it.\n")
    assert record.peers == []
    assert any("no peer team list" in w for w in record.warnings)


def test_team_listed_in_one_sentence(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team was: Ann Example, Chief Executive, Leeds City "
        "Council; Cllr Bob Sample (Labour), Leader, Salford City Council; "
        "and Cat Trial, Programme Manager, LGA.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial"}
    assert peers["Bob Sample"].party == "Labour"
    assert [o.id for o in peers["Cat Trial"].organisations] == ["org:local-government-association"]
