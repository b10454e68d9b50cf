"""render_map and its parts, without a browser: views, filters, names, safety."""

from __future__ import annotations

import json
import re
from collections import Counter

import networkx as nx
import pytest
from map_graphs import add_two_north_yorkshires

from benchmarks.synthetic import synthetic_graph
from visualise import render_map
from visualise.facts import scrub
from visualise.html import script_json
from visualise.select import MatchError, find_node
from visualise.views import neighbourhood, parse_years, view_graph, within_years


def _labels(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {n: a["labels"][0] for n, a in graph.nodes(data=True)}


def _map_data(path) -> dict:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.S)
    assert match, "the map's data block is missing"
    return json.loads(match.group(1))


def tiny_graph() -> nx.MultiDiGraph:
    """Two reviews, a signpost that features a third council, a shared service."""
    g = nx.MultiDiGraph()

    def node(node_id: str, label: str, **props: object) -> None:
        g.add_node(node_id, id=node_id, labels=[label], **props)

    def edge(u: str, v: str, rel: str, **props: object) -> None:
        g.add_edge(u, v, key=rel, type=rel, **props)

    node(
        "BRM",
        "Council",
        name="Bromsgrove District Council",
        short_name="Bromsgrove",
        aliases=["BDC"],
    )
    node("RED", "Council", name="Redditch Borough Council", short_name="Redditch")
    node("ADU", "Council", name="Adur District Council", short_name="Adur")
    node("WOR", "Council", name="Worthing Borough Council", short_name="Worthing")
    node("SOU", "Council", name="South Holland District Council", short_name="South Holland")
    node("doc:1", "Document", path="data/reports/001_abc.txt", title="Report one")
    node(
        "review:BRM+RED:2018:cpc",
        "Review",
        title="Bromsgrove and Redditch CPC 2018",
        year=2018,
        source="doc:1",
        line=1,
    )
    node("review:SOU:2012:cpc", "Review", title="South Holland CPC 2012", year=2012)
    node("peer:matt-prosser", "Peer", name="Matt Prosser", aliases=["Matt Prosser"])
    node("peer:nick-worth", "Peer", name="Nick Worth")
    node("signpost:adur-and-worthing", "Signpost", title="Adur and Worthing Councils")
    node("theme:leadership", "Theme", name="Leadership of place")
    node("review:BRM+RED:2018:cpc:rec:1", "Recommendation", text="Do the thing", key=True)
    edge("review:BRM+RED:2018:cpc", "BRM", "OF", source="doc:1", line=3)
    edge("review:BRM+RED:2018:cpc", "RED", "OF", source="doc:1", line=3)
    edge("review:SOU:2012:cpc", "SOU", "OF")
    edge("peer:matt-prosser", "review:BRM+RED:2018:cpc", "SERVED_ON", role="Chief Executive")
    edge("peer:nick-worth", "review:SOU:2012:cpc", "SERVED_ON", role="Deputy Leader")
    edge("peer:nick-worth", "SOU", "WORKS_FOR", role="Deputy Leader", year=2012)
    edge("BRM", "peer:matt-prosser", "REVIEWED_BY", year=2018)
    edge("SOU", "peer:nick-worth", "REVIEWED_BY", year=2012)
    edge(
        "review:BRM+RED:2018:cpc",
        "signpost:adur-and-worthing",
        "RECOMMENDS",
        source="doc:1",
        line=40,
        evidence="Signpost – Adur and Worthing Councils",
    )
    edge("signpost:adur-and-worthing", "ADU", "FEATURES")
    edge("signpost:adur-and-worthing", "WOR", "FEATURES")
    edge("ADU", "WOR", "SHARED_WITH", what="shared management", year=2008)
    edge("review:BRM+RED:2018:cpc", "theme:leadership", "COVERS")
    edge("review:BRM+RED:2018:cpc", "review:BRM+RED:2018:cpc:rec:1", "MADE")
    edge("review:BRM+RED:2018:cpc", "doc:1", "SOURCED_FROM")
    return g


