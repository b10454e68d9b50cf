"""Commands that close one embedded store at the same instant: the last to leave stops
the database server, whatever the order. Real processes, real server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphload.store import open_store
from tests.server_helpers import servers_of

COMMANDS = 4
ROUNDS = 3

# Opens the store, answers a query, says so, then closes when told to.
OPEN_THEN_CLOSE = """
import sys
from pathlib import Path
from graphload.store.embedded import EmbeddedStore
store = EmbeddedStore(Path(sys.argv[1]), create=False)
count = store.query("MATCH (c:Council) RETURN count(c) AS n")[0]["n"]
print(count, flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


def _without_server_after(store_dir: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while servers_of(store_dir):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def store_dir(tmp_path):
    directory = tmp_path / "store"
    with open_store(store_dir=directory) as store:
        store.query("CREATE (:Council {id: 'E07000234', name: 'Bromsgrove'})")
    return directory


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_commands_closing_together_leave_no_server(store_dir, round_):
    commands = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_THEN_CLOSE, str(store_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(COMMANDS)
    ]
    try:
        assert [command.stdout.readline().strip() for command in commands] == ["1"] * COMMANDS
        assert len(servers_of(store_dir)) == 1  # they all attached to one server
        for command in commands:  # all at once: each one's close races the others'
            command.stdin.write("\n")
            command.stdin.flush()
        outputs = [command.communicate(timeout=60) for command in commands]
    finally:
        for command in commands:
            command.kill()
    assert [out.strip() for out, _ in outputs] == ["closed"] * COMMANDS, outputs
    assert _without_server_after(store_dir, seconds=5)
    assert not (store_dir / "graph.rdb.settings").exists()


def test_a_command_leaving_while_another_stays_keeps_the_server_for_it(store_dir):
    with open_store(store_dir=store_dir) as staying:
        leaving = subprocess.run(
            [sys.executable, "-c", OPEN_THEN_CLOSE, str(store_dir)],
            input="\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert leaving.stdout.split() == ["1", "closed"], leaving.stderr
        assert staying.query("MATCH (c:Council) RETURN c.name AS name") == [{"name": "Bromsgrove"}]
    assert _without_server_after(store_dir, seconds=5)
