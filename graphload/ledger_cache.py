"""A binary copy of the ledger's records, so a load does not parse 10,000 JSON files.

Never the source of truth: each record is kept with the size and modification time
of the ledger file it was read from, and used only while that file is unchanged;
anything else is read from the ledger again. Kept as two pickles in the store
directory: ``base`` with most records and ``recent`` with those read since, so adding
a few documents rewrites a small file (the base is rewritten when the recent ones
grow past a tenth of it). Unpickling is limited to the record classes, so a cache
file someone else wrote cannot run code; one that cannot be read is ignored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from graphload import model, records
from graphload.records import ExtractRecord

CACHE_DIR = "ledger-cache"
FORMAT = 1
# The recent file is folded into the base when it holds more than this share of it.
RECENT_SHARE = 0.1

# file name -> (size, modification time in ns)
Stamp = tuple[int, int]
Entries = dict[str, tuple[Stamp, ExtractRecord]]

_ALLOWED = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (
        records.DocumentInfo,
        records.ReviewInfo,
        records.PeerInfo,
        records.SignpostInfo,
        records.RecommendationInfo,
        records.ThemeInfo,
        records.SharedServiceInfo,
        records.PersonInfo,
        records.ExtractRecord,
        model.Ref,
        model.RefKind,
    )
}


@cache
def _schema() -> str:
    """Changes when a record class gains, loses or renames a field: an old cache is
    then not used (its objects would lack the new field)."""
    shape = [
        (name, [f.name for f in dataclasses.fields(cls)])
        for name, cls in sorted(_ALLOWED.items())
        if dataclasses.is_dataclass(cls)
    ]
    return hashlib.sha256(repr((FORMAT, shape)).encode()).hexdigest()[:16]


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        cls = _ALLOWED.get((module, name))
        if cls is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record class")
        return cls


class LedgerCache:
    def __init__(self, store_dir: Path) -> None:
        self.directory = Path(store_dir) / CACHE_DIR
        self.base = self.directory / "base.pickle"
        self.recent = self.directory / "recent.pickle"

    def records(
        self, stamps: dict[str, Stamp], read: Callable[[str], ExtractRecord]
    ) -> list[ExtractRecord]:
        """The record of every ledger file in ``stamps`` (name -> stamp), in name
        order: from the cache where the file is unchanged, else ``read(name)``; the
        cache is then brought up to date."""
        base = self._load(self.base)
        recent = self._load(self.recent)
        known = {**base, **recent}
        fresh: Entries = {}
        result = []
        for name in sorted(stamps):
            stamp = stamps[name]
            cached = known.get(name)
            if cached is not None and cached[0] == stamp:
                result.append(cached[1])
                continue
            record = read(name)
            fresh[name] = (stamp, record)
            result.append(record)
        stale = len(known.keys() - stamps.keys())
        if fresh or stale:
            self._update(base, recent, fresh, stamps, stale)
        return result

    def partial_writes(self) -> list[Path]:
        return list(self.directory.glob("*.tmp")) if self.directory.is_dir() else []

    def clear(self) -> None:
        for path in (self.base, self.recent):
            path.unlink(missing_ok=True)

    def _update(
        self, base: Entries, recent: Entries, fresh: Entries, stamps: dict[str, Stamp], stale: int
    ) -> None:
        recent = {**recent, **fresh}
        if len(recent) + stale <= RECENT_SHARE * max(len(base), 1) and base:
            self._save(self.recent, recent)
            return
        merged = {name: entry for name, entry in {**base, **recent}.items() if name in stamps}
        self._save(self.base, merged)
        self.recent.unlink(missing_ok=True)

    def _load(self, path: Path) -> Entries:
        try:
            with open(path, "rb") as handle:
                schema, entries = _RecordUnpickler(handle).load()
            if schema != _schema() or not isinstance(entries, dict):
                return {}
            return entries
        except FileNotFoundError:
            return {}
        except Exception:  # a cache that cannot be read is no cache: the ledger is read
            return {}

    def _save(self, path: Path, entries: Entries) -> None:
        try:
            self.directory.mkdir(exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        except OSError:
            return  # no cache this time; the ledger itself is whole
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((_schema(), entries), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp_name, path)
        except OSError:
            Path(temp_name).unlink(missing_ok=True)
