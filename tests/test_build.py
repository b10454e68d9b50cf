"""build_graph: ids, resolution across documents, provenance (docs/GRAPH-MODEL.md)."""

from __future__ import annotations

import random
import re

import networkx as nx
import pytest

from graphload.build import build_graph
from graphload.model import NODE_PROPERTIES
from graphload.people import normalise_name, one_slip_apart
from graphload.records import (
    DocumentInfo,
    ExtractRecord,
    PeerInfo,
    PersonInfo,
    RecommendationInfo,
    Ref,
    ReviewInfo,
    SharedServiceInfo,
    SignpostInfo,
    ThemeInfo,
)
from graphload.vocab.text import EVIDENCE_LIMIT
from tests.extract_helpers import review_record as record

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\b0\d{3,4}\s?\d{6}\b")


def peer(name: str, *employers: tuple[str, str], aliases=(), line: int = 10, **extra) -> PeerInfo:
    return PeerInfo(
        name=name,
        aliases=list(aliases) or [name],
        organisations=[Ref(code, label) for code, label in employers],
        line=line,
        evidence=f"{name}, {extra.get('role', 'officer')}",
        **extra,
    )


def edges(g: nx.MultiDiGraph, rel_type: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == rel_type]


def labelled(g: nx.MultiDiGraph, label: str) -> dict[str, dict]:
    return {n: d for n, d in g.nodes(data=True) if label in d["labels"]}


