"""Forgiving name matching, on made-up candidates and on the seed graph."""

from __future__ import annotations

import pytest
import queries_fixtures

from queries.names import AmbiguousName, Candidate, Matcher, UnknownName, core, normalise
from queries.run import load_candidates

seed_store = queries_fixtures.seed_store

COUNCILS = [
    Candidate("BUR", "Bury Metropolitan Borough Council", "Council", ("Bury",)),
    Candidate("BRM", "Bromsgrove District Council", "Council", ("Bromsgrove",)),
    Candidate("MSU", "Mid Suffolk District Council", "Council", ("Mid Suffolk",)),
    Candidate("SUF", "Suffolk Coastal District Council", "Council", ("Suffolk Coastal",)),
    Candidate("WDO", "West Dorset District Council", "Council", ("West Dorset",)),
    Candidate("DOR", "Dorset County Council", "Council", ("Dorset",)),
]
PEERS = [
    Candidate("peer:dai-larner", "Dai Larner", "Peer", ("Dai Larner", "Dai Lerner")),
    Candidate("peer:paul-james", "Paul James", "Peer"),
    Candidate("peer:paul-clarke", "Paul Clarke", "Peer"),
]


def test_normalise_and_core() -> None:
    assert normalise("St. Edmundsbury & Forest") == "st edmundsbury and forest"
    assert core("Bury Metropolitan Borough Council") == "bury"
    assert core("London Borough of Barking and Dagenham") == "barking dagenham"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bury", "BUR"),
        ("Bury Council", "BUR"),
        ("BUR", "BUR"),
        ("bur", "BUR"),
        ("BURY METROPOLITAN BOROUGH COUNCIL", "BUR"),
        ("bromsgrove dc", "BRM"),
        ("Bromsgrve", "BRM"),
        ("mid suffolk", "MSU"),
        ("Dorset", "DOR"),
        ("west dorset", "WDO"),
    ],
)
def test_councils(text: str, expected: str) -> None:
    assert Matcher(COUNCILS, "council").resolve(text).id == expected


@pytest.mark.parametrize("text", ["dai larner", "Dai Lerner", "DAI LARNER", "dai larnr", "Dai"])
def test_people(text: str) -> None:
    assert Matcher(PEERS, "peer").resolve(text).id == "peer:dai-larner"


def test_ambiguous_lists_the_candidates() -> None:
    with pytest.raises(AmbiguousName) as err:
        Matcher(PEERS, "peer").resolve("paul")
    assert {c.id for c in err.value.suggestions} == {"peer:paul-james", "peer:paul-clarke"}
    assert "Paul James" in str(err.value) and "Paul Clarke" in str(err.value)


def test_ambiguous_partial_council_name() -> None:
    with pytest.raises(AmbiguousName):
        Matcher(COUNCILS, "council").resolve("suffolk")


def test_unknown_suggests_close_names() -> None:
    with pytest.raises(UnknownName) as err:
        Matcher(COUNCILS, "council").resolve("Burry St Edmunds")
    assert "BUR" in [c.id for c in err.value.suggestions]
    with pytest.raises(UnknownName) as err:
        Matcher(COUNCILS, "council").resolve("zzzz")
    assert err.value.suggestions == []


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("council", "bury", "BUR"),
        ("council", "Bury Council", "BUR"),
        ("council", "BUR", "BUR"),
        ("council", "babergh", "BAB"),
        ("peer", "dai larner", "peer:dai-larner"),
        ("peer", "Dai Lerner", "peer:dai-larner"),
        ("peer", "kevin dicks", "peer:kevin-dicks"),
        ("entity", "Local Government Association", "org:local-government-association"),
    ],
)
def test_names_in_the_seed_graph(seed_store, kind: str, text: str, expected: str) -> None:
    assert Matcher(load_candidates(seed_store, kind), kind).resolve(text).id == expected
