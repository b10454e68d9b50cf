"""Display scrubbing: text from reports made safe to print on a terminal.

A report can hold control characters (``ESC ] 0 ; title BEL`` retitles a
terminal, ``ESC [ 2 J`` clears it) and bidirectional overrides that reorder
what is shown. Every text output passes through ``scrub_display``: such
characters are shown as visible escapes (``\\x1b``), never sent raw, so
nothing is hidden and nothing is run.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, the bidirectional
# embeddings, overrides and isolates, and lone surrogates (the undecodable bytes
# of a file name, which no terminal encoding can print).
_OTHERS = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f{_OTHERS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def scrub_display(text: str, one_line: bool = False) -> str:
    """``text`` with every character that could control a terminal escaped.

    Newlines and tabs are kept unless ``one_line`` (then they are escaped too,
    so a message stays on its one line)."""
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def is_display_safe(text: str) -> bool:
    return not _UNSAFE.search(text)


def scrub_json(text: str) -> str:
    """JSON text with the characters ``json.dumps`` leaves raw (C1 controls, DEL,
    bidirectional controls, lone surrogates) written as ``\\uXXXX`` escapes. They
    can only stand inside strings, where the escape means the same character."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