def snapshot(g: nx.MultiDiGraph):
    return (
        sorted((n, repr(sorted(d.items()))) for n, d in g.nodes(data=True)),
        sorted((u, v, k, repr(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True)),
    )


BABERGH = record(
    "babergh",
    [("BAB", "Babergh District Council"), ("MSU", "Mid Suffolk District Council")],
    peers=[
        peer(
            "Dai Larner", ("HPK", "High Peak Borough Council"), aliases=["Dai Larner", "Dai Lerner"]
        ),
        peer("Chris Bowron", ("org:lga", "LGA"), role="Programme Manager"),
        peer(
            "Kevin Dicks",
            ("BRM", "Bromsgrove District Council"),
            ("RED", "Redditch Borough Council"),
        ),
    ],
    not_peers=[PersonInfo(name="Rachel Litherland", why="LGA Principal Adviser")],
    shared_services=[
        SharedServiceInfo([Ref("BAB", "Babergh"), Ref("MSU", "Mid Suffolk")], "management team", 5),
        SharedServiceInfo(
            [Ref("MSU", "Mid Suffolk"), Ref("BAB", "Babergh"), Ref("IPS", "Ipswich")],
            "revenues partnership",
            6,
        ),
        SharedServiceInfo([Ref("WAV", "Waveney"), Ref("SUF", "Suffolk Coastal")], "management", 7),
    ],
    themes=[ThemeInfo("Financial planning and viability", 20, "Financial planning and viability")],
    recommendations=[
        RecommendationInfo("Plan the savings.", key=True, theme="Financial planning and viability"),
        RecommendationInfo("Review the constitution."),
    ],
)
BURY = record(
    "bury",
    [("BUR", "Bury Council")],
    year=2013,
    peers=[
        peer("Dai Lerner", ("HPK", "High Peak BC")),  # one slip, same employer: the same man
        peer("Chris Bowron", ("org:local-government-association", "Local Government Association")),
        peer("Jan Brittan", ("SAW", "Sandwell MBC")),
    ],
)
STOKE = record(
    "stoke",
    [("STE", "Stoke-on-Trent City Council")],
    year=2016,
    peers=[peer("Jan Britton", ("LUT", "Luton Borough Council"))],  # one slip, nothing shared
    signposts=[
        SignpostInfo("Adur and Worthing Councils", [Ref("ADU", "Adur"), Ref("WOT", "Worthing")])
    ],
)


@pytest.fixture(scope="module")
def graph(gazetteer):
    return build_graph([BABERGH, BURY, STOKE], gazetteer)


def test_every_node_has_its_label_properties_and_id(graph):
    for node_id, attrs in graph.nodes(data=True):
        (label,) = attrs["labels"]
        assert attrs["id"] == node_id
        assert set(NODE_PROPERTIES[label]) <= attrs.keys(), node_id
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        assert key.split(":")[0] == attrs["type"]


def test_review_ids_use_sorted_gazetteer_codes(graph):
    assert set(labelled(graph, "Review")) == {
        "review:BAB+MSU:2012:cpc",
        "review:BUR:2013:cpc",
        "review:STE:2016:cpc",
    }
    of = {v for u, v, _ in edges(graph, "OF") if u == "review:BAB+MSU:2012:cpc"}
    assert of == {"BAB", "MSU"}


def test_review_without_council_gets_a_document_id(gazetteer):
    orphan = record("orphan", [], year=None)
    (review,) = labelled(build_graph([orphan], gazetteer), "Review")
    assert review == f"review:{orphan.document.id.replace(':', '-')}:undated:cpc"


def test_near_match_with_shared_employer_is_one_peer_with_every_spelling(graph):
    peers = labelled(graph, "Peer")
    assert "peer:dai-lerner" not in peers
    assert peers["peer:dai-larner"]["aliases"] == ["Dai Larner", "Dai Lerner"]
    served = {v for u, v, _ in edges(graph, "SERVED_ON") if u == "peer:dai-larner"}
    assert served == {"review:BAB+MSU:2012:cpc", "review:BUR:2013:cpc"}


def test_near_match_without_shared_context_stays_two_people(graph):
    peers = labelled(graph, "Peer")
    assert {"peer:jan-britton", "peer:jan-brittan"} <= peers.keys()


def test_same_name_on_two_reviews_is_one_peer(graph):
    served = [v for u, v, _ in edges(graph, "SERVED_ON") if u == "peer:chris-bowron"]
    assert sorted(served) == ["review:BAB+MSU:2012:cpc", "review:BUR:2013:cpc"]


def test_lga_abbreviation_is_the_local_government_association(graph):
    orgs = labelled(graph, "Organisation")
    assert list(orgs) == ["org:local-government-association"]
    assert "LGA" in orgs["org:local-government-association"]["aliases"]


def test_reviewed_by_runs_from_each_reviewed_council_per_review(graph):
    reviewed = {(u, v, d["review"], d["year"]) for u, v, d in edges(graph, "REVIEWED_BY")}
    assert ("BAB", "peer:kevin-dicks", "review:BAB+MSU:2012:cpc", 2012) in reviewed
    assert ("MSU", "peer:kevin-dicks", "review:BAB+MSU:2012:cpc", 2012) in reviewed
    assert ("BUR", "peer:dai-larner", "review:BUR:2013:cpc", 2013) in reviewed
    for _, _, attrs in edges(graph, "REVIEWED_BY"):
        assert attrs["source"].startswith("doc:") and attrs["evidence"] and attrs["line"]


def test_works_for_councils_and_organisations(graph):
    works = {(u, v) for u, v, _ in edges(graph, "WORKS_FOR")}
    assert {("peer:kevin-dicks", "BRM"), ("peer:kevin-dicks", "RED")} <= works
    assert ("peer:chris-bowron", "org:local-government-association") in works
    assert graph.nodes["BRM"]["name"] == "Bromsgrove District Council"  # from the gazetteer


def test_shared_with_is_one_edge_per_pair_from_lower_to_higher_id(graph):
    pairs = [(u, v) for u, v, _ in edges(graph, "SHARED_WITH")]
    assert sorted(pairs) == [("BAB", "IPS"), ("BAB", "MSU"), ("IPS", "MSU"), ("SUF", "WAV")]
    assert graph.edges["BAB", "MSU", "SHARED_WITH"]["what"] == (
        "management team; revenues partnership"
    )


def test_reorganised_councils_lead_to_their_successor(graph):
    succeeded = {(u, v, d["date"]) for u, v, d in edges(graph, "SUCCEEDED_BY")}
    assert succeeded == {("SUF", "ESK", "2019-04-01"), ("WAV", "ESK", "2019-04-01")}
    assert graph.nodes["ESK"]["name"] == "East Suffolk Council"
    assert graph.nodes["WAV"]["replaced_by"] == ["ESK"]


def test_not_peers_are_not_peers(gazetteer):
    listed_twice = record(
        "twice",
        [("BAB", "Babergh")],
        peers=[peer("Rachel Litherland", ("org:lga", "LGA"))],
        not_peers=[PersonInfo(name="Rachel Litherland")],
    )
    g = build_graph([listed_twice], gazetteer)
    assert not labelled(g, "Peer")
    assert any("Rachel Litherland" in w.message for w in g.graph["warnings"])


def test_recommendations_signposts_themes(graph):
    recs = labelled(graph, "Recommendation")
    first = recs["review:BAB+MSU:2012:cpc:rec:1"]
    assert (first["text"], first["key"], first["ordinal"]) == ("Plan the savings.", True, 1)
    assert recs["review:BAB+MSU:2012:cpc:rec:2"]["ordinal"] == 2
    theme = "theme:financial-planning-and-viability"
    assert graph.has_edge("review:BAB+MSU:2012:cpc:rec:1", theme, "ABOUT")
    assert graph.has_edge("review:BAB+MSU:2012:cpc", theme, "COVERS")
    signpost = "signpost:adur-and-worthing-councils"
    assert graph.has_edge("review:STE:2016:cpc", signpost, "RECOMMENDS")
    assert {v for u, v, _ in edges(graph, "FEATURES") if u == signpost} == {"ADU", "WOT"}


def test_evidence_is_short_and_free_of_contact_details(gazetteer):
    long_evidence = "Contact andrew.hunkin@babergh.gov.uk or 01473 825820. " + "word " * 200
    noisy = record(
        "noisy",
        [("BAB", "Babergh")],
        peers=[PeerInfo("Ann Other", line=3, evidence=long_evidence, role="Call 01449 724526")],
    )
    g = build_graph([noisy], gazetteer)
    for _, attrs in g.nodes(data=True):
        for value in attrs.values():
            assert not (isinstance(value, str) and (EMAIL.search(value) or PHONE.search(value)))
    for _, _, attrs in g.edges(data=True):
        assert attrs.get("evidence") is None or len(attrs["evidence"]) <= EVIDENCE_LIMIT
        for value in attrs.values():
            assert not (isinstance(value, str) and (EMAIL.search(value) or PHONE.search(value)))


def test_graph_depends_only_on_the_set_of_documents(gazetteer):
    docs = [BABERGH, BURY, STOKE]
    expected = snapshot(build_graph(docs, gazetteer))
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert snapshot(build_graph(shuffled + [BURY], gazetteer)) == expected


def test_builds_without_a_gazetteer():
    g = build_graph([BABERGH], None)
    assert {"BAB", "MSU"} <= labelled(g, "Council").keys()


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("dai larner", "dai lerner", True),
        ("jan britton", "jan brtiton", True),
        ("ann woodward", "ann woodward", False),
        ("jan britton", "jon brittan", False),
    ],
)
def test_one_slip(a, b, near):
    assert one_slip_apart(a, b) is near


