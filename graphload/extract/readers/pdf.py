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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphload.errors import ReadError
from graphload.extract.readers.base import Line, number_blocks, progress, shown
from graphload.extract.readers.files import read_bytes
from graphload.extract.readers.pdf_layout import (
    Page,
    Segment,
    Table,
    VisualLine,
    assemble,
    drop_furniture,
    in_column_order,
    join_wrapped,
    top_of,
    visual_lines,
)

FORMAT = "pdf"
MAX_PAGES = 5000  # a longer PDF is read up to here, with a warning
PROGRESS_FROM = 200  # pages: show progress on stderr for PDFs at least this long
GUTTER = 10.0  # points: the narrowest space between two columns of text
MAX_SEGMENTS = 5000  # a page with more text runs is read as plain lines, without layout


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
    drop_furniture(pages)
    blocks = assemble(pages)
    return data, number_blocks(blocks, where, warnings)


def _read_pages(pdf: Any, where: str, warnings: list[str]) -> list[Page]:
    count = len(pdf)
    if count > MAX_PAGES:
        warnings.append(f"{where}: {count:,} pages; read only the first {MAX_PAGES:,}")
        count = MAX_PAGES
    pages: list[Page] = []
    for index in range(count):
        if count >= PROGRESS_FROM and index and index % 100 == 0:
            progress(f"reading {where}: page {index:,} of {count:,}")
        try:
            page = pdf[index]
        except Exception as error:  # noqa: BLE001 - PDFium's error for one broken page
            warnings.append(f"{where}: page {index + 1} cannot be read ({error})")
            pages.append(Page([], damaged=True))
            continue
        try:
            pages.append(_page_items(page, index + 1))
        except Exception as error:  # noqa: BLE001 - one damaged page must not lose the rest
            warnings.append(f"{where}: page {index + 1} cannot be read ({error})")
            pages.append(Page([], damaged=True))
        finally:
            page.close()
    return pages


def _page_items(page: Any, number: int) -> Page:
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    width = page.get_width()
    textpage = page.get_textpage()
    segments: list[Segment] = []
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
            segments.append(Segment(left, right, base, size, text, bottom, top))
        segments = _cut_at_gutter(textpage, segments, width)
    finally:
        textpage.close()
    if not segments:
        return Page([], height)
    grids = _grids(page)
    lines = visual_lines(segments, number)
    tables: list[Table] = []
    for grid in grids:
        table, lines = _grid_table(grid, lines, number)
        if table.rows:
            tables.append(table)
    items: list[VisualLine | Table] = list(in_column_order(lines, width, height))
    for table in tables:
        at = next((i for i, line in enumerate(items) if top_of(line) < table.top), len(items))
        items.insert(at, table)
    return Page(items, height)


def _plain_page(text: str, number: int, height: float) -> Page:
    """A page too dense for layout (a crafted or data-dump page): its text, line by line,
    so that reading it stays linear in its size."""
    middle = height / 2  # every line mid-page: none is taken for a header or footer
    lines: list[VisualLine | Table] = [
        VisualLine([Segment(0.0, 0.0, middle, 10.0, row.strip())], number)
        for row in text.splitlines()
        if row.strip()
    ]
    return Page(lines, height)


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


def _grid_table(grid: _Grid, lines: list[VisualLine], page: int) -> tuple[Table, list[VisualLine]]:
    left, bottom, right, top = grid.box
    table = Table(top, page)
    cells: dict[tuple[int, int], list[str]] = {}
    outside: list[VisualLine] = []
    for line in lines:
        if not (bottom <= line.base <= top):
            outside.append(line)
            continue
        rest = [s for s in line.segments if not (left - 2 <= (s.x0 + s.x1) / 2 <= right + 2)]
        if rest:
            outside.append(VisualLine(rest, page))
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
        values = [join_wrapped(cells.get((row, column), [])) for column in range(columns)]
        if any(values):
            table.rows.append(values)
    return table, outside


# --- two columns whose lines share baselines ------------------------------------------


def _cut_at_gutter(textpage: Any, segments: list[Segment], width: float) -> list[Segment]:
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
    cut: list[Segment] = []
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
                part = Segment(x0, x1, segment.base, segment.size, text)
                part.bottom, part.top = segment.bottom, segment.top
                cut.append(part)
    return cut


def _char_at(textpage: Any, x: float, segment: Segment) -> str | None:
    """The character (not a space) at x on the segment's line, if any."""
    import pypdfium2.raw as pdfium_c

    y = segment.base + segment.size * 0.3
    index = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x, y, 1.0, segment.size * 0.3)
    if index < 0:
        return None
    char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
    return None if char.isspace() else char


def _edge(textpage: Any, segment: Segment, gutter: float, step: float) -> float:
    """Where the text nearest the gutter ends (step < 0) or starts (step > 0)."""
    x = gutter
    while segment.x0 <= x <= segment.x1:
        if _char_at(textpage, x, segment) is not None:
            return x - step / 2
        x += step
    return x


def _ranges(numbers: list[int]) -> str:
    spans: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [0]:
        if number != previous + 1:
            spans.append(str(start) if start == previous else f"{start}-{previous}")
            start = number
        previous = number
    return ", ".join(spans)
