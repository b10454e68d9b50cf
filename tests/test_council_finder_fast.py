"""The council finder's fast paths find exactly what its readable patterns find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphload.extract import councils
from graphload.extract.councils import CouncilFinder
from graphload.gazetteer import Gazetteer

# Letters and marks the anchor words and their boundaries are made of, so that random
# text often holds near-misses ("MBCC", "Councils'", "cOUNCIL", "_DC", "Council.Next").
_ALPHABET = st.sampled_from(
    list("CcouncilsOUNCILSDBMAxé_1 .'’-()") + ["Council", "COUNCIL", "MBC", "DC", " UA"]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)

_CASES = [
    "Wigan Council and Mid Suffolk DC",
    "Cherwell and South Northants Councils.",
    "the Council's plan",
    "Council.Next",
    "Councils'",
    "COUNCILs",
    "cOUNCIL",
    "Bromsgrove DC (BDC)",
    "xMBC MBC MBCC BCC CCC",
    "_Council Council_ éCouncil Council.. -DC UA-",
    "",
]


def _regex_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in councils._ANCHOR_WORD.finditer(text)]


def _regex_tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in councils._ANCHOR_TOKEN.finditer(text)]


def test_anchor_words_match_the_patterns_on_written_cases() -> None:
    for text in _CASES:
        words = councils.anchor_words(text)
        assert words == _regex_words(text), text
        assert councils._anchor_tokens(text, words) == _regex_tokens(text), text


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_anchor_words_match_the_patterns(text: str) -> None:
    words = councils.anchor_words(text)
    assert words == _regex_words(text)
    assert councils._anchor_tokens(text, words) == _regex_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["LGA", "LGG", "LG", "Borough of", "Local Government", "x", " "])))
def test_hints_match_the_patterns(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert councils._other_hint(text) == bool(councils._OTHER_HINT.search(text))
    assert councils._alias_token(text) == bool(councils._ALIAS_TOKEN.search(text))


def test_learning_abbreviations_reads_only_lines_that_bracket_one() -> None:
    finder = CouncilFinder(Gazetteer.load(), 2019)
    for line in [
        "The council's plan (2019 to 2023) was agreed.",
        "Peers met Bromsgrove District Council (BDC) and the Local Government Association (LGA).",
        "Their budget (£2m) is small.",
    ]:
        finder.learn(line)
    assert sorted(finder.abbreviations) == ["BDC", "LGA"]
    assert finder.abbreviations["BDC"].name == "Bromsgrove District Council"
    assert [m.ref.id for m in finder.find("BDC and Wigan Council agreed.")] == [
        finder.abbreviations["BDC"].id,
        finder.council("Wigan Council").id,
    ]
