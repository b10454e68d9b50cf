"""The families of team wording found in real published reports, one invented snippet each.

docs/reading.md describes each family in our own words; every snippet here is invented
(invented people, real council names from the register).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphload.records import PeerInfo
from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge\n\nWigan Council\n\n4th to 7th March 2019\n\n"
LGA = "org:local-government-association"


def _peers(tmp_path: Path, body: str, name: str = "report.txt") -> dict[str, PeerInfo]:
    record = extract_text(tmp_path, HEADER + body, name)
    return {p.name: p for p in record.peers}


def _orgs(peer: PeerInfo) -> list[str]:
    return [o.id for o in peer.organisations]


def test_team_role_leads_the_entry_after_a_colon(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n"
        "- Lead Officer Peer: Ann Example, Chief Executive, Leeds City Council\n"
        "- Lead Member Peer: Councillor Bob Sample, Leader, Salford City Council\n"
        "- LGA Peer Challenge Manager: Cat Trial, Regional Adviser\n\nScope and focus\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial"}
    assert peers["Ann Example"].team_role == "Lead Officer Peer"
    assert peers["Bob Sample"].councillor
    assert _orgs(peers["Cat Trial"]) == [LGA]
    assert peers["Cat Trial"].role == "Regional Adviser"


def test_team_role_leads_the_entry_before_a_dash(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team\n\n"
        "Lead Peer – Dan Probe (former Chief Executive of Sefton Council)\n"
        "Member Peer – Cllr Eve Proof, Leader, Pendle Borough Council;\n"
        "Officer Peer: Fay Case, Director of Place, Bolton Council\n"
        "Peer challenge manager – Gus Demo (LGA Associate)\n\nThe findings follow.\n",
    )
    assert set(peers) == {"Dan Probe", "Eve Proof", "Fay Case", "Gus Demo"}
    assert peers["Dan Probe"].role == "former Chief Executive"
    assert [o.name for o in peers["Dan Probe"].organisations] == [
        "Sefton Metropolitan Borough Council"
    ]
    assert peers["Eve Proof"].team_role == "Member Peer"
    assert peers["Gus Demo"].team_role == "Peer challenge manager"
    assert _orgs(peers["Gus Demo"]) == [LGA]


def test_employer_then_bracketed_party_and_team_role(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer challenge team members were:\n\n"
        "- Cllr Hal Test - London Borough of Havering (Independent member peer)\n"
        "- Cllr Ida Check - Rossendale Borough Council (Labour member peer)\n\nProse.\n",
    )
    assert peers["Hal Test"].party == "Independent"
    assert peers["Ida Check"].party == "Labour"
    assert peers["Ida Check"].team_role == "Labour member peer"
    assert peers["Hal Test"].councillor and peers["Ida Check"].councillor
    assert [o.name for o in peers["Hal Test"].organisations] == ["London Borough of Havering"]


def test_trailing_team_lead_and_a_stated_team_size(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Who was on the peer challenge team?\n\n"
        "The peer team was agreed jointly and was made up of four people with experience "
        "across local government and the private sector:\n\n"
        "- Jo Sample, Managing Director, Wychavon DC and Malvern Hills DC (peer team lead)\n"
        "- Councillor Kim Trial, Breckland DC (member peer)\n"
        "- Lee Probe, Head of Public Services, Northgate Mutual\n"
        "- Max Demo, LGA Challenge Manager\n\nHow did it work?\n",
    )
    assert set(peers) == {"Jo Sample", "Kim Trial", "Lee Probe", "Max Demo"}
    assert peers["Jo Sample"].team_role == "peer team lead"
    assert peers["Kim Trial"].role is None and peers["Kim Trial"].team_role == "member peer"
    assert [o.name for o in peers["Lee Probe"].organisations] == ["Northgate Mutual"]
    assert _orgs(peers["Max Demo"]) == [LGA]
    assert "stated size 4" in (peers["Jo Sample"].cue or "")


def test_review_panel_heading_former_leader_and_honours(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The Review Panel\n\nMembers of the review panel were:\n\n"
        "- Ned Case, Chief Executive, Hinckley and Bosworth Borough Council\n"
        "- Olive Test OBE, former Leader, Sevenoaks District Council\n\nOur response\n",
    )
    assert set(peers) == {"Ned Case", "Olive Test"}
    assert peers["Olive Test"].role == "former Leader"
    assert peers["Olive Test"].councillor


def test_plain_lines_with_hyphens_after_who_visited(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team who visited Stevenage Borough Council were:\n\n"
        "Pat Example - Chief Executive, Castle Point Borough Council\n"
        "Cllr Quin Sample - Leader, High Peak Borough Council\n"
        "Ray Trial - Programme Manager, LGA\n\nDuring the challenge the team met staff.\n",
    )
    assert set(peers) == {"Pat Example", "Quin Sample", "Ray Trial"}
    assert _orgs(peers["Ray Trial"]) == [LGA]


def test_lead_in_prose_then_names_with_bracketed_jobs(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The team was led by Sue Probe, Managing Director of Broadland District Council "
        "and South Norfolk Council. Sue was supported by senior figures.\n\n"
        "The full team was:\n\n"
        "- Councillor Tom Demo (Breckland District Council - Conservative)\n"
        "- Una Case (Head of Strategy, Warwickshire County Council)\n"
        "- Vic Test (LGA Peer Challenge Manager)\n\nReport and action plan\n",
    )
    assert set(peers) == {"Sue Probe", "Tom Demo", "Una Case", "Vic Test"}
    assert peers["Sue Probe"].team_role == "Lead peer"
    assert {o.name for o in peers["Sue Probe"].organisations} == {
        "Broadland District Council",
        "South Norfolk District Council",
    }
    assert peers["Tom Demo"].party == "Conservative"
    assert _orgs(peers["Vic Test"]) == [LGA]


def test_prose_led_by_assisted_by(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Our review was led by Wendy Check (Chief Executive of Kent Fire and "
        "Rescue Service), assisted by two station managers, Councillor Xan Example "
        "(Surrey County Council) and Yves Sample, Review Manager LGA.\n",
    )
    assert set(peers) == {"Wendy Check", "Xan Example", "Yves Sample"}
    assert [o.name for o in peers["Wendy Check"].organisations] == ["Kent Fire and Rescue Service"]
    assert peers["Wendy Check"].role == "Chief Executive"
    assert _orgs(peers["Yves Sample"]) == [LGA]


def test_unnamed_helpers_after_the_last_name_are_no_ones_job(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The challenge was led by Ali Probe (Chief Executive of Exeter City Council), "
        "assisted by Councillor Bo Case (Devon County Council) and a review manager.\n",
    )
    assert set(peers) == {"Ali Probe", "Bo Case"}
    assert peers["Bo Case"].role is None


def test_prose_apposition_the_council_role(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review week was led by Zoe Trial (former Chief Fire Officer of Cumbria "
        "County Council), assisted by a deputy chief officer and Abe Probe, the Surrey County "
        "Council Cabinet Associate for Community Safety.\n",
    )
    assert set(peers) == {"Zoe Trial", "Abe Probe"}
    assert [o.name for o in peers["Abe Probe"].organisations] == ["Surrey County Council"]
    assert peers["Abe Probe"].councillor


def test_bullets_flattened_into_one_paragraph(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The session was facilitated by the following peers: • Bea Demo, Chief Executive, "
        "South Gloucestershire Council • Councillor Cal Case, Leader, Medway Council "
        "• Dee Test, Director for Digital, Bristol City Council They were supported by "
        "Eli Check and Flo Example from the LGA. The input of Gil Sample, the council's "
        "recovery lead, was appreciated.\n",
    )
    assert set(peers) == {"Bea Demo", "Cal Case", "Dee Test", "Eli Check", "Flo Example"}
    assert _orgs(peers["Eli Check"]) == [LGA]
    assert [o.name for o in peers["Dee Test"].organisations] == ["Bristol City Council"]


def test_minutes_who_led_the_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The Board considered the feedback letter from Hugo Probe, who led the Peer team; "
        "Councillor Iris Demo, Cabinet Member for Adults, attended the meeting.\n",
    )
    assert set(peers) == {"Hugo Probe"}
    assert peers["Hugo Probe"].team_role == "Lead peer"


def test_job_written_before_the_name(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review was carried out by an eight strong team. The team was led by Chief "
        "Fire Officer Jack Trial from Hampshire and Isle of Wight Fire and Rescue Service.\n",
    )
    assert set(peers) == {"Jack Trial"}
    assert peers["Jack Trial"].role == "Chief Fire Officer"
    assert [o.name for o in peers["Jack Trial"].organisations] == [
        "Hampshire and Isle of Wight Fire and Rescue Service"
    ]


def test_team_consists_of_comma_pairs(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The review team visiting Wigan Council consists of Kay Sample, LGA, Liam Case, "
        "NALC, Mia Test, Dunstable Town Council and Noel Demo, formerly of Mendip District "
        "Council.\n",
    )
    assert set(peers) == {"Kay Sample", "Liam Case", "Mia Test", "Noel Demo"}
    assert [o.name for o in peers["Liam Case"].organisations] == ["NALC"]
    assert [o.name for o in peers["Mia Test"].organisations] == ["Dunstable Town Council"]


def test_people_a_sentence_describes_as_peers(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The Leader of the Council welcomed Orla Check, Director of Adult Services, "
        "Salford City Council and Lead Peer Review Officer, and Piet Example, Head of "
        "Safeguarding, Bolton Council, and invited them to report their findings.\n",
    )
    assert set(peers) == {"Orla Check", "Piet Example"}


def test_plain_lines_after_a_numbered_heading(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "3. Summary of the peer challenge approach\nThe peer team\n"
        "Peer challenges are delivered by experienced peers. The peers were:\n"
        "Quentin Demo, Peer Challenge Manager and LGA. Financial Improvement Adviser (FIA)\n"
        "Cllr Rita Case, Leader, North Lincolnshire Council\n"
        "Sam Test, Executive Director for Corporate Resources, London Borough of Lewisham\n"
        "Scope and focus\n",
    )
    assert set(peers) == {"Quentin Demo", "Rita Case", "Sam Test"}
    assert [o.name for o in peers["Sam Test"].organisations] == ["London Borough of Lewisham"]


def test_at_separator(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n- Cllr Tia Probe, Leader of the Council at St Helens Council\n"
        "- Ugo Sample, Director for Planning at Milton Keynes City Council\n\nProse.\n",
    )
    assert [o.name for o in peers["Tia Probe"].organisations] == ["St Helens Council"]
    assert peers["Tia Probe"].role == "Leader of the Council"
    assert peers["Ugo Sample"].role == "Director for Planning"


def test_a_long_sentence_ending_in_a_colon(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The team was agreed with the council and brought together three people from local "
        "government and the NHS:\n\n"
        "Vera Check, Chief Executive, Bury Council\n"
        "Walt Demo, Director of Public Health, NHS Somerset\n"
        "Xena Case, Programme Manager, Local Government Association\n\nFindings\n",
    )
    assert set(peers) == {"Vera Check", "Walt Demo", "Xena Case"}
    assert _orgs(peers["Walt Demo"]) == ["org:nhs-somerset"]


def test_team_in_brackets_in_one_sentence(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team (Yara Probe of Leeds City Council, Zak Trial of Bolton Council and "
        "Ada Demo of the LGA) spent three days on site.\n",
    )
    assert set(peers) == {"Yara Probe", "Zak Trial", "Ada Demo"}
    assert _orgs(peers["Ada Demo"]) == [LGA]


def test_participants_heading_with_name_and_organisation(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Participants\n\n- Ben Sample (Sefton Council)\n- Cleo Test (Bolton Council)\n"
        "- Dev Case (Local Government Association)\n\nSummary\n",
    )
    assert set(peers) == {"Ben Sample", "Cleo Test", "Dev Case"}
    assert _orgs(peers["Dev Case"]) == [LGA]


def test_table_rows_in_any_order(tmp_path: Path) -> None:
    html = (
        "<h1>Corporate Peer Challenge</h1><h2>The peer team</h2><table>"
        "<tr><th>Role on team</th><th>Name</th><th>Job</th><th>Employer</th></tr>"
        "<tr><td>Lead peer</td><td>Edna Probe</td><td>Chief Executive</td>"
        "<td>Leeds City Council</td></tr>"
        "<tr><td>Member peer</td><td>Cllr Finn Demo</td><td>Leader</td>"
        "<td>Salford City Council</td></tr></table><p>Findings follow.</p>"
    )
    record = extract_text(tmp_path, html, "report.html")
    peers = {p.name: p for p in record.peers}
    assert set(peers) == {"Edna Probe", "Finn Demo"}
    assert peers["Edna Probe"].team_role == "Lead peer"
    assert _orgs(peers["Edna Probe"]) == ["LDS"]


@pytest.mark.parametrize(
    "body",
    [
        # a meeting's own councillors moving and seconding a motion
        "The Executive Member introduced the peer challenge report. It was moved by "
        "Councillor Gail Check and seconded by Councillor Hank Test that it be approved.\n",
        # a field label before the report's author
        "REPORT FROM:\tCouncillor Ivy Sample, Leader of the Council\n"
        "CONTACT OFFICER:\tJon Demo, Chief Executive\n",
        # a directory of lead member peers, no review and no team
        "Cllr Kai Probe\nIndependent Group National Lead Peer\n\n"
        "Cllr Lia Case\nIndependent Group Regional Lead Peer\n",
        # the people the team met
        "The peer team spoke to:\n\n- Mo Trial, Leader, Wigan Council\n"
        "- Nia Demo, Chief Executive, Wigan Council\n\nProse.\n",
        # a sentence about a person that is not a list entry
        "Cabinet considered the peer review report.\n"
        "Councillor Oz Check, Cabinet Member for Resources, introduced the findings. "
        "She welcomed the work the LGA's review group had carried out.\n",
    ],
)
def test_other_people_are_not_the_team(tmp_path: Path, body: str) -> None:
    assert _peers(tmp_path, body) == {}


def test_no_entry_is_lost_because_of_its_neighbour(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n"
        "- Siobhán Murphy, Chief Executive, Leeds City Council\n"
        "- Programme support\n"
        "- J. Smith, Director, Salford City Council\n"
        "- <script>alert(1)</script>\n"
        "- Ms A N Other, Head of Policy, Bolton Council\n"
        "- Jane van der Berg, Programme Manager, LGA\n"
        "- Lead Officer Peer: TBC\n"
        "- Vacant\n"
        "- Pip O'Neill-Case, Assistant Director, Wigan Council\n\nProse.\n",
    )
    assert set(peers) == {
        "Siobhán Murphy",
        "J. Smith",
        "A N Other",
        "Jane van der Berg",
        "Pip O'Neill-Case",
    }


def test_each_peer_says_which_block_and_cue_it_came_from(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n- Ann Example, Chief Executive, Leeds City Council\n\n"
        "The review was led by Bob Sample, Chief Executive of Bolton Council.\n",
    )
    assert peers["Ann Example"].cue and peers["Ann Example"].cue.startswith("list")
    assert peers["Bob Sample"].cue == "prose: 'led by'"


def test_an_entry_wrapped_onto_a_second_line(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n"
        "- Gwen Probe, Director for Housing and Communities, North West\n"
        "Leicestershire District Council\n"
        "- Hew Sample, Chief Executive, Bolton Council\n\nProse.\n",
    )
    assert set(peers) == {"Gwen Probe", "Hew Sample"}
    assert [o.name for o in peers["Gwen Probe"].organisations] == [
        "North West Leicestershire District Council"
    ]


def test_columns_of_spaces_from_a_copied_table(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team\n\n"
        "Lead peer      Isla Check      Chief Executive      Leeds City Council\n"
        "Member peer    Cllr Joe Case   Leader               Salford City Council\n\n"
        "Findings\n",
    )
    assert set(peers) == {"Isla Check", "Joe Case"}
    assert peers["Isla Check"].team_role == "Lead peer"
    assert _orgs(peers["Joe Case"]) == ["SLF"]


def test_places_in_brackets_stand_for_their_councils(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team comprised Kit Demo (Leeds), Lou Trial (Salford) and Meg Case (LGA).\n",
    )
    assert set(peers) == {"Kit Demo", "Lou Trial", "Meg Case"}
    assert _orgs(peers["Kit Demo"]) == ["LDS"]
    assert _orgs(peers["Meg Case"]) == [LGA]


def test_managed_by_and_who_had_led(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer challenge was managed by Nat Probe, Peer Challenge Manager, LGA.\n\n"
        "Cabinet heard from Ola Sample, who had led the peer team; the Leader thanked her.\n",
    )
    assert set(peers) == {"Nat Probe", "Ola Sample"}
    assert peers["Ola Sample"].team_role == "Lead peer"


def test_a_sentence_about_what_the_team_thought_is_not_the_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peer team were impressed by Pam Trial, Chief Executive of Wigan Council, and "
        "by the Leader.\n\nThe peers were Quin Demo, Chief Executive of Bolton Council, and "
        "Rae Case, Programme Manager, LGA.\n",
    )
    assert set(peers) == {"Quin Demo", "Rae Case"}


def test_the_lga_staff_on_the_team_work_for_the_lga(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n- Sid Probe, Chief Executive, Bolton Council\n"
        "- Tess Demo, Peer Challenge Manager\n- Uma Case, Programme Support Officer\n\n"
        "Prose.\n",
    )
    assert _orgs(peers["Tess Demo"]) == [LGA]
    assert _orgs(peers["Uma Case"]) == [LGA]
    assert _orgs(peers["Sid Probe"]) != [LGA]


def test_minutes_with_a_team_sentence_among_the_councils_own_people(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "Present: Councillor Vera Smith (Chair), Councillor Walt Jones\n\n"
        "Officers present:\nXia White, Chief Executive\nYan Black, Director of Resources\n\n"
        "45. Corporate Peer Challenge\n\nThe peer team was led by Zed Stone, Chief Executive "
        "of Pendle Borough Council, and included Councillor Amy Reed (Liberal Democrat, "
        "Sefton Council), June Park, Director of Finance at Bolton Council, and Kim Lane "
        "from the LGA.\n\nCouncillor Walt Jones thanked the officers. Xia White, Chief "
        "Executive, said the action plan would follow.\n\n"
        "Contact Officer: Yan Black, Director of Resources\n",
    )
    assert set(peers) == {"Zed Stone", "Amy Reed", "June Park", "Kim Lane"}
    assert peers["Amy Reed"].party == "Liberal Democrat" and peers["Amy Reed"].councillor
    assert _orgs(peers["Kim Lane"]) == [LGA]


def test_a_new_introduction_ends_the_team_list(tmp_path: Path) -> None:
    html = (
        "<h1>Peer challenge 2023</h1><p>The peer team members were:</p><ul>"
        "<li>Hana Ives – Chief Executive, Bolton Council</li>"
        "<li>Cllr Ivo Jule (Con) – Leader, Bury Council</li>"
        "<li>Jan Kite, Programme Manager, LGA, jan.kite@example.org</li></ul>"
        "<p>We would like to thank:</p><ul><li>Kai Lord, Head of Policy, Wigan Council</li>"
        "</ul>"
    )
    record = extract_text(tmp_path, html, "page.html")
    peers = {p.name: p for p in record.peers}
    assert set(peers) == {"Hana Ives", "Ivo Jule", "Jan Kite"}
    assert peers["Ivo Jule"].party == "Conservative"
    assert peers["Jan Kite"].role == "Programme Manager"


def test_an_association_of_councils_is_not_a_council(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers were:\n\n- Hal Sample, Director of Adults, London Councils\n"
        "- Ivy Demo, Head of Policy, Bolton Council\n\nProse.\n",
    )
    assert [(o.id, o.name) for o in peers["Hal Sample"].organisations] == [
        ("org:london-councils", "London Councils")
    ]


def test_people_quoted_in_their_own_words_are_not_a_team(tmp_path: Path) -> None:
    # A page of peers' testimonials: each name line is followed by their own words.
    peers = _peers(
        tmp_path,
        "Hear from our peers\n\n"
        "What peers say about taking part in a peer challenge.\n\n"
        "Councillor Ann Example, Leader, Wealden District Council\n\n"
        "I always learn something from a challenge that I take back to my council.\n\n"
        "Bob Sample, Chief Executive, Fenland District Council\n\n"
        "Being on a peer team gave me time to think about how we work.\n\n"
        "Cat Trial, Director of Place, Sefton Council\n\n"
        "I would recommend it to anyone.\n",
    )
    assert peers == {}


def test_a_sector_label_after_an_employer_that_is_not_a_council(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers who will be working with us are:\n\n"
        "- Dan Probe, Chief Executive, Leeds City Council (officer peer lead)\n"
        "- Eve Marsh, Director of Research, The Bridge to Work (voluntary sector)\n"
        "- Councillor Finn Oake, Salford City Council (member peer)\n",
    )
    assert set(peers) == {"Dan Probe", "Eve Marsh", "Finn Oake"}
    assert [o.name for o in peers["Eve Marsh"].organisations] == ["The Bridge to Work"]
    assert peers["Eve Marsh"].role == "Director of Research"


def test_an_abbreviated_employer_after_at_in_a_bracketed_team(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The Peer Challenge team (Gus Hale, Town Clerk, Dunstable Town Council, Hal Penn "
        "former leader at Wealden District Council, Ida Rowe, Head of Member Services at "
        "NALC and Jon Sable, Peer Challenge Manager at LGA) met councillors and staff.\n",
    )
    assert set(peers) == {"Gus Hale", "Hal Penn", "Ida Rowe", "Jon Sable"}
    assert [o.name for o in peers["Ida Rowe"].organisations] == ["NALC"]
    assert _orgs(peers["Jon Sable"]) == [LGA]


def test_a_person_introducing_their_own_quoted_words_is_not_a_team(tmp_path: Path) -> None:
    # A page about the peer challenge offer quotes one officer about it.
    peers = _peers(
        tmp_path,
        "This year we will be working with the following services on their peer challenge:\n"
        "Ann Example, Chief Fire Officer, Cumbria County Council:\n"
        '"The new peer challenge gives every service a chance to learn from the others."\n',
    )
    assert peers == {}


def test_a_team_list_flattened_into_one_paragraph_with_dashes(tmp_path: Path) -> None:
    # A letter copied from a PDF: no line breaks or separators, only a dash after names.
    peers = _peers(
        tmp_path,
        "Dear Kay, On behalf of the peer team, thank you for inviting us. The peers who "
        "delivered the peer challenge at Wigan were: Ann Example – Chief Executive, Leeds "
        "City Council Councillor Bob Sample (Labour) – Leader of Salford City Council "
        "Councillor Cat Trial OBE (Conservative) – London Borough of Sutton Dan Probe – "
        "Director of Research, NIACE Eve Marsh – Senior Adviser, LGA (Peer Challenge "
        "Manager) What the challenge covered The council asked us to consider: "
        "1. Understanding of the local context.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial", "Dan Probe", "Eve Marsh"}
    assert [o.name for o in peers["Ann Example"].organisations] == ["Leeds City Council"]
    assert peers["Bob Sample"].party == "Labour"
    assert peers["Cat Trial"].councillor
    assert [o.name for o in peers["Dan Probe"].organisations] == ["NIACE"]
    assert _orgs(peers["Eve Marsh"]) == [LGA]


def test_a_note_of_earlier_peer_work_is_not_a_job(tmp_path: Path) -> None:
    peers = _peers(
        tmp_path,
        "The peers who will be working with us are:\n\n"
        "- Ann Example, Chief Executive, Leeds City Council (officer peer lead)\n"
        "- Bob Sample, Former Director of Fenland District Council and member of earlier "
        "LGA peer challenge teams working with Rutland County Council\n"
        "- Cllr Cat Trial, Salford City Council (member peer)\n",
    )
    assert [o.name for o in peers["Bob Sample"].organisations] == ["Fenland District Council"]
    assert peers["Bob Sample"].role == "Former Director"


def test_a_flattened_team_list_with_plain_hyphens(tmp_path: Path) -> None:
    # The same letter where the PDF's dashes came out as hyphens.
    peers = _peers(
        tmp_path,
        "The peers who delivered the peer challenge were: Ann Example - Chief Executive, "
        "Leeds City Council Councillor Bob Sample (Labour) - Leader of Salford City Council "
        "Cat Trial - Senior Adviser, LGA (Peer Challenge Manager) Scope and focus of the "
        "peer challenge.\n",
    )
    assert set(peers) == {"Ann Example", "Bob Sample", "Cat Trial"}
    assert [o.name for o in peers["Bob Sample"].organisations] == ["Salford City Council"]


def test_the_lgas_earlier_improvement_body_before_a_job(tmp_path: Path) -> None:
    # Reports from before 2011 name the review manager's employer by its old name.
    peers = _peers(
        tmp_path,
        "The members of the peer review team were:\n\n"
        "- Ann Example, Chief Executive, Hambleton District Council\n"
        "- Bob Sample, Leader, Breckland District Council\n"
        "- Cat Trial, LG Improvement and Development Review Manager\n"
        "- Dan Probe, IDeA Programme Manager\n",
    )
    assert [o.name for o in peers["Cat Trial"].organisations] == ["LG Improvement and Development"]
    assert peers["Cat Trial"].role == "Review Manager"
    assert [o.name for o in peers["Dan Probe"].organisations] == ["IDeA"]
