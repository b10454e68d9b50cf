"""The counts the loader writes for the reports (graphload/supply.py): right after
incremental loads, and the reports that rank by them answer the same on a store that
lacks them (loaded before they existed). Correctness only; the timings are in
benchmarks/.

The documents are invented: real councils from the register, invented people.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphload.build import build_tables
from graphload.load import load_paths
from graphload.model import SUPPLY_COUNTS
from graphload.records import (
    ExtractRecord,
    PeerInfo,
    RecommendationInfo,
    Ref,
    SharedServiceInfo,
    ThemeInfo,
)
from graphload.store import open_store
from graphload.synth import write_corpus
from queries.run import run_report
from tests.extract_helpers import review_record

COUNTS = ("reviews_served", *SUPPLY_COUNTS)
LGA = ("org:lga", "Local Government Association")


def review(
    name: str, council: tuple[str, str], year: int, peers: list[PeerInfo], **parts: Any
) -> ExtractRecord:
    return review_record(name, [council], year, peers=peers, **parts)


def peer(name: str, employer: tuple[str, str]) -> PeerInfo:
    return PeerInfo(
        name=name, aliases=[name], organisations=[Ref(*employer)], line=9, evidence=name
    )


HPK, BUR, LUT = ("HIG", "High Peak"), ("BUR", "Bury"), ("LUT", "Luton")
STE, SAW = ("STE", "Stoke-on-Trent"), ("SAW", "Sandwell")
BAB, MSU, IPS, RED, BRM = (
    ("BAB", "Babergh"),
    ("MSU", "Mid Suffolk"),
    ("IPS", "Ipswich"),
    ("RED", "Redditch"),
    ("BRM", "Bromsgrove"),
)
FINANCE = "Financial planning and viability"

RECORDS = [
    # High Peak, reviewed once, had one of its own people on that review (Ann Archer,
    # who served on nothing else): that review is not one it supplied peers to.
    review("high-peak", HPK, 2014, [peer("Ann Archer", HPK), peer("Ben Baker", HPK)]),
    review(
        "bury-2015",
        BUR,
        2015,
        [peer("Ben Baker", HPK), peer("Cara Cole", LUT)],
        themes=[ThemeInfo(FINANCE, 3, FINANCE)],
        recommendations=[RecommendationInfo("Plan the savings early.", theme=FINANCE)],
    ),
    review("luton", LUT, 2016, [peer("Dan Dale", BUR)]),
    review("stoke", STE, 2017, [peer("Cara Cole", LUT), peer("Eve Ellis", LGA)]),
    # Bury, reviewed twice: Dan Dale serving on its second review still counts.
    review(
        "bury-2018",
        BUR,
        2018,
        [peer("Dan Dale", BUR), peer("Fay Ford", STE)],
        themes=[ThemeInfo(FINANCE, 3, FINANCE)],
        recommendations=[
            RecommendationInfo("Close the budget gap.", theme=FINANCE),
            RecommendationInfo("Refresh the constitution."),
        ],
    ),
    # Sandwell's one person served on one review only, one of Sandwell's own two.
    review("sandwell-2013", SAW, 2013, []),
    review("sandwell-2019", SAW, 2019, [peer("Gus Grant", SAW)]),
    # Babergh shares with Mid Suffolk, Mid Suffolk with Ipswich, Redditch with Bromsgrove;
    # Babergh's Hal Hart reviewed Ipswich (its partner's partner) and Redditch. Mid Suffolk
    # supplied nobody.
    review(
        "babergh",
        BAB,
        2015,
        [],
        shared_services=[
            SharedServiceInfo([Ref(*BAB), Ref(*MSU)], "a management team", 4, "shared"),
            SharedServiceInfo([Ref(*MSU), Ref(*IPS)], "revenues", 5, "shared"),
            SharedServiceInfo([Ref(*RED), Ref(*BRM)], "a chief executive", 6, "shared"),
        ],
    ),
    review("ipswich", IPS, 2016, [peer("Hal Hart", BAB)]),
    review("redditch", RED, 2017, [peer("Hal Hart", BAB)]),
]


@pytest.fixture(scope="module")
def tables(gazetteer: Any) -> Any:
    return build_tables(RECORDS, gazetteer)


def _store(directory: Path, tables: Any, without_counts: bool) -> Iterator[Any]:
    store = open_store(store_dir=directory)
    try:
        store.write_graph(tables)
        if without_counts:  # as a store loaded before the counts existed
            for label in ("Peer", "Council", "Organisation"):
                sets = ", ".join(f"n.{name} = NULL" for name in COUNTS)
                store.query(f"MATCH (n:{label}) SET {sets}")
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module", params=["with counts", "without counts"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, tables: Any
) -> Iterator[Any]:
    yield from _store(tmp_path_factory.mktemp("supply"), tables, request.param == "without counts")


def names(store: Any) -> dict[str, str]:
    """Every council and organisation id -> the name the reports show."""
    rows = store.query(
        "MATCH (n) WHERE n:Council OR n:Organisation "
        "RETURN n.id AS id, coalesce(n.short_name, n.name) AS name"
    )
    return {row["id"]: row["name"] for row in rows}


def test_the_store_without_counts_lacks_them(store: Any, request: pytest.FixtureRequest) -> None:
    # guards the fixture: the second store really is one the reports must count in
    rows = store.query("MATCH (p:Peer) RETURN p.reviews_served AS n")
    missing = all(row["n"] is None for row in rows)
    assert missing == ("without" in request.node.callspec.id)


def test_the_builder_counts_who_supplied_peers(tables: Any) -> None:
    nodes = tables.nodes
    assert nodes["peer:ben-baker"]["reviews_served"] == 2
    assert nodes["peer:ann-archer"]["reviews_served"] == 1
    assert (
        nodes["HIG"]["peers_supplied"],
        nodes["HIG"]["reviews_supplied"],
        nodes["HIG"]["years_supplied"],
    ) == (2, 2, [2014, 2015])
    assert (nodes["BUR"]["peers_supplied"], nodes["BUR"]["years_supplied"]) == (1, [2016, 2018])
    # a council none of whose people served: zeros, not missing
    assert (
        nodes["MSU"]["peers_supplied"],
        nodes["MSU"]["reviews_supplied"],
        nodes["MSU"]["years_supplied"],
    ) == (0, 0, [])
    lga = next(n for n in nodes.values() if "Organisation" in n.get("labels", ()))
    assert (lga["peers_supplied"], lga["reviews_supplied"], lga["years_supplied"]) == (
        1,
        1,
        [2017],
    )


def test_peer_councils_reviewed(store: Any) -> None:
    shown = names(store)
    rows = run_report(store, "peer-councils-reviewed").rows
    expected = [
        # High Peak's own review is not counted: Ann Archer served on nothing else
        (shown["HIG"], 1, 1, [2015], [2014], False),
        (shown["BUR"], 1, 2, [2016, 2018], [2015, 2018], True),
        (shown["LUT"], 1, 2, [2015, 2017], [2016], True),
        (shown["BAB"], 1, 2, [2016, 2017], [2015], False),
        # Sandwell's one review supplied is one of its own: its other is the review shown
        (shown["SAW"], 1, 1, [2019], [2013], False),
        # one review supplied, not its own
        (shown["STE"], 1, 1, [2018], [2017], False),
    ]
    assert [tuple(row.values()) for row in rows] == sorted(expected)


def test_peer_suppliers(store: Any) -> None:
    shown = names(store)
    rows = run_report(store, "peer-suppliers").rows
    lga = next(i for i in shown if i.startswith("org:"))
    expected = [
        (shown["HIG"], "council", 2, 2, ["Ann Archer", "Ben Baker"]),
        *sorted(
            [
                (shown["BUR"], "council", 1, 2, ["Dan Dale"]),
                (shown["LUT"], "council", 1, 2, ["Cara Cole"]),
                (shown["BAB"], "council", 1, 2, ["Hal Hart"]),
            ]
        ),
        *sorted(
            [
                (shown["STE"], "council", 1, 1, ["Fay Ford"]),
                (shown["SAW"], "council", 1, 1, ["Gus Grant"]),
                (shown[lga], "organisation", 1, 1, ["Eve Ellis"]),
            ]
        ),
    ]
    assert [tuple(row.values()) for row in rows] == expected


TWICE = ["Ben Baker", "Cara Cole", "Dan Dale", "Hal Hart"]
ONCE = ["Ann Archer", "Eve Ellis", "Fay Ford", "Gus Grant"]


@pytest.mark.parametrize(
    ("least", "people"), [(3, []), (2, TWICE), (1, TWICE + ONCE), (0, TWICE + ONCE)]
)
def test_repeat_peers(store: Any, least: int, people: list[str]) -> None:
    result = run_report(store, "repeat-peers", limit=0, min=least)
    assert [row["peer"] for row in result.rows] == people
    assert [row["reviews"] for row in result.rows] == [2 if p in TWICE else 1 for p in people]
    assert result.total == len(people)
    two = run_report(store, "repeat-peers", limit=2, min=least)
    assert ([row["peer"] for row in two.rows], two.total) == (people[:2], len(people))


def test_repeat_reviews_finds_the_themes_that_recur(store: Any) -> None:
    shown = names(store)
    rows = run_report(store, "repeat-reviews").rows
    assert [tuple(row.values()) for row in rows] == [
        (
            shown["BUR"],
            [2015, 2018],
            FINANCE,
            [2015, 2018],
            ["2015: Plan the savings early.", "2018: Close the budget gap."],
        ),
        (shown["SAW"], [2013, 2019], None, None, []),
    ]


def test_shared_services_lends_only_to_other_partnerships(store: Any) -> None:
    shown = names(store)
    rows = {row["councils"]: row for row in run_report(store, "shared-services").rows}
    pair = rows[f"{shown['BAB']} & {shown['MSU']}"]
    # Ipswich shares with Mid Suffolk: its review is not another partnership's
    assert pair["peers_lent"] == [f"Hal Hart -> {shown['RED']} 2017"]
    assert pair["reviews"] == [f"{shown['BAB']} 2015"]
    assert rows[f"{shown['IPS']} & {shown['MSU']}"]["peers_lent"] == []


def test_counts_stay_right_after_incremental_loads(tmp_path: Path) -> None:
    corpus = write_corpus(24, tmp_path / "corpus", seed=5)
    stepwise, together = tmp_path / "stepwise", tmp_path / "together"
    load_paths(corpus[:9], store_dir=stepwise, jobs=1)
    first = _counts(stepwise)
    load_paths(corpus, store_dir=stepwise, jobs=1)
    load_paths(corpus, store_dir=together, jobs=1)
    counted = [_counts(stepwise), _counts(together)]
    assert counted[0] == counted[1] == _recounted(stepwise)
    # the added documents changed counts already written, not only new nodes'
    changed = [i for i, n in first["peers"].items() if counted[0]["peers"].get(i) != n]
    assert changed and any(
        first["employers"][i] != counted[0]["employers"].get(i) for i in first["employers"]
    )
    assert any(n > 1 for n in counted[0]["peers"].values())  # the corpus has repeat peers


def _counts(store_dir: Path) -> dict[str, dict[str, Any]]:
    with open_store(store_dir=store_dir) as store:
        peers = store.query("MATCH (p:Peer) RETURN p.id AS id, p.reviews_served AS n")
        employers = store.query(
            "MATCH (e) WHERE e:Council OR e:Organisation RETURN e.id AS id, "
            "[e.peers_supplied, e.reviews_supplied, e.years_supplied] AS n"
        )
    return {
        "peers": {row["id"]: row["n"] for row in peers},
        "employers": {row["id"]: row["n"] for row in employers},
    }


def _recounted(store_dir: Path) -> dict[str, dict[str, Any]]:
    """The same counts, grouped in the database from the relationships themselves."""
    with open_store(store_dir=store_dir) as store:
        peers = store.query(
            "MATCH (p:Peer) OPTIONAL MATCH (p)-[:SERVED_ON]->(r:Review) "
            "RETURN p.id AS id, count(r) AS n"
        )
        employers = store.query(
            "MATCH (e) WHERE e:Council OR e:Organisation "
            "OPTIONAL MATCH (e)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(r:Review) "
            "WITH e, p, r ORDER BY r.year "
            "RETURN e.id AS id, count(DISTINCT p) AS people, count(DISTINCT r) AS reviews, "
            "collect(DISTINCT r.year) AS years"
        )
    return {
        "peers": {row["id"]: row["n"] for row in peers},
        "employers": {
            row["id"]: [row["people"], row["reviews"], row["years"]] for row in employers
        },
    }
