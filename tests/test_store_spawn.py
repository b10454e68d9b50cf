"""Starting the embedded database server before its client is imported
(graphload.store.spawn): a real redis-server with the FalkorDB module."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import psutil
import pytest
import redis

from graphload.store.spawn import spawn_server


@pytest.fixture
def sandbox(tmp_path):
    folder = tmp_path / "sandbox"
    folder.mkdir()
    yield folder
    for pidfile in folder.glob("*/redis.pid"):
        try:
            os.kill(int(pidfile.read_text()), signal.SIGKILL)
        except (OSError, ValueError):
            pass


def test_the_server_serves_the_database_of_a_folder_with_quotes_spaces_and_accents(
    tmp_path, sandbox
):
    store_dir = tmp_path / 'the "Peer" store – Sélection 2026'
    store_dir.mkdir()
    spawned = spawn_server(store_dir / "graph.rdb", sandbox)
    assert spawned is not None
    assert spawned.wait_until_listening()
    client = redis.Redis(unix_socket_path=str(spawned.socket), decode_responses=True)
    assert client.config_get("dir") == {"dir": str(store_dir)}
    assert client.config_get("dbfilename") == {"dbfilename": "graph.rdb"}
    assert client.config_get("port") == {"port": "0"}
    client.execute_command("GRAPH.QUERY", "g", "CREATE (:Council {id: 'council:BRM'})")
    client.save()
    assert (store_dir / "graph.rdb").exists()
    client.close()


def test_the_registry_names_the_server_and_only_its_owner_reads_it(tmp_path, sandbox):
    database = tmp_path / "graph.rdb"
    spawned = spawn_server(database, sandbox)
    assert spawned is not None and spawned.wait_until_listening()
    registry = tmp_path / "graph.rdb.settings"
    spawned.register(registry)
    settings = json.loads(registry.read_text())
    pid = int(Path(settings["pidfile"]).read_text())
    assert psutil.Process(pid).name() == "redis-server"
    assert settings["unixsocket"] == str(spawned.socket)
    assert (settings["dbdir"], settings["dbfilename"]) == (str(tmp_path), "graph.rdb")
    assert registry.stat().st_mode & 0o777 == 0o600


def test_a_registry_already_written_by_another_command_is_left_as_it_is(tmp_path, sandbox):
    database = tmp_path / "graph.rdb"
    registry = tmp_path / "graph.rdb.settings"
    first = spawn_server(database, sandbox)
    second = spawn_server(database, sandbox)
    assert first is not None and second is not None
    assert first.wait_until_listening() and second.wait_until_listening()
    assert first.register(registry)
    assert not second.register(registry)
    assert json.loads(registry.read_text())["unixsocket"] == str(first.socket)