def test_views_keep_only_their_labels_and_relationships() -> None:
    g = tiny_graph()
    peers = view_graph(g, "peers")
    assert set(_labels(peers).values()) == {"Council", "Peer", "Review"}
    assert {a["type"] for *_, a in peers.edges(data=True)} == {
        "OF",
        "SERVED_ON",
        "WORKS_FOR",
        "REVIEWED_BY",
    }
    shared = view_graph(g, "shared-services")
    assert {(u, v) for u, v in shared.edges()} == {("ADU", "WOR")}
    everything = view_graph(g, "all")
    assert "review:BRM+RED:2018:cpc:rec:1" not in everything
    assert "doc:1" not in everything
    assert "signpost:adur-and-worthing" in everything


def test_advice_view_derives_featured_council_to_review_to_reviewed_council() -> None:
    advice = view_graph(tiny_graph(), "advice")
    derived = {(u, v) for u, v, a in advice.edges(data=True) if a["type"] == "SIGNPOSTED_IN"}
    assert derived == {("ADU", "review:BRM+RED:2018:cpc"), ("WOR", "review:BRM+RED:2018:cpc")}
    edge = advice.edges["ADU", "review:BRM+RED:2018:cpc", "SIGNPOSTED_IN"]
    assert edge["signpost"] == "Adur and Worthing Councils"
    assert edge["evidence"] == "Signpost – Adur and Worthing Councils"
    assert "signpost:adur-and-worthing" not in advice
    assert "review:SOU:2012:cpc" not in advice  # signposted nothing
    assert advice.has_edge("review:BRM+RED:2018:cpc", "BRM", "OF")


def test_years_filter_drops_reviews_and_dated_relationships_outside() -> None:
    g = within_years(view_graph(tiny_graph(), "peers"), (2015, 2019))
    assert "review:SOU:2012:cpc" not in g
    assert not g.has_edge("SOU", "peer:nick-worth")
    assert g.has_edge("BRM", "peer:matt-prosser")
    assert g.has_edge("peer:matt-prosser", "review:BRM+RED:2018:cpc")  # undated, review inside


def test_years_filter_drops_undated_facts_not_tied_to_a_review_inside() -> None:
    g = tiny_graph()
    g.add_edge("BRM", "RED", key="SHARED_WITH", type="SHARED_WITH", what="ICT")  # no year
    g.add_edge("RED", "ADU", key="SUCCEEDED_BY", type="SUCCEEDED_BY", date="2023-04-01")
    inside = within_years(view_graph(g, "all"), (2012, 2013))
    assert not inside.has_edge("BRM", "RED")  # undated, neither end dated in 2012-13
    assert not inside.has_edge("RED", "ADU")  # a 2023 reorganisation
    assert "signpost:adur-and-worthing" not in inside  # signposted by a 2018 review
    assert inside.has_edge("review:SOU:2012:cpc", "SOU")
    later = within_years(view_graph(g, "all"), (2018, 2023))
    assert later.has_edge("RED", "ADU") and "signpost:adur-and-worthing" in later
    assert later.has_edge("signpost:adur-and-worthing", "ADU")  # FEATURES: signpost dated 2018


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("2012-2019", (2012, 2019)),
        ("2015", (2015, 2015)),
        ("2015-", (2015, None)),
        ("-2015", (None, 2015)),
        (" 2012 – 2019 ", (2012, 2019)),
    ],
)
def test_parse_years(text: str, span: tuple) -> None:
    assert parse_years(text) == span


@pytest.mark.parametrize("text", ["", "twelve", "2019-2012", "12-19", "2012-2019-2020"])
def test_parse_years_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_years(text)


def test_neighbourhood_follows_edges_both_ways_to_depth() -> None:
    g = view_graph(tiny_graph(), "peers")
    one = neighbourhood(g, "BRM", 1)
    assert set(one) == {"BRM", "review:BRM+RED:2018:cpc", "peer:matt-prosser"}
    two = neighbourhood(g, "BRM", 2)
    assert "RED" in two and "SOU" not in two


