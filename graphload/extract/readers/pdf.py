"""PDF from its text layer (pypdfium2: measured fastest, see benchmarks/bench_pdf.py).

Each page's text comes as positioned segments; the reader rebuilds what a text
file of the report would hold:

- lines wrapped by the layout are joined into their paragraph; a word hyphenated
  across two lines is joined, without the hyphen only when the document spells
  the word without one elsewhere ("develop-/ment" when "development" occurs),
  since office suites rarely hyphenate and a line-end hyphen is most often a
  compound's own ("re-balanced", "Stoke-on-Trent");
- headers and footers repeated on most pages (an address block, "Page 3 of 12")
  are dropped;
- a paragraph or list cut by a page break continues on the next page;
- a two-column page is read column by column;
- a table drawn with rules (or laid out in aligned cells) becomes one row a line,
  cells separated by tabs;
- a blank line stands where the layout leaves space between paragraphs.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphload.errors import ReadError
from graphload.extract.readers.base import Block, Line, number_blocks, progress, shown
from graphload.extract.readers.files import read_bytes

FORMAT = "pdf"
MAX_PAGES = 5000  # a longer PDF is read up to here, with a warning
PROGRESS_FROM = 200  # pages: show progress on stderr for PDFs at least this long
MARGIN_SHARE = 0.12  # headers and footers live in the top and bottom 12% of a page
GUTTER = 10.0  # points: the narrowest space between two columns of text
MAX_SEGMENTS = 5000  # a page with more text runs is read as plain lines, without layout
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$", re.I)
_BULLETS = "•●▪❖◦·–-*"
_HYPHEN = "\x02"  # PDFium's mark for a hyphen that ends a line (no space after it)
_ITEM = re.compile(r"^\(?(\d{1,3}|[a-z]|[ivx]{1,4})([.)])\s")  # "3.", "b)", "(iv)"


@dataclass
class _Segment:
    x0: float
    x1: float
    base: float  # baseline, PDF units from the bottom of the page
    size: float
    text: str
    bottom: float = 0.0  # the segment's box, for cutting it at a column gutter
    top: float = 0.0


@dataclass
class _VLine:
    """A visual line: segments on one baseline, left to right."""

    segments: list[_Segment]
    page: int
    edge: float = 0.0  # where full lines of its column end, when known from the page

    @property
    def base(self) -> float:
        return self.segments[0].base

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    def cells(self) -> list[list[_Segment]]:
        """Segments grouped into cells: a gap wider than the font size parts them."""
        groups: list[list[_Segment]] = [[self.segments[0]]]
        for segment in self.segments[1:]:
            if segment.x0 - groups[-1][-1].x1 > max(self.size, 6.0):
                groups.append([segment])
            else:
                groups[-1].append(segment)
        return groups

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass
class _Table:
    """Rows of cells, read from a ruled grid or aligned cells."""

    top: float
    page: int
    rows: list[list[str]] = field(default_factory=list)


def read(path: Path, warnings: list[str]) -> tuple[bytes, list[Line]]:
    data = read_bytes(path)
    where = shown(path)
    if b"%PDF" not in data[:1024]:
        raise ReadError(f"{where}: not a PDF (no PDF header); is it named right?")
    import pypdfium2 as pdfium  # imported here: only PDF reading pays for it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReadError(
                f"{where}: the PDF is encrypted (password-protected); "
                "save an unprotected copy to read it"
            ) from None
        raise ReadError(f"{where}: a damaged or truncated PDF ({error})") from None
    try:
        pages = _read_pages(pdf, where, warnings)
    except pdfium.PdfiumError as error:
        raise ReadError(f"{where}: a damaged PDF ({error})") from None
    finally:
        pdf.close()
    if all(page.damaged for page in pages):
        raise ReadError(f"{where}: a damaged PDF (no page can be read)")
    empty = [n for n, page in enumerate(pages, 1) if not page.items and not page.damaged]
    if len(empty) == sum(not page.damaged for page in pages):
        raise ReadError(f"{where}: no text layer; run OCR first, e.g. ocrmypdf")
    if empty:
        warnings.append(
            f"{where}: no text layer on page(s) {_ranges(empty)}; run OCR first, e.g. ocrmypdf"
        )
    _drop_furniture(pages)
    blocks = _assemble(pages)
    return data, number_blocks(blocks, where, warnings)


def _read_pages(pdf: Any, where: str, warnings: list[str]) -> list[_Page]:
    count = len(pdf)
    if count > MAX_PAGES:
        warnings.append(f"{where}: {count:,} pages; read only the first {MAX_PAGES:,}")
        count = MAX_PAGES
    pages: list[_Page] = []
    for index in range(count):
        if count >= PROGRESS_FROM and index and index % 100 == 0:
            progress(f"reading {where}: page {index:,} of {count:,}")
        try:
            page = pdf[index]
        except Exception as error:  # noqa: BLE001 - PDFium's error for one broken page
            warnings.append(f"{where}: page {index + 1} cannot be read ({error})")
            pages.append(_Page([], damaged=True))
            continue
        try:
            pages.append(_page_items(page, index + 1))
        except Exception as error:  # noqa: BLE001 - one damaged page must not lose the rest
            warnings.append(f"{where}: page {index + 1} cannot be read ({error})")
            pages.append(_Page([], damaged=True))
        finally:
            page.close()
    return pages


def _page_items(page: Any, number: int) -> _Page:
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    width = page.get_width()
    textpage = page.get_textpage()
    segments: list[_Segment] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        count = textpage.count_rects()
        if count > MAX_SEGMENTS:
            return _plain_page(textpage.get_text_range(), number, height)
        for k in range(count):
            left, bottom, right, top = textpage.get_rect(k)
            text = textpage.get_text_bounded(left, bottom, right, top)
            text = text.replace("\r", " ").replace("\n", " ").strip(" ")
            if not text.strip():
                continue
            index = pdfium_c.FPDFText_GetCharIndexAtPos(
                textpage.raw, left + 0.5, (bottom + top) / 2, 1.0, (top - bottom) / 2
            )
            size = top - bottom
            base = bottom
            if index >= 0:
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index) or size
                if pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y):
                    base = y.value
            segments.append(_Segment(left, right, base, size, text, bottom, top))
        segments = _cut_at_gutter(textpage, segments, width)
    finally:
        textpage.close()
    if not segments:
        return _Page([], height)
    grids = _grids(page)
    lines = _visual_lines(segments, number)
    tables: list[_Table] = []
    for grid in grids:
        table, lines = _grid_table(grid, lines, number)
        if table.rows:
            tables.append(table)
    items: list[_VLine | _Table] = list(_in_column_order(lines, width, height))
    for table in tables:
        at = next((i for i, line in enumerate(items) if _top(line) < table.top), len(items))
        items.insert(at, table)
    return _Page(items, height)


@dataclass
class _Page:
    items: list[_VLine | _Table]
    height: float = 842.0
    damaged: bool = False


def _plain_page(text: str, number: int, height: float) -> _Page:
    """A page too dense for layout (a crafted or data-dump page): its text, line by line,
    so that reading it stays linear in its size."""
    middle = height / 2  # every line mid-page: none is taken for a header or footer
    lines: list[_VLine | _Table] = [
        _VLine([_Segment(0.0, 0.0, middle, 10.0, row.strip())], number)
        for row in text.splitlines()
        if row.strip()
    ]
    return _Page(lines, height)


def _top(item: _VLine | _Table) -> float:
    return item.top if isinstance(item, _Table) else item.base + item.size


def _visual_lines(segments: list[_Segment], page: int) -> list[_VLine]:
    segments.sort(key=lambda s: (-s.base, s.x0))
    lines: list[_VLine] = []
    for segment in segments:
        if lines and abs(lines[-1].base - segment.base) <= 0.3 * segment.size:
            lines[-1].segments.append(segment)
        else:
            lines.append(_VLine([segment], page))
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
    return lines


# --- tables drawn with rules ---------------------------------------------------------


@dataclass
class _Grid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]


def _grids(page: Any) -> list[_Grid]:
    """Tables drawn with ruled lines: groups of vertical rules and the rules across them."""
    import pypdfium2.raw as pdfium_c

    vertical: list[tuple[float, float, float]] = []  # x, bottom, top
    horizontal: list[tuple[float, float, float]] = []  # y, left, right
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 2.5 and top - bottom >= 8:
            vertical.append(((left + right) / 2, bottom, top))
        elif top - bottom <= 2.5 and right - left >= 8:
            horizontal.append(((bottom + top) / 2, left, right))
    if not vertical or not horizontal:
        return []
    vertical.sort(key=lambda v: v[1])
    groups: list[list[tuple[float, float, float]]] = []
    for rule in vertical:
        if groups and rule[1] <= max(r[2] for r in groups[-1]) + 2:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    grids: list[_Grid] = []
    for group in groups:
        xs = _distinct(sorted(r[0] for r in group))
        if len(xs) < 3:  # a boxed paragraph, not a table
            continue
        bottom, top = min(r[1] for r in group), max(r[2] for r in group)
        ys = _distinct(
            sorted(
                (h[0] for h in horizontal if bottom - 2 <= h[0] <= top + 2 and h[1] <= xs[1]),
                reverse=True,
            )
        )
        if len(ys) >= 2:
            grids.append(_Grid(xs, ys))
    return grids


def _distinct(values: list[float], tolerance: float = 2.0) -> list[float]:
    kept: list[float] = []
    for value in values:
        if not kept or abs(value - kept[-1]) > tolerance:
            kept.append(value)
    return kept


def _grid_table(grid: _Grid, lines: list[_VLine], page: int) -> tuple[_Table, list[_VLine]]:
    left, bottom, right, top = grid.box
    table = _Table(top, page)
    cells: dict[tuple[int, int], list[str]] = {}
    outside: list[_VLine] = []
    for line in lines:
        if not (bottom <= line.base <= top):
            outside.append(line)
            continue
        rest = [s for s in line.segments if not (left - 2 <= (s.x0 + s.x1) / 2 <= right + 2)]
        if rest:
            outside.append(_VLine(rest, page))
        row = next((i for i in range(len(grid.ys) - 1) if line.base >= grid.ys[i + 1]), None)
        if row is None:
            continue
        for segment in line.segments:
            middle = (segment.x0 + segment.x1) / 2
            if not left - 2 <= middle <= right + 2:
                continue
            column = max(0, sum(1 for x in grid.xs[1:-1] if segment.x0 >= x - 2))
            cells.setdefault((row, column), []).append(segment.text)
    columns = len(grid.xs) - 1
    for row in range(len(grid.ys) - 1):
        values = [_join_wrapped(cells.get((row, column), [])) for column in range(columns)]
        if any(values):
            table.rows.append(values)
    return table, outside


def _join_wrapped(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = _join(text, part, set()) if text else part
    return text.replace(_HYPHEN, "-")


# --- columns -------------------------------------------------------------------------


def _cut_at_gutter(textpage: Any, segments: list[_Segment], width: float) -> list[_Segment]:
    """Two columns whose lines share baselines can come as one segment a line: find
    the gutter (an x where no line has a character) and cut those segments there."""
    wide = [s for s in segments if s.x0 < width * 0.4 and s.x1 > width * 0.6]
    if len(wide) < 8:
        return segments
    sample = wide[:: max(1, len(wide) // 30)]
    gutter = None
    blank_run = 0  # a gutter is a band at least GUTTER wide, never one word's space
    x = width * 0.35
    while x < width * 0.65:
        blank_run = blank_run + 1 if all(_char_at(textpage, x, s) is None for s in sample) else 0
        if blank_run * 2.0 >= GUTTER:
            gutter = x - GUTTER / 2
            break
        x += 2.0
    if gutter is None:
        return segments
    cut: list[_Segment] = []
    for segment in segments:
        if not segment.x0 < gutter < segment.x1:
            cut.append(segment)
            continue
        left_end = _edge(textpage, segment, gutter, -2.0)
        right_start = _edge(textpage, segment, gutter, 2.0)
        for x0, x1 in ((segment.x0, left_end), (right_start, segment.x1)):
            if x1 <= x0:
                continue
            text = textpage.get_text_bounded(x0, segment.bottom, x1, segment.top)
            text = text.replace("\r", " ").replace("\n", " ").strip(" ")
            if text.strip():
                part = _Segment(x0, x1, segment.base, segment.size, text)
                part.bottom, part.top = segment.bottom, segment.top
                cut.append(part)
    return cut


def _char_at(textpage: Any, x: float, segment: _Segment) -> str | None:
    """The character (not a space) at x on the segment's line, if any."""
    import pypdfium2.raw as pdfium_c

    y = segment.base + segment.size * 0.3
    index = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x, y, 1.0, segment.size * 0.3)
    if index < 0:
        return None
    char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
    return None if char.isspace() else char


