"""peergraph load / stats / push, through the real CLI and a real store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphload.cli import cli
from graphload.store import open_store

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
SECRET = "cli-secret-8e1d"
SUMMARY = re.compile(
    r"^Read (\d+) documents?, (\d+) failed; .* (\d+) nodes \(.*\), (\d+) relationships"
)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_load_prints_one_summary_line_and_exits_0(tmp_path):
    result = run("load", str(REPORTS), "--store", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    read, failed, nodes, rels = map(int, SUMMARY.match(line).groups())
    assert (read, failed) == (len(list(REPORTS.iterdir())), 0)
    assert nodes > 0 and rels > 0
    assert "Peer " in line and "REVIEWED_BY " in line


def test_stats_reports_what_load_wrote(tmp_path):
    load = run("load", str(REPORTS), "--store", str(tmp_path))
    stats = run("stats", "--store", str(tmp_path))
    assert stats.exit_code == 0
    counted = dict(re.findall(r"^  (\w+)\s+(\d+)$", stats.stdout, re.M))
    assert {"Council", "Peer", "Review", "REVIEWED_BY", "SHARED_WITH"} <= counted.keys()
    for label, n in counted.items():
        assert f"{label} {n}" in load.stdout


def test_store_directory_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PEERGRAPH_STORE", str(tmp_path / "from-env"))
    assert run("load", str(REPORTS / "000_ad349dde538c8920.txt")).exit_code == 0
    assert (tmp_path / "from-env" / "graph.rdb").exists()


def test_bad_files_get_one_line_each_and_exit_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REPORTS / "003_79eebb9631e2e9cb.txt", docs)
    (docs / "empty.txt").write_text("")
    missing = tmp_path / "missing.txt"
    result = run("load", str(docs), str(missing), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {docs / 'empty.txt'}: ")
    assert errors[1].startswith(f"error: {missing}: ")
    assert "Traceback" not in result.output
    assert SUMMARY.match(result.stdout).groups()[:2] == ("1", "2")


def test_progress_bar_on_stderr_for_many_files(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"{i:02d}.txt").write_text(
            (REPORTS / "003_79eebb9631e2e9cb.txt").read_text(encoding="utf-8") + " " * i
        )
    result = run("load", str(docs), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0
    assert "Reading documents" in result.stderr
    assert "Reading documents" not in result.stdout


@pytest.mark.parametrize("command", ["load", "stats", "push"])
def test_unreachable_neo4j_is_one_line_and_exit_1(tmp_path, unused_port, command):
    uri = f"bolt://127.0.0.1:{unused_port}"
    args = [command, "--store", str(tmp_path), "--neo4j-uri", uri, "--neo4j-password", SECRET]
    if command == "load":
        args[1:1] = [str(REPORTS)]
    if command == "push":  # something to push, so the push gets as far as connecting
        run("load", str(REPORTS / "003_79eebb9631e2e9cb.txt"), "--store", str(tmp_path))
    if command in ("load", "stats"):
        args += ["--backend", "neo4j"]
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert result.stderr.startswith(f"error: cannot reach Neo4j at {uri}")
    assert SECRET not in result.output and "Traceback" not in result.output


def test_load_and_push_to_a_bolt_server(tmp_path, falkordb_bolt):
    bolt = ["--neo4j-uri", falkordb_bolt["uri"], "--neo4j-username", falkordb_bolt["username"]]
    direct = run("load", str(REPORTS), "--store", str(tmp_path / "a"), "--backend", "neo4j", *bolt)
    assert direct.exit_code == 0, direct.stderr
    embedded = run("load", str(REPORTS), "--store", str(tmp_path / "b"))
    pushed = run("push", "--store", str(tmp_path / "b"), *bolt)
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.stdout.startswith("Pushed ")
    stats = run("stats", "--backend", "neo4j", *bolt)
    assert stats.exit_code == 0, stats.stderr
    counts = SUMMARY.match(embedded.stdout).groups()[2:]
    assert f"Nodes: {counts[0]}" in stats.stdout and f"Relationships: {counts[1]}" in stats.stdout


def test_push_refuses_an_empty_store(tmp_path, unused_port):
    with open_store("embedded", tmp_path):
        pass  # a store with nothing in it
    result = run("push", "--store", str(tmp_path), "--neo4j-uri", f"bolt://127.0.0.1:{unused_port}")
    assert result.exit_code == 1
    assert result.stderr == f"error: the embedded store in {tmp_path} is empty: nothing to push\n"


def test_push_from_a_store_that_does_not_exist_points_to_load(tmp_path, unused_port):
    missing = tmp_path / "nothing-here"
    uri = f"bolt://127.0.0.1:{unused_port}"
    result = run("push", "--store", str(missing), "--neo4j-uri", uri)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: there is no peergraph store in {missing}: ")
    assert f"peergraph load data/reports --store {missing}" in result.stderr
    assert not missing.exists()


def test_a_file_name_that_is_not_utf8_is_named_once_and_the_rest_load(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REPORTS / "003_79eebb9631e2e9cb.txt", docs)
    bad = bytes(docs) + b"/bad-\xff-name.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Corporate Peer Challenge of Bury Council")
    result = run("load", str(docs), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    (error,) = result.stderr.splitlines()
    assert error.count("bad-\\xff-name.txt") == 1, error
    assert "not valid UTF-8" in error
    assert SUMMARY.match(result.stdout).groups()[:2] == ("1", "1")
