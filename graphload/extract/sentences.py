"""Evidence: the sentence a fact came from, at most 300 characters."""

from __future__ import annotations

import re

from graphload.vocab.text import EVIDENCE_LIMIT as MAX_EVIDENCE
from graphload.vocab.text import clip

__all__ = ["MAX_EVIDENCE", "clip", "sentence_around"]

_WINDOW = 1500
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z‘'\"(]|\s*$)")


def sentence_around(text: str, start: int = 0, end: int | None = None) -> str:
    """The sentence of ``text`` that contains ``text[start:end]``, trimmed to 300 chars."""
    end = len(text) if end is None else end
    # Look no further than a window around the fact, so evidence stays cheap on huge lines.
    begin = max(0, start - _WINDOW)
    for match in _SENTENCE_END.finditer(text, begin, start):
        begin = match.end()
    stop = min(len(text), end + _WINDOW)
    sentence_end = _SENTENCE_END.search(text, max(end - 1, begin), stop)
    if sentence_end:
        stop = sentence_end.end()
    sentence = text[begin:stop].strip()
    if len(sentence) <= MAX_EVIDENCE:
        return sentence
    # Centre the window on the fact when the sentence is too long.
    offset = max(0, min(start - begin - 100, len(sentence) - MAX_EVIDENCE + 1))
    window = sentence[offset : offset + MAX_EVIDENCE - 1]
    return ("…" if offset else "") + window[: MAX_EVIDENCE - 2] + "…"
