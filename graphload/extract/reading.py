"""Read a document file into clean, numbered, redacted lines: the entry point.

The readers themselves live in ``graphload.extract.readers``, one module a format;
this module keeps the names every rule imports (``Line``, ``read_document``).
"""

from __future__ import annotations

from graphload.extract.readers import READERS, document_format, read_document
from graphload.extract.readers.base import MAX_FILE_BYTES, MAX_LINE_CHARS, Document, Line

# Every suffix peergraph reads (the name predates PDF and Word).
TEXT_FORMATS = READERS

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "READERS",
    "TEXT_FORMATS",
    "Document",
    "Line",
    "document_format",
    "read_document",
]
