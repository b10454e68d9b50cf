"""Write a short invented document and extract it."""

from __future__ import annotations

from pathlib import Path

from graphload.extract import extract_file
from graphload.records import ExtractRecord


def extract_text(tmp_path: Path, text: str, name: str = "report.txt") -> ExtractRecord:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)
