"""Invented extract records: from a short document written and read, or built
directly for the graph builder."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from graphload.extract import extract_file
from graphload.records import DocumentInfo, ExtractRecord, Ref, ReviewInfo


def extract_text(tmp_path: Path, text: str, name: str = "report.txt") -> ExtractRecord:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def review_record(
    name: str, councils: list[tuple[str, str]], year: int | None = 2012, **parts: Any
) -> ExtractRecord:
    """The record of a Corporate Peer Challenge of ``councils`` ((code, name) pairs) told
    by a document called ``name``; ``parts`` are the record's other fields."""
    sha = hashlib.sha256(name.encode()).hexdigest()
    return ExtractRecord(
        document=DocumentInfo(path=f"{name}.txt", sha256=sha, format="txt", title=name),
        review=ReviewInfo(
            kind="Corporate Peer Challenge",
            councils=[Ref(code, label) for code, label in councils],
            year=year,
            line=1,
            evidence=f"The peer challenge of {name}.",
        ),
        **parts,
    )
