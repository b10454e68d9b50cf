"""Readers by format: each turns a file into the same ``Line`` blocks.

Adding a format is one module with ``FORMAT`` and ``read(path, warnings)`` that
returns the file's bytes and its lines, and one line in ``READERS`` below.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from graphload.errors import ReadError
from graphload.extract.readers.base import Document, Line, shown
from graphload.extract.readers.files import check_name

# suffix -> reader module (imported when a file of that format is read)
READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

__all__ = ["READERS", "Document", "Line", "document_format", "read_document"]


def document_format(path: Path) -> str | None:
    """The reader module's name for a file, or None when peergraph does not read it."""
    return READERS.get(path.suffix.lower())


def read_document(path: str | Path) -> Document:
    """Read one file into lines. Raises ReadError with a one-line reason."""
    path = Path(path)
    check_name(path)
    module_name = document_format(path)
    if module_name is None:
        if not path.exists() and not path.is_symlink():
            raise ReadError(f"{shown(path)}: no such file or folder")
        if path.is_dir():
            raise ReadError(f"{shown(path)}: a folder, not a document")
        raise ReadError(
            f"{shown(path)}: unsupported format {path.suffix or '(no extension)'!r}; "
            f"peergraph reads {', '.join(sorted(READERS))}"
        )
    reader = importlib.import_module(f"graphload.extract.readers.{module_name}")
    warnings: list[str] = []
    data, lines = reader.read(path, warnings)
    return Document(str(path), hashlib.sha256(data).hexdigest(), reader.FORMAT, lines, warnings)
