"""Extractor rules that only the sample reports used to exercise, each on an invented
snippet (invented people, real council names from the register).

Written against the extract record (what ``peergraph extract`` prints), not against
the rules' internals, so the rules can be rewritten under them.
"""

from __future__ import annotations

from pathlib import Path

from graphload.records import ExtractRecord, RefKind
from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge\n\nWigan Council\n\n4th to 7th March 2019\n\n"


def _record(tmp_path: Path, body: str, header: str = HEADER) -> ExtractRecord:
    return extract_text(tmp_path, header + body)


def _shared(record: ExtractRecord) -> list[tuple[frozenset[str], str]]:
    return [(frozenset(c.id for c in s.councils), s.what) for s in record.shared_services]


# ------------------------------------------------- "... Partnership Serving: A, B and C"


def test_partnership_serving_names_the_councils_a_peer_works_for(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "The peers who delivered the peer challenge were:\n\n"
        "- Tamsin Olowe, Chief Executive, Devon Councils Partnership Serving: "
        "South Hams DC and West Devon Borough Council\n"
        "- Rhys Abernethy, Director of Place, Salford City Council\n\n"
        "The team then spent four days on site.\n",
    )
    peers = {p.name: p for p in record.peers}
    assert set(peers) == {"Tamsin Olowe", "Rhys Abernethy"}
    tamsin = peers["Tamsin Olowe"]
    assert tamsin.role == "Chief Executive"
    assert {o.id for o in tamsin.organisations} == {"SHA", "WDE"}
    assert all(o.kind is RefKind.COUNCIL for o in tamsin.organisations)
    # the partnership's own name is no council
    assert not any("Devon Councils" in o.name for o in tamsin.organisations)
    # one chief executive of two councils: those councils share the post
    assert frozenset({"SHA", "WDE"}) in [councils for councils, _ in _shared(record)]


def test_a_partnership_without_serving_is_no_shared_service(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "The peers were:\n\n- Tamsin Olowe, Chief Executive, South Hams District Council\n\n"
        "More prose follows here.\n",
    )
    assert [o.id for o in record.peers[0].organisations] == ["SHA"]
    assert record.shared_services == []


# --------------------------------------------- "the three councils partnership serving ..."


def test_councils_partnership_is_not_a_council(tmp_path: Path) -> None:
    # "councils" followed by "partnership" names a partnership, not a list of councils
    record = _record(
        tmp_path,
        "Since the creation of the two councils partnership in 2015 officers have worked "
        "across both authorities.\n",
    )
    assert [c.id for c in record.review.councils] == ["WGN"]
    assert record.shared_services == []
    assert all(
        o.kind is not RefKind.UNREGISTERED_COUNCIL for s in record.signposts for o in s.councils
    )


def test_an_employer_called_councils_partnership_is_an_organisation(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "The peers were:\n\n- Tamsin Olowe, Chief Executive, Devon Councils Partnership\n\n"
        "More prose follows here.\n",
    )
    [tamsin] = record.peers
    assert [(o.id, o.kind) for o in tamsin.organisations] == [
        ("org:devon-councils-partnership", RefKind.ORGANISATION)
    ]


def test_councils_partnership_serving_named_councils_is_shared(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "The councils partnership serving South Hams and West Devon Councils shares one "
        "management team and most services.\n",
    )
    pairs = [councils for councils, _ in _shared(record)]
    assert frozenset({"SHA", "WDE"}) in pairs
    assert not any(len(c) == 1 for c in pairs)


# --------------------------------------------------- a response table's peer comments


def test_response_table_peer_comments_are_recommendations(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "Action plan\n\n"
        "No\tPeer team's comments\tOur response\tLead officer\n"
        "\tFinancial planning\t\t\n"
        "1\tAgree a medium term financial strategy with members before the summer.\t"
        "Agreed\tDirector of Finance\n"
        "2\tPublish the council plan and its measures of success.\tAgreed\tChief Executive\n"
        "3\tOk\tNoted\tLeader\n"
        "\n"
        "The council will report progress to cabinet.\n",
    )
    comments = [r for r in record.recommendations if r.group == "comment"]
    assert [c.text for c in comments] == [
        "Agree a medium term financial strategy with members before the summer.",
        "Publish the council plan and its measures of success.",
    ]
    assert comments[0].line is not None and comments[0].evidence
    # the council's own columns are not peer advice
    assert not any("Agreed" in r.text or "Director" in r.text for r in record.recommendations)


