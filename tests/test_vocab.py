"""One vocabulary: each piece of domain knowledge behaves the same wherever it is used.

The cases are the ones where copies of this knowledge used to disagree: "King's
Lynn" folded two ways, "Ynys Môn" lost its ô in one place, "Reform UK Group" was no
party, the LGA had two alias lists, and the reports forgave a different spelling
slip from the one the graph merged people by.
"""

from __future__ import annotations

import hashlib

import pytest

from graphload.build import build_graph, clean_text
from graphload.extract.names import canonical_party, party_in, split_name
from graphload.extract.sentences import clip as evidence_clip
from graphload.gazetteer import normalise as gazetteer_key
from graphload.model import Ref, RefKind, organisation_id, peer_id, theme_id
from graphload.people import normalise_name
from graphload.records import DocumentInfo, ExtractRecord, PeerInfo, ReviewInfo
from graphload.resolve import organisation_node_id
from graphload.vocab.names_match import one_slip_apart
from graphload.vocab.organisations import canonical_organisation_name, known_organisation
from graphload.vocab.people import person_key, strip_titles
from graphload.vocab.text import clip, fold, scrub, slugify
from queries.format import scrub as report_scrub
from queries.names import Candidate, Matcher, UnknownName, core, normalise
from visualise.facts import scrub as map_scrub
from visualise.facts import shorten

# ------------------------------------------------------------------------- folding


@pytest.mark.parametrize("spelling", ["King's Lynn", "King’s Lynn", "Kings Lynn", "KINGS LYNN"])
def test_kings_lynn_folds_the_same_everywhere(spelling: str) -> None:
    assert fold(spelling) == "kings lynn"
    assert gazetteer_key(spelling) == "kings lynn"
    assert normalise(spelling) == "kings lynn"
    assert core(f"{spelling} Borough Council") == "kings lynn"
    assert slugify(spelling) == "kings-lynn"


@pytest.mark.parametrize("spelling", ["Ynys Môn", "Ynys Mon", "YNYS MÔN"])
def test_an_accent_is_dropped_by_one_rule(spelling: str) -> None:
    # the letter stays, its accent goes: never "ynys m n" in one place and "ynys mon" in another
    assert fold(spelling) == "ynys mon"
    assert gazetteer_key(spelling) == "ynys mon"
    assert normalise(spelling) == "ynys mon"
    assert organisation_id(spelling) == "org:ynys-mon"


def test_the_gazetteer_resolves_both_spellings_of_kings_lynn(gazetteer) -> None:
    a = gazetteer.resolve("King's Lynn and West Norfolk")
    b = gazetteer.resolve("Kings Lynn and West Norfolk")
    assert a is not None and a == b


def test_public_ids_keep_their_form() -> None:
    # docs/GRAPH-MODEL.md: ids users have saved must not change value
    assert theme_id("Governance & Decision-making") == "theme:governance-and-decision-making"
    assert peer_id("dai larner") == "peer:dai-larner"
    assert organisation_id("Local Government Association") == "org:local-government-association"
    assert slugify("O’Brien-Smith") == "obrien-smith"
    assert slugify("!!!") == "unnamed"


# ------------------------------------------------------------- titles and parties


@pytest.mark.parametrize(
    ("written", "party"),
    [
        ("Reform UK Group", "Reform UK"),
        ("Reform UK", "Reform UK"),
        ("Labour Co-op", "Labour"),
        ("(Lab)", "Labour"),
        ("Liberal Democrats", "Liberal Democrat"),
        ("Green Party", "Green"),
        ("Residents' Association", "Residents' Association"),
        ("Conservative Group", "Conservative"),
    ],
)
def test_one_party_list(written: str, party: str) -> None:
    assert canonical_party(written) == party


def test_a_party_in_a_role() -> None:
    assert party_in("Leader, Reform UK Group") == "Reform UK"
    assert party_in("Deputy Leader, Labour and Co-operative Group") == "Labour"
    assert party_in("Leader of the Council, Cabinet Member for Finance") is None


