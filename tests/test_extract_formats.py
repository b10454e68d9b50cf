"""The same report as plain text and as HTML reads the same."""

from __future__ import annotations

import html
from pathlib import Path

from graphload.extract import extract_file

REPORT = Path(__file__).resolve().parent.parent / "data" / "reports" / "004_db1c61492010e655.txt"


def as_html(text: str) -> str:
    """Render a text report the way a council website would: paragraphs and lists."""
    parts = [
        "<!DOCTYPE html><html><head><title>Peer challenge</title>",
        "<style>p { margin: 0 }</style><script>var x = '<p>not text</p>';</script>",
        "</head><body>",
    ]
    in_list = False
    for line in text.splitlines():
        if line.startswith("- "):
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def test_html_report_reads_like_its_text(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(as_html(REPORT.read_text()))
    from_text, from_html = extract_file(REPORT), extract_file(page)
    assert from_html.document.format == "html"
    assert from_html.review == from_text.review.__class__(
        **{
            **from_text.review.__dict__,
            "line": from_html.review.line,
            "evidence": from_html.review.evidence,
        }
    )
    assert [(p.name, p.role, p.organisations) for p in from_html.peers] == [
        (p.name, p.role, p.organisations) for p in from_text.peers
    ]
    assert sum(r.key for r in from_html.recommendations) == 9
    assert [t.name for t in from_html.themes] == [t.name for t in from_text.themes]
    # Line numbers point into the HTML file itself.
    page_lines = page.read_text().splitlines()
    for peer in from_html.peers:
        assert peer.name in html.unescape(page_lines[peer.line - 1])
    assert not any("not text" in p.name for p in from_html.peers)
