"""Render a plain-text report as a PDF, a Word file or a council web page.

Used by the format-equality tests and by ``scripts/make_sample_formats.py``.
The text reports mark headings with ``#``, bullets with ``-``, table cells with
tabs, and consecutive lines without a blank between them stay tight; each
rendering keeps that layout the way an office suite or a council site would.
Everything here is deterministic: the same text gives the same file, byte for byte.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<[^<>\n]{0,400}>")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_BULLET = re.compile(r"^(\s*)(?:[-*•●▪❖◦·]\s*)+")
_EMPHASIS = re.compile(r"\*\*|__")
_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")

# What a council's PDF repeats on every page: the address block and the page count.
HEADER = "Local Government Association, 18 Smith Square, London SW1P 3HZ"
FOOTER = "Corporate Peer Challenge feedback"


@dataclass
class Block:
    kind: str  # heading, paragraph, list_item, table, blank
    text: str = ""
    level: int = 0  # heading level, or list depth
    rows: list[list[str]] | None = None


def _plain(text: str) -> str:
    text = html.unescape(_TAG.sub("", text)).replace("\xa0", " ")
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()


def blocks_of(text: str) -> list[Block]:
    """The text report's lines as layout blocks."""
    blocks: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            blocks.append(Block("blank"))
        elif "\t" in line:
            cells = [_plain(cell) for cell in line.split("\t")]
            if blocks and blocks[-1].kind == "table" and blocks[-1].rows is not None:
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif heading := _HEADING.match(line):
            blocks.append(Block("heading", _plain(line[heading.end() :]), len(heading.group(1))))
        elif bullet := _BULLET.match(line):
            depth = 1 + len(bullet.group(1).expandtabs(4)) // 2
            blocks.append(Block("list_item", _plain(line[bullet.end() :]), depth))
        else:
            blocks.append(Block("paragraph", _plain(line)))
    return blocks


