"""A store that never lies: missing, damaged, read-only or out of step, each said
in one sentence; no command leaves a server process or temporary folder behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psutil
import pytest
import queries_fixtures
from click.testing import CliRunner

from graphload.cli import cli

embedded_seed_store = queries_fixtures.embedded_seed_store
ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
ONE_REPORT = REPORTS / "003_79eebb9631e2e9cb.txt"

READ_COMMANDS = [
    ["stats"],
    ["report", "council", "bury"],
    ["cypher", "MATCH (n) RETURN count(n) AS n"],
    ["map", "-o", "{tmp}/m.html"],
]


def run(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_copy(embedded_seed_store, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(embedded_seed_store, copy, ignore=shutil.ignore_patterns("*.settings"))
    return copy


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_on_a_missing_store_points_to_load_and_creates_nothing(tmp_path, command) -> None:
    missing = tmp_path / "no-store"
    args = [a.format(tmp=tmp_path) for a in command]
    result = run(*args, "--store", missing)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: there is no peergraph store in {missing}: load documents into it first, "
        f"e.g. peergraph load data/reports --store {missing}\n"
    )
    assert not missing.exists()
    assert not (tmp_path / "m.html").exists()


def test_stats_counts_documents_in_the_ledger_and_in_the_graph(store_copy) -> None:
    result = run("stats", "--store", store_copy)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Documents: 5 in the ledger, 5 in the graph"
    assert result.stderr == ""
    # A ledger that lost a document: said, with what the next load would do.
    next(iter(sorted((store_copy / "documents").glob("*.json")))).unlink()
    result = run("stats", "--store", store_copy)
    assert result.stdout.splitlines()[0] == "Documents: 4 in the ledger, 5 in the graph"
    assert "the next load reads them again from where they were loaded from" in result.stderr


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_is_one_sentence_and_reset_rebuilds(store_copy, damage) -> None:
    database = store_copy / "graph.rdb"
    if damage == "garbage":
        database.write_bytes(b"this is not a database " * 10)
    else:  # a real database cut in half: only the server finds out, when it loads it
        data = database.read_bytes()
        database.write_bytes(data[: len(data) // 2])
    result = run("stats", "--store", store_copy)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: the store's database {database} is damaged")
    assert f"--reset --store {store_copy}" in line
    loaded = run("load", ONE_REPORT, "--reset", "--store", store_copy)
    assert loaded.exit_code == 0, loaded.output
    assert "the damaged database was set aside as " in loaded.stderr
    assert [p.name.startswith("graph.rdb.damaged-") for p in store_copy.iterdir()].count(True) == 1
    assert run("stats", "--store", store_copy).stdout.startswith(
        "Documents: 1 in the ledger, 1 in the graph"
    )


def _immutable(path: Path, on: bool) -> bool:
    if not shutil.which("chattr"):
        return False
    flag = "+i" if on else "-i"
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


def _servers_for(path: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["name", "cmdline", "cwd"]):
        try:
            text = " ".join(process.info["cmdline"] or []) + " " + (process.info["cwd"] or "")
        except psutil.Error:
            continue
        if "redis" in (process.info["name"] or "") and str(path) in text:
            if process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
    return found


def test_a_read_only_store_is_one_sentence_and_starts_no_server(store_copy, tmp_path) -> None:
    if os.geteuid() != 0:
        os.chmod(store_copy, 0o555)
    elif not _immutable(store_copy, True):
        pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
    try:
        env = dict(os.environ, TMPDIR=str(tmp_path))
        done = subprocess.run(
            [sys.executable, "-m", "graphload", "stats", "--store", str(store_copy)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
        )  # fmt: skip
    finally:
        _immutable(store_copy, False) if os.geteuid() == 0 else os.chmod(store_copy, 0o755)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: the store {store_copy} is read-only (")
    assert not _servers_for(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_no_command_leaves_a_server_or_a_temporary_folder_behind(store_copy, tmp_path) -> None:
    """Every command, good and bad, run as a real process with its own TMPDIR."""
    # Short: the server's socket path must fit the kernel's 108 bytes.
    private_tmp = Path(tempfile.mkdtemp(prefix="pgt-"))
    damaged = tmp_path / "damaged"
    shutil.copytree(store_copy, damaged)
    (damaged / "graph.rdb").write_bytes(b"garbage")
    env = dict(os.environ, TMPDIR=str(private_tmp))
    commands = [
        ["load", str(ONE_REPORT), "--store", str(tmp_path / "new")],
        ["stats", "--store", str(store_copy)],
        ["report", "council", "bury", "--store", str(store_copy)],
        ["cypher", "MATCH (n) RETURN count(n)", "--store", str(store_copy)],
        ["map", "-o", str(tmp_path / "m.html"), "--store", str(store_copy)],
        ["stats", "--store", str(damaged)],
        ["stats", "--store", str(tmp_path / "missing")],
        ["cypher", "RETURN", "--store", str(store_copy)],  # a syntax error
    ]
    codes = []
    for args in commands:
        done = subprocess.run(
            [sys.executable, "-m", "graphload", *args],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
        )  # fmt: skip
        assert "Traceback" not in done.stderr, done.stderr
        codes.append(done.returncode)
    assert codes == [0, 0, 0, 0, 0, 1, 1, 1]
    left = list(private_tmp.iterdir())
    servers = _servers_for(private_tmp) + _servers_for(tmp_path)
    private_tmp.rmdir() if not left else None
    assert left == []
    assert servers == []


def test_only_a_write_may_make_a_new_store(tmp_path) -> None:
    store = tmp_path / "made-by-cypher"
    read = run("cypher", "MATCH (n) RETURN count(n) AS n", "--store", store)
    assert read.exit_code == 1 and not store.exists()
    write = run("cypher", "CREATE (:Note {id: 'n1'})", "--write", "--store", store)
    assert write.exit_code == 0, write.output
    again = run("cypher", "MATCH (n:Note) RETURN n.id AS id", "--format", "csv", "--store", store)
    assert again.stdout == "id\nn1\n"


@pytest.mark.parametrize("command", [["load", ONE_REPORT], ["demo", REPORTS], ["stats"]])
def test_a_store_path_with_a_backslash_is_one_sentence_and_makes_nothing(tmp_path, command) -> None:
    store = tmp_path / "back\\slash"
    done = run(
        *command, "--store", store, *(["--maps", tmp_path / "maps"] * (command[0] == "demo"))
    )
    assert done.exit_code == 1
    (line,) = done.stderr.splitlines()
    assert line == (
        f"error: cannot use {store} as a store: the embedded database cannot work in a "
        "folder whose path holds a backslash (\\); choose another folder"
    )
    assert list(tmp_path.iterdir()) == []
