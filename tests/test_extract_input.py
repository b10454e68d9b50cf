"""Bad input: each gives one clear line naming the file, never a traceback or a hang."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphload.cli import cli
from graphload.errors import ReadError
from graphload.extract import extract_file
from tests.extract_helpers import extract_text

GOOD = (
    "Corporate Peer Challenge Wigan Council\n\n4-7 March 2019\n\nThe peers were:\n"
    "- Ann Example, Chief Executive, Leeds City Council\n\nProse.\n"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphload", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    ],
)
def test_unreadable_files_raise_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message) as error:
        extract_file(path)
    assert str(path) in str(error.value)


def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(GOOD.replace("Prose.", "Caf\u00e9 \u2013 \u00a37m").encode("cp1252"))
    record = extract_file(path)
    assert record.peers[0].name == "Ann Example"
    assert any("Windows-1252" in w for w in record.warnings)


def test_one_huge_line_is_linear_and_warned(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(GOOD + ("Councils share a chief executive and Wigan Council. " * 600_000))
    started = time.monotonic()
    record = extract_file(path)
    assert time.monotonic() - started < 30  # a hang, not a speed claim: see benchmarks/
    assert record.peers[0].name == "Ann Example"
    assert any("characters; read only" in w for w in record.warnings)


def test_truncated_html(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "<html><body><h1>Corporate Peer Challenge Wigan Council</h1>"
        "<p>4-7 March 2019</p><p>The peers were:</p><ul><li>Ann Example, Chief "
        "Executive, Leeds City Council</li><li>Bob Sam",
        name="cut.html",
    )
    assert record.document.format == "html"
    assert [c.id for c in record.review.councils] == ["WGN"]
    assert record.peers[0].name == "Ann Example"


def test_contacts_never_reach_the_output(tmp_path: Path) -> None:
    path = tmp_path / "contacts.md"
    path.write_text(
        GOOD + "\nContact: ann.example@leeds.gov.uk or 0113 222 4444. "
        "Email: [g.x@bury.gov.uk](mailto:g.x@bury.gov.uk) Tel: +44 (0)20 7664 3000\n"
    )
    result = CliRunner().invoke(cli, ["extract", "--format", "json", str(path)])
    assert result.exit_code == 0
    for secret in ("@leeds.gov.uk", "0113 222 4444", "bury.gov.uk", "7664 3000"):
        assert secret not in result.output


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(GOOD)
    result = _run("extract", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"error: {tmp_path / 'a_empty.txt'}: the file is empty" in result.stderr
    assert "1 document(s) read, 1 failed" in result.stderr
    [record] = json.loads(result.stdout)
    assert record["peers"][0]["name"] == "Ann Example"


def test_all_good_exits_zero_and_json_is_the_documented_shape(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    result = _run("extract", "--format", "json", str(tmp_path / "good.txt"))
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert set(record) >= {
        "document",
        "review",
        "peers",
        "signposts",
        "recommendations",
        "themes",
        "shared_services",
        "warnings",
    }
    assert set(record["document"]) >= {"path", "sha256", "format"}
    assert set(record["review"]) >= {"kind", "councils", "start_date", "end_date", "year"}


def test_missing_file(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_unsupported_files_in_a_directory_are_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04")
    result = _run("extract", str(tmp_path))
    assert result.returncode == 0
    assert f"note: {tmp_path / 'budget.xlsx'}: skipped, peergraph does not read .xlsx files" in (
        result.stderr
    )