def text_to_pdf(text: str, path: Path, columns: int = 1, hyphenate: bool = False) -> None:
    """A4 pages with a repeated address header and "Page N of M" footer (reportlab)."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    width, height = A4
    margin = 2 * cm
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, alignment=TA_LEFT)
    if hyphenate:
        body.hyphenationLang = "en_GB"
        body.embeddedHyphenation = 1
        body.uriWasteReduce = 0.3
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    headings = {
        level: ParagraphStyle(
            f"h{level}", parent=body, fontName="Helvetica-Bold", fontSize=size, leading=size + 4
        )
        for level, size in ((1, 16), (2, 14), (3, 12), (4, 11), (5, 11), (6, 11))
    }

    def esc(value: str) -> str:
        return html.escape(value, quote=False)

    def make_story() -> list:
        story: list = []
        for block in blocks_of(text):
            story.extend(flowables(block))
        return story

    def flowables(block: Block) -> list:
        if block.kind == "blank":
            return [Spacer(1, 8)]
        if block.kind == "heading":
            return [Paragraph(esc(block.text), headings[block.level])]
        if block.kind == "list_item":
            indent = 14 * block.level
            style = ParagraphStyle(
                f"li{block.level}", parent=body, leftIndent=indent, bulletIndent=indent - 10
            )
            return [Paragraph(esc(block.text), style, bulletText="\u2022")]
        if block.kind == "table" and block.rows:
            ncols = max(len(row) for row in block.rows)
            frame_width = (width - 2 * margin - (columns - 1) * cm) / columns
            data = [
                [Paragraph(esc(c), cell) for c in row] + [""] * (ncols - len(row))
                for row in block.rows
            ]
            table = Table(data, colWidths=[frame_width / ncols] * ncols, repeatRows=0)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, "#888888"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            return [table]
        return [Paragraph(esc(block.text), body)]

    def decorate(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 1.2 * cm, HEADER)
        canvas.drawString(margin, 1.2 * cm, FOOTER)
        canvas.drawRightString(
            width - margin, 1.2 * cm, f"Page {doc.page} of {getattr(doc, 'total', '?')}"
        )
        canvas.restoreState()

    gap = 1 * cm
    frame_width = (width - 2 * margin - (columns - 1) * gap) / columns
    frames = [
        Frame(
            margin + i * (frame_width + gap), margin, frame_width, height - 2 * margin, id=f"c{i}"
        )
        for i in range(columns)
    ]

    def build(total: object) -> int:
        doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1, title="Peer challenge report")
        doc.total = total  # type: ignore[attr-defined]
        doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=decorate)])
        doc.build(make_story())
        return doc.page

    pages = build("?")
    build(pages)


def text_to_docx(text: str, path: Path) -> None:
    """A Word file: heading styles, list styles, tables, a header and a footer."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = datetime.datetime(2020, 1, 1)
    document.core_properties.modified = datetime.datetime(2020, 1, 1)
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    previous_blank = True
    for block in blocks_of(text):
        if block.kind == "blank":
            previous_blank = True
            continue
        if block.kind == "heading":
            paragraph = document.add_heading(block.text, level=min(block.level, 9))
        elif block.kind == "list_item":
            style = "List Bullet" if block.level <= 1 else f"List Bullet {min(block.level, 3)}"
            paragraph = document.add_paragraph(block.text, style=style)
        elif block.kind == "table" and block.rows:
            ncols = max(len(row) for row in block.rows)
            table = document.add_table(rows=0, cols=ncols)
            table.style = "Table Grid"
            for row in block.rows:
                cells = table.add_row().cells
                for index, value in enumerate(row):
                    cells[index].text = value
            previous_blank = False
            continue
        else:
            paragraph = document.add_paragraph(block.text)
        # A blank line in the text is paragraph spacing in Word; none means tight lines.
        paragraph.paragraph_format.space_before = Pt(8 if previous_blank else 0)
        paragraph.paragraph_format.space_after = Pt(0)
        previous_blank = False
    document.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """python-docx stamps the zip entries with the current time: pin them."""
    import zipfile

    entries = []
    with zipfile.ZipFile(path) as source:
        for info in source.infolist():
            entries.append((info.filename, source.read(info.filename)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


COUNCIL_SITE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {council}</title>
<link rel="stylesheet" href="/assets/site.css"><script>window.dataLayer = [];</script>
</head><body>
<div id="cookie-banner" class="cookie-banner" role="dialog"><p>We use cookies to make this
site work and to collect analytics. Some of these cookies are optional.</p>
<button>Accept all cookies</button><button>Reject optional cookies</button></div>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header" role="banner"><a href="/">{council}</a>
<form class="search"><label>Search this site</label><input name="q"></form></header>
<nav class="main-nav" aria-label="Main navigation"><ul><li><a href="/bins">Bins and
recycling</a></li><li><a href="/council-tax">Council Tax</a></li><li><a href="/planning">
Planning applications</a></li><li><a href="/council">Council and democracy</a></li></ul></nav>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
<li><a href="/council">Council and democracy</a></li><li>Performance</li></ol></nav>
<div class="page"><aside class="sidebar"><h2>Related pages</h2><ul><li><a href="/perf">
Performance and spending</a></li><li><a href="/plan">Corporate plan</a></li></ul></aside>
<main id="main" class="content">
{body}
</main>
<div class="feedback"><h2>Was this page helpful?</h2><button>Yes</button>
<button>No</button></div></div>
<footer class="site-footer" role="contentinfo"><h2>Contact us</h2><p>{council},
Town Hall, High Street</p><ul><li><a href="/privacy">Privacy notice</a></li>
<li><a href="/accessibility">Accessibility statement</a></li><li><a href="/cookies">
Cookies</a></li></ul><p>&copy; {council} 2024</p></footer>
</body></html>
"""


def text_to_html(text: str, council: str = "Wigan Council") -> str:
    """The report as a council web page: navigation, cookie banner, breadcrumbs, footer."""
    parts: list[str] = []
    open_list = False
    previous = ""
    for block in blocks_of(text):
        if block.kind == "list_item":
            previous = block.kind
            if not open_list:
                parts.append("<ul>")
                open_list = True
            parts.append(f"<li>{html.escape(block.text)}</li>")
            continue
        if open_list:
            parts.append("</ul>")
            open_list = False
        if block.kind == "heading":
            level = min(block.level + 1, 6)
            parts.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
        elif block.kind == "table" and block.rows:
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            parts.append(f"<table>{rows}</table>")
        elif block.kind == "paragraph" and previous == "paragraph" and parts:
            parts[-1] = parts[-1][: -len("</p>")] + f"<br>\n{html.escape(block.text)}</p>"
        elif block.kind == "paragraph":
            parts.append(f"<p>{html.escape(block.text)}</p>")
        previous = block.kind
    if open_list:
        parts.append("</ul>")
    title = next((b.text for b in blocks_of(text) if b.text), "Report")
    return COUNCIL_SITE.format(
        title=html.escape(title[:80]), council=html.escape(council), body="\n".join(parts)
    )
