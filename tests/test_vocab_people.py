"""One vocabulary of people's titles, honours and parties, read alike by the reader
(extract.names) and the builder (people.normalise_name). Each case here was a
disagreement between the two before they shared it."""

from __future__ import annotations

import pytest

from graphload.extract.names import party_in, split_name
from graphload.people import normalise_name
from graphload.vocab.people import canonical_party


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Ann Example CVO", "Ann Example"),  # the builder did not know CVO
        ("Rev Ann Example", "Ann Example"),  # the reader did not know Rev
        ("Revd Ann Example", "Ann Example"),
        ("Dr Ann Example PhD", "Ann Example"),  # the reader did not know PhD
        ("Cllr Ann Example OBE", "Ann Example"),
        ("Professor Ann Example FRSA", "Ann Example"),
    ],
)
def test_reader_and_builder_drop_the_same_words(written: str, name: str) -> None:
    stripped, _ = split_name(written)
    assert stripped == name
    assert normalise_name(written) == normalise_name(name)


def test_a_surname_that_looks_like_a_title_stays() -> None:
    assert split_name("Ann Ma")[0] == "Ann Ma"  # "MA" only in capitals is an honour
    assert normalise_name("Cllr Nick Worth") == normalise_name("Nick Worth OBE")


@pytest.mark.parametrize(
    ("role", "party"),
    [
        ("Leader, Reform UK Group", "Reform UK"),  # neither list knew Reform UK Group
        ("Leader, Labour Group", "Labour"),
        ("Leader Lib Dem Group", "Liberal Democrat"),
        ("Deputy Leader, Green Party Group", "Green"),
        ("Cabinet Member for Housing", None),
    ],
)
def test_parties_in_a_role(role: str, party: str | None) -> None:
    assert party_in(role) == party


@pytest.mark.parametrize(
    ("label", "party"),
    [("Con", "Conservative"), ("Lab", "Labour"), ("(Lib Dems)", "Liberal Democrat"),
     ("Reform UK Group", "Reform UK"), ("Residents Association", "Residents' Association"),
     ("Labour Co-op", "Labour"), ("Liberal", None)],
)  # fmt: skip
def test_bracketed_party_labels(label: str, party: str | None) -> None:
    assert canonical_party(label) == party
