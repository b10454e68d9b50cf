"""The document model every reader produces, and what readers share.

A reader turns a file into ``Line`` blocks: a heading, a paragraph, a list item or
a table row, each with the line number where it stands and, for paged formats,
its page. Formats without lines of their own (PDF, Word) number their blocks as
the lines of their plain-text rendering (``Document.as_text``): one block a line,
a blank line wherever the layout leaves space between blocks, as a text file of
the same report would have.
"""

from __future__ import annotations

import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from graphload.errors import ReadError
from graphload.redact import redact

MAX_LINE_CHARS = 100_000  # longer lines are cut (with a warning) to keep parsing linear and fast
MAX_FILE_BYTES = 200 * 1024 * 1024

_TAG = re.compile(r"<[^<>\n]{0,400}>")
# Bullet marks, with the private-use code points that Word's Symbol and Wingdings
# bullets become in a PDF's text (U+F0B7 and friends).
BULLET_MARKS = "-*•●▪■❖◦·►➢▶\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"
BULLET = re.compile(rf"^\s*(?:[{BULLET_MARKS}]\s*)+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")
# C0 and C1 control characters other than tab: never part of a report's text, and
# an escape sequence in a crafted report must not reach the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A markdown table's row: "| Ann Example | Chief Executive | Bury |"; its rule under the
# header is made of dashes, colons and spaces only.
_PIPE = re.compile(r"(?<!\\)\|")
_TABLE_RULE = re.compile(r"^[\s|:\-]*-[\s|:\-]*$")


@dataclass(slots=True)  # slots: made a few hundred times a document, quicker to make
class Line:
    """One block of a document: what every reader produces and every rule reads.

    ``kind`` is the block's role: "heading", "paragraph", "list_item" or "table_row"
    (a table row's ``raw`` keeps its cells separated by tabs, and its ``text`` reads
    "first cell – other cells, ...", the way a team entry is written). ``page`` is the 1-based
    page for formats that have pages (PDF), else None. ``number`` is the 1-based line
    in the file for text formats, and the block's line in the document's plain-text
    rendering for others (see ``Document.as_text``).
    """

    number: int
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

    def as_text(self) -> str:
        """The blocks as text, one a line: block N is line N (for paged and Word formats)."""
        return "\n".join(
            ("- " if line.bullet and not BULLET.match(line.raw) else "") + line.raw
            for line in self.lines
        )


@dataclass
class Block:
    """What a layout reader (PDF, Word, HTML) found, before numbering."""

    text: str
    kind: str = "paragraph"
    page: int | None = None
    gap_before: bool = False  # the layout leaves space before it (a blank line in text)
    source_line: int | None = None  # the line in the file, for formats that have lines


def shown(path: Path | str) -> str:
    """A path as it can be printed: a name that is not valid UTF-8 gets escapes."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def progress(message: str) -> None:
    """A progress note for a long read, on stderr, never in the output."""
    print(message, file=sys.stderr, flush=True)


def clean_line(number: int, content: str, where: str, warnings: list[str]) -> Line:
    """One line of a text, markdown or HTML document, cleaned of its markup."""
    if not content:
        return Line(number, "")  # a third of a report's lines: the blank ones
    if len(content) > MAX_LINE_CHARS:
        warnings.append(
            f"{where}: line {number} has {len(content):,} characters; "
            f"read only its first {MAX_LINE_CHARS:,}"
        )
        content = content[:MAX_LINE_CHARS]
    if content.lstrip()[:1] == "|":  # lstrip copies nothing when nothing leads
        if _TABLE_RULE.match(content):
            return Line(number, "")  # a table's rule: nothing to read, its number kept
        content = _pipe_row(content)
    if "<" in content:
        content = _TAG.sub("", content)
    if "&" in content:
        content = html.unescape(content)
    # Most lines hold no control character, tab or no-break space: one test says so.
    printable = content.isprintable()
    if not printable:
        content = _CONTROL.sub("", content.replace("\xa0", " "))
    # Redaction finds nothing without an "@", a "0" or a "+": one character each is the
    # fastest test, and most lines have none of them.
    if "@" in content or "0" in content or "+" in content:
        content = redact(content)
    raw = content
    # Each markdown rule runs only where its marks are (one character is the fastest test).
    if "]" in content and "](" in content:
        content = _MD_LINK.sub(r"\1", content)
    heading = _MD_HEADING.match(content) if "#" in content[:4] else None
    if heading:
        content = _MD_HEADING.sub("", content)
    if ("*" in content and "**" in content) or ("_" in content and "__" in content):
        content = _MD_EMPHASIS.sub("", content)
    # A bullet opens the line, after any whitespace: most lines open with a letter.
    first = content[:1]
    marks = BULLET.match(content) if first in BULLET_MARKS or first.isspace() else None
    bullet = bool(marks)
    if marks:
        content = content[marks.end() :]  # what BULLET.sub("", content) leaves
    kind = (
        "table_row"
        if "\t" in raw
        else "list_item"
        if bullet
        else "heading"
        if heading
        else "paragraph"
    )
    if kind == "table_row":
        content = _row_text(content)
    if printable and "  " not in content:
        # No whitespace but single spaces (the rest is not printable): nothing to fold.
        text = content.strip(" ")
    else:
        text = " ".join(content.split())
    return Line(number, text, bullet, raw.rstrip(" \r\n"), kind)


def _pipe_row(content: str) -> str:
    """A markdown table row ("| a | b |", three pipes or more) as the cells of a table
    row (tab-separated, as the other readers give them); any other line as it is."""
    cells = _PIPE.split(content.strip())
    if len(cells) < 4 or cells[0] or cells[-1]:
        return content  # not opened and closed by a pipe, or one cell only
    return "\t".join(cell.strip().replace("\\|", "|") for cell in cells[1:-1])


def _row_text(content: str) -> str:
    """A table row as a sentence the rules read: "Ann Example – Chief Executive, Leeds"."""
    cells = [" ".join(cell.split()) for cell in content.split("\t")]
    cells = [cell for cell in cells if cell]
    if len(cells) < 2:
        return " ".join(cells)
    return f"{cells[0]} – {', '.join(cells[1:])}"


def number_blocks(blocks: list[Block], where: str, warnings: list[str]) -> list[Line]:
    """Blocks as numbered lines, a blank line where the layout leaves space."""
    lines: list[Line] = []
    for block in blocks:
        if block.gap_before and lines and lines[-1].raw:
            lines.append(Line(len(lines) + 1, "", page=block.page))
        line = clean_line(len(lines) + 1, block.text, where, warnings)
        line.page = block.page
        if block.kind == "list_item":
            line.bullet = True
        if block.kind != "paragraph" or line.kind == "paragraph":
            line.kind = block.kind
        lines.append(line)
    return lines


def not_found(path: Path) -> ReadError:
    return ReadError(f"{shown(path)}: no such file or folder")
