"""PDF layout: from positioned text segments to the blocks a text file would hold.

``pdf.py`` reads each page's segments (and ruled tables) with PDFium; this module
orders them (two columns left first), drops the page furniture (headers, footers,
page numbers repeated on most pages) and joins visual lines into paragraphs, list
items and table rows across page and column breaks, mending hyphenated words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graphload.extract.readers.base import BULLET_MARKS, Block

MARGIN_SHARE = 0.12  # headers and footers live in the top and bottom 12% of a page
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$", re.I)
_BULLETS = BULLET_MARKS + "–"
HYPHEN = "\x02"  # PDFium's mark for a hyphen that ends a line (no space after it)
_ITEM = re.compile(r"^\(?(\d{1,3}|[a-z]|[ivx]{1,4})([.)])\s")  # "3.", "b)", "(iv)"


@dataclass
class Segment:
    x0: float
    x1: float
    base: float  # baseline, PDF units from the bottom of the page
    size: float
    text: str
    bottom: float = 0.0  # the segment's box, for cutting it at a column gutter
    top: float = 0.0


@dataclass
class VisualLine:
    """A visual line: segments on one baseline, left to right."""

    segments: list[Segment]
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

    def cells(self) -> list[list[Segment]]:
        """Segments grouped into cells: a gap wider than the font size parts them."""
        groups: list[list[Segment]] = [[self.segments[0]]]
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
class Table:
    """Rows of cells, read from a ruled grid or aligned cells."""

    top: float
    page: int
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Page:
    items: list[VisualLine | Table]
    height: float = 842.0
    damaged: bool = False


def top_of(item: VisualLine | Table) -> float:
    return item.top if isinstance(item, Table) else item.base + item.size


def visual_lines(segments: list[Segment], page: int) -> list[VisualLine]:
    segments.sort(key=lambda s: (-s.base, s.x0))
    lines: list[VisualLine] = []
    for segment in segments:
        if lines and abs(lines[-1].base - segment.base) <= 0.3 * segment.size:
            lines[-1].segments.append(segment)
        else:
            lines.append(VisualLine([segment], page))
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
    return lines


def join_wrapped(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = _join(text, part, set()) if text else part
    return text.replace(HYPHEN, "-")


# --- columns -------------------------------------------------------------------------


def in_column_order(lines: list[VisualLine], width: float, height: float) -> list[VisualLine]:
    """A two-column page's lines, left column first; other pages as they are."""
    split = _gutter(lines, width)
    body = (height * MARGIN_SHARE, height * (1 - MARGIN_SHARE))
    if split is None:
        return lines  # its full lines end where other single-column pages' do
    left: list[VisualLine] = []
    right: list[VisualLine] = []
    across_top: list[VisualLine] = []
    across_bottom: list[VisualLine] = []
    first_split = None
    for line in lines:
        left_part = [s for s in line.segments if s.x1 <= split]
        right_part = [s for s in line.segments if s.x0 >= split]
        if len(left_part) + len(right_part) < len(line.segments):
            (across_top if first_split is None else across_bottom).append(line)
            continue
        first_split = first_split or line.base
        if left_part:
            left.append(VisualLine(left_part, line.page))
        if right_part:
            right.append(VisualLine(right_part, line.page))
    for column in (left, right):
        edge = max((line.x1 for line in column if body[0] < line.base < body[1]), default=0.0)
        for line in column:
            line.edge = edge
    return across_top + left + right + across_bottom


def _gutter(lines: list[VisualLine], width: float) -> float | None:
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


def drop_furniture(pages: list[Page]) -> None:
    """Remove lines in the page margins that repeat on most pages, and page numbers."""
    zones: list[list[VisualLine]] = []
    for page in pages:
        top, bottom = page.height * (1 - MARGIN_SHARE), page.height * MARGIN_SHARE
        zones.append(
            [
                item
                for item in page.items
                if isinstance(item, VisualLine) and (item.base > top or item.base < bottom)
            ]
        )

    def keys(zone: list[VisualLine]) -> dict[int, set[str]]:
        """Each margin line's own text and its whole baseline's (a footer's two cells)."""
        rows: dict[int, list[VisualLine]] = {}
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