def _edge(textpage: Any, segment: _Segment, gutter: float, step: float) -> float:
    """Where the text nearest the gutter ends (step < 0) or starts (step > 0)."""
    x = gutter
    while segment.x0 <= x <= segment.x1:
        if _char_at(textpage, x, segment) is not None:
            return x - step / 2
        x += step
    return x


def _in_column_order(lines: list[_VLine], width: float, height: float) -> list[_VLine]:
    """A two-column page's lines, left column first; other pages as they are."""
    split = _gutter(lines, width)
    body = (height * MARGIN_SHARE, height * (1 - MARGIN_SHARE))
    if split is None:
        return lines  # its full lines end where other single-column pages' do
    left: list[_VLine] = []
    right: list[_VLine] = []
    across_top: list[_VLine] = []
    across_bottom: list[_VLine] = []
    first_split = None
    for line in lines:
        left_part = [s for s in line.segments if s.x1 <= split]
        right_part = [s for s in line.segments if s.x0 >= split]
        if len(left_part) + len(right_part) < len(line.segments):
            (across_top if first_split is None else across_bottom).append(line)
            continue
        first_split = first_split or line.base
        if left_part:
            left.append(_VLine(left_part, line.page))
        if right_part:
            right.append(_VLine(right_part, line.page))
    for column in (left, right):
        edge = max((line.x1 for line in column if body[0] < line.base < body[1]), default=0.0)
        for line in column:
            line.edge = edge
    return across_top + left + right + across_bottom


