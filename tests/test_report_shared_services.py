"""The shared-services report and what the loader writes for it
(graphload/shared_services.py): ``Council.shares_services`` and
``REVIEWED_BY.councils``, right after incremental loads, and the report answers the
same on a store that lacks them (loaded before they existed). Correctness only; the
timings are in benchmarks/.

The documents are invented: real councils from the register, invented people.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphload.build import build_tables
from graphload.load import load_paths
from graphload.records import ExtractRecord, PeerInfo, Ref, SharedServiceInfo
from graphload.store import open_store
from graphload.synth import write_corpus
from queries.run import run_report
from tests.extract_helpers import review_record

BAB, MSU, IPS = ("BAB", "Babergh"), ("MSU", "Mid Suffolk"), ("IPS", "Ipswich")
RED, BRM, LUT = ("RED", "Redditch"), ("BRM", "Bromsgrove"), ("LUT", "Luton")


def peer(name: str, employer: tuple[str, str]) -> PeerInfo:
    return PeerInfo(
        name=name, aliases=[name], organisations=[Ref(*employer)], line=9, evidence=name
    )


def shares(one: tuple[str, str], other: tuple[str, str], what: str) -> SharedServiceInfo:
    return SharedServiceInfo([Ref(*one), Ref(*other)], what, 4, "shared")


RECORDS: list[ExtractRecord] = [
    # Babergh shares with Mid Suffolk, Mid Suffolk with Ipswich, Redditch with Bromsgrove.
    review_record(
        "babergh",
        [BAB],
        2015,
        shared_services=[
            shares(BAB, MSU, "a management team"),
            shares(MSU, IPS, "revenues"),
            shares(RED, BRM, "a chief executive"),
        ],
    ),
    # Babergh's Hal Hart reviewed Ipswich (its partner's partner: not another
    # partnership) and the joint review of Redditch and Bromsgrove (another one).
    review_record("ipswich", [IPS], 2016, peers=[peer("Hal Hart", BAB)]),
    review_record("worcestershire", [RED, BRM], 2017, peers=[peer("Hal Hart", BAB)]),
    # Mid Suffolk's Ida Ince reviewed Luton, which shares nothing.
    review_record("luton", [LUT], 2018, peers=[peer("Ida Ince", MSU)]),
    # Bromsgrove's Jo Jones reviewed Ipswich (another partnership) in 2019.
    review_record("ipswich-2019", [IPS], 2019, peers=[peer("Jo Jones", BRM)]),
]


@pytest.fixture(scope="module")
def tables(gazetteer: Any) -> Any:
    return build_tables(RECORDS, gazetteer)


def _forget_loader_properties(store: Any) -> None:
    """As a store loaded before the loader wrote them."""
    store.query("MATCH (c:Council) SET c.shares_services = NULL")
    store.query("MATCH (:Council)-[rb:REVIEWED_BY]->(:Peer) SET rb.councils = NULL")


@pytest.fixture(scope="module", params=["as loaded now", "as loaded before"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, tables: Any
) -> Iterator[Any]:
    opened = open_store(store_dir=tmp_path_factory.mktemp("shared"))
    try:
        opened.write_graph(tables)
        if request.param == "as loaded before":
            _forget_loader_properties(opened)
        yield opened
    finally:
        opened.close()


def shown_names(store: Any) -> dict[str, str]:
    rows = store.query("MATCH (c:Council) RETURN c.id AS id, coalesce(c.short_name, c.name) AS n")
    return {row["id"]: row["n"] for row in rows}


def test_the_store_as_loaded_before_lacks_the_properties(
    store: Any, request: pytest.FixtureRequest
) -> None:
    # guards the fixture: the second store really is one the report must group in
    rows = store.query("MATCH (c:Council) RETURN c.shares_services AS shares")
    assert all(row["shares"] is None for row in rows) == ("before" in request.node.callspec.id)


def test_the_builder_marks_the_councils_that_share_services(tables: Any) -> None:
    sharing = {i: n["shares_services"] for i, n in tables.nodes.items() if "shares_services" in n}
    assert sharing == {
        "BAB": True,
        "MSU": True,
        "IPS": True,
        "RED": True,
        "BRM": True,
        "LUT": False,
    }


def test_the_builder_names_each_reviews_councils_on_reviewed_by(tables: Any) -> None:
    councils = {
        (source, attrs["review"]): attrs["councils"]
        for (source, _, _), attrs in tables.edges.items()
        if attrs["type"] == "REVIEWED_BY"
    }
    joint = next(review for source, review in councils if source == "RED")
    shown = {i: n.get("short_name") or n["name"] for i, n in tables.nodes.items() if "name" in n}
    # both ends of a joint review carry both names, in id order
    assert councils[("RED", joint)] == councils[("BRM", joint)]
    assert councils[("RED", joint)] == f"{shown['BRM']} & {shown['RED']}"
    assert {c for (source, _), c in councils.items() if source == "LUT"} == {shown["LUT"]}


def test_peers_lent_to_other_partnerships_name_the_whole_review(store: Any) -> None:
    shown = shown_names(store)
    rows = {row["councils"]: row for row in run_report(store, "shared-services").rows}
    assert sorted(rows) == sorted(
        [
            f"{shown['BAB']} & {shown['MSU']}",
            f"{shown['IPS']} & {shown['MSU']}",
            f"{shown['BRM']} & {shown['RED']}",
        ]
    )
    # Ipswich shares with Mid Suffolk: not another partnership for Babergh; Luton
    # shares nothing
    assert rows[f"{shown['BAB']} & {shown['MSU']}"]["peers_lent"] == [
        f"Hal Hart -> {shown['BRM']} & {shown['RED']} 2017"
    ]
    assert rows[f"{shown['BRM']} & {shown['RED']}"]["peers_lent"] == [
        f"Jo Jones -> {shown['IPS']} 2019"
    ]
    assert rows[f"{shown['IPS']} & {shown['MSU']}"]["peers_lent"] == []
    assert rows[f"{shown['BRM']} & {shown['RED']}"]["reviews"] == [
        f"{shown['BRM']} & {shown['RED']} 2017"
    ]


def test_the_properties_stay_right_after_incremental_loads(tmp_path: Path) -> None:
    corpus = write_corpus(30, tmp_path / "corpus", seed=7)
    stepwise, together = tmp_path / "stepwise", tmp_path / "together"
    load_paths(corpus[:10], store_dir=stepwise, jobs=1)
    load_paths(corpus, store_dir=stepwise, jobs=1)
    load_paths(corpus, store_dir=together, jobs=1)
    written = [_written(stepwise), _written(together)]
    assert written[0] == written[1] == _regrouped(stepwise)
    assert any(written[0]["sharing"].values()), "the corpus has shared services"
    lent = [run_report_rows(stepwise), run_report_rows(together)]
    assert lent[0] == lent[1]


def run_report_rows(store_dir: Path) -> list[dict[str, Any]]:
    with open_store(store_dir=store_dir) as store:
        return run_report(store, "shared-services").rows


def _written(store_dir: Path) -> dict[str, dict[str, Any]]:
    with open_store(store_dir=store_dir) as store:
        sharing = store.query("MATCH (c:Council) RETURN c.id AS id, c.shares_services AS s")
        councils = store.query(
            "MATCH (c:Council)-[rb:REVIEWED_BY]->(p:Peer) "
            "RETURN c.id + ' ' + p.id + ' ' + rb.review AS key, rb.councils AS names"
        )
    return {
        "sharing": {row["id"]: row["s"] for row in sharing},
        "councils": {row["key"]: row["names"] for row in councils},
    }


def _regrouped(store_dir: Path) -> dict[str, dict[str, Any]]:
    """The same, grouped in the database from the relationships themselves."""
    with open_store(store_dir=store_dir) as store:
        sharing = store.query(
            "MATCH (c:Council) RETURN c.id AS id, "
            "size([(c)-[:SHARED_WITH]-(:Council) | 1]) > 0 AS s"
        )
        councils = store.query(
            "MATCH (c:Council)-[rb:REVIEWED_BY]->(p:Peer) "
            "MATCH (r:Review {id: rb.review})-[:OF]->(rc:Council) "
            "WITH c, p, rb, rc ORDER BY rc.id "
            "WITH c, p, rb, collect(DISTINCT coalesce(rc.short_name, rc.name)) AS names "
            "RETURN c.id + ' ' + p.id + ' ' + rb.review AS key, "
            "reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) "
            "AS names"
        )
    return {
        "sharing": {row["id"]: row["s"] for row in sharing},
        "councils": {row["key"]: row["names"] for row in councils},
    }
