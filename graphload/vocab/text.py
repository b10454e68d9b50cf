"""Text as the project compares, identifies and shows it.

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

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """The comparison key of a name: lower-case ASCII words, accents removed, ``&`` as
    "and", apostrophes dropped, any other punctuation a word break.

    ``"King's Lynn"`` -> ``"kings lynn"``; ``"Ynys Môn"`` -> ``"ynys mon"``;
    ``"St. Edmundsbury & Forest"`` -> ``"st edmundsbury and forest"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = _APOSTROPHES.sub("", ascii_text.replace("&", " and "))
    return " ".join(_NON_ALNUM.sub(" ", ascii_text).split())


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