def _gutter(lines: list[_VLine], width: float) -> float | None:
    """The x where a page's right column starts, when the page has two columns:
    many segments start mid-page at one x, many end before it, few cross it."""
    segments = [s for line in lines for s in line.segments]
    middle = Counter(round(s.x0) for s in segments if width * 0.35 < s.x0 < width * 0.65)
    if len(segments) < 12 or sum(middle.values()) < 0.25 * len(segments):
        return None
    for start in sorted(x for x, n in middle.items() if n >= 2):
        split = start - 3
        left = sum(1 for s in segments if s.x1 <= split)
        crossing = sum(1 for s in segments if s.x0 < split < s.x1)
        if left >= 0.25 * len(segments) and crossing <= 0.1 * len(segments):
            return split
    return None


# --- headers and footers -------------------------------------------------------------


def _key(text: str) -> str:
    """A margin line's text, its page number ("Page 3 of 12", "- 3 -") made general."""
    text = " ".join(text.lower().split())
    text = re.sub(r"\bpage\s*\d+(\s*(of|/)\s*\d+)?", "page #", text)
    return re.sub(r"^[-–\s]*\d+[-–\s]*$|^\d+\s|\s\d+$", " # ", text).strip()


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove lines in the page margins that repeat on most pages, and page numbers."""
    zones: list[list[_VLine]] = []
    for page in pages:
        top, bottom = page.height * (1 - MARGIN_SHARE), page.height * MARGIN_SHARE
        zones.append(
            [
                item
                for item in page.items
                if isinstance(item, _VLine) and (item.base > top or item.base < bottom)
            ]
        )

    def keys(zone: list[_VLine]) -> dict[int, set[str]]:
        """Each margin line's own text and its whole baseline's (a footer's two cells)."""
        rows: dict[int, list[_VLine]] = {}
        for line in zone:
            rows.setdefault(round(line.base), []).append(line)
        return {
            id(line): {_key(line.text), _key(" ".join(p.text for p in row))}
            for row in rows.values()
            for line in row
        }

    zone_keys = [keys(zone) for zone in zones]
    counts = Counter(key for found in zone_keys for key in set().union(*found.values()))
    with_text = sum(1 for page in pages if page.items)
    repeated = {key for key, n in counts.items() if n >= max(2, 0.5 * with_text)}
    for page, zone, found in zip(pages, zones, zone_keys, strict=True):
        drop = {
            id(line)
            for line in zone
            if found[id(line)] & repeated or _PAGE_NUMBER.match(_key(line.text))
        }
        page.items = [item for item in page.items if id(item) not in drop]


# --- blocks --------------------------------------------------------------------------


def _assemble(pages: list[_Page]) -> list[Block]:
    """Join visual lines into blocks across pages."""
    words = _document_words(pages)
    blocks: list[Block] = []
    current: Block | None = None
    previous: _VLine | None = None
    right_edge = _right_edges(pages)
    body = _body_size(pages)
    after_table = False
    for page in pages:
        for item in page.items:
            if isinstance(item, _Table):
                current, previous = None, None
                # A table cut by the page break goes on without a break.
                goes_on = item is page.items[0] and blocks and blocks[-1].kind == "table_row"
                for index, row in enumerate(item.rows):
                    blocks.append(
                        Block("\t".join(row), "table_row", item.page, index == 0 and not goes_on)
                    )
                after_table = True
                continue
            line = item
            cells = line.cells()
            if len(cells) >= 2 and not _is_bullet_line(cells):
                current = None
                texts = [" ".join(s.text for s in cell) for cell in cells]
                gap = previous is None or _gap(previous, line) > 1.5 * line.size
                if blocks and blocks[-1].kind == "table_row" and not gap:
                    gap = False
                blocks.append(
                    Block(
                        "\t".join(texts).replace(_HYPHEN, "-"),
                        "table_row",
                        line.page,
                        bool(blocks) and blocks[-1].kind != "table_row" and gap,
                    )
                )
                previous = line
                continue
            text = line.text
            bullet = text[:1] in _BULLETS and (len(text) == 1 or text[1] == " ")
            if current is not None and previous is not None and not bullet:
                edge = previous.edge or right_edge.get(_column(previous), 0.0)
                if _continues(previous, line, current, edge):
                    current.text = _join(current.text, text, words)
                    previous = line
                    continue
            gap = previous is not None and (
                _flow_break(previous, line) or _gap(previous, line) > 1.5 * line.size
            )
            if previous is not None and _flow_break(previous, line):
                # A list cut by the page break goes on without a break.
                gap = not (
                    (bullet and current is not None and current.kind == "list_item")
                    or (
                        current is not None
                        and _ITEM.match(current.text)
                        and _ITEM.match(text)
                        and abs(previous.x0 - line.x0) <= 3
                    )
                )
            heading = line.size >= body * 1.15 and len(text) < 200
            kind = "list_item" if bullet else "heading" if heading else "paragraph"
            current = Block(text, kind, line.page, gap or after_table)
            after_table = False
            blocks.append(current)
            previous = line
    for block in blocks:
        block.text = block.text.replace(_HYPHEN, "-")
    return blocks


def _is_bullet_line(cells: list[list[_Segment]]) -> bool:
    """A bullet and its text, set apart: one line, not a table row."""
    first = " ".join(s.text for s in cells[0]).strip()
    return len(cells) == 2 and len(first) == 1 and first in _BULLETS


def _column(line: _VLine) -> int:
    return round(line.x0 / 100)


def _right_edges(pages: list[_Page]) -> dict[int, float]:
    """Where full lines end, per column start (the text block's right margin)."""
    edges: dict[int, list[float]] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, _VLine) and not item.edge:  # not in a column of its page
                edges.setdefault(_column(item), []).append(item.x1)
    return {column: max(values) for column, values in edges.items()}


