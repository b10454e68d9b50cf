"""The reviewed council as the subject or place of the review, in wordings met in news
pages and LGA reports never seen before (invented snippets; real council names).

Families: "X is taking part in a peer review", "X has published the findings of its
peer challenge", "spending N days at X", "a peer challenge of X and Y" (both reviewed),
and a region named in a site's tagline ("councils in Kent & Medway") that is no body.
"""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import extract_text


def councils(record) -> list[str]:
    return [c.id for c in record.review.councils]


def test_a_council_taking_part_in_a_peer_review(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Children's services under the spotlight\n\n"
        "Hartlepool Borough Council is taking part in a peer review which will bring "
        "specialists from outside the region to town next month.\n\n"
        "Nora Vale, director of children's services for Rotherham, will lead the review "
        "with a team of specialists.\n",
    )
    assert councils(record) == ["HPL"]


def test_a_council_that_has_published_its_peer_challenge_findings(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "The Isle of Wight Council has this week published the findings of a voluntary "
        "corporate peer challenge into its leadership and governance.\n"
        "The report says the Council has made sound progress over the last year.\n",
    )
    assert councils(record) == ["IOW"]


def test_publishing_a_report_is_not_said_of_a_peers_employer(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "The Council's corporate peer challenge took place in May.\n"
        "The team was led by Ada Quill, Chief Executive of Wealden District Council.\n",
    )
    assert councils(record) == []


def test_spending_days_at_a_council(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Feedback report: 3 - 6 June 2024\n"
        "1. Introduction\n"
        "Corporate Peer Challenge involves a team of senior councillors and officers "
        "reviewing key information and then spending four days at North Northamptonshire "
        "Council to provide robust, strategic and credible challenge and support.\n",
    )
    assert councils(record) == ["NNT"]


def test_one_phrase_naming_two_councils_reviews_both(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Peer Review Report\n\n"
        "The Councils asked the Local Government Association to undertake a Peer Challenge "
        "of West Devon Borough Council and South Hams District Council, which share their "
        "staff.\n\nThe report will go to councillors in West Devon and in South Hams.\n",
    )
    assert sorted(councils(record)) == ["SHA", "WDE"]


def test_a_peer_challenge_of_a_council_and_the_lga_is_not_joint(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "News\n\nThe peer challenge of Torbay Council and the LGA's follow-up support were "
        "welcomed by councillors.\n",
    )
    assert councils(record) == ["TOB"]


def test_a_region_in_a_sites_tagline_is_no_reviewed_body(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Helping local councils in Kent & Surrey\n\n"
        "First Peer Review of a town council in the south east\n\n"
        "The LGA has piloted a Peer Review at Faversham Town Council this spring.\n\n"
        "The review team visiting Faversham Town Council consists of Ann Example, LGA, "
        "and Bob Sample, Wealden District Council.\n",
    )
    assert [c.name for c in record.review.councils] == ["Faversham Town Council"]
    scores = {c["name"]: c["score"] for c in record.explanation}
    assert scores.get("Kent County Council", 0) == 0
    assert scores.get("Surrey County Council", 0) == 0


def test_a_team_from_a_list_of_places_and_services(tmp_path: Path) -> None:
    """ "peer assessors from Devon & Somerset, Cheshire, and Cleveland Fire and Rescue
    Services": every item of the list after "from" is an employer, however it is named."""
    record = extract_text(
        tmp_path,
        "Kent Fire & Rescue Service - Keeping people safe\n\n"
        "Fire Service Gets Good Report\n\n"
        "A report on Kent Fire and Rescue Service is published today.\n"
        "The review was carried out by a team of peer assessors from Devon & Somerset, "
        "Cheshire, and Cleveland Fire and Rescue Services and the LGA.\n",
    )
    assert [c.name for c in record.review.councils] == ["Kent Fire & Rescue Service"]
    cues = {c["name"]: c["cues"] for c in record.explanation}
    assert "a peer's employer" in cues["Cleveland Fire and Rescue Service"]


def test_an_undefined_initialism_of_one_council(tmp_path: Path) -> None:
    """ "RBWM" is never defined, but stands for one council only: its mentions count."""
    record = extract_text(
        tmp_path,
        "Report says relationships need work\n\n"
        "The Corporate Peer Challenge found a positive change agenda at RBWM.\n"
        "The CPC is a peer review of what RBWM is doing well.\n"
        "It found that RBWM had made good progress since 2019.\n",
    )
    assert councils(record) == ["WNM"]


def test_a_three_letter_initialism_before_council(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Cabinet\n\nIn November 2021 the LGA carried out a Corporate Peer Challenge of "
        "BCP Council.\n",
    )
    assert councils(record) == ["BPC"]


def test_initialisms_that_stand_for_several_councils_or_none_name_none(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Peer challenge\n\nThe peer challenge of TDC took place in May; an NED and the "
        "CQC were consulted, and NWL officers joined.\n",
    )
    assert councils(record) == []


def test_a_region_named_like_a_combined_authority_is_no_body(tmp_path: Path) -> None:
    """ "West Midlands" alone is the region, not the West Midlands Combined Authority."""
    record = extract_text(
        tmp_path,
        "West Midlands Adult Social Care Peer Challenge Summit – 3rd May 2019\n\n"
        "Directors from across the West Midlands met to challenge one another.\n"
        "The day was opened by Ada Quill, Chair of West Midlands ADASS and director at "
        "Solihull Council.\n",
    )
    assert councils(record) == []


def test_a_peer_who_spent_time_at_a_council_gives_it_no_cue(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Peer challenge news\n\nThe Council welcomed the peer team in May.\n"
        "The team was led by Ada Quill, who spent time at Wealden District Council as its "
        "director of place.\n",
    )
    assert councils(record) == []


def test_a_news_lead_naming_the_council_in_capitals(tmp_path: Path) -> None:
    """ "DARLINGTON'S youth offending service is set to be reviewed": the lead's place in
    capitals is the council, and its service "set to be reviewed" says so."""
    record = extract_text(
        tmp_path,
        "Youth offending under the spotlight\n\n"
        "DARLINGTON'S youth offending service is set to be reviewed in a bid to find its "
        "strengths.\n\n"
        "Officers at Darlington Borough Council stress the review is not an inspection.\n",
    )
    assert [c.name for c in record.review.councils] == ["Darlington Borough Council"]


def test_a_title_naming_the_council_as_a_place_still_names_it(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Safeguarding Children Peer Review\n\nImproving safeguarding of children in Bury\n\n"
        "The council and its partners have invited a peer review team.\n",
    )
    assert councils(record) == ["BUR"]
