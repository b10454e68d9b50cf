"""Bad PDF, Word and text files: one clear line each, never a traceback or a hang.

Tests run as root here, and chmod 000 does not stop root from reading a file, so
the unreadable cases are things no one can read as a document: a dangling link, a
loop of links, a FIFO, a file whose name is not valid UTF-8.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from graphload.errors import ReadError
from graphload.extract import extract_file
from graphload.extract.reading import read_document
from tests.format_builders import text_to_docx, text_to_pdf

GOOD = (
    "Corporate Peer Challenge Wigan Council\n\n4-7 March 2019\n\nThe peers were:\n"
    "- Ann Example, Chief Executive, Leeds City Council\n\nProse.\n"
)


def _run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphload", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _fails(path: Path, message: str) -> None:
    with pytest.raises(ReadError, match=message) as error:
        read_document(path)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    text_to_pdf(GOOD, plain)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    _fails(locked, "encrypted")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    for _ in range(2):
        page.rect(50, 50, 400, 600, fill=1)  # a picture of a page: no text
        page.showPage()
    page.save()
    _fails(path, "no text layer; run OCR first, e.g. ocrmypdf")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf(tmp_path: Path, cut: float) -> None:
    whole = tmp_path / "whole.pdf"
    text_to_pdf(GOOD * 20, whole)
    data = whole.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    try:
        document = read_document(path)
    except ReadError as error:  # PDFium may refuse it...
        assert str(path) in str(error)
    else:  # ...or recover the pages it can, which is fine when nothing is invented
        assert all(line.text in GOOD * 20 or not line.text for line in document.lines[:3])


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text(GOOD)
    _fails(path, "not a PDF")


def test_word_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _fails(path, "not a Word document: it is not a zip file")


def test_word_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    path.write_bytes(buffer.getvalue())
    _fails(path, "zip bomb")


def test_truncated_and_foreign_zip(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    text_to_docx(GOOD, good)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[:3000])
    _fails(cut, "damaged")
    foreign = tmp_path / "photos.docx"
    with zipfile.ZipFile(foreign, "w") as package:
        package.writestr("photo.jpg", b"\xff\xd8\xff")
    _fails(foreign, "not a Word document")


def test_word_file_reads(tmp_path: Path) -> None:
    path = tmp_path / "good.docx"
    text_to_docx(GOOD, path)
    record = extract_file(path)
    assert record.peers[0].name == "Ann Example"
    assert [c.id for c in record.review.councils] == ["WGN"]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_utf16_text_is_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + GOOD.replace("Prose.", "Siobhán café £7m.").encode(encoding))
    record = extract_file(path)
    assert record.peers[0].name == "Ann Example"
    assert "Siobhán café £7m." in [line.text for line in read_document(path).lines]


def test_missing_folder_is_named_missing(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "no-such-folder"))
    assert result.returncode == 1
    assert f"{tmp_path / 'no-such-folder'}: no such file or folder" in result.stderr
    assert "unsupported format" not in result.stderr and "Traceback" not in result.stderr


def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = _run("extract", str(fifo), timeout=60)
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert f"{fifo}: not a regular file" in result.stderr


def test_two_thousand_page_pdf_is_bounded_and_shows_progress(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "pack.pdf"
    pages = canvas.Canvas(str(path), invariant=1)
    for number in range(1, 2001):
        pages.drawString(72, 800, "Committee papers, agenda item")
        pages.drawString(72, 700, f"Minute {number}: the committee noted the report.")
        pages.drawString(500, 40, f"Page {number} of 2000")
        pages.showPage()
    pages.save()
    (tmp_path / "good.txt").write_text(GOOD)
    result = _run("extract", str(tmp_path))
    assert "Traceback" not in result.stderr
    assert f"reading {path}: page 1,000 of 2,000" in result.stderr
    assert "2 document(s) read, 0 failed" in result.stderr


def test_a_page_too_dense_for_layout_is_read_as_plain_lines(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "dense.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    page.setFont("Helvetica", 2)
    for index in range(12_000):  # scattered runs: layout would be quadratic in them
        page.drawString((index * 37) % 590, (index * 53) % 830, f"w{index}")
    page.showPage()
    page.save()
    started = time.monotonic()
    words = {line.text for line in read_document(path).lines if line.text}
    assert time.monotonic() - started < 60  # a hang, not a speed claim: see benchmarks/
    assert {"w0", "w11999"} <= {w for text in words for w in text.split()}


def test_a_saved_pages_assets_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "Report.html").write_text(f"<main><p>{GOOD.replace(chr(10), '</p><p>')}</p></main>")
    assets = tmp_path / "Report_files"
    assets.mkdir()
    (assets / "saved_resource.html").write_text("<p>Advert: Wigan Council bins</p>")
    (assets / "analytics.js").write_text("var x = 1;")
    (tmp_path / "Other_files").mkdir()  # no page of that name: its files are documents
    (tmp_path / "Other_files" / "note.txt").write_text(GOOD)
    result = _run("extract", str(tmp_path))
    assert "2 document(s) read, 0 failed" in result.stderr
    assert "saved_resource" not in result.stderr + result.stdout
    assert "analytics.js" not in result.stderr
