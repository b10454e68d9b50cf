"""Fixtures for the query tests: the seed graph in each available store, and
what /work/shared/seeds/expected says it holds.

The seed graph is ``graphload.load.load_paths(data/reports)``. The store is
parametrised: always the embedded store; Neo4j too when NEO4J_URI is set, so
every test checks that both return the same rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / "data" / "reports"
EXPECTED_DIR = (
    Path(os.environ.get("PEERGRAPH_SHARED", ROOT.parent / "shared")) / "seeds" / "expected"
)
if not EXPECTED_DIR.is_dir():
    EXPECTED_DIR = Path("/work/shared/seeds/expected")


def backends() -> list[str]:
    return ["embedded", "neo4j"] if os.environ.get("NEO4J_URI") else ["embedded"]


# --------------------------------------------------------------------- expected


@dataclass
class Expected:
    """The seeds' expected extraction, indexed for the report tests."""

    docs: list[dict[str, Any]]
    reviews: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reviews = [d["review"] | {"peers": d["peers"], "doc": d} for d in self.docs]

    def peers(self) -> list[dict[str, Any]]:
        return [p | {"review": r} for r in self.reviews for p in r["peers"]]

    def reviewed_councils(self) -> dict[str, list[int]]:
        """Council name -> the years it was reviewed, ascending."""
        out: dict[str, list[int]] = {}
        for r in self.reviews:
            for c in r["councils"]:
                out.setdefault(c, []).append(r["year"])
        return {c: sorted(ys) for c, ys in out.items()}

    def peer_review_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.peers():
            out[p["name"]] = out.get(p["name"], 0) + 1
        return out

    def signposts(self) -> list[dict[str, Any]]:
        return [s | {"review": r} for r in self.reviews for s in r["doc"]["signposts"]]

    def shared_pairs(self) -> set[frozenset[str]]:
        pairs: set[frozenset[str]] = set()
        for d in self.docs:
            for s in d["shared_services"]:
                cs = s["councils"]
                pairs |= {frozenset((a, b)) for a in cs for b in cs if a < b}
        return pairs

    def suppliers(self) -> dict[str, set[str]]:
        """Employer name -> the peers who work for it."""
        out: dict[str, set[str]] = {}
        for p in self.peers():
            for org in p["organisations"]:
                out.setdefault(org, set()).add(p["name"])
        return out


def load_expected() -> Expected:
    return Expected([json.loads(p.read_text()) for p in sorted(EXPECTED_DIR.glob("*.json"))])


@pytest.fixture(scope="session")
def expected() -> Expected:
    return load_expected()


# ------------------------------------------------------------------------ store


def _load_seed_store(backend: str, store_dir: Path) -> Any:
    from graphload.store import open_store

    paths = sorted(REPORTS_DIR.glob("*.txt"))
    try:
        from graphload.load import load_paths

        load_paths(paths, store_dir=store_dir, backend=backend, reset=True)
    except ImportError:
        # The extractor is not there yet (it is written concurrently).
        return fallback_seed_store(backend, store_dir)
    return open_store(backend, store_dir=store_dir)


@pytest.fixture(scope="session", params=backends())
def seed_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """The five sample reports loaded into a store (one per backend)."""
    store_dir = tmp_path_factory.mktemp(f"seed-{request.param}")
    store = _load_seed_store(request.param, store_dir)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def embedded_seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The seed graph in the embedded store only (for CLI tests)."""
    store_dir = tmp_path_factory.mktemp("seed-cli")
    store = _load_seed_store("embedded", store_dir)
    store.close()
    yield store_dir


def council_names(store: Any) -> dict[str, str]:
    """Every spelling of every council in the graph (normalised) -> its id."""
    from queries.names import normalise

    out: dict[str, str] = {}
    rows = store.query(
        "MATCH (c:Council) RETURN c.id AS id, c.name AS name, c.short_name AS short, "
        "c.aliases AS aliases"
    )
    for row in rows:
        for s in [row["name"], row["short"], *(row["aliases"] or [])]:
            if s:
                out[normalise(s)] = row["id"]
    return out


# ------------------------------------------------------- fallback (no loader yet)
# Until graphload.load exists, the seed graph is built from the expected JSON with
# the project's own graph builder and written with the store's write_graph.
# Remove once the loader lands.


def _records_from_expected(exp: Expected) -> list[Any]:
    from graphload.records import (
        DocumentInfo,
        ExtractRecord,
        PeerInfo,
        RecommendationInfo,
        Ref,
        ReviewInfo,
        SharedServiceInfo,
        SignpostInfo,
        ThemeInfo,
    )

    def ref(name: str) -> Ref:
        return (
            Ref(id="", name=name)
            if "ouncil" in name or "Borough" in name
            else Ref(id="org:" + name.lower().replace(" ", "-"), name=name)
        )

    records = []
    for d in exp.docs:
        r = d["review"]
        recs = d["recommendations"]
        n = next((v for v in recs.values() if isinstance(v, int)), 0)
        records.append(
            ExtractRecord(
                document=DocumentInfo(d["document"], d["document"].split("_")[1][:16] * 4, "txt"),
                review=ReviewInfo(
                    r["kind"],
                    [ref(c) for c in r["councils"]],
                    r["start_date"],
                    r["end_date"],
                    r["year"],
                ),
                peers=[
                    PeerInfo(
                        p["name"],
                        [p["name"], *p.get("aliases", [])],
                        p["councillor"],
                        p["party"],
                        p["role"],
                        [ref(o) for o in p["organisations"]],
                    )
                    for p in d["peers"]
                ],
                signposts=[
                    SignpostInfo(s["title"], [ref(c) for c in s["councils"]])
                    for s in d["signposts"]
                ],
                recommendations=[
                    RecommendationInfo(
                        f"Recommendation {i} of {d['document']}",
                        key=i <= 3,
                        theme=(d["themes"] or [None])[i % max(1, len(d["themes"]))],
                    )
                    for i in range(1, n + 1)
                ],
                themes=[ThemeInfo(t) for t in d["themes"]],
                shared_services=[
                    SharedServiceInfo([ref(c) for c in s["councils"]], s["what"])
                    for s in d["shared_services"]
                ],
            )
        )
    return records


def fallback_seed_store(backend: str, store_dir: Path) -> Any:
    """The seed graph built from the expected JSON by the project's graph builder."""
    from graphload.build import build_graph
    from graphload.gazetteer import Gazetteer
    from graphload.store import open_store

    records = _records_from_expected(load_expected())
    graph = build_graph(records, Gazetteer.load(ROOT / "data" / "gazetteer"))
    store = open_store(backend, store_dir=store_dir)
    store.reset()
    store.write_graph(graph)
    return store
