"""Graph stores: the embedded FalkorDB (default) and Neo4j, one interface.

with open_store() as store:
    store.write_graph(build_graph(records, gazetteer))
    rows = store.query("MATCH (c:Council)-[:REVIEWED_BY]->(p:Peer) RETURN c, p")
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from graphload.store.base import GraphStore, StoreError, WriteSummary

DEFAULT_STORE_DIR = "peergraph-data"
BACKENDS = ("embedded", "neo4j")

__all__ = [
    "BACKENDS",
    "GraphStore",
    "StoreError",
    "WriteSummary",
    "open_store",
    "resolve_store_dir",
]


def resolve_store_dir(store_dir: str | Path | None = None) -> Path:
    """``store_dir``, else ``$PEERGRAPH_STORE``, else ``./peergraph-data``."""
    return Path(store_dir or os.environ.get("PEERGRAPH_STORE") or DEFAULT_STORE_DIR)


def open_store(
    backend: str = "embedded", store_dir: str | Path | None = None, **neo4j_options: Any
) -> GraphStore:
    """Open a store. ``neo4j_options`` (uri, username, password, database) apply
    to the neo4j backend and default to ``NEO4J_URI`` etc. in the environment."""
    if backend == "embedded":
        from graphload.store.embedded import EmbeddedStore

        return EmbeddedStore(resolve_store_dir(store_dir))
    if backend == "neo4j":
        from graphload.store.neo4j import Neo4jStore

        return Neo4jStore(**neo4j_options)
    raise StoreError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