@pytest.mark.parametrize(
    ("written", "name", "councillor"),
    [
        ("Councillor Trevor Jones OBE", "Trevor Jones", True),
        ("Cllr. Ann Petty CVO", "Ann Petty", True),
        ("Rev Dr Ann Petty", "Ann Petty", False),
        ("Professor Ann Petty PhD", "Ann Petty", False),
        ("Ann Petty (CBE)", "Ann Petty", False),
    ],
)
def test_titles_and_honours_are_one_list(written: str, name: str, councillor: bool) -> None:
    # the reader (split_name) and person resolution (normalise_name) agree
    assert split_name(written) == (name, councillor)
    assert strip_titles(written) == (name, councillor)
    assert normalise_name(written) == person_key(name) == fold(name)


# -------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    "written",
    [
        "LGA",
        "the LGA",
        "Local Government Association",
        "The Local Government Association",
        "Local Government Association (LGA)",
        "Local Government Group",
    ],
)
def test_lga_aliases_in_one_place(written: str) -> None:
    assert known_organisation(written) == "Local Government Association"
    assert canonical_organisation_name(written) == "Local Government Association"
    ref = Ref.organisation(written)
    assert organisation_node_id(ref) == (
        "org:local-government-association",
        "Local Government Association",
    )


def test_the_reader_and_the_builder_agree_on_the_lga(gazetteer) -> None:
    from graphload.extract.councils import CouncilFinder

    finder = CouncilFinder(gazetteer, 2018)
    for written in ("LGA", "Local Government Association", "the Local Government Association"):
        ref = finder.organisation(written)
        assert ref is not None and ref.kind is RefKind.ORGANISATION
        assert organisation_node_id(ref)[0] == ref.id == "org:local-government-association"


def test_a_ref_says_its_kind(gazetteer) -> None:
    from graphload.extract.councils import CouncilFinder

    finder = CouncilFinder(gazetteer, 2018)
    registered = finder.organisation("Bromsgrove District Council")
    unregistered = finder.organisation("Gondor Borough Council")
    company = finder.organisation("Acme Consulting Ltd")
    assert registered is not None and registered.kind is RefKind.COUNCIL
    assert registered.in_register and registered.is_council
    assert unregistered is not None and unregistered.kind is RefKind.UNREGISTERED_COUNCIL
    assert unregistered.is_council and not unregistered.in_register
    assert unregistered.id == "council:gondor-borough-council"
    assert company is not None and company.kind is RefKind.ORGANISATION
    assert not company.is_council and company.id == "org:acme-consulting-ltd"


def test_refs_without_a_kind_are_read_from_old_records() -> None:
    assert Ref("org:acme", "Acme").kind is RefKind.ORGANISATION
    assert Ref("council:gondor", "Gondor").kind is RefKind.UNREGISTERED_COUNCIL
    assert Ref("BRM", "Bromsgrove").kind is RefKind.COUNCIL
    assert Ref("BRM", "Bromsgrove", "council").kind is RefKind.COUNCIL  # from JSON


def test_a_refs_kind_survives_the_ledger() -> None:
    import json

    from graphload.ledger import record_from_dict, record_to_dict

    record = ExtractRecord(
        document=DocumentInfo(path="a.txt", sha256="0" * 64, format="txt"),
        review=ReviewInfo(councils=[Ref.unregistered_council("Gondor Borough Council")]),
        peers=[PeerInfo("Ann Petty", organisations=[Ref.organisation("Acme Ltd")])],
    )
    again = record_from_dict(json.loads(json.dumps(record_to_dict(record))))
    assert again.review.councils[0].kind is RefKind.UNREGISTERED_COUNCIL
    assert again.peers[0].organisations[0].kind is RefKind.ORGANISATION
    assert again == record


# ------------------------------------------------------------- the spelling slip


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("dai larner", "dai lerner", True),  # one letter changed
        ("dai larner", "dai larnr", True),  # one deleted
        ("dai larner", "dai larneer", True),  # one inserted
        ("dai larner", "dai lanrer", True),  # neighbours swapped
        ("dai larner", "dai larner", False),  # the same is no slip
        ("dai larner", "dia lerner", False),  # two slips
        ("dai larner", "dai lrenar", False),
    ],
)
def test_one_slip(a: str, b: str, slip: bool) -> None:
    assert one_slip_apart(a, b) is slip


