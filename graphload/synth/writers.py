"""Render a document's blocks as a file, and its truth beside it.

Text files follow the published reports once converted to text: paragraphs
separated by blank lines, list items as "- " lines. Web pages are plain HTML
(``<title>``, ``<h1>``/``<h2>``, ``<p>``, ``<ul><li>``). PDF and Word files are
written by renderers given to ``write_corpus`` (they need reportlab and
python-docx, which only the tests and benchmarks install).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphload.synth.wording import Block


def as_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for _kind, content in blocks:
        if isinstance(content, list):
            parts.append("\n".join(f"- {item}" for item in content))
        else:
            parts.append(str(content))
    return "\n\n".join(parts) + "\n"


def as_html(blocks: list[Block]) -> str:
    titles = [str(c) for k, c in blocks if k == "title"]
    body: list[str] = []
    for kind, content in blocks:
        if isinstance(content, list):
            items = "".join(f"<li>{html.escape(i)}</li>" for i in content)
            body.append(f"<ul>{items}</ul>")
        elif kind == "title":
            body.append(f"<h1>{html.escape(str(content))}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{html.escape(str(content))}</h2>")
        else:
            text = "<br>".join(html.escape(part) for part in str(content).split("\n"))
            body.append(f"<p>{text}</p>")
    title = html.escape(" – ".join(titles[:2]))
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


WRITERS: dict[str, Callable[[list[Block]], str]] = {".txt": as_text, ".html": as_html}


def write_document(path: Path, blocks: list[Block]) -> None:
    path.write_text(WRITERS[path.suffix](blocks), encoding="utf-8")


def write_truth(path: Path, truth: dict[str, Any]) -> None:
    path.write_text(json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
