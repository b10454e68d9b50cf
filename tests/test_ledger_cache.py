"""The binary cache beside the ledger is never the source of truth: a record file
that changed, a cache file that is damaged or was written by someone else, all give
the records the ledger's JSON gives."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from graphload.ledger import Ledger, record_to_dict
from graphload.ledger_cache import CACHE_DIR
from graphload.synth import write_corpus


def _as_json(ledger: Ledger) -> list[dict]:
    return [record_to_dict(r) for r in ledger.records()]


@pytest.fixture()
def ledger(tmp_path: Path) -> Ledger:
    from graphload.extract import extract_paths

    documents = write_corpus(6, tmp_path / "corpus", seed=4)
    ledger = Ledger(tmp_path / "store")
    for outcome in extract_paths(documents):
        assert outcome.record is not None
        ledger.add(outcome.record)
    return ledger


def _from_json_alone(ledger: Ledger) -> list[dict]:
    fresh = Ledger(ledger.directory.parent)
    fresh._cache.directory = ledger.directory.parent / "no-cache-here"
    fresh._cache.base = fresh._cache.directory / "base.pickle"
    fresh._cache.recent = fresh._cache.directory / "recent.pickle"
    return _as_json(fresh)


def test_records_from_the_cache_equal_the_ledgers(ledger: Ledger) -> None:
    first = _as_json(ledger)  # makes the cache
    assert (ledger.directory.parent / CACHE_DIR / "base.pickle").exists()
    assert _as_json(ledger) == first == _from_json_alone(ledger)


def test_a_record_rewritten_in_the_ledger_is_read_again(ledger: Ledger) -> None:
    _as_json(ledger)
    record = ledger.records()[2]
    record.review.year = 1999  # as a load with --council rewrites a record
    assert ledger.add(record)
    assert [r.review.year for r in ledger.records()].count(1999) == 1
    assert _as_json(ledger) == _from_json_alone(ledger)


def test_a_damaged_or_foreign_cache_is_ignored(ledger: Ledger, tmp_path: Path) -> None:
    expected = _as_json(ledger)
    base = ledger.directory.parent / CACHE_DIR / "base.pickle"
    base.write_bytes(base.read_bytes()[:1000])  # cut short
    assert _as_json(ledger) == expected
    # A pickle that makes a folder when loaded without restriction.
    live, ignored = tmp_path / "made-by-plain-pickle", tmp_path / "made-by-the-cache"
    pickle.loads(pickle.dumps(_MakesAFolder(live)))
    assert live.is_dir()
    base.write_bytes(pickle.dumps(_MakesAFolder(ignored)))
    assert _as_json(ledger) == expected
    assert not ignored.exists()


class _MakesAFolder:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple:
        return (os.mkdir, (str(self.path),))


def test_documents_removed_from_the_ledger_leave_the_cache(ledger: Ledger) -> None:
    _as_json(ledger)
    first = sorted(ledger.directory.glob("*.json"))[0]
    first.unlink()
    assert len(_as_json(ledger)) == 5
    assert _as_json(ledger) == _from_json_alone(ledger)


def test_a_cache_write_killed_midway_is_cleared_by_the_next_load(ledger: Ledger) -> None:
    _as_json(ledger)
    left = ledger.directory.parent / CACHE_DIR / "tmpkilled.tmp"
    left.write_bytes(b"half a pickle")
    assert ledger.discard_partial_writes() == 1
    assert not left.exists()
