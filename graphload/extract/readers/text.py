"""Plain text and markdown: one line of the file, one block.

Text reports often carry markdown and the inline HTML that committee systems leave
in them (``## **1. Introduction**``, ``<b>DATE:</b>``); both are cleaned away.
Encodings: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (Windows'
"Unicode", with or without a mark), else Windows-1252, else Latin-1, with a warning.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from graphload.errors import ReadError
from graphload.extract.readers.base import Line, clean_line, shown
from graphload.extract.readers.files import read_bytes

FORMAT = "txt"
# Every byte but the control characters other than tab, line feed, vertical tab, form
# feed and carriage return: deleting them from a text's bytes leaves its controls
# (each is one byte in UTF-8, and no byte of a longer character is below 0x80).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F))


def read(path: Path, warnings: list[str]) -> tuple[bytes, list[Line]]:
    data = read_bytes(path)
    text = decode_text(data, path, warnings, "text")
    where = shown(path)
    lines = [
        clean_line(number, content, where, warnings) if content else Line(number, "")
        for number, content in enumerate(text.splitlines(), 1)
    ]
    return data, lines


def decode_text(data: bytes, path: Path, warnings: list[str], what: str) -> str:
    """Bytes as text, refusing what is not text. Raises ReadError."""
    if not data or data.isspace():  # as "not data.strip()", without copying the file
        raise ReadError(f"{shown(path)}: the file is empty")
    text = _utf16(data)
    if text is None:
        if _looks_binary(data):
            raise ReadError(f"{shown(path)}: this looks like a binary file, not a {what} document")
        text = _decode_8bit(data, path, warnings)
    if not text or text.isspace():
        raise ReadError(f"{shown(path)}: the file is empty")
    if _control_share(text[:8192]) > 0.05:
        raise ReadError(f"{shown(path)}: this looks like a binary file, not a {what} document")
    return text


def _utf16(data: bytes) -> str | None:
    """UTF-16 text, told by its byte-order mark or by the zero bytes of ASCII text."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    else:
        sample = data[:4096]
        if len(sample) < 4:
            return None
        even_zeros = sample[0::2].count(0) / len(sample[0::2])
        odd_zeros = sample[1::2].count(0) / len(sample[1::2])
        if odd_zeros > 0.3 and even_zeros < 0.05:
            encoding = "utf-16-le"
        elif even_zeros > 0.3 and odd_zeros < 0.05:
            encoding = "utf-16-be"
        else:
            return None
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    return b"\x00" in sample or _control_share(sample) > 0.05


def _control_share(sample: str | bytes) -> float:
    """The share of control characters in a text, or in bytes read as Latin-1 (one
    character a byte), counted by deleting every other byte: far quicker than a
    pattern over each character."""
    if not sample:
        return 0.0
    data = sample.encode("utf-8", "surrogatepass") if isinstance(sample, str) else sample
    return len(data.translate(None, _NOT_CONTROL_BYTES)) / len(sample)


def _decode_8bit(data: bytes, path: Path, warnings: list[str]) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        warnings.append(f"{shown(path)}: not UTF-8; read as Windows-1252")
        return text
    except UnicodeDecodeError:
        warnings.append(f"{shown(path)}: not UTF-8 or Windows-1252; read as Latin-1")
        return data.decode("latin-1")
