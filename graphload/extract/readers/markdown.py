"""Markdown: read as text (the text reader already cleans markdown's markup)."""

from __future__ import annotations

from graphload.extract.readers.text import read

FORMAT = "md"

__all__ = ["FORMAT", "read"]
