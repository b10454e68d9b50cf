"""Rules' quick paths read lines exactly as the patterns they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.extract import shared

_TEXT = st.lists(
    st.sampled_from(["a", "B", ".", "!", "?", " ", "  ", "\t", "\n", "É", "x."]), max_size=30
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_shared_splits_sentences_as_the_pattern_does(text: str) -> None:
    assert shared._sentences(text) == re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)


def test_shared_splits_written_sentences() -> None:
    text = "Adur and Worthing share a team.  They began in 2008! Why? because. Next"
    assert shared._sentences(text) == [
        "Adur and Worthing share a team.",
        "They began in 2008!",
        "Why? because.",
        "Next",
    ]
