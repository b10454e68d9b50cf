#!/usr/bin/env python3
"""Which PDF library, measured: speed on a committee pack and quality on the samples.

Speed: a 200+ page committee pack built from the five sample reports (reportlab),
read by pypdfium2, pdfplumber and pypdf (plain text per page), and by peergraph's
own PDF reader (pypdfium2 plus layout: paragraphs, furniture, tables). Pages/s on
one core, median of runs.

Quality: each sample report as a PDF; each library's text is extracted the way it
gives it and read by peergraph as a text file; a sample scores one point per
fact group (review, peers, signposts, recommendation counts, themes, shared
services) equal to the text version's. The layout reader is scored the same way.

    python benchmarks/bench_pdf.py [--pages 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPORTS = ROOT / "data" / "reports"


def _pypdfium2(path: Path, limit: int | None = None) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    texts = []
    for index in range(min(len(pdf), limit or len(pdf))):
        page = pdf[index]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return texts


def _pdfplumber(path: Path, limit: int | None = None) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages[:limit]]


def _pypdf(path: Path, limit: int | None = None) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return [page.extract_text() or "" for page in reader.pages[:limit]]


def _peergraph(path: Path, limit: int | None = None) -> list[str]:
    from graphload.extract.reading import read_document

    return [read_document(path).as_text()]


LIBRARIES: dict[str, Callable[..., list[str]]] = {
    "pypdfium2": _pypdfium2,
    "pdfplumber": _pdfplumber,
    "pypdf": _pypdf,
    "peergraph reader (pypdfium2 + layout)": _peergraph,
}


def _facts(record) -> dict:  # type: ignore[no-untyped-def]
    from tests.test_extract_pdf_docx import facts

    return facts(record)


def quality(workdir: Path) -> dict[str, int]:
    from graphload.extract import extract_file
    from tests.format_builders import text_to_pdf

    scores = dict.fromkeys(LIBRARIES, 0)
    for sample in sorted(REPORTS.glob("*.txt")):
        pdf = workdir / f"{sample.stem}.pdf"
        text_to_pdf(sample.read_text(encoding="utf-8"), pdf)
        expected = _facts(extract_file(sample))
        for name, read in LIBRARIES.items():
            if name.startswith("peergraph"):
                found = _facts(extract_file(pdf))
            else:
                dumped = workdir / f"{sample.stem}.{name}.txt"
                dumped.write_text("\n".join(read(pdf)), encoding="utf-8")
                found = _facts(extract_file(dumped))
            scores[name] += sum(found[key] == expected[key] for key in expected)
    return scores


def build_pack(path: Path, pages: int) -> int:
    """A committee pack: the samples one after another until it has enough pages."""
    import pypdfium2 as pdfium

    from tests.format_builders import text_to_pdf

    texts = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    copies = 1
    while True:
        text_to_pdf("\n\n".join(texts * copies), path)
        count = len(pdfium.PdfDocument(str(path)))
        if count >= pages:
            return count
        copies = max(copies + 1, int(copies * pages / max(count, 1)) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow-pages", type=int, default=40, help="pages timed for pdfplumber")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        pack = workdir / "pack.pdf"
        count = build_pack(pack, args.pages)
        print(f"committee pack: {count} pages")
        print(f"{'library':40} {'pages/s':>8}  quality (fact groups equal to the text version's)")
        scores = quality(workdir)
        for name, read in LIBRARIES.items():
            limit = args.slow_pages if name == "pdfplumber" else None
            pages = min(count, limit or count)
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                read(pack, limit)
                times.append(time.perf_counter() - started)
            rate = pages / statistics.median(times)
            print(f"{name:40} {rate:8.0f}  {scores[name]}")


if __name__ == "__main__":
    main()
