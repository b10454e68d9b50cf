"""Every canned report on the seed graph, against what the seeds' expected JSON implies.

Expected answers are computed from tests/expected (never typed in);
council names in report output are mapped back to ids through the graph's own
names, so the comparison is by identity, not spelling.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import queries_fixtures
from queries_fixtures import Expected, council_names

from queries.catalog import list_reports
from queries.names import normalise
from queries.run import run_report

seed_store = queries_fixtures.seed_store
expected = queries_fixtures.expected


@pytest.fixture(scope="module")
def ids(seed_store) -> Any:
    """name -> council id (or 'org:<normalised name>' for anything that is not a council)."""
    names = council_names(seed_store)

    def to_id(name: str) -> str:
        return names.get(normalise(name), "org:" + normalise(name))

    return to_id


def label_ids(label: str, to_id) -> tuple[frozenset[str], int | None]:
    """'Bromsgrove & Redditch 2018' -> ({BRM, RED}, 2018)."""
    m = re.fullmatch(r"(.*?)(?: (\d{4}))?", label)
    assert m
    return frozenset(to_id(n) for n in m[1].split(" & ")), int(m[2]) if m[2] else None


def rows(store, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_report(store, name, **params).rows


# ------------------------------------------------------------------ every report


@pytest.mark.parametrize("spec", list_reports(), ids=lambda s: s.name)
def test_every_report_runs_and_returns_its_declared_columns(seed_store, spec) -> None:
    result = run_report(seed_store, spec.name, **spec.example_params())
    assert result.columns == list(spec.columns)
    assert result.rows, f"{spec.name} returned nothing on the seed graph"
    raw = seed_store.query(spec.cypher, _raw_params(seed_store, spec))
    if spec.name != "path":  # path's file is the one-hop step of a Python search
        # a query that applies the row limit itself also says how many rows there are
        extra = ["total"] if spec.limits_in_query else []
        assert raw and list(raw[0]) == [*spec.columns, *extra]


def _raw_params(store, spec) -> dict[str, Any]:
    from queries.run import resolve_params

    params, _ = resolve_params(store, spec, spec.example_params())
    if spec.name == "path":
        from queries.run import expansion_params

        return expansion_params([params["start"]], {}, [])
    if spec.limits_in_query:
        params["limit"] = 0
    return params


# ------------------------------------------------------------------ repeat-peers


def test_repeat_peers_default_is_people_on_two_or_more_reviews(seed_store, expected) -> None:
    want = sorted(n for n, k in expected.peer_review_counts().items() if k >= 2)
    assert [r["peer"] for r in rows(seed_store, "repeat-peers")] == want
    assert want == []  # on the five seeds nobody serves twice


def test_repeat_peers_min_1_is_every_peer(seed_store, expected: Expected) -> None:
    got = rows(seed_store, "repeat-peers", min=1)
    want = {p["name"]: p["review"]["year"] for p in expected.peers()}
    assert sorted(r["peer"] for r in got) == sorted(want)
    assert [r["peer"] for r in got] == sorted(r["peer"] for r in got)  # ties by name
    for r in got:
        assert r["reviews"] == 1
        assert r["years"] == [want[r["peer"]]]


# ----------------------------------------------------------------- peer-suppliers


def test_peer_suppliers(seed_store, expected: Expected, ids) -> None:
    got = rows(seed_store, "peer-suppliers")
    assert {ids(r["supplier"]): set(r["people"]) for r in got} == {
        ids(org): people for org, people in expected.suppliers().items()
    }
    counts = [r["peers"] for r in got]
    assert counts == sorted(counts, reverse=True)
    assert all(r["peers"] == len(r["people"]) for r in got)
    lga = next(r for r in got if ids(r["supplier"]) == ids("Local Government Association"))
    assert lga["kind"] == "organisation" and got[0] is lga


# ---------------------------------------------------------------- shared-services


def test_shared_services_pairs(seed_store, expected: Expected, ids) -> None:
    got = rows(seed_store, "shared-services")
    got_pairs = {label_ids(r["councils"], ids)[0] for r in got}
    assert got_pairs == {frozenset(ids(c) for c in pair) for pair in expected.shared_pairs()}
    assert len(got) == len(got_pairs)
    bab_msu = next(r for r in got if label_ids(r["councils"], ids)[0] == {"BAB", "MSU"})
    assert [label_ids(x, ids) for x in bab_msu["reviews"]] == [(frozenset({"BAB", "MSU"}), 2012)]


def test_shared_services_peers_lent_to_another_partnership(
    seed_store, expected: Expected, ids
) -> None:
    pairs = [frozenset(ids(c) for c in p) for p in expected.shared_pairs()]
    in_pairs = set().union(*pairs)

    def partners(c: str) -> set[str]:
        return set().union(*(p for p in pairs if c in p))

    want: dict[frozenset[str], set[str]] = {}
    for pair in pairs:
        own = set().union(*(partners(c) for c in pair)) | pair
        for p in expected.peers():
            if {ids(o) for o in p["organisations"]} & pair:
                reviewed = {ids(c) for c in p["review"]["councils"]}
                if reviewed & in_pairs - own:
                    want.setdefault(pair, set()).add(p["name"])
    got = {
        label_ids(r["councils"], ids)[0]: {x.split(" -> ")[0] for x in r["peers_lent"]}
        for r in rows(seed_store, "shared-services")
    }
    assert {k: v for k, v in got.items() if v} == want
    assert "Kevin Dicks" in want[frozenset({"BRM", "RED"})]


# --------------------------------------------------------- peer-councils-reviewed


def test_peer_councils_reviewed(seed_store, expected: Expected, ids) -> None:
    """One row per council that lent a peer to a review other than one of its own."""
    own_reviews: dict[str, set[tuple[frozenset[str], int]]] = {}
    for r in expected.reviews:
        for c in r["councils"]:
            own_reviews.setdefault(ids(c), set()).add(
                (frozenset(map(ids, r["councils"])), r["year"])
            )
    want: dict[str, dict[str, set]] = {}
    for p in expected.peers():
        lent = (frozenset(map(ids, p["review"]["councils"])), p["review"]["year"])
        for org in p["organisations"]:
            owns = own_reviews.get(ids(org), set()) - {lent}
            if owns:
                entry = want.setdefault(ids(org), {"peers": set(), "lent": set(), "own": set()})
                entry["peers"].add(p["name"])
                entry["lent"].add(lent)
                entry["own"] |= owns
    got = rows(seed_store, "peer-councils-reviewed")
    assert {ids(r["council"]) for r in got} == set(want) == {"BRM", "RED"}
    for r in got:
        w = want[ids(r["council"])]
        assert r["peers"] == len(w["peers"])
        assert r["reviews"] == len(w["lent"])
        assert r["served_in"] == sorted({year for _, year in w["lent"]})
        assert r["reviewed_in"] == sorted({year for _, year in w["own"]})
        assert r["reviewed_after"] == (max(r["reviewed_in"]) > min(r["served_in"]))
    assert [r["council"] for r in got] == sorted(r["council"] for r in got)


def test_peer_councils_reviewed_counts_each_peer_and_review_once(tmp_path) -> None:
    """Aston: two of its people on the same review of Barton, one also on a review of
    Aston itself, which is reviewed twice more: 2 peers on 2 reviews. Carlow: its one
    person served only on Carlow's one review, which is not a review of another council,
    so Carlow has no row."""
    from graphload.store import open_store

    with open_store("embedded", tmp_path / "store") as store:
        store.query(
            "CREATE (c:Council {id: 'AAA', name: 'Aston'}),"
            " (x:Council {id: 'BBB', name: 'Barton'}),"
            " (r1:Review {id: 'r1', year: 2014}), (r2:Review {id: 'r2', year: 2016}),"
            " (o1:Review {id: 'o1', year: 2012}), (o2:Review {id: 'o2', year: 2019}),"
            " (r1)-[:OF]->(x), (r2)-[:OF]->(c), (o1)-[:OF]->(c), (o2)-[:OF]->(c),"
            " (p:Peer {id: 'peer:ann', name: 'Ann'}), (q:Peer {id: 'peer:bo', name: 'Bo'}),"
            " (p)-[:WORKS_FOR]->(c), (q)-[:WORKS_FOR]->(c),"
            " (p)-[:SERVED_ON]->(r1), (q)-[:SERVED_ON]->(r1), (p)-[:SERVED_ON]->(r2),"
            " (k:Council {id: 'CCC', name: 'Carlow'}), (c1:Review {id: 'c1', year: 2015}),"
            " (c1)-[:OF]->(k), (y:Peer {id: 'peer:cy', name: 'Cy'}),"
            " (y)-[:WORKS_FOR]->(k), (y)-[:SERVED_ON]->(c1)"
        )
        got = rows(store, "peer-councils-reviewed")
    assert got == [
        {
            "council": "Aston",
            "peers": 2,
            "reviews": 2,
            "served_in": [2014, 2016],
            "reviewed_in": [2012, 2016, 2019],
            "reviewed_after": True,
        }
    ]


# ----------------------------------------------------------------- repeat-reviews


def test_repeat_reviews(seed_store, expected: Expected, ids) -> None:
    want = {ids(c): ys for c, ys in expected.reviewed_councils().items() if len(ys) > 1}
    got = rows(seed_store, "repeat-reviews")
    assert {ids(r["council"]): r["years"] for r in got} == want
    assert want == {"BUR": [2013, 2018]}
    for r in got:
        if r["theme"] is None:
            continue
        linked = seed_store.query(
            "MATCH (c:Council)<-[:OF]-(v:Review)-[:COVERS|MADE|ABOUT*1..2]->(t:Theme) "
            "WHERE c.id = $c AND t.name = $t RETURN DISTINCT v.year AS y ORDER BY y",
            {"c": ids(r["council"]), "t": r["theme"]},
        )
        assert [x["y"] for x in linked] == r["theme_years"] and len(linked) > 1


# ---------------------------------------------------------------------- signposts


def test_signposts(seed_store, expected: Expected, ids) -> None:
    want = {}
    for s in expected.signposts():
        key = normalise(s["title"])
        entry = want.setdefault(key, {"features": set(), "to": set()})
        entry["features"] |= {ids(c) for c in s["councils"]}
        entry["to"].add((frozenset(ids(c) for c in s["review"]["councils"]), s["review"]["year"]))
    got = rows(seed_store, "signposts")
    assert {normalise(r["signpost"]) for r in got} == set(want)
    for r in got:
        w = want[normalise(r["signpost"])]
        assert {ids(f) for f in r["features"]} == w["features"]
        assert {label_ids(x, ids) for x in r["recommended_to"]} == w["to"]
        assert r["reviews"] == len(w["to"])
    assert len(got) == 5


# ------------------------------------------------------------------------- themes


def test_themes_by_review_and_year(seed_store, expected: Expected, ids) -> None:
    """Every expected review's themes are there. The extractor may file a theme under
    a canonical name ('Capacity and resources' -> 'Organisational capacity'), so a
    theme is matched by name where the name is the same, and by count always."""
    got = rows(seed_store, "themes")
    by_name = {normalise(r["theme"]): r for r in got}
    for review in expected.reviews:
        key = (frozenset(ids(c) for c in review["councils"]), review["year"])
        listed = [r for r in got if key in {label_ids(x, ids) for x in r["reviewed"]}]
        assert len(listed) >= len(review["doc"]["themes"]), key
        for theme in review["doc"]["themes"]:
            row = by_name.get(normalise(theme))
            if row is not None:
                assert row in listed and review["year"] in row["years"]
    for row in got:
        assert row["reviews"] == len(row["reviewed"])
        assert row["years"] == sorted(set(row["years"]))


# -------------------------------------------------------------------- advice-flow


def test_advice_flow(seed_store, expected: Expected, ids) -> None:
    want = {
        (
            ids(c),
            normalise(s["title"]),
            s["review"]["year"],
            frozenset(ids(x) for x in s["review"]["councils"]),
        )
        for s in expected.signposts()
        for c in s["councils"]
    }
    got = {
        (
            ids(r["featured"]),
            normalise(r["signpost"]),
            r["year"],
            label_ids(r["recommended_to"], ids)[0],
        )
        for r in rows(seed_store, "advice-flow")
    }
    assert got == want


# ------------------------------------------------------------------------ council


def _sections(result_rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in result_rows:
        out.setdefault(r["section"], []).append(r)
    return out


def test_council_dossier_bury(seed_store, expected: Expected) -> None:
    result = run_report(seed_store, "council", council="bury")
    assert result.resolved["council"].id == "BUR"
    s = _sections(result.rows)
    bury = [r for r in expected.reviews if "Bury Metropolitan Borough Council" in r["councils"]]
    assert [r["year"] for r in s["review"]] == sorted(r["year"] for r in bury)
    assert len(s["review"]) == 2
    assert {r["item"] for r in s["peer received"]} == {p["name"] for r in bury for p in r["peers"]}
    assert "peer supplied" not in s


def test_council_dossier_bromsgrove(seed_store, expected: Expected, ids) -> None:
    s = _sections(rows(seed_store, "council", council="Bromsgrove District Council"))
    assert [(r["item"], r["year"]) for r in s["peer supplied"]] == [("Kevin Dicks", 2012)]
    assert "Redditch" in {r["item"] for r in s["partner"]}
    assert {normalise(r["item"]) for r in s["signpost to it"]} == {
        normalise(x["title"]) for x in expected.signposts()
    }


# --------------------------------------------------------------------------- peer


def test_peer_dai_larner(seed_store, expected: Expected, ids) -> None:
    for spelling in ("dai larner", "Dai Lerner"):
        result = run_report(seed_store, "peer", peer=spelling)
        s = _sections(result.rows)
        want = next(p for p in expected.peers() if p["name"] == "Dai Larner")
        assert {ids(r["item"]) for r in s["employer"]} == {ids(o) for o in want["organisations"]}
        assert {ids(o) for o in want["organisations"]} == {"HIG", "STF"}
        assert [label_ids(r["item"], ids)[0] for r in s["served on"]] == [{"BAB", "MSU"}]
        assert {r["item"] for r in s["co-reviewer"]} == {
            p["name"] for p in want["review"]["peers"] if p["name"] != "Dai Larner"
        }


# --------------------------------------------------------------------------- path


def test_path_babergh_bromsgrove_goes_via_kevin_dicks(seed_store) -> None:
    got = rows(seed_store, "path", start="babergh", end="bromsgrove")
    assert [r["step"] for r in got] == [1, 2]
    assert got[0]["from"].startswith("Babergh") and got[-1]["to"].startswith("Bromsgrove")
    assert got[0]["to"] == got[1]["from"] and got[0]["to"].startswith("Kevin Dicks")
    assert all(r["relationship"] for r in got)


def test_path_between_people(seed_store) -> None:
    got = rows(seed_store, "path", start="Dai Lerner", end="kevin dicks")
    assert len(got) == 2
    assert got[0]["from"].startswith("Dai Larner") and got[-1]["to"].startswith("Kevin Dicks")


def test_path_beyond_max_hops_is_empty(seed_store) -> None:
    assert rows(seed_store, "path", start="babergh", end="bromsgrove", max_hops=1) == []


# ------------------------------------------------------------- both stores agree


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set")
def test_neo4j_returns_the_same_rows_as_the_embedded_store(tmp_path_factory) -> None:
    embedded = queries_fixtures._load_seed_store("embedded", tmp_path_factory.mktemp("same-e"))
    neo4j = queries_fixtures._load_seed_store("neo4j", tmp_path_factory.mktemp("same-n"))
    try:
        for spec in list_reports():
            params = spec.example_params()
            assert (
                run_report(neo4j, spec.name, **params).rows
                == run_report(embedded, spec.name, **params).rows
            ), spec.name
    finally:
        embedded.close()
        neo4j.close()