def test_name_normalisation_drops_titles_and_honours():
    assert (
        normalise_name("Cllr Trevor Jones OBE") == normalise_name("trevor  jones") == "trevor jones"
    )


# --- the seed reports ------------------------------------------------------------


def _peer_named(g: nx.MultiDiGraph, name: str) -> list[str]:
    return [n for n, d in labelled(g, "Peer").items() if name in d["aliases"] or d["name"] == name]


def test_seed_babergh_and_mid_suffolk_share(seed_graph):
    assert seed_graph.nodes["BAB"]["labels"] == ["Council"]
    assert seed_graph.nodes["MSU"]["labels"] == ["Council"]
    assert seed_graph.has_edge("BAB", "MSU", "SHARED_WITH")


def test_seed_bury_reviewed_twice(seed_graph):
    years = sorted(seed_graph.nodes[u]["year"] for u, v, _ in edges(seed_graph, "OF") if v == "BUR")
    assert years == [2013, 2018]


def test_seed_dai_larner_is_one_peer_with_two_aliases(seed_graph):
    (larner,) = _peer_named(seed_graph, "Dai Larner")
    assert _peer_named(seed_graph, "Dai Lerner") == [larner]
    assert sorted(seed_graph.nodes[larner]["aliases"]) == ["Dai Larner", "Dai Lerner"]


def test_seed_kevin_dicks_works_for_a_council_reviewed_in_2018(seed_graph):
    (dicks,) = _peer_named(seed_graph, "Kevin Dicks")
    assert seed_graph.has_edge(dicks, "BRM", "WORKS_FOR")
    reviews_of_brm = [u for u, v, _ in edges(seed_graph, "OF") if v == "BRM"]
    assert [seed_graph.nodes[r]["year"] for r in reviews_of_brm] == [2018]


def test_seed_lga_advisers_are_not_peers(seed_graph):
    for adviser in ("Rachel Litherland", "Helen Murray", "Gill Taylor"):
        assert _peer_named(seed_graph, adviser) == []


def test_seed_reviewed_by_carries_provenance(seed_graph):
    reviewed = edges(seed_graph, "REVIEWED_BY")
    assert reviewed
    for _, _, attrs in reviewed:
        assert attrs["source"] in seed_graph and attrs["evidence"]
        assert len(attrs["evidence"]) <= EVIDENCE_LIMIT


def test_served_on_role_is_the_team_role_when_stated() -> None:
    lead = PeerInfo(
        name="Ann Example",
        role="Chief Executive",
        team_role="Lead peer",
        organisations=[Ref("LDS", "Leeds City Council")],
        line=3,
        evidence="x",
    )
    member = PeerInfo(name="Bob Sample", role="Director", line=4, evidence="y")
    record = ExtractRecord(
        document=DocumentInfo(path="r.txt", sha256="ab" * 32, format="txt"),
        review=ReviewInfo(
            kind="Corporate Peer Challenge",
            councils=[Ref("WGN", "Wigan Council")],
            year=2019,
            line=1,
            evidence="z",
        ),
        peers=[lead, member],
    )
    graph = build_graph([record], None)
    roles = {
        graph.nodes[u]["name"]: a["role"]
        for u, _, a in graph.edges(data=True)
        if a["type"] == "SERVED_ON"
    }
    assert roles == {"Ann Example": "Lead peer", "Bob Sample": "Director"}


def test_facts_read_from_a_pdf_carry_their_page_and_text_facts_none() -> None:
    from pathlib import Path

    from graphload.extract import extract_file
    from graphload.gazetteer import Gazetteer

    reports = Path(__file__).resolve().parent.parent / "data" / "reports"
    gazetteer = Gazetteer.load()
    for name, paged in (("004_db1c61492010e655.pdf", True), ("004_db1c61492010e655.txt", False)):
        graph = build_graph([extract_file(reports / name, gazetteer)], gazetteer)
        served = [d for _, _, d in graph.edges(data=True) if d.get("type") == "SERVED_ON"]
        assert served, name
        pages = {d["page"] for d in served}
        if paged:
            assert None not in pages and all(p >= 1 for p in pages), pages
        else:
            assert pages == {None}