@pytest.mark.parametrize(
    "query",
    [
        "Bromsgrove District Council",
        "bromsgrove district council",
        "BRM",
        "brm",
        "BDC",
        "Bromsgrove",
        "  BROMSGROVE  council ",
    ],
)
def test_find_council_is_forgiving(query: str) -> None:
    assert find_node(tiny_graph(), query, "Council") == "BRM"


def test_find_council_ambiguous_lists_candidates() -> None:
    assert find_node(tiny_graph(), "South", "Council") == "SOU"  # a unique prefix
    g = tiny_graph()
    g.add_node("SOS", id="SOS", labels=["Council"], name="South Somerset District Council")
    with pytest.raises(MatchError, match="matches more than one council") as err:
        find_node(g, "South", "Council")
    assert err.value.suggestions == [
        "South Holland District Council (SOU)",
        "South Somerset District Council (SOS)",
    ]


def test_find_council_forgives_one_spelling_slip() -> None:
    assert find_node(tiny_graph(), "Bromsgove District Council", "Council") == "BRM"


def test_find_unknown_council_suggests_near_names() -> None:
    with pytest.raises(MatchError, match="no council matches") as err:
        find_node(tiny_graph(), "Brumsgrave", "Council")
    assert err.value.suggestions == ["Bromsgrove District Council (BRM)"]


def test_find_peer_by_alias_and_name() -> None:
    assert find_node(tiny_graph(), "matt prosser", "Peer") == "peer:matt-prosser"
    with pytest.raises(MatchError):
        find_node(tiny_graph(), "Matt Prosser", "Council")


def test_render_map_counts_match_the_view(tmp_path) -> None:
    g = synthetic_graph(400, seed=3)
    result = render_map(g, tmp_path / "m.html", view="peers")
    wanted_labels = {"Council", "Peer", "Review", "Organisation"}
    wanted_rels = {"OF", "REVIEWED_BY", "SERVED_ON", "WORKS_FOR"}
    edges = [
        (u, v)
        for u, v, a in g.edges(data=True)
        if a["type"] in wanted_rels
        and g.nodes[u]["labels"][0] in wanted_labels
        and g.nodes[v]["labels"][0] in wanted_labels
    ]
    assert result.edge_count == len(edges)
    assert result.node_count == len({n for e in edges for n in e})
    data = _map_data(result.path)
    assert len(data["nodes"]) == result.node_count
    assert {n["kind"] for n in data["nodes"]} <= wanted_labels
    assert str(result.node_count) in result.description


def test_render_map_ego_and_title(tmp_path) -> None:
    result = render_map(
        tiny_graph(), tmp_path / "ego.html", view="peers", council="Redditch", depth=1
    )
    data = _map_data(result.path)
    assert {n["id"] for n in data["nodes"]} == {"RED", "review:BRM+RED:2018:cpc"}
    assert data["focus"] == "RED"
    assert "Redditch Borough Council" in data["title"]
    assert "Around Redditch Borough Council" in result.description


def test_render_map_unknown_council_raises(tmp_path) -> None:
    with pytest.raises(MatchError):
        render_map(tiny_graph(), tmp_path / "x.html", council="Nowhere")
    assert not (tmp_path / "x.html").exists()


def test_tooltips_carry_facts_evidence_and_source_document(tmp_path) -> None:
    result = render_map(tiny_graph(), tmp_path / "m.html")
    data = _map_data(result.path)
    review = next(n for n in data["nodes"] if n["id"] == "review:BRM+RED:2018:cpc")
    assert review["tip"]["source"] == "Report one, line 1"  # the report's title, not its file
    assert ["recommendations", "1 (1 key)"] in review["tip"]["facts"]
    recommends = next(e for e in data["edges"] if e["kind"] == "RECOMMENDS")
    assert recommends["tip"]["kind"] == "signposts"
    assert recommends["tip"]["evidence"] == "Signpost – Adur and Worthing Councils"
    assert recommends["tip"]["source"] == "Report one, line 40"
    assert "Report one" in data["sources"] and "001_abc" not in data["sources"]


