"""Read a document file into clean, numbered, redacted lines.

Formats: plain text, markdown (with the inline HTML that committee systems
leave in it) and HTML. Every line keeps the 1-based line number it has in the
file, so a fact can be traced back to it.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from graphload.errors import ReadError
from graphload.redact import redact

TEXT_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
MAX_LINE_CHARS = 100_000  # longer lines are cut (with a warning) to keep parsing linear and fast
MAX_FILE_BYTES = 200 * 1024 * 1024

_TAG = re.compile(r"<[^<>\n]{0,400}>")
_BULLET = re.compile(r"^\s*(?:[-*•●▪❖◦·]\s*)+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")


@dataclass
class Line:
    """One block of a document: what every reader produces and every rule reads.

    ``kind`` is the block's role: "heading", "paragraph", "list_item" or "table_row"
    (a table row's ``raw`` keeps its cells separated by tabs). ``page`` is the 1-based
    page for formats that have pages (PDF), else None. ``number`` is the 1-based line
    in the file for text formats, and the block's running line number for others.
    """

    number: int  # 1-based line number in the file
    text: str  # cleaned: no markup, no bullet marker, redacted
    bullet: bool = False
    raw: str = ""  # the line as it stood (tags removed, redacted), for table cells
    kind: str = "paragraph"
    page: int | None = None


@dataclass
class Document:
    path: str
    sha256: str
    format: str
    lines: list[Line]
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"doc:{self.sha256[:16]}"


def document_format(path: Path) -> str | None:
    return TEXT_FORMATS.get(path.suffix.lower())


def read_document(path: str | Path) -> Document:
    path = Path(path)
    fmt = document_format(path)
    if fmt is None:
        raise ReadError(
            f"{path}: unsupported format {path.suffix or '(no extension)'!r}; "
            f"peergraph reads {', '.join(sorted(set(TEXT_FORMATS)))}"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"{path}: {size // 2**20} MB is larger than the "
                f"{MAX_FILE_BYTES // 2**20} MB a report can be"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path}: cannot read it ({error.strerror or error})") from None
    if not data.strip():
        raise ReadError(f"{path}: the file is empty")
    if _looks_binary(data):
        raise ReadError(f"{path}: this looks like a binary file, not a {fmt} document")
    warnings: list[str] = []
    text = _decode(data, path, warnings)
    raw_lines = _html_lines(text) if fmt == "html" else list(enumerate(text.splitlines(), 1))
    lines = [_clean(number, content, path, warnings) for number, content in raw_lines]
    return Document(str(path), hashlib.sha256(data).hexdigest(), fmt, lines, warnings)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def _decode(data: bytes, path: Path, warnings: list[str]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        warnings.append(f"{path}: not UTF-8; read as Windows-1252")
        return text
    except UnicodeDecodeError:
        warnings.append(f"{path}: not UTF-8 or Windows-1252; read as Latin-1")
        return data.decode("latin-1")


def _clean(number: int, content: str, path: Path, warnings: list[str]) -> Line:
    if len(content) > MAX_LINE_CHARS:
        warnings.append(
            f"{path}: line {number} has {len(content):,} characters; "
            f"read only its first {MAX_LINE_CHARS:,}"
        )
        content = content[:MAX_LINE_CHARS]
    if "<" in content:
        content = _TAG.sub("", content)
    if "&" in content:
        content = html.unescape(content)
    content = redact(content.replace("\xa0", " "))
    raw = content
    content = _MD_LINK.sub(r"\1", content)
    content = _MD_EMPHASIS.sub("", _MD_HEADING.sub("", content))
    bullet = bool(_BULLET.match(content))
    if bullet:
        content = _BULLET.sub("", content)
    return Line(number, " ".join(content.split()), bullet, raw.rstrip(" \r\n"))


class _HTMLText(HTMLParser):
    """Collect text, breaking lines at block elements, noting each chunk's source line."""

    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "dt",
        "dd",
        "title",
    }
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._parts: list[str] = []
        self._line_no = 1
        self._skipping = 0
        self._bullet = False

    def _flush(self) -> None:
        text = "".join(self._parts).strip()
        if text:
            self.lines.append((self._line_no, ("- " if self._bullet else "") + text))
        self._parts = []
        self._bullet = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self._flush()
            self._bullet = tag == "li"
        elif tag == "td" or tag == "th":
            self._parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not self._parts or not "".join(self._parts).strip():
            self._line_no = self.getpos()[0]
        self._parts.append(data.replace("\n", " "))


def _html_lines(text: str) -> list[tuple[int, str]]:
    parser = _HTMLText()
    parser.feed(text)
    try:
        parser.close()
    except Exception:  # noqa: BLE001 - a truncated file still yields the text read so far
        pass
    parser._flush()
    # Keep a blank line between blocks so paragraph logic works as for text files.
    spaced: list[tuple[int, str]] = []
    for number, content in parser.lines:
        spaced.append((number, content))
        spaced.append((number, ""))
    return spaced
