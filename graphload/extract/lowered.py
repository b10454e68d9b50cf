"""Lower-cased text for the cheap tests run before case-insensitive patterns.

A case-insensitive pattern with no fixed first letter is tried by the regex engine
at every character of a line, which is slow on long lines. When every match of it
begins with one of a few words, ``first_match`` looks for those words in the line,
lowered, and tries the pattern only there: the same match, found quickly.

``re.IGNORECASE`` also takes dotless "ı" and dotted "İ" for "i" and long "ſ" for "s",
which ``str.lower`` keeps apart (and "İ" lowers to two characters), so ``lowered``
writes them as "i" and "s": a word a pattern matches is always found in it, at the
same position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def lowered(text: str) -> str:
    """``text`` in lower case, character for character."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")
    return text.lower()


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text``, lowered, holds one of ``words`` (written in lower case)."""
    return contains_any(lowered(text), words)


def contains_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (a loop: quicker than ``any`` over a
    generator, and these tests run on every line)."""
    for word in words:
        if word in text:
            return True
    return False


def first_match(
    pattern: re.Pattern[str], text: str, starts: Iterable[str], low: str | None = None
) -> re.Match[str] | None:
    """``pattern.search(text)``, for a pattern each of whose matches begins with one of
    ``starts`` (in lower case): the pattern is tried only where one of them begins.
    ``low`` is ``lowered(text)``, when the caller has it already."""
    low = lowered(text) if low is None else low
    best: re.Match[str] | None = None
    for word in starts:
        at = low.find(word)
        while at != -1 and (best is None or at < best.start()):
            match = pattern.match(text, at)
            if match:
                best = match
                break
            at = low.find(word, at + 1)
    return best
