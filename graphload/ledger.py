"""The ledger: the extract record of every document loaded into a store.

Kept as one JSON file per document (named by its sha256) in the store
directory. The graph is always built from the whole ledger, so person and council
resolution is global and a load that was killed midway is repaired by running
it again; a file whose sha256 the ledger holds is not read again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import Any

from graphload.ledger_cache import LedgerCache
from graphload.records import (
    DocumentInfo,
    ExtractRecord,
    PeerInfo,
    PersonInfo,
    RecommendationInfo,
    Ref,
    ReviewInfo,
    SharedServiceInfo,
    SignpostInfo,
    ThemeInfo,
)

LEDGER_DIR = "documents"


def record_to_dict(record: ExtractRecord) -> dict[str, Any]:
    return asdict(record)


def _refs(items: list[dict[str, Any]]) -> list[Ref]:
    return [Ref(**item) for item in items]


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = _field_names(cls)
    return {k: v for k, v in data.items() if k in names}


def record_from_dict(data: dict[str, Any]) -> ExtractRecord:
    review = _known(ReviewInfo, data.get("review") or {})
    review["councils"] = _refs(review.get("councils", []))
    peers = []
    for peer in data.get("peers", []):
        peer = _known(PeerInfo, peer)
        peer["organisations"] = _refs(peer.get("organisations", []))
        peers.append(PeerInfo(**peer))
    signposts = []
    for signpost in data.get("signposts", []):
        signpost = _known(SignpostInfo, signpost)
        signpost["councils"] = _refs(signpost.get("councils", []))
        signposts.append(SignpostInfo(**signpost))
    shared = []
    for item in data.get("shared_services", []):
        item = _known(SharedServiceInfo, item)
        item["councils"] = _refs(item.get("councils", []))
        shared.append(SharedServiceInfo(**item))
    return ExtractRecord(
        document=DocumentInfo(**_known(DocumentInfo, data["document"])),
        review=ReviewInfo(**review),
        peers=peers,
        signposts=signposts,
        recommendations=[
            RecommendationInfo(**_known(RecommendationInfo, r))
            for r in data.get("recommendations", [])
        ],
        themes=[ThemeInfo(**_known(ThemeInfo, t)) for t in data.get("themes", [])],
        shared_services=shared,
        not_peers=[PersonInfo(**_known(PersonInfo, p)) for p in data.get("not_peers", [])],
        warnings=list(data.get("warnings", [])),
    )


class Ledger:
    def __init__(self, store_dir: Path) -> None:
        self.directory = Path(store_dir) / LEDGER_DIR
        self._cache = LedgerCache(Path(store_dir))

    def add(self, record: ExtractRecord) -> bool:
        """Keep ``record``; False when the document was already in the ledger
        with the same content."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / f"{record.document.sha256}.json"
        payload = json.dumps(record_to_dict(record), sort_keys=True, ensure_ascii=False)
        if target.exists() and target.read_text(encoding="utf-8") == payload:
            return False
        # Write then rename: a kill -9 leaves either the old file or the new one.
        handle, temp_name = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload)
        os.replace(temp_name, target)
        return True

    def hashes(self) -> set[str]:
        """The sha256 of every document in the ledger."""
        return {name.removesuffix(".json") for name in self._names()}

    def _names(self) -> list[str]:
        """The ledger's record files (a scan, not a glob: 10,000 names, no paths)."""
        if not self.directory.is_dir():
            return []
        with os.scandir(self.directory) as found:
            return [entry.name for entry in found if entry.name.endswith(".json")]

    def fingerprint(self) -> str:
        """Changes whenever a record is added, removed or rewritten."""
        entries = []
        if self.directory.is_dir():
            with os.scandir(self.directory) as found:
                for entry in found:
                    if entry.name.endswith(".json"):
                        stat = entry.stat()
                        entries.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
        return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()

    def discard_partial_writes(self) -> int:
        """Remove the temporary files of a run that was killed while writing one (in
        the ledger or its cache)."""
        partial = [*self._cache.partial_writes()]
        if self.directory.is_dir():
            partial += self.directory.glob("*.tmp")
        for path in partial:
            path.unlink(missing_ok=True)
        return len(partial)

    def records(self) -> list[ExtractRecord]:
        """Every record, in file name order; unchanged files come from the binary
        cache beside the ledger (``graphload.ledger_cache``)."""
        if not self.directory.is_dir():
            return []
        return self._cache.records(self._stamps(), self._read)

    def _read(self, name: str) -> ExtractRecord:
        return record_from_dict(json.loads((self.directory / name).read_text(encoding="utf-8")))

    def _stamps(self) -> dict[str, tuple[int, int]]:
        """Every record file's name, size and modification time."""
        stamps = {}
        with os.scandir(self.directory) as found:
            for entry in found:
                if entry.name.endswith(".json"):
                    stat = entry.stat()
                    stamps[entry.name] = (stat.st_size, stat.st_mtime_ns)
        return stamps

    def __len__(self) -> int:
        return len(self._names())

    def clear(self) -> None:
        if self.directory.is_dir():
            shutil.rmtree(self.directory)
        self._cache.clear()
