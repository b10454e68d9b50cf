#!/usr/bin/env python3
"""Build PDF and Word versions of sample reports into data/reports/.

The same report in two formats is one review in the graph with both documents
as its sources, so ``make demo`` loads a mixed folder. The files are committed;
rerun this after changing a sample or the renderers (tests/format_builders.py),
and ``tests/test_extract_sample_formats.py`` checks that a rebuild reads the same.

    python scripts/make_sample_formats.py            # rewrite the files
    python scripts/make_sample_formats.py --out DIR  # write them elsewhere
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / "data" / "reports"
# sample -> the formats it is published in besides text
SAMPLES = {
    "001_6659053974f68a63": ("pdf", "docx"),
    "004_db1c61492010e655": ("pdf",),
    "003_79eebb9631e2e9cb": ("docx",),
}

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build(out: Path) -> list[Path]:
    from tests.format_builders import text_to_docx, text_to_pdf

    written: list[Path] = []
    for stem, formats in SAMPLES.items():
        text = (REPORTS_DIR / f"{stem}.txt").read_text(encoding="utf-8")
        for fmt in formats:
            target = out / f"{stem}.{fmt}"
            (text_to_pdf if fmt == "pdf" else text_to_docx)(text, target)
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPORTS_DIR)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in build(args.out):
        print(path)


if __name__ == "__main__":
    main()