def _peer_record(name: str, doc: str, employer: Ref) -> ExtractRecord:
    sha = hashlib.sha256(doc.encode()).hexdigest()
    return ExtractRecord(
        document=DocumentInfo(path=f"{doc}.txt", sha256=sha, format="txt"),
        review=ReviewInfo(
            "Corporate Peer Challenge", [Ref.council("BRM", "Bromsgrove")], year=2018
        ),
        peers=[PeerInfo(name, role="Chief Executive", organisations=[employer])],
    )


@pytest.mark.parametrize(
    ("first", "second", "typed"),
    [
        ("Nick Worth", "Nick Wroth", "Nick Wotrh"),  # typed: one slip from one spelling
        ("Meg Haverly", "Meg Haverley", "meg haverlly"),
        ("Ravi Chandrasekar", "Ravi Chandrasekhar", "ravi chandrasekahr"),
    ],
)
def test_a_name_the_graph_merges_is_never_refused_by_the_reports(
    first: str, second: str, typed: str
) -> None:
    employer = Ref.council("WYE", "Wyre Forest")
    graph = build_graph(
        [_peer_record(first, "a", employer), _peer_record(second, "b", employer)], None
    )
    peers = [(n, a) for n, a in graph.nodes(data=True) if "Peer" in a["labels"]]
    assert len(peers) == 1, "the two spellings are one slip apart and share an employer"
    node_id, attrs = peers[0]
    matcher = Matcher([Candidate(node_id, attrs["name"], "Peer", tuple(attrs["aliases"]))])
    for spelling in (first, second, typed):
        assert matcher.resolve(spelling).id == node_id


def test_two_slips_are_refused_by_both() -> None:
    assert not one_slip_apart(fold("Nick Worth"), fold("Nikc Wrth"))
    matcher = Matcher([Candidate("peer:nick-worth", "Nick Worth", "Peer")], "peer")
    with pytest.raises(UnknownName):
        matcher.resolve("Nikc Wrth")


@pytest.mark.parametrize(
    "typed", ["Cllr Nick Worth", "Nick Worth OBE", "Councillor Nick Worth CBE"]
)
def test_a_peer_is_found_with_titles_and_honours(typed: str) -> None:
    matcher = Matcher(
        [
            Candidate("peer:nick-worth", "Nick Worth", "Peer"),
            Candidate("peer:nick-ward", "Nick Ward", "Peer"),
        ],
        "peer",
    )
    found = matcher.match(typed)
    assert found.candidate.id == "peer:nick-worth"
    assert not found.corrected


def test_a_corrected_slip_is_reported_not_silent() -> None:
    matcher = Matcher([Candidate("peer:nick-worth", "Nick Worth", "Peer")], "peer")
    found = matcher.match("Nick Wirth")
    assert found.candidate.id == "peer:nick-worth"
    assert found.corrected and found.spelling == "Nick Worth"
    exact = matcher.match("nick worth")
    assert not exact.corrected
    candidate = found.candidate
    assert matcher.corrected("Nick Wirth", candidate) == "Nick Worth"
    assert matcher.corrected("Cllr Nick Worth", candidate) is None


# ------------------------------------------------------- clipping and scrubbing


def test_evidence_is_clipped_by_one_rule() -> None:
    long = "word " * 100 + "end."
    clipped = clip(long, 300)
    assert len(clipped) <= 300 and clipped.endswith("…") and " …" not in clipped
    assert evidence_clip(long) == clipped  # the reader
    assert clean_text(long, 300) == clipped  # the builder
    assert shorten(long, 300) == clipped  # the maps
    assert clip("short  text\n") == "short text"


def test_display_scrubbing_is_one_rule() -> None:
    text = "Write to jo.bloggs@example.org or call 01234 567890."
    scrubbed = scrub(text)
    assert "example.org" not in scrubbed and "567890" not in scrubbed
    assert report_scrub(text) == scrubbed
    assert map_scrub(text) == scrubbed


# ---------------------------------------------------------------- one home each


def test_accents_are_folded_in_one_module_only() -> None:
    """A second module stripping accents (NFKD, then dropping the marks) would be a
    second folding rule."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    folding = [
        path.relative_to(root).as_posix()
        for package in ("graphload", "queries", "visualise", "benchmarks")
        for path in sorted((root / package).rglob("*.py"))
        if '"NFKD"' in path.read_text(encoding="utf-8")
    ]
    assert folding == ["graphload/vocab/text.py"]