def test_a_document_without_a_title_is_named_by_its_file_never_its_id(tmp_path) -> None:
    g = tiny_graph()
    del g.nodes["doc:1"]["title"]
    data = _map_data(render_map(g, tmp_path / "m.html").path)
    review = next(n for n in data["nodes"] if n["id"] == "review:BRM+RED:2018:cpc")
    assert review["tip"]["source"] == "001_abc.txt, line 1"


def _shown_text(data: dict) -> str:
    """Every string a person can see in a map: labels, tips, legend, title."""
    parts = [data["title"], data["description"], data["sources"]]
    for item in [*data["nodes"], *data["edges"]]:
        parts.append(item["label"])
        tip = item["tip"]
        parts += [tip["kind"], tip["name"], tip["evidence"], tip["source"]]
        parts += [text for fact in tip["facts"] for text in fact]
        for section in tip.get("sections", []):
            parts.append(section["title"])
            parts += [i["text"] + " " + i.get("note", "") for i in section["items"]]
    for entry in [*data["legend"]["nodes"], *data["legend"]["edges"]]:
        parts += [entry.get("phrase", entry["kind"]), entry["description"]]
    return "\n".join(parts)


@pytest.mark.parametrize("view", ["all", "peers", "signposts", "advice", "national"])
def test_no_internal_id_or_raw_type_name_is_shown(tmp_path, view) -> None:
    g = tiny_graph()
    g.nodes["SOU"]["replaced_by"] = ["BRM"]
    data = _map_data(render_map(g, tmp_path / "m.html", view=view).path)
    shown = _shown_text(data)
    for node_id in g.nodes:
        if ":" in node_id or node_id.isupper():
            assert not re.search(rf"(?<![\w:]){re.escape(node_id)}(?![\w:])", shown), node_id
    for raw in ("REVIEWED_BY", "SERVED_ON", "WORKS_FOR", "RECOMMENDS", "SIGNPOSTED_IN", "OF"):
        assert not re.search(rf"\b{raw}\b", shown), raw


def test_relationship_labels_are_plain_words_one_per_type_at_a_busy_node(tmp_path) -> None:
    g = synthetic_graph(150, seed=11)
    data = _map_data(render_map(g, tmp_path / "m.html", view="peers").path)
    assert {e["label"] for e in data["edges"]} <= {
        "review of",
        "reviewed by",
        "served on",
        "works for",
    }
    busiest = Counter(e["to"] for e in data["edges"] if e["kind"] == "SERVED_ON").most_common(1)
    review, team = busiest[0]
    assert team >= 5
    labelled = [e for e in data["edges"] if e["to"] == review and e["labelled"]]
    assert len(labelled) == len({e["kind"] for e in labelled})


def test_duplicate_names_get_distinguishing_labels(tmp_path) -> None:
    g = tiny_graph()
    add_two_north_yorkshires(g, "ADU", "ICT")
    data = _map_data(render_map(g, tmp_path / "m.html", view="shared-services").path)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["NYK"] == "North Yorkshire (county)"
    assert labels["NYE"] == "North Yorkshire (unitary)"


def test_review_details_list_recommendations_by_theme_with_their_lines(tmp_path) -> None:
    g = tiny_graph()
    rec = "review:BRM+RED:2018:cpc:rec:1"
    g.nodes[rec].update(source="doc:1", line=55, evidence="Recommendation 1: do the thing.")
    g.add_node("theme:finance", id="theme:finance", labels=["Theme"], name="Finance")
    g.add_edge(rec, "theme:finance", key="ABOUT", type="ABOUT")
    g.add_node(
        f"{rec[:-1]}2", id=f"{rec[:-1]}2", labels=["Recommendation"], text="Plan ahead", ordinal=2
    )
    g.add_edge("review:BRM+RED:2018:cpc", f"{rec[:-1]}2", key="MADE", type="MADE")
    data = _map_data(render_map(g, tmp_path / "m.html").path)
    review = next(n for n in data["nodes"] if n["id"] == "review:BRM+RED:2018:cpc")
    sections = review["tip"]["sections"]
    assert [s["title"] for s in sections] == [
        "Recommendations: Finance",
        "Recommendations: Other recommendations",
    ]
    assert sections[0]["items"] == [
        {
            "text": "Key: Do the thing",
            "note": "“Recommendation 1: do the thing.” (Report one, line 55)",
        }
    ]
    assert sections[1]["items"][0]["text"] == "Plan ahead"


