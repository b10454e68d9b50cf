#!/usr/bin/env python3
"""Which way to find a report inside a council web page, measured.

Pages are built from the five sample reports the way council sites wrap them
(tests/format_builders.py: cookie banner, skip link, header and search, main
navigation, breadcrumbs, sidebar, "was this page helpful?", footer with the
address), once with a ``<main>`` element and once with only ``<div class="content">``.
Each extractor's text is read by peergraph as a text file (peergraph's own rules
read the page directly); a page scores one point per fact group (review, peers,
signposts, recommendation counts, themes, shared services) equal to the text
version's, and loses one per piece of site furniture left in the text.

    python benchmarks/bench_html.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPORTS = ROOT / "data" / "reports"
FURNITURE = ["cookies", "Skip to main content", "Bins and recycling", "Breadcrumb",
             "Related pages", "Was this page helpful", "Privacy notice", "Town Hall"]  # fmt: skip


def _trafilatura(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_tables=True, favor_recall=True) or ""


def _justext(page: str) -> str:
    import justext

    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[str], str] | None] = {
    "trafilatura": _trafilatura,
    "jusText": _justext,
    "peergraph rules (stdlib parser)": None,
}


def main() -> None:
    from graphload.extract import extract_file
    from graphload.extract.reading import read_document
    from tests.format_builders import text_to_html
    from tests.test_extract_pdf_docx import facts

    scores = dict.fromkeys(EXTRACTORS, 0)
    leaks = dict.fromkeys(EXTRACTORS, 0)
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for sample in sorted(REPORTS.glob("*.txt")):
            expected = facts(extract_file(sample))
            page = text_to_html(sample.read_text(encoding="utf-8"))
            variants = {"main": page, "div": page.replace("<main id=\"main\" class=\"content\">",
                        "<div class=\"content\">").replace("</main>", "</div>")}  # fmt: skip
            for variant, html in variants.items():
                source = workdir / f"{sample.stem}-{variant}.html"
                source.write_text(html, encoding="utf-8")
                for name, extract in EXTRACTORS.items():
                    started = time.perf_counter()
                    if extract is None:
                        text = read_document(source).as_text()
                        record = extract_file(source)
                    else:
                        text = extract(html)
                        dumped = workdir / f"{sample.stem}-{variant}-{name}.txt"
                        dumped.write_text(text or " ", encoding="utf-8")
                        record = extract_file(dumped)
                    seconds[name] += time.perf_counter() - started
                    found = facts(record)
                    scores[name] += sum(found[key] == expected[key] for key in expected)
                    leaks[name] += sum(f.lower() in text.lower() for f in FURNITURE)
    print(f"{'extractor':34} {'facts equal (of 70)':>20} {'furniture left':>15} {'seconds':>8}")
    for name in EXTRACTORS:
        print(f"{name:34} {scores[name]:>20} {leaks[name]:>15} {seconds[name]:>8.2f}")


if __name__ == "__main__":
    main()
