"""A folder of every kind of bad input beside good reports in every format.

``peergraph extract`` and ``peergraph load`` over it finish in bounded time, name
each bad file in one line, and read every good one. Tests run as root, for whom
chmod 000 changes nothing, so "unreadable" here means a dangling link, a loop of
links, a FIFO and a name that is not valid UTF-8.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from graphload.build import build_graph
from graphload.extract import extract_file
from tests.format_builders import text_to_docx, text_to_html, text_to_pdf

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
GOOD = (
    "Corporate Peer Challenge {council}\n\n4-7 March 2019\n\nThe peers were:\n"
    "- Ann Example, Chief Executive, Leeds City Council\n\nProse \x1b]0;pwned\x07 here.\n"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphload", *args],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        errors="backslashreplace",
    )


def _corpus(root: Path) -> tuple[list[str], list[str]]:
    """Write the corpus; return the good files' names and the bad files' names."""

    def report(council: str, extra: str = "Prose") -> str:
        return GOOD.format(council=council).replace("Prose", extra)

    deep = "<div>" * 5000 + "<p>" + report("Trafford Council").replace("\n", "</p><p>") + "</p>"
    good: dict[str, bytes] = {
        "utf8.txt": GOOD.format(council="Wigan Council").encode("utf-8"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + GOOD.format(council="Bury Council").encode(),
        "utf16-le.txt": b"\xff\xfe" + GOOD.format(council="Leeds City Council").encode("utf-16-le"),
        "utf16-be-nobom.txt": GOOD.format(council="Derby City Council").encode("utf-16-be"),
        "cp1252.txt": report("Bolton Council", "Caf\u00e9 \u2013").encode("cp1252"),
        "latin1.md": report("Oldham Council", "Caf\u00e9 \u00a3").encode("latin-1"),
        "enormous line.txt": (GOOD.format(council="Rochdale Council") + "word " * 300_000).encode(),
        "odd name – £ 'quote' (1).txt": GOOD.format(council="Salford City Council").encode(),
        "deep.html": deep.encode(),
    }  # fmt: skip
    for name, data in good.items():
        (root / name).write_bytes(data)
    plain = GOOD.replace("\x1b]0;pwned\x07", "")  # Word refuses control characters
    text_to_pdf(plain.format(council="Stockport Council"), root / "report.pdf")
    text_to_docx(plain.format(council="Tameside Council"), root / "report.docx")
    (root / "page.htm").write_text(text_to_html(GOOD.format(council="Wirral Council")))
    bad = {
        "fifo.txt": None,
        "dangling.txt": None,
        "loop.txt": None,
        "bad-\udcff-name.txt": b"",
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8,
        "broken.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n",
        "notzip.docx": b"plain text pretending to be Word",
        "bomb.docx": None,
    }
    os.mkfifo(root / "fifo.txt")
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    os.symlink(root / "loop.txt", root / "loop.txt")
    os.symlink(root, root / "circle")  # a link back to the folder: never walked into
    (root / os.fsdecode(b"bad-\xff-name.txt")).write_bytes(
        GOOD.format(council="Sefton Council").encode()
    )
    for name in ("empty.txt", "binary.txt", "broken.pdf", "notzip.docx"):
        (root / name).write_bytes(bad[name] or b"")
    with zipfile.ZipFile(root / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    return sorted(good) + ["report.pdf", "report.docx", "page.htm"], sorted(bad)


def test_extract_and_load_over_a_hostile_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good, bad = _corpus(corpus)
    extract = _run("extract", str(corpus))
    assert "Traceback" not in extract.stderr
    assert f"{len(good)} document(s) read, {len(bad)} failed" in extract.stderr
    errors = [line for line in extract.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for name in bad:
        shown = name.replace("\udcff", "\\xff")
        assert sum(shown in line for line in errors) == 1, name
    assert "\x1b" not in extract.stdout  # a report's escape sequence never reaches a terminal
    assert extract.stdout.count("peer: Ann Example") == len(good)

    load = _run("load", str(corpus), "--store", str(tmp_path / "store"))
    assert "Traceback" not in load.stderr
    assert load.returncode == 1
    assert f"Read {len(good)} documents, {len(bad)} failed" in load.stdout + load.stderr
    # Every good file is in the graph: one review of each council, each with its document.
    assert f"holds {len(good)} documents" in load.stdout
    assert f"Document {len(good)}," in load.stdout and f"Review {len(good)}" in load.stdout


def test_one_report_in_three_formats_is_one_review_with_three_sources() -> None:
    stem = "001_6659053974f68a63"
    paths = [REPORTS / f"{stem}.{fmt}" for fmt in ("txt", "pdf", "docx")]
    records = [extract_file(path) for path in paths]
    graph = build_graph(records, None)
    reviews = [n for n, data in graph.nodes(data=True) if "Review" in data["labels"]]
    assert len(reviews) == 1
    sources = {
        target for _, target, kind in graph.out_edges(reviews[0], keys=True)
        if kind == "SOURCED_FROM"
    }  # fmt: skip
    assert sources == {record.document.id for record in records}
