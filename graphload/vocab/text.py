"""Text as the project compares, identifies and shows it.

``scrub_display`` (and ``scrub_json`` for JSON text) make text from reports safe
to print on a terminal: control characters (``ESC ] 0 ; title BEL`` retitles a
terminal, ``ESC [ 2 J`` clears it), bidirectional overrides and undecodable
bytes are shown as visible escapes (``\\x1b``), never sent raw.

``fold`` is the one comparison key for names of places, people and things: the
graph's ids, the gazetteer, person resolution and the reports' name matcher all
fold the same way, so "King's Lynn" is "kings lynn" and "Ynys Môn" is "ynys mon"
everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from graphload.redact import redact

#: Evidence (the sentence a fact was read from) is at most this many characters.
EVIDENCE_LIMIT = 300
ELLIPSIS = "\u2026"


def fold(text: str) -> str:
    """The comparison key of a name: lower-case ASCII words, accents removed, ``&`` as
    "and", apostrophes dropped, any other punctuation a word break.

    ``"King's Lynn"`` -> ``"kings lynn"``; ``"Ynys Môn"`` -> ``"ynys mon"``;
    ``"St. Edmundsbury & Forest"`` -> ``"st edmundsbury and forest"``.
    """
    if not text.isascii():  # (NFKD and the round trip would change no ASCII text)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_bytes = text.lower().replace("&", " and ").encode("ascii")
    # Apostrophes dropped, every other byte that is not a letter or digit a space: one
    # pass through a table, several times quicker than two regular expressions.
    return " ".join(ascii_bytes.translate(_WORD_BYTES, b"'`").decode("ascii").split())


# Each byte to itself if it is a lower-case letter or a digit, else to a space.
_WORD_BYTES = bytes(b if 97 <= b <= 122 or 48 <= b <= 57 else 32 for b in range(256))


def slugify(text: str) -> str:
    """``"Governance & Decision-making"`` -> ``"governance-and-decision-making"``."""
    return "-".join(fold(text).split()) or "unnamed"


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def clip(text: str, limit: int = EVIDENCE_LIMIT) -> str:
    """``text`` on one line, cut to at most ``limit`` characters (ending in an ellipsis
    when cut). Evidence, summaries and map labels are all clipped by this."""
    text = collapse_spaces(text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def scrub(text: str) -> str:
    """Display text without e-mail addresses or telephone numbers (every output path
    scrubs through this, whatever the graph holds)."""
    return redact(text)


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