def test_a_table_without_a_peer_comment_column_gives_no_comments(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "No\tAction\tOwner\n1\tAgree a medium term financial strategy with members.\tFinance\n\n",
    )
    assert [r for r in record.recommendations if r.group == "comment"] == []


# -------------------------------------------------- authors, addressees, advisers


def test_addressee_author_and_adviser_are_not_peers(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Meredith Quaile\nChief Executive\nWigan Council\n\n"
        "Corporate Peer Challenge, 4th to 7th March 2019\n\nDear Meredith,\n\n"
        "Thank you for inviting the peer team.\n\n"
        "Contact officer: Osian Fairbrother\n\n"
        "Hollis Varga, the LGA's Principal Adviser for the North West, is the main contact.\n\n"
        "The peers were:\n\n- Tamsin Olowe, Chief Executive, Salford City Council\n\n"
        "Yours sincerely,\n",
    )
    others = {p.name: p.why for p in record.not_peers}
    assert "addressee" in others["Meredith Quaile"]
    assert "contact officer" in others["Osian Fairbrother"]
    assert "principal adviser" in others["Hollis Varga"]
    peers = {p.name for p in record.peers}
    assert peers == {"Tamsin Olowe"}
    assert all(p.line and p.evidence for p in record.not_peers)


def test_authorship_heading_names_the_author_on_the_next_line(tmp_path: Path) -> None:
    record = _record(tmp_path, "Authorship\n\nPriyanka Delacroix\n\nMore text.\n")
    assert [(p.name, p.why) for p in record.not_peers] == [
        ("Priyanka Delacroix", "author of the cover report")
    ]


def test_dear_after_a_non_name_adds_no_addressee(tmp_path: Path) -> None:
    record = _record(tmp_path, "Town Hall Offices\n\nDear Colleague,\n\nThank you.\n")
    assert record.not_peers == []


# ------------------------------------------------- finding the reviewed council


def test_council_on_the_line_after_the_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path, "Corporate Peer Challenge\n\nSalford City Council\n\n4th to 7th March 2019\n"
    )
    assert [c.id for c in record.review.councils] == ["SLF"]
    assert record.review.line == 3


def test_council_in_the_opening_lines_without_a_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Salford City Council\n\nFeedback report, March 2019\n\n"
        "The peers spent four days on site.\n",
    )
    assert [c.id for c in record.review.councils] == ["SLF"]
    assert record.review.line == 1


def test_council_from_a_sentence_about_the_challenge(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Feedback report\n\nMarch 2019\n\nIntroduction\n\n"
        "This report sets out the findings of the corporate peer challenge at Salford City "
        "Council, which took place over four days.\n",
    )
    assert [c.id for c in record.review.councils] == ["SLF"]
    assert record.review.line == 7
    assert not any("reviewed council" in w for w in record.warnings)


def test_council_named_most_often_is_taken_with_a_warning(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Feedback report\n\nMarch 2019\n\nIntroduction\n\n"
        "Staff in Salford are proud of the place. Salford has grown quickly. "
        "Partners say Salford leads the region, and Bolton agrees.\n",
    )
    assert [c.id for c in record.review.councils] == ["SLF"]
    assert any("not named in a title" in w for w in record.warnings)


def test_a_council_named_as_often_as_another_is_not_guessed(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Feedback report\n\nMarch 2019\n\nIntroduction\n\n"
        "Salford and Bolton work closely. Salford and Bolton share a boundary. "
        "Salford and Bolton have similar plans.\n",
    )
    assert record.review.councils == []
    assert any("never names the reviewed council" in w for w in record.warnings)
