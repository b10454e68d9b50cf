"""peergraph serve: one database server kept running for the commands given its store,
stopped (with what changed saved) when serve stops; never left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
import queries_fixtures

embedded_seed_store = queries_fixtures.embedded_seed_store
ROOT = Path(__file__).resolve().parent.parent


def peergraph(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graphload", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60, **kwargs,
    )  # fmt: skip


def _stopped(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def served(embedded_seed_store, tmp_path):
    """A copy of the seed store, served; yields (store, serve process, server pid)."""
    store = tmp_path / "store"
    shutil.copytree(embedded_seed_store, store, ignore=shutil.ignore_patterns("*.settings"))
    serve = subprocess.Popen(
        [sys.executable, "-m", "graphload", "serve", "--store", str(store)],
        stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert serve.stderr is not None
    line = serve.stderr.readline()
    try:
        assert line.startswith(f"note: serving the store {store} (database server pid "), line
        pid = int(line.split("database server pid ")[1].split(")")[0])
        yield store, serve, pid
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGINT)
            serve.wait(30)
        if not _stopped(pid):  # the test failed midway: leave nothing behind
            os.kill(pid, signal.SIGKILL)


def test_commands_use_the_served_server_and_serve_stops_it(served) -> None:
    store, serve, pid = served
    for _ in range(2):
        done = peergraph("report", "council", "bury", "--store", str(store), "--format", "csv")
        assert done.returncode == 0, done.stderr
        assert "Bury Metropolitan Borough Council" in done.stdout
        assert not _stopped(pid), "a command stopped the served server"
    serve.send_signal(signal.SIGINT)
    assert serve.wait(30) == 0
    assert serve.stderr is not None
    assert f"note: stopped serving the store {store}" in serve.stderr.read()
    assert _stopped(pid)
    assert not (store / "graph.rdb.settings").exists()


def test_what_changed_while_served_is_saved_when_serve_stops(served) -> None:
    store, serve, pid = served
    done = peergraph(
        "cypher",
        "--write",
        "MATCH (c:Council {id: 'BUR'}) SET c.note = 'seen'",
        "--store",
        str(store),
    )
    assert done.returncode == 0, done.stderr
    serve.send_signal(signal.SIGTERM)
    assert serve.wait(30) == 0
    assert _stopped(pid)
    after = peergraph(
        "cypher", "MATCH (c:Council {id: 'BUR'}) RETURN c.note AS note", "--store", str(store),
        "--format", "csv",
    )  # fmt: skip
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines() == ["note", "seen"]


def test_serving_a_store_that_does_not_exist_is_one_error(tmp_path) -> None:
    done = peergraph("serve", "--store", str(tmp_path / "nothing"))
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: there is no peergraph store in {tmp_path / 'nothing'}")