def _flow_break(previous: _VLine, line: _VLine) -> bool:
    """The text goes on at the top of a new page or column."""
    return previous.page != line.page or line.base > previous.base + 1


def _gap(previous: _VLine, line: _VLine) -> float:
    return previous.base - line.base


def _continues(previous: _VLine, line: _VLine, block: Block, right_edge: float) -> bool:
    """Is ``line`` the next line of the paragraph that ``previous`` ended?"""
    if block.kind in ("heading", "table_row") or abs(previous.size - line.size) > 0.6:
        return False
    item = _ITEM.match(line.text)
    if item and (started := _ITEM.match(block.text)) and item.group(2) == started.group(2):
        return False  # the next item of a numbered list
    if not _flow_break(previous, line):
        if not 0 < _gap(previous, line) <= 1.5 * line.size:
            return False
    elif line.text[:1].isupper() and previous.text.rstrip()[-1:] in ".:;!?":
        return False
    # The previous line was full: the next line's first word would not have fitted on it.
    first_word = line.text.split(" ", 1)[0]
    room = right_edge - previous.x1
    if room > (len(first_word) + 1) * 0.6 * line.size:
        return False
    if _flow_break(previous, line):
        return True  # a new column or page starts where it starts
    indent = line.x0 - previous.x0
    return -3 <= indent <= 3 or (block.kind == "list_item" and 3 < indent <= 18)


def _body_size(pages: list[_Page]) -> float:
    """The font size of most of the text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for item in page.items:
            if isinstance(item, _VLine):
                sizes[round(item.size, 1)] += len(item.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _document_words(pages: list[_Page]) -> set[str]:
    """The words of the document, lower-cased, to tell a wrapped word from a compound."""
    found: set[str] = set()
    for page in pages:
        for item in page.items:
            if isinstance(item, _VLine):
                found.update(re.findall(r"\w+", item.text.lower()))
    return found


def _join(text: str, more: str, words: set[str]) -> str:
    """Join a wrapped line to its paragraph, mending a word hyphenated across them."""
    stripped = text.rstrip()
    if stripped.endswith(_HYPHEN):
        head = stripped[:-1]
        last = re.search(r"(\w+)$", head)
        first = re.match(r"\w+", more)
        if last and first and f"{last.group(1)}{first.group(0)}".lower() in words:
            return head + more
        return f"{head}-{more}"
    return f"{stripped} {more}"


def _ranges(numbers: list[int]) -> str:
    spans: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [0]:
        if number != previous + 1:
            spans.append(str(start) if start == previous else f"{start}-{previous}")
            start = number
        previous = number
    return ", ".join(spans)
