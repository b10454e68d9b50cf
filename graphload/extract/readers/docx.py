"""Word (.docx) with python-docx: paragraphs, numbered and bulleted lists, tables.

Headers and footers are not part of the body and are never read. A list's numbers
("1.", "a)") are computed from the document's numbering definitions, as Word shows
them. A table row is one line, its cells separated by tabs (a team set out in a
table is read like a team in a list). A blank line stands where the document leaves
space between paragraphs, as a text file of the same report would have.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graphload.errors import ReadError
from graphload.extract.readers.base import Block, Line, number_blocks, shown
from graphload.extract.readers.files import read_bytes

FORMAT = "docx"
MAX_UNPACKED = 300 * 1024 * 1024  # bytes a .docx may unpack to
MAX_RATIO = 200  # a part this many times smaller packed than unpacked is a zip bomb's
MAX_PARTS = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(path: Path, warnings: list[str]) -> tuple[bytes, list[Line]]:
    data = read_bytes(path)
    where = shown(path)
    _check_package(data, where)
    import docx  # imported here: only Word reading pays for it

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except ReadError:
        raise
    except Exception as error:  # noqa: BLE001 - python-docx's many ways to fail on bad XML
        raise ReadError(f"{where}: a damaged Word document ({type(error).__name__})") from None
    if not any(block.text.strip() for block in blocks):
        raise ReadError(f"{where}: the Word document has no text")
    return data, number_blocks(blocks, where, warnings)


def _check_package(data: bytes, where: str) -> None:
    """Refuse what is not a zip, a zip bomb, or a zip that is not a Word document."""
    if data[:4] != b"PK\x03\x04":
        hint = (
            " (an old .doc saved as .docx? save it again as .docx)"
            if data[:4] == (b"\xd0\xcf\x11\xe0")
            else ""
        )
        raise ReadError(f"{where}: not a Word document: it is not a zip file{hint}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if len(parts) > MAX_PARTS:
                raise ReadError(f"{where}: refused: {len(parts):,} parts in one Word document")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED or any(
                part.file_size > 1024 * 1024
                and part.file_size > MAX_RATIO * max(part.compress_size, 1)
                for part in parts
            ):
                raise ReadError(
                    f"{where}: refused: it would unpack to {unpacked // 2**20:,} MB "
                    "(a zip bomb, not a report)"
                )
            if "word/document.xml" not in package.namelist():
                raise ReadError(f"{where}: a zip file, but not a Word document")
            broken = package.testzip()
            if broken:
                raise ReadError(f"{where}: a damaged Word document ({broken} is corrupt)")
    except zipfile.BadZipFile as error:
        raise ReadError(f"{where}: a damaged or truncated Word document ({error})") from None
    except (OSError, EOFError, ValueError) as error:
        raise ReadError(f"{where}: a damaged or truncated Word document ({error})") from None


def _blocks(document: Any) -> Iterator[Block]:
    from docx.table import Table

    numbering = _Numbering(document)
    default_after = _default_space_after(document)
    previous_space = True
    previous_kind = ""
    for item in _body_items(document):
        if isinstance(item, Table):
            for row in _rows(item):
                yield Block(row, "table_row", gap_before=previous_kind != "table_row")
            previous_kind, previous_space = "table_row", True
            continue
        text = item.text.strip()
        if not text:
            previous_space = True
            continue
        style = (item.style.name if item.style is not None else "") or ""
        marker = numbering.marker(item)
        if style.startswith(("Heading", "Title")):
            kind = "heading"
        elif marker is not None or style.startswith("List"):
            kind = "list_item"
        else:
            kind = "paragraph"
        before = _spacing(item, "space_before", 0.0)
        spaced = previous_space or before > 0
        if kind == "list_item" and previous_kind == "list_item" and not before:
            spaced = False  # Word's lists keep their items together
        prefix = f"{marker} " if marker else ""
        # A line break inside a paragraph (Shift+Enter, as in an address) keeps its lines.
        for index, part in enumerate(p for p in text.split("\n") if p.strip()):
            yield Block(
                (prefix if index == 0 else "") + part, kind, gap_before=spaced and not index
            )
        previous_kind = kind
        previous_space = _spacing(item, "space_after", default_after) > 0


def _body_items(document: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, including those inside content
    controls (``w:sdt``), which Word templates use for their fields."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body

    def walk(parent: Any) -> Iterator[Any]:
        for child in parent.iterchildren():
            if child.tag == f"{_W}p":
                yield Paragraph(child, document._body)
            elif child.tag == f"{_W}tbl":
                yield Table(child, document._body)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content)

    yield from walk(body)


def _spacing(paragraph: Any, name: str, default: float) -> float:
    """Space before or after a paragraph, in points: its own, else its styles', else Word's."""
    value = getattr(paragraph.paragraph_format, name)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, name)
        style = style.base_style
    return value.pt if value is not None else default


def _default_space_after(document: Any) -> float:
    """The document's default space after a paragraph (Word's own default is 10 pt)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f".//{qn('w:spacing')}") if defaults is not None else None
    after = spacing.get(qn("w:after")) if spacing is not None else None
    return int(after) / 20 if after and after.isdigit() else 0.0


def _rows(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells))
    return rows


class _Numbering:
    """Word's list numbers: counters per list and level, formatted as the list says."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - a document without numbering definitions
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in node.iter(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                levels[int(level.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for node in root.iter(f"{_W}num"):
            ref = node.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, value in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.formats[(node.get(f"{_W}numId", ""), ilvl)] = value

    def marker(self, paragraph: Any) -> str | None:
        """ "" for a bullet, "3." for a numbered item, None when not in a list."""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None and paragraph.style is not None:
            style_ppr = paragraph.style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        num_id = str(num_pr.numId.val)
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        fmt, text, start = self.formats.get((num_id, ilvl), ("bullet", "", 1))
        if fmt in ("bullet", "none") or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        label = text or f"%{ilvl + 1}."
        for level in range(9):
            label = label.replace(f"%{level + 1}", _format(counters[level] or 1, fmt))
        return label


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out
