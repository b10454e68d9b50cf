"""Load documents into a store: extract -> keep in the ledger -> resolve -> write.

The graph written is always built from every document in the store's ledger,
not just the ones read now, so resolution across documents is global and
loading is idempotent: the same documents give the same graph however many
times, in whatever order and in however many runs they were loaded, and a run
killed midway is repaired by running it again.
"""

from __future__ import annotations

import fcntl
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from graphload.build import build_graph
from graphload.ledger import Ledger
from graphload.records import Ref
from graphload.store import GraphStore, StoreError, WriteSummary, open_store, resolve_store_dir

# Fewer documents than this load too fast for a progress bar to help.
PROGRESS_THRESHOLD = 10
LOCK_FILE = "load.lock"


@dataclass
class LoadSummary:
    documents_read: int = 0
    documents_failed: int = 0
    errors: list[str] = field(default_factory=list)  # one line per failed document
    warnings: list[str] = field(default_factory=list)
    node_counts: dict[str, int] = field(default_factory=dict)
    relationship_counts: dict[str, int] = field(default_factory=dict)
    documents_in_store: int = 0
    store: str = ""
    write: WriteSummary | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @property
    def ok(self) -> bool:
        return self.documents_failed == 0

    def summary_line(self) -> str:
        nodes = ", ".join(f"{label} {n}" for label, n in self.node_counts.items()) or "none"
        rels = ", ".join(f"{t} {n}" for t, n in self.relationship_counts.items()) or "none"
        return (
            f"Read {self.documents_read} document{'s' if self.documents_read != 1 else ''}, "
            f"{self.documents_failed} failed; {self.store} holds {self.documents_in_store} "
            f"documents: {sum(self.node_counts.values())} nodes ({nodes}), "
            f"{sum(self.relationship_counts.values())} relationships ({rels}); "
            f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}."
        )


def load_paths(
    paths: Iterable[str | Path],
    store_dir: str | Path | None = None,
    backend: str = "embedded",
    reset: bool = False,
    progress: bool = False,
    council: Ref | None = None,
    **neo4j_options: Any,
) -> LoadSummary:
    """Read ``paths`` (files or directories) into the store and return what happened.

    Unreadable documents are counted and described in ``errors``; they never
    stop the others. Store problems raise ``StoreError``.
    """
    from graphload.gazetteer import Gazetteer

    directory = resolve_store_dir(store_dir)
    ledger = Ledger(directory)
    summary = LoadSummary(
        store=f"{backend} store {directory}" if backend == "embedded" else "Neo4j"
    )
    started = time.perf_counter()
    with _exclusive(directory), open_store(backend, directory, **neo4j_options) as store:
        ledger.discard_partial_writes()  # safe: the lock keeps other loads out
        if reset:
            store.reset()
            ledger.clear()
        read_now: list[str] = []
        for path, record, error in _extract(list(paths), progress, council):
            if record is None:
                summary.documents_failed += 1
                message = error or "could not be read"
                summary.errors.append(message if message.startswith(path) else f"{path}: {message}")
                continue
            summary.documents_read += 1
            ledger.add(record)
            read_now.append(record.document.path)
        summary.timings["extract"] = time.perf_counter() - started

        mark = time.perf_counter()
        records = ledger.records()
        graph = build_graph(records, Gazetteer.load())
        summary.timings["build"] = time.perf_counter() - mark
        summary.documents_in_store = len(records)
        summary.warnings = [
            str(w) for w in graph.graph.get("warnings", []) if w.path in set(read_now)
        ]

        mark = time.perf_counter()
        summary.write = store.write_graph(graph)
        summary.timings["write"] = time.perf_counter() - mark
        _fill_counts(summary, store)
    summary.timings["total"] = time.perf_counter() - started
    return summary


def _extract(
    paths: list[str | Path], progress: bool, council: Ref | None = None
) -> Iterator[tuple[str, Any, str | None]]:
    """(path, record or None, error or None) for every document under ``paths``."""
    from graphload.errors import PeergraphError
    from graphload.extract import extract_paths, find_documents

    documents: list[Path] = []
    for path in paths:
        try:
            documents.extend(find_documents([path]))
        except PeergraphError as error:
            yield str(path), None, str(error)
        except OSError as error:
            yield str(path), None, error.strerror or str(error)
    outcomes = extract_paths(documents, council=council)
    if progress and len(documents) >= PROGRESS_THRESHOLD:
        with click.progressbar(
            outcomes, length=len(documents), label="Reading documents", file=sys.stderr
        ) as bar:
            for outcome in bar:
                yield str(outcome.path), outcome.record, outcome.error
    else:
        for outcome in outcomes:
            yield str(outcome.path), outcome.record, outcome.error


@contextmanager
def _exclusive(directory: Path) -> Iterator[None]:
    """One load per store directory at a time: two concurrent loads would each
    write the graph of the documents they saw, and the last to finish would win."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _fill_counts(summary: LoadSummary, store: GraphStore) -> None:
    counts = store.counts()
    summary.node_counts = counts["nodes"]
    summary.relationship_counts = counts["relationships"]


def push_to_neo4j(store_dir: str | Path | None = None, **neo4j_options: Any) -> WriteSummary:
    """Copy the embedded store's graph to Neo4j (which ends holding exactly it)."""
    with open_store("embedded", store_dir, create=False) as embedded:
        graph = embedded.export_graph()
    if graph.number_of_nodes() == 0:
        # pushing an empty graph would empty the model in Neo4j
        raise StoreError(
            f"the embedded store in {resolve_store_dir(store_dir)} is empty: nothing to push"
        )
    with open_store("neo4j", **neo4j_options) as neo4j_store:
        return neo4j_store.write_graph(graph)


def store_counts(
    store_dir: str | Path | None = None, backend: str = "embedded", **neo4j_options: Any
) -> dict[str, dict[str, int]]:
    with open_store(backend, store_dir, **neo4j_options) as store:
        return store.counts()
