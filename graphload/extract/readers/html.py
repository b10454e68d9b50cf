"""Saved web pages: the report inside a council site's navigation, banners and footers.

A page saved from a council's site wraps the report in a cookie banner, a skip
link, the site header and search, the main navigation, breadcrumbs, a sidebar of
related links, a "was this page helpful?" box and a footer with the address.
When the page marks its content (``<main>``, ``role="main"``, ``<article>``), only
that is read; everything else is read less the boilerplate, told by its element
(nav, aside, footer, form...), its ARIA role or its class and id words (cookie,
breadcrumb, menu...). Measured against trafilatura and jusText on pages built
like council sites: see ``benchmarks/bench_html.py`` and the README.

Every block keeps the line of the file where its text starts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from graphload.extract.readers.base import Line, clean_line, shown
from graphload.extract.readers.files import read_bytes
from graphload.extract.readers.text import decode_text

FORMAT = "html"

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
    "main",
    "header",
    "footer",
    "blockquote",
    "dt",
    "dd",
    "caption",
    "pre",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIP = {"script", "style", "noscript", "template", "svg", "title"}
VOID = {"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "embed", "source", "wbr"}
# Elements that are a site's furniture, never a report's text.
# (Not <form>: ASP.NET sites wrap the whole page in one.)
FURNITURE = {"nav", "aside", "button", "select", "dialog", "iframe"}
FURNITURE_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
}
FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|breadcrumbs?|nav|navbar|navigation|menu|"
    r"skip|skip-link|sidebar|footer|site-footer|site-header|masthead|share|social|"
    r"feedback|related|promo|advert|newsletter|search)(?:$|[\s_-])",
    re.I,
)
IMPLIED_END = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
_MAIN_MARK = re.compile(r"<main\b|role\s*=\s*[\"']?main\b|<article\b", re.I)
MAX_DEPTH = 2000  # deeper nesting is read flat: a crafted page must not exhaust anything


def read(path: Path, warnings: list[str]) -> tuple[bytes, list[Line]]:
    data = read_bytes(path)
    text = decode_text(data, path, warnings, "html")
    where = shown(path)
    lines = [
        line
        for number, content, kind in page_blocks(text)
        for line in _with_kind(clean_line(number, content, where, warnings), kind)
    ]
    return data, lines


def _with_kind(line: Line, kind: str) -> list[Line]:
    if kind == "blank":
        return [Line(line.number, "")]
    if kind == "list_item":
        line.bullet = True
    line.kind = kind
    return [line]


def page_blocks(text: str) -> list[tuple[int, str, str]]:
    """(source line, text, kind) of the report's blocks, a blank between paragraphs."""
    main_only = bool(_MAIN_MARK.search(text))
    blocks = _parse(text, main_only)
    if main_only and sum(len(t) for _, t, _ in blocks) < 200:
        blocks = _parse(text, False)  # a <main> that holds nothing much: read the page
    spaced: list[tuple[int, str, str]] = []
    new_table = False
    for number, content, kind in blocks:
        if kind == "table":  # rows of two tables are never one table
            new_table = True
            continue
        tight = kind == "line"  # after a <br>: the next line of the same paragraph
        kind = "paragraph" if tight else kind
        if (
            spaced
            and not tight
            and (new_table or not (kind == spaced[-1][2] and kind in ("list_item", "table_row")))
        ):
            spaced.append((number, "", "blank"))
        spaced.append((number, content, kind))
        new_table = False
    return spaced


def _parse(text: str, main_only: bool) -> list[tuple[int, str, str]]:
    parser = _PageText(main_only)
    parser.feed(text)
    try:
        parser.close()
    except Exception:  # noqa: BLE001 - a truncated file still yields the text read so far
        pass
    parser.flush()
    return parser.blocks


class _PageText(HTMLParser):
    """Collect text, breaking blocks at block elements, skipping the site's furniture."""

    def __init__(self, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.main_only = main_only
        self.blocks: list[tuple[int, str, str]] = []
        self._stack: list[tuple[str, bool, bool]] = []  # tag, is furniture, is main content
        self._furniture = 0
        self._main = 0
        self._skipping = 0
        self._parts: list[str] = []
        self._line_no = 1
        self._kind = "paragraph"
        self._cells = 0  # cells begun in the current table row

    def flush(self) -> None:
        text = "".join(self._parts)
        text = text.strip(" \n\r\f\v") if self._kind == "table_row" else text.strip()
        if text.strip():
            self.blocks.append((self._line_no, text, self._kind))
        self._parts = []
        self._kind = "paragraph"

    def _is_furniture(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in FURNITURE:
            return True
        values = dict(attrs)
        if (values.get("role") or "").lower() in FURNITURE_ROLES:
            return True
        if "breadcrumb" in (values.get("aria-label") or "").lower():
            return True
        if "hidden" in values or values.get("aria-hidden") == "true":
            return True
        words = f"{values.get('class') or ''} {values.get('id') or ''}"
        if tag in ("header", "footer") and not self._main:
            return True
        return bool(words.strip()) and bool(FURNITURE_WORDS.search(words))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            if self._kind in ("paragraph", "line"):  # an address's lines stay lines
                self.flush()
                self._kind = "line"
            else:  # inside a list item, heading or table cell: one block goes on
                self._parts.append(" ")
            return
        if tag in SKIP:
            self._skipping += 1
            return
        if tag in IMPLIED_END and self._stack and self._stack[-1][0] == tag:
            self.handle_endtag(tag)
        if tag == "table":
            self.flush()
            self.blocks.append((self.getpos()[0], "", "table"))
        if tag in BLOCKS:
            self.flush()
            self._cells = 0
            self._kind = (
                "list_item"
                if tag == "li"
                else "heading"
                if tag in HEADINGS
                else "table_row"
                if tag == "tr"
                else "paragraph"
            )
        elif tag in ("td", "th"):
            if self._cells:
                self._parts.append("\t")
            self._cells += 1
        if tag in VOID or len(self._stack) >= MAX_DEPTH:
            return
        values = dict(attrs)
        is_main = tag in ("main", "article") or (values.get("role") or "").lower() == "main"
        furniture = self._is_furniture(tag, attrs) and not is_main
        self._stack.append((tag, furniture, is_main))
        self._furniture += furniture
        self._main += is_main

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag not in VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self._skipping = max(0, self._skipping - 1)
            return
        if tag in BLOCKS:
            self.flush()
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                for _, furniture, is_main in self._stack[index:]:
                    self._furniture -= furniture
                    self._main -= is_main
                del self._stack[index:]
                break

    def _in_furniture(self) -> bool:
        """Inside furniture, counting only what is open inside the innermost main content
        (a site that wraps its whole page in a banner-classed div still shows its <main>)."""
        for _, furniture, is_main in reversed(self._stack):
            if furniture:
                return True
            if is_main:
                return False
        return False

    def handle_data(self, data: str) -> None:
        if self._skipping or (self.main_only and not self._main):
            return
        if self._furniture and self._in_furniture():
            return
        if not self._parts or not "".join(self._parts).strip():
            self._line_no = self.getpos()[0]
        self._parts.append(data.replace("\n", " "))
