"""The fast path of name matching (an id, or a peer's name_keys) finds exactly whom the
forgiving scan of every candidate finds, and spares the scan when a name is exact."""

from __future__ import annotations

from typing import Any

import pytest
import queries_fixtures

from graphload.vocab.text import fold
from queries.catalog import get_report
from queries.names import Matcher, NameError_, NameMatch
from queries.run import exact_match, load_candidates, resolve_params

seed_store = queries_fixtures.seed_store


def _typed_names(store) -> list[str]:
    """Names as users type them: exact, folded, shouted, with titles, by id, with a
    slip, partly, or not a name in the graph at all."""
    names = ["paul", "Dorset", "zzzz qqqq", "Cllr", "  ", "Bury", "BUR", "kevin", "Mr Smith"]
    for row in store.query("MATCH (p:Peer) RETURN p.id AS id, p.name AS name, p.aliases AS a"):
        for spelling in [row["name"], *(row["a"] or [])]:
            names += [spelling, spelling.upper(), fold(spelling), f"Cllr {spelling} OBE"]
            names += [spelling[:-1], spelling.split()[-1], spelling.replace(" ", "  ")]
        names.append(row["id"].upper())
    return sorted(set(names))


def _full_scan(store, kind: str, text: str) -> NameMatch | str:
    try:
        return Matcher(load_candidates(store, kind), kind="x").match(text)
    except NameError_ as error:
        return type(error).__name__ + ":" + ",".join(c.id for c in error.suggestions)


def _as_resolved(store, report: str, param: str, text: str) -> NameMatch | str:
    matches: dict[str, Any] = {}
    spec = get_report(report)
    given = {p.name: text for p in spec.params if p.required}
    try:
        resolve_params(store, spec, given, matches)
    except NameError_ as error:
        return type(error).__name__ + ":" + ",".join(c.id for c in error.suggestions)
    return matches[param]


@pytest.mark.parametrize(
    ("kind", "report", "param"), [("peer", "peer", "peer"), ("entity", "path", "start")]
)
def test_every_typed_name_matches_as_the_full_scan_does(seed_store, kind, report, param) -> None:
    names = _typed_names(seed_store)
    assert len(names) > 200
    exact = 0
    for text in names:
        want = _full_scan(seed_store, kind, text)
        got = _as_resolved(seed_store, report, param, text)
        if isinstance(want, NameMatch):
            assert isinstance(got, NameMatch), text
            assert (got.candidate.id, got.spelling, got.corrected) == (
                want.candidate.id,
                want.spelling,
                want.corrected,
            ), text
        else:
            assert got == want, text
        exact += exact_match(seed_store, kind, text) is not None
    assert exact > 80  # most names typed are exact: the fast path answers them


class _Recording:
    """The real store, with the queries it is asked recorded."""

    def __init__(self, store) -> None:
        self.store = store
        self.asked: list[dict[str, Any]] = []

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.asked.append(params or {})
        return self.store.query(cypher, params)


def test_an_exact_name_is_found_without_reading_every_person(seed_store) -> None:
    recording = _Recording(seed_store)
    spec = get_report("peer")
    params, _ = resolve_params(recording, spec, {"peer": "Cllr Dai Lerner"})
    assert params == {"peer": "peer:dai-larner"}
    assert not any(asked.get("peers") for asked in recording.asked)
    recording.asked.clear()
    params, _ = resolve_params(recording, spec, {"peer": "Dai Lernr"})  # a slip: the scan
    assert params == {"peer": "peer:dai-larner"}
    assert any(asked.get("peers") for asked in recording.asked)