def assemble(pages: list[Page]) -> list[Block]:
    """Join visual lines into blocks across pages."""
    words = _document_words(pages)
    blocks: list[Block] = []
    current: Block | None = None
    previous: VisualLine | None = None
    right_edge = _right_edges(pages)
    body = _body_size(pages)
    after_table = False
    for page in pages:
        for item in page.items:
            if isinstance(item, Table):
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
            if len(cells) >= 2 and not _is_bullet_line(cells):  # a row of aligned cells
                texts = [" ".join(s.text for s in cell) for cell in cells]
                spaced = previous is None or _gap(previous, line) > 1.5 * line.size
                starts = bool(blocks) and blocks[-1].kind != "table_row"
                blocks.append(Block("\t".join(texts), "table_row", line.page, starts and spaced))
                current, previous = None, line
                continue
            text = line.text
            bullet = text[:1] in _BULLETS and (len(text) == 1 or text[1] == " ")
            if current is not None and previous is not None and not bullet:
                edge = previous.edge or right_edge.get(_column(previous), 0.0)
                if _continues(previous, line, current, edge):
                    current.text = _join(current.text, text, words)
                    previous = line
                    continue
            heading = line.size >= body * 1.15 and len(text) < 200
            kind = "list_item" if bullet else "heading" if heading else "paragraph"
            spaced = _spaced(previous, line, current, kind) or after_table
            current = Block(text, kind, line.page, spaced)
            blocks.append(current)
            previous, after_table = line, False
    for block in blocks:
        block.text = block.text.replace(HYPHEN, "-")
    return blocks


def _spaced(
    previous: VisualLine | None, line: VisualLine, current: Block | None, kind: str
) -> bool:
    """Does the layout leave space before this new block (a blank line in text)?"""
    if previous is None:
        return False
    if not _flow_break(previous, line):
        return _gap(previous, line) > 1.5 * line.size
    # At the top of a new page or column the space is unknown: a list goes on.
    if current is not None and current.kind == "list_item" and kind == "list_item":
        return False
    numbered = current is not None and _ITEM.match(current.text) and _ITEM.match(line.text)
    return not (numbered and abs(previous.x0 - line.x0) <= 3)


def _is_bullet_line(cells: list[list[Segment]]) -> bool:
    """A bullet and its text, set apart: one line, not a table row."""
    first = " ".join(s.text for s in cells[0]).strip()
    return len(cells) == 2 and len(first) == 1 and first in _BULLETS


def _column(line: VisualLine) -> int:
    return round(line.x0 / 100)


def _right_edges(pages: list[Page]) -> dict[int, float]:
    """Where full lines end, per column start (the text block's right margin)."""
    edges: dict[int, list[float]] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, VisualLine) and not item.edge:  # not in a column of its page
                edges.setdefault(_column(item), []).append(item.x1)
    return {column: max(values) for column, values in edges.items()}


def _flow_break(previous: VisualLine, line: VisualLine) -> bool:
    """The text goes on at the top of a new page or column."""
    return previous.page != line.page or line.base > previous.base + 1


def _gap(previous: VisualLine, line: VisualLine) -> float:
    return previous.base - line.base


def _continues(previous: VisualLine, line: VisualLine, block: Block, right_edge: float) -> bool:
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


def _body_size(pages: list[Page]) -> float:
    """The font size of most of the text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for item in page.items:
            if isinstance(item, VisualLine):
                sizes[round(item.size, 1)] += len(item.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _document_words(pages: list[Page]) -> set[str]:
    """The words of the document, lower-cased, to tell a wrapped word from a compound."""
    found: set[str] = set()
    for page in pages:
        for item in page.items:
            if isinstance(item, VisualLine):
                found.update(re.findall(r"\w+", item.text.lower()))
    return found


def _join(text: str, more: str, words: set[str]) -> str:
    """Join a wrapped line to its paragraph, mending a word hyphenated across them."""
    stripped = text.rstrip()
    if stripped.endswith(HYPHEN):
        head = stripped[:-1]
        last = re.search(r"(\w+)$", head)
        first = re.match(r"\w+", more)
        if last and first and f"{last.group(1)}{first.group(0)}".lower() in words:
            return head + more
        return f"{head}-{more}"
    return f"{stripped} {more}"
