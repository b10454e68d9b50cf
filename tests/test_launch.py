"""The ``peergraph`` entry point (graphload.launch): the store's database server is
started before the command line is imported, and taken over by the store, or stopped
at exit when the command does not open it. Real processes, a real store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphload.build import build_graph
from graphload.cli import cli
from graphload.launch import store_to_start
from graphload.store import open_store
from tests.server_helpers import servers_of

PEERGRAPH = Path(sys.executable).parent / "peergraph"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "themes", "--store", "S"], "S"),
        (["report", "council", "bury", "--store=S", "--format", "json"], "S"),
        (["cypher", "MATCH (n) RETURN count(n)", "--store", "S"], "S"),
        (["map", "--council", "bury", "-o", "x.html", "--store", "S"], "S"),
        (["stats", "--store", "S", "--backend", "embedded"], "S"),
        (["report", "themes", "--backend", "neo4j", "--store", "S"], None),
        (["report", "themes", "--backend=neo4j"], None),
        (["report", "themes", "--store", "S", "--help"], None),
        (["load", "reports", "--store", "S"], None),
        (["serve", "--store", "S"], None),
        ([], None),
    ],
)
def test_the_store_a_command_reads_is_told_from_its_arguments(args, expected):
    found = store_to_start(args)
    assert (found and str(found)) == expected


def test_without_store_the_command_reads_the_environment_or_default(monkeypatch):
    monkeypatch.setenv("PEERGRAPH_STORE", "from-env")
    assert store_to_start(["report", "themes"]) == Path("from-env")
    monkeypatch.delenv("PEERGRAPH_STORE")
    assert store_to_start(["report", "themes"]) == Path("peergraph-data")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, seed_records, gazetteer):
    directory = tmp_path_factory.mktemp("launch") / "store"
    with open_store(store_dir=directory) as store:
        store.write_graph(build_graph(seed_records, gazetteer))
    return directory


def _peergraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PEERGRAPH), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_report_run_as_a_command_answers_as_in_process_and_leaves_no_server(store_dir):
    command = _peergraph("report", "repeat-peers", "--min", "1", "--format", "json",
                         "--store", str(store_dir))  # fmt: skip
    assert command.returncode == 0, command.stderr
    in_process = CliRunner().invoke(
        cli, ["report", "repeat-peers", "--min", "1", "--format", "json", "--store", str(store_dir)]
    )
    assert command.stdout == in_process.stdout
    assert '"peer"' in command.stdout
    assert servers_of(store_dir) == []
    assert not (store_dir / "graph.rdb.settings").exists()


def test_a_server_started_for_a_command_that_fails_is_stopped_at_exit(store_dir):
    command = _peergraph("report", "no-such-report", "--store", str(store_dir))
    assert command.returncode == 2
    assert "Traceback" not in command.stderr
    assert servers_of(store_dir) == []
    assert not (store_dir / "graph.rdb.settings").exists()


def test_a_folder_that_is_not_a_store_gets_no_server_and_the_usual_message(tmp_path):
    command = _peergraph("report", "themes", "--store", str(tmp_path / "nothing-here"))
    assert command.returncode == 1
    assert command.stderr.startswith("error:")
    assert servers_of(tmp_path / "nothing-here") == []


def test_a_reader_that_stops_early_gets_no_traceback(store_dir):
    # peergraph cypher ... | head -1, with more output than a pipe holds (64 KB)
    process = subprocess.Popen(
        [str(PEERGRAPH), "cypher", "UNWIND range(1, 50000) AS n RETURN n",
         "--format", "csv", "--store", str(store_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"n\n"
    process.stdout.close()
    errors = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in errors
    assert servers_of(store_dir) == []


def test_reports_started_together_all_answer_and_leave_no_server(store_dir):
    command = [str(PEERGRAPH), "report", "themes", "--format", "json", "--store", str(store_dir)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    answers = [process.communicate(timeout=60) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], answers
    assert len({out for out, _ in answers}) == 1 and '"theme"' in answers[0][0]
    assert servers_of(store_dir) == []
    assert not (store_dir / "graph.rdb.settings").exists()
