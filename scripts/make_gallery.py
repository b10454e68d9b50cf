#!/usr/bin/env python3
"""Rewrite the README's report gallery from the sample reports.

Loads data/reports into a temporary embedded store, runs every canned report
with its header's example arguments, and replaces the part of README.md
between ``<!-- gallery:start -->`` and ``<!-- gallery:end -->`` with each
report's command and the first lines of its real output.

    python scripts/make_gallery.py           # rewrite README.md
    python scripts/make_gallery.py --check   # exit 1 if README.md is out of date
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REPORTS_DIR = ROOT / "data" / "reports"
START = "<!-- gallery:start -->"
END = "<!-- gallery:end -->"
EXCERPT_LINES = 14

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from queries import format_rows, list_reports, run_report  # noqa: E402


def report_section(store: Any, spec: Any, max_lines: int = EXCERPT_LINES) -> str:
    """One report's entry: heading, description, command and an excerpt of its table."""
    command = " ".join(["peergraph report", spec.name, spec.example]).strip()
    table = format_rows(run_report(store, spec.name, **spec.example_params()), "table")
    lines = table.splitlines()
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"… ({len(lines) - max_lines} more lines)"]
    body = "\n".join(lines)
    return f"### {spec.name}\n\n{spec.description}\n\n```console\n$ {command}\n{body}\n```\n"


def build_gallery(store: Any) -> str:
    intro = (
        "Every canned report, run on the five sample reports in `data/reports/` "
        "(`make gallery` regenerates this section; `peergraph reports` lists them).\n"
    )
    return "\n".join([intro, *(report_section(store, spec) for spec in list_reports())])


def replace_section(readme: str, gallery: str) -> str:
    """``readme`` with the text between the gallery markers replaced by ``gallery``."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README.md has no {START} … {END} section")
    return f"{readme[: start + len(START)]}\n{gallery}\n{readme[end:]}"


def sample_gallery() -> str:
    """The gallery of the sample reports, loaded into a throwaway store."""
    from graphload.load import load_paths
    from graphload.store import open_store

    with tempfile.TemporaryDirectory(prefix="peergraph-gallery-") as tmp:
        load_paths(sorted(REPORTS_DIR.glob("*.txt")), store_dir=tmp, reset=True)
        with open_store("embedded", store_dir=tmp) as store:
            return build_gallery(store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check README.md is current")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    try:
        wanted = replace_section(current, sample_gallery())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if wanted != current:
            print("README.md's gallery is out of date: run make gallery", file=sys.stderr)
            return 1
        return 0
    if wanted != current:
        README.write_text(wanted, encoding="utf-8")
        print("README.md gallery rewritten")
    else:
        print("README.md gallery already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
