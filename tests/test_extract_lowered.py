"""The quick way of trying a case-insensitive pattern finds what the pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.extract.lowered import first_match, holds_any, lowered

# Letters that re.IGNORECASE treats as others ("ı", "İ", "ſ", the Kelvin sign) beside
# the words the patterns look for, so random text often holds near-misses.
_PIECES = ["shared", "SHARING", "ſhare", "Joınt", "JOİNT", "integrated ", "with", "K", "k"]
_TEXT = st.lists(st.sampled_from([*_PIECES, " ", ".", "x", "İ", "ı", "ſ", "é"]), max_size=25)
_PATTERN = re.compile(r"\b(?:shar(?:e|ed|ing)|joint|integrated with|kk)\b", re.I)
_STARTS = ("shar", "joint", "integrated with", "kk")


def test_lowered_keeps_positions_and_spells_lookalikes_plainly() -> None:
    assert lowered("İnvited ſhared ıt") == "invited shared it"
    for text in ["İİ a", "Straße", "ΣΑΣ", "ǅ"]:
        assert len(lowered(text)) == len(text)


@settings(max_examples=500, deadline=None)
@given(_TEXT.map("".join))
def test_first_match_is_the_patterns_first_match(text: str) -> None:
    expected = _PATTERN.search(text)
    found = first_match(_PATTERN, text, _STARTS)
    assert (found.span() if found else None) == (expected.span() if expected else None)
    if expected:
        assert holds_any(text, _STARTS)


def test_first_match_on_written_cases() -> None:
    for text, span in [
        ("They SHARE a chief executive", (5, 10)),
        ("a ſhared service", (2, 8)),
        ("sharing and joınt", (0, 7)),
        ("shareholders only", None),
        ("integrated with", (0, 15)),
        ("", None),
    ]:
        found = first_match(_PATTERN, text, _STARTS)
        assert (found.span() if found else None) == span, text
