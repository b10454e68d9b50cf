"""Graph stores: the embedded FalkorDB (default) and Neo4j, one interface.

with open_store() as store:
    store.write_graph(build_graph(records, gazetteer))
    rows = store.query("MATCH (c:Council)-[:REVIEWED_BY]->(p:Peer) RETURN c, p")

Importing this package is cheap (the command line's start-up depends on it):
the engines' drivers load only when a store is opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphload.errors import StoreError

if TYPE_CHECKING:
    from graphload.store.base import GraphStore, WriteSummary

DEFAULT_STORE_DIR = "peergraph-data"
BACKENDS = ("embedded", "neo4j")

__all__ = [
    "BACKENDS",
    "DEFAULT_STORE_DIR",
    "GraphStore",
    "StoreError",
    "WriteSummary",
    "create_store_dir",
    "open_store",
    "resolve_store_dir",
]


def __getattr__(name: str) -> Any:
    if name in ("GraphStore", "WriteSummary"):
        from graphload.store import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resolve_store_dir(store_dir: str | Path | None = None) -> Path:
    """``store_dir``, else ``$PEERGRAPH_STORE``, else ``./peergraph-data``."""
    return Path(store_dir or os.environ.get("PEERGRAPH_STORE") or DEFAULT_STORE_DIR)


def create_store_dir(store_dir: str | Path | None = None) -> Path:
    """The store directory, created if need be; a StoreError says why it cannot be."""
    directory = resolve_store_dir(store_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError(f"cannot use {directory} as a store: it is a file, not a folder") from None
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, NotADirectoryError):
            reason = "a folder on its path is a file"
        raise StoreError(f"cannot create the store folder {directory}: {reason}") from None
    return directory


def open_store(
    backend: str = "embedded",
    store_dir: str | Path | None = None,
    create: bool = True,
    **neo4j_options: Any,
) -> GraphStore:
    """Open a store. ``neo4j_options`` (uri, username, password, database) apply
    to the neo4j backend and default to ``NEO4J_URI`` etc. in the environment.
    With ``create=False`` an embedded store that does not exist yet is an error
    (a StoreError pointing to ``peergraph load``) rather than a new empty store."""
    if backend == "embedded":
        from graphload.store.embedded import EmbeddedStore

        return EmbeddedStore(resolve_store_dir(store_dir), create=create)
    if backend == "neo4j":
        from graphload.store.neo4j import Neo4jStore

        return Neo4jStore(**neo4j_options)
    raise StoreError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
