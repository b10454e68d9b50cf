"""Bad input is one line and an exit code (1 failed, 2 usage), never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import queries_fixtures
from click.testing import CliRunner

from graphload.cli import cli

embedded_seed_store = queries_fixtures.embedded_seed_store
ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOOD = [REPORTS / "003_79eebb9631e2e9cb.txt", REPORTS / "000_ad349dde538c8920.txt"]
NOT_UTF8 = b"MATCH (n) RETURN 'caf\xe9' AS x"


def run(*args: str | Path, input: bytes | str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def one_error_line(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ")
    return line


# ---------------------------------------------------------------- map


def test_map_output_under_a_file_is_one_line(embedded_seed_store, tmp_path) -> None:
    (tmp_path / "a-file").write_text("x")
    out = tmp_path / "a-file" / "map.html"
    line = one_error_line(run("map", "-o", out, "--store", embedded_seed_store))
    assert line == f"error: cannot write the map to {out}: a folder on its path is a file"


def test_map_output_that_cannot_be_written_is_one_line(embedded_seed_store, tmp_path) -> None:
    out = tmp_path / ("x" * 300 + ".html")  # longer than any file name may be
    line = one_error_line(run("map", "-o", out, "--store", embedded_seed_store))
    assert line.startswith(f"error: cannot write the map to {out}: ")


def test_map_with_neo4j_and_no_server_is_one_line(tmp_path, unused_port) -> None:
    uri = f"bolt://127.0.0.1:{unused_port}"
    args = ["map", "-o", tmp_path / "m.html", "--backend", "neo4j", "--neo4j-uri", uri]
    line = one_error_line(run(*args))
    assert line.startswith(f"error: cannot reach Neo4j at {uri}")


def test_map_on_a_damaged_store_is_one_line(embedded_seed_store, tmp_path) -> None:
    store = tmp_path / "store"
    shutil.copytree(embedded_seed_store, store, ignore=shutil.ignore_patterns("*.settings"))
    (store / "graph.rdb").write_bytes(b"not a database")
    line = one_error_line(run("map", "-o", tmp_path / "m.html", "--store", store))
    assert "is damaged" in line and not (tmp_path / "m.html").exists()


# ---------------------------------------------------------------- cypher input


def test_cypher_query_file_not_utf8(embedded_seed_store, tmp_path) -> None:
    query = tmp_path / "q.cypher"
    query.write_bytes(NOT_UTF8)
    line = one_error_line(run("cypher", "-f", query, "--store", embedded_seed_store))
    assert line.startswith(f"error: the query in {query} is not UTF-8 text (byte 0xe9")


def test_cypher_stdin_not_utf8(embedded_seed_store) -> None:
    line = one_error_line(run("cypher", "-", "--store", embedded_seed_store, input=NOT_UTF8))
    assert line.startswith("error: the query on standard input is not UTF-8 text")


def test_cypher_argument_not_utf8(embedded_seed_store) -> None:
    # What Python makes of a non-UTF-8 byte in argv (surrogateescape).
    query = NOT_UTF8.decode("utf-8", "surrogateescape")
    line = one_error_line(run("cypher", query, "--store", embedded_seed_store))
    assert line == "error: the query is not UTF-8 text; save it as UTF-8"


def test_cypher_param_not_utf8(embedded_seed_store) -> None:
    param = b"name=caf\xe9".decode("utf-8", "surrogateescape")
    args = ["cypher", "RETURN $name AS n", "--param", param, "--store", embedded_seed_store]
    line = one_error_line(run(*args))
    assert line == "error: the --param is not UTF-8 text; save it as UTF-8"


@pytest.mark.parametrize("value", ["99999999999999999999999", "-99999999999999999999999", "1e999"])
def test_cypher_param_too_large_is_refused(embedded_seed_store, value) -> None:
    args = ["cypher", "RETURN $a AS a", "--param", f"a={value}", "--store", embedded_seed_store]
    result = run(*args)
    assert result.exit_code == 2
    assert "too large for a graph store" in result.stderr
    assert "9223372036854775807" not in result.output


def test_cypher_param_at_the_int64_limit_is_kept(embedded_seed_store) -> None:
    args = ["cypher", "RETURN $a AS a", "--param", "a=9223372036854775807", "--format", "csv"]
    result = run(*args, "--store", embedded_seed_store)
    assert result.exit_code == 0, result.output
    assert result.stdout == "a\n9223372036854775807\n"


# ---------------------------------------------------------------- load


def test_store_under_a_file_is_one_line(tmp_path) -> None:
    (tmp_path / "a-file").write_text("x")
    store = tmp_path / "a-file" / "store"
    line = one_error_line(run("load", GOOD[0], "--store", store))
    assert line == f"error: cannot create the store folder {store}: a folder on its path is a file"


def test_an_unreadable_file_beside_good_ones_fails_alone(tmp_path) -> None:
    unreadable = tmp_path / "gone.txt"
    unreadable.symlink_to(tmp_path / "nowhere.txt")  # a name that cannot be opened
    paths = [GOOD[0], unreadable, GOOD[1]]
    if os.geteuid() != 0:  # root reads anything, so this case only where it can fail
        locked = tmp_path / "locked.txt"
        shutil.copy(GOOD[0], locked)
        locked.chmod(0)
        paths.append(locked)
    result = run("load", *paths, "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Usage:" not in result.output
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"error: {unreadable}: ")
    assert len(errors) == len(paths) - 2
    assert result.stdout.startswith(f"Read 2 documents, {len(paths) - 2} failed;")


def test_a_folder_without_a_readable_document_says_so(tmp_path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "report.pages").write_bytes(b"\x00binary")
    (folder / "notes").write_text("no extension")
    store = tmp_path / "store"
    result = run("load", folder, "--store", store)
    assert result.exit_code == 1
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert notes == [
        f"note: {folder / 'notes'}: skipped, peergraph does not read extension-less files",
        f"note: {folder / 'report.pages'}: skipped, peergraph does not read .pages files",
    ]
    assert result.stderr.splitlines()[-1] == (
        f"error: no document peergraph reads in {folder}: nothing loaded"
    )
    assert not store.exists()


def test_load_names_the_files_it_skips_without_verbose(tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(GOOD[0], folder / "report.txt")
    (folder / "minutes.odt").write_bytes(b"PK\x03\x04")
    result = run("load", folder, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"note: {folder / 'minutes.odt'}: skipped, peergraph does not read .odt files\n"
    )
    assert result.stdout.startswith("Read 1 document, 0 failed;")


def test_extract_of_a_folder_without_a_readable_document_says_so(tmp_path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    result = run("extract", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"note: {tmp_path / 'slides.pptx'}: skipped, peergraph does not read .pptx files",
        f"error: no document peergraph reads in {tmp_path}",
    ]
    assert result.stdout == ""
