"""Fixtures for the query tests: the seed graph in each available store, and
what the seeds' expected JSON (``tests/expected/``) says it holds.

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
EXPECTED_DIR = ROOT / "tests" / "expected"


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
    from graphload.load import load_paths
    from graphload.store import open_store

    paths = sorted(REPORTS_DIR.glob("*.txt"))
    load_paths(paths, store_dir=store_dir, backend=backend, reset=True)
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