def test_map_is_self_contained(tmp_path) -> None:
    html = render_map(tiny_graph(), tmp_path / "m.html").path.read_text(encoding="utf-8")
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "@import" not in html
    assert "cdn" not in re.sub(r"vis-network.*?\*/", "", html[:3000], flags=re.S).lower()
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count("\n<script") == 3  # data, vis-network, the map
    assert "sourceMappingURL" not in html


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "</script><script>window.__pwned = 4</script>",
    "\"'><svg onload=window.__pwned=3>",
    "line\u2028separator & <!-- comment -->",
]


def test_hostile_text_never_reaches_the_html_as_markup(tmp_path) -> None:
    g = tiny_graph()
    g.nodes["BRM"]["name"] = HOSTILE[0] + " Council"
    g.nodes["peer:matt-prosser"]["name"] = HOSTILE[1]
    g.edges["review:BRM+RED:2018:cpc", "BRM", "OF"]["evidence"] = HOSTILE[2]
    g.nodes["signpost:adur-and-worthing"]["title"] = HOSTILE[3] + HOSTILE[4]
    html = render_map(g, tmp_path / "m.html", title=HOSTILE[2]).path.read_text("utf-8")
    for payload in HOSTILE:
        assert payload not in html
    assert "window.__pwned" in html  # it is there, as inert data
    assert html.count("</script>") == 3
    data = _map_data(tmp_path / "m.html")
    names = {n["tip"]["name"] for n in data["nodes"]}
    # shown as the same text (runs of white space, U+2028 included, become one space)
    assert HOSTILE[1] in names and " ".join((HOSTILE[3] + HOSTILE[4]).split()) in names


def test_script_json_escapes() -> None:
    text = script_json({"a": "</script><!--&\u2028\u2029"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_contact_details_never_appear(tmp_path) -> None:
    g = tiny_graph()
    g.nodes["peer:matt-prosser"]["evidence"] = (
        "Matt Prosser, matt.prosser@dorset.gov.uk, 01305 251010 or +44 (0)20 7664 3000"
    )
    g.nodes["BRM"]["aliases"] = ["BDC", "call 0121 496 0000"]
    html = render_map(g, tmp_path / "m.html").path.read_text("utf-8")
    for secret in ("matt.prosser@", "dorset.gov.uk", "251010", "7664", "496 0000"):
        assert secret not in html
    assert scrub("reviewed 2012-2019, 14-17 May 2012") == "reviewed 2012-2019, 14-17 May 2012"


def test_empty_graph_renders_nothing_to_show(tmp_path) -> None:
    result = render_map(nx.MultiDiGraph(), tmp_path / "empty.html")
    assert (result.node_count, result.edge_count) == (0, 0)
    assert "Nothing to show" in result.description


def test_a_busy_national_map_draws_each_councils_strongest_lines(tmp_path, monkeypatch) -> None:
    from visualise import national

    monkeypatch.setattr(national, "DRAWN_LINKS_UP_TO", 10)
    g = synthetic_graph(1500, seed=2, recommendations=False)
    everything = national.national_graph(g)
    assert everything.number_of_edges() > 10
    result = render_map(g, tmp_path / "national.html", view="national")
    data = _map_data(result.path)
    drawn = {(e["from"], e["to"]) for e in data["edges"]}
    assert 0 < len(drawn) < everything.number_of_edges()
    heaviest = max(everything.edges(data=True), key=lambda e: e[2]["weight"])
    assert (heaviest[0], heaviest[1]) in drawn
    assert f"(of {everything.number_of_edges()})" in result.description
    # the dossiers still list every loan
    lent = sum(len(a["dossier"].get("Peers lent", [])) for _, a in everything.nodes(data=True))
    shown = sum(
        len(s["items"])
        for n in data["nodes"]
        for s in n["tip"].get("sections", [])
        if s["title"] == "Peers lent"
    )
    assert shown == lent
