"""The reviewed council, review kinds and typed organisations: one invented snippet per
family of wording found in real published reports (docs/reading.md lists them).

Names of people are invented; councils are real names from the register.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphload.extract.organisations import organisation_type
from tests.extract_helpers import extract_text


def councils(record) -> list[str]:
    return [c.id for c in record.review.councils]


def warned(record, text: str) -> bool:
    return any(text in w for w in record.warnings)


# Family 1: a council page that lists the team but never names itself.
def test_team_first_page_never_yields_a_peers_employer(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge\n\n"
        "We welcomed a peer team in March 2023. The peer team members were:\n\n"
        "- Cllr Ada Quill - Wealden District Council (member peer)\n"
        "- Ben Tarrow - Chief Executive, Fenland District Council\n"
        "- Cora Lind - Director of Place, Torbay Council\n\n"
        "The team spoke to more than 100 people across the borough.\n",
    )
    assert councils(record) == []
    assert warned(record, "peers' employers")


# Family 1b: the first lines are a peer's address block, not the reviewed council.
def test_first_lines_listing_the_team_in_blocks_yield_no_employer(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Ann Example\nChief Executive\nLeeds City Council\n\n"
        "Bob Sample\nLeader\nWigan Council\n\n"
        "The peer team visited the council in March 2019 and met its partners.\n",
    )
    assert councils(record) == []


# Family 15: a cover page whose first line is the council's name alone.
def test_a_cover_page_naming_the_council_alone(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Rutland County Council\n\nFeedback report\n\nThe team met partners.\n",
    )
    assert councils(record) == ["RUT"]
    assert record.review.line == 1


# Family 16: employers written "Name of X" and "X's Chief Executive, Name".
def test_employers_written_of_x_and_xs_role(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Peer challenge news\n\nThe review of Torbay Council's housing took place in May. "
        "The team was Ann Example of Wealden District Council and Bob Sample from Fenland "
        "District Council. Wealden District Council's Chief Executive, Cy Dray, joined "
        "them. Torbay Council welcomed the team.\n",
    )
    assert councils(record) == ["TOB"]
    scores = {c["name"]: c["cues"] for c in record.explanation}
    assert "a peer's employer" in scores["Wealden District Council"]


# Family 17: a peer's address block right under the title is not part of the title.
def test_a_team_block_under_the_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge\nAnn Example\nChief Executive\nLeeds City Council\n\n"
        "The team found a council with clear ambitions for its place.\n",
    )
    assert councils(record) == []
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge\nTeam: Leeds City Council and Wigan Council\n\n"
        "The team found a council with clear ambitions.\n",
        name="team-line.txt",
    )
    assert councils(record) == []


# Family 2: a page that only ever says "the Council" or "we".
def test_a_page_that_only_says_the_council_gets_none_and_a_warning(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "LGA finance review\n\nIn June 2022 we invited a Local Government Association peer "
        "challenge team to review our financial position. The Council welcomed the report.\n",
    )
    assert councils(record) == []
    assert warned(record, "never names the reviewed council")


# Family 3: a defined abbreviation counts as a mention of the council it stands for.
def test_a_defined_abbreviation_outweighs_a_peers_employer(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Feedback report\n\n"
        "The team was led by Dan Ferro, Chief Executive of Ashford Borough Council.\n\n"
        "Tendring District Council (TDC) asked the LGA for a review. TDC is ambitious. "
        "TDC has a clear plan. Staff at TDC are proud. TDC manages its money well.\n"
        "Partners praised TDC. TDC should publish an action plan.\n",
    )
    assert councils(record) == ["TEN"]


# Family 4: "peer challenge at X" in prose, with a prose team naming other bodies.
def test_peer_challenge_at_x_with_a_prose_team(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Assessments\n\n"
        "In May 2019 the LGA carried out a peer challenge at Rutland County Council. "
        "The challenge was led by Eve Marsh (Chief Executive of Exeter City Council), "
        "assisted by Councillor Finn Oake (Devon County Council) and a review manager.\n",
    )
    assert councils(record) == ["RUT"]


# Family 5: a fire and rescue service is the reviewed body: a typed organisation.
def test_a_fire_and_rescue_service_is_reviewed(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Norfolk Fire and Rescue Service (NFRS) Operational Assessment and Fire Peer Challenge\n\n"
        "In November 2017 NFRS participated in the fire peer challenge. The on-site work "
        "was led by Gil Brand (Chief Fire Officer of Devon Fire and Rescue Service).\n",
    )
    assert [(c.id, c.name) for c in record.review.councils] == [
        ("org:norfolk-fire-and-rescue-service", "Norfolk Fire and Rescue Service")
    ]
    assert record.review.kind == "Fire Peer Challenge"


# Family 6: a town council, reviewed under a title that names it.
def test_a_town_council_named_in_the_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge: Ashby Town Council\n\nFeedback report: 2 - 3 May 2023\n\n"
        "Ashby Town Council (ATC) is a council at the first tier of local government. "
        "ATC is proud of its market.\n",
    )
    assert [c.name for c in record.review.councils] == ["Ashby Town Council"]


# Family 7: news of a town council review that names an earlier one.
def test_the_latest_council_to_take_part_not_the_one_before(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Bexhill Town Council to take part in NALC and LGA peer review\n\n"
        "Bexhill Town Council is the latest council to join the scheme of peer reviews. "
        "Ashby Town Council hosted the one before.\n",
    )
    assert [c.name for c in record.review.councils] == ["Bexhill Town Council"]
    assert record.review.kind == "Town and Parish Council Peer Review"


# Family 8: a review team "visiting X", with peers from town and district councils.
def test_review_team_visiting_x(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "News\n\nA first peer review took place at Frome Town Council last month.\n"
        "The review team visiting Frome Town Council consists of Hal Penn, LGA, "
        "Ida Rowe, Dunstable Town Council and Jon Sable, formerly of Craven District Council.\n",
    )
    assert [c.name for c in record.review.councils] == ["Frome Town Council"]


# Family 9: minutes that name the borough bare, again and again.
def test_a_bare_borough_name_repeated_in_minutes(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Agenda item\n\nUpdate on the London ADASS safeguarding peer review\n\n"
        "The last peer review in Sutton was in 2018. Sutton has since improved its "
        "front door. Sutton must now seek outside advice, and Sutton will prepare a "
        "self-assessment.\n",
    )
    assert councils(record) == ["STN"]
    assert record.review.kind == "Adult Social Care Peer Challenge"


# Family 10: a page listing several councils' reviews: no single reviewed council.
def test_a_listing_of_several_councils_gets_none(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Outcomes: peer challenge reports\n\nCouncils have published their reports:\n\n"
        "Wokingham Borough Council\n\n"
        'Kay Lyle, Chief Executive of Wokingham Borough Council: "The challenge helped '
        'Wokingham Borough Council."\n\nCheshire East Council\n\n'
        'Lou Marr, Chief Executive of Cheshire East Council: "The Peer Challenge of Cheshire '
        'East Council was a catalyst."\n',
    )
    assert councils(record) == []
    assert warned(record, "for certain")


# Family 11: a title set on two lines, the council's service above the kind.
def test_a_two_line_title(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Calderdale Children's Service\nSafeguarding Peer Review\n"
        "Purpose of the Peer Review: to examine how partners fulfil their duties.\n",
    )
    assert councils(record) == ["CLD"]
    assert record.review.kind == "Children's Services Peer Review"


# Family 12: a surname that is also a borough is a person, not the borough.
def test_a_surname_that_is_a_borough_name(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "A peer review report about the Royal Borough has been published. "
        "Partners welcomed the leadership since Cllr Mia Dudley became leader. "
        "Cllr Mia Dudley thanked the team. Cllr Mia Dudley said Dudley was a fine name.\n",
    )
    assert councils(record) == []


# Family 13: a council named in a signpost is not the reviewed council.
def test_a_signpost_council_is_not_the_reviewed_one(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge Torbay Council\n\n4-7 March 2019\n\n"
        "Signpost: Wealden District Council's approach to housing. Wealden District Council "
        "is worth a visit. Learn from Wealden District Council.\n",
    )
    assert councils(record) == ["TOB"]


# Family 14: the reviewed council's own chief executive is not a peer's employer.
def test_the_councils_own_officer_costs_it_nothing(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge Torbay Council\n\n4-7 March 2019\n\n"
        "Kay Lyle, Chief Executive of Torbay Council, welcomed the report. Oli Penn, "
        "Leader of Torbay Council, thanked staff.\n",
    )
    assert councils(record) == ["TOB"]
    assert record.explanation[0]["cues"].count("employer") == 0


# Kinds: a follow-up visit is a progress review.
@pytest.mark.parametrize(
    "title",
    [
        "Corporate Peer Challenge\nFollow-up visit, November 2018",
        "Corporate Peer Challenge Progress Review",
        "LGA Peer Review Revisit - 2021",
    ],
)
def test_progress_review_titles(tmp_path: Path, title: str) -> None:
    record = extract_text(tmp_path, f"{title}\n\nTorbay Council invited the team back.\n")
    assert record.review.kind == "Corporate Peer Challenge Progress Review"
    assert councils(record) == ["TOB"]


# Kinds: a specific kind named in the body beats a generic section title.
@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("the core components of all Finance Peer Challenges.", "Finance Peer Review"),
        ("the aims of this planning peer challenge were agreed.", "Planning Peer Challenge"),
        ("the scope of the adult social care peer challenge.", "Adult Social Care Peer Challenge"),
        ("the findings of the LGA finance review.", "Finance Peer Review"),
        (
            "the equality, diversity and inclusion peer challenge.",
            "Equality, Diversity and Inclusion Peer Challenge",
        ),
    ],
)
def test_specific_kind_from_the_body(tmp_path: Path, body: str, kind: str) -> None:
    record = extract_text(
        tmp_path, f"3. Summary of the peer challenge approach\n\nThe team considered {body}\n"
    )
    assert record.review.kind == kind


# Organisations: bodies that are not councils keep a type from their name.
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Local Government Association", "local government association"),
        ("Hampshire and Isle of Wight Fire and Rescue Service", "fire and rescue service"),
        ("Frome Town Council", "town or parish council"),
        ("Metropolitan Police", "police"),
        ("Northtown Mental Health NHS Trust", "nhs body"),
        ("Home Office", "government department"),
        ("Acme Services Limited", "company"),
        ("Bluebell Partnership", None),
    ],
)
def test_organisation_types(name: str, kind: str | None) -> None:
    assert organisation_type(name) == kind


# A feedback letter flattened into one line: the reviewed council is named in the
# address and in the team's own introduction; the peers' employers are named later on.
def test_a_letter_on_one_line_names_the_council_near_the_team(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Kay Lyle Chief Executive Wigan Council Town Hall Wigan 2nd April 2014 Dear Kay "
        "Wigan Council Corporate Peer Challenge 3rd – 6th March 2014 Thank you, from all "
        "of the team, for having us at Wigan Council for the corporate peer challenge. "
        "You and the LGA agreed the team, chosen for what they had done in similar "
        "councils. The peers who delivered the peer "
        "challenge at Wigan were: Ann Example – Chief Executive, Leeds City Council "
        "Councillor Bob Sample (Labour) – Leader of Salford City Council Eve Marsh – "
        "Senior Adviser, LGA (Peer Challenge Manager) Scope and focus of the peer "
        "challenge.\n",
    )
    assert councils(record) == ["WGN"]
    assert {p.name for p in record.peers} == {"Ann Example", "Bob Sample", "Eve Marsh"}


# A page saying the council "had a peer review" (a SEND or service review), short name.
def test_a_council_that_had_a_peer_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Local Government Association (LGA) Peer Review\n\n"
        "In November 2016, Rutland County Council had a peer review from the Local "
        "Government Association. The review looked at provision for children with "
        "special educational needs in the local area.\n",
    )
    assert councils(record) == ["RUT"]


# A peer described as having worked with the reviewed council on earlier peer teams.
def test_a_peer_who_worked_with_the_council_before_is_not_its_employee(
    tmp_path: Path,
) -> None:
    record = extract_text(
        tmp_path,
        "Peer Challenge: the brief\n\n"
        "Rutland County Council has commissioned a small team of peers to carry out a "
        "Corporate Peer Challenge.\n\n"
        "The peers who will be working with us are:\n\n"
        "- Ann Example, Chief Executive, Leeds City Council (officer peer lead)\n"
        "- Bob Sample, Former Director of Fenland District Council and member of earlier "
        "peer teams working with Rutland County Council\n"
        "- Cllr Cat Trial, Salford City Council (member peer)\n",
    )
    assert councils(record) == ["RUT"]
