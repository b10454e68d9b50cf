"""Load documents into a store: extract -> keep in the ledger -> resolve -> write.

The graph written is always built from every document in the store's ledger,
not just the ones read now, so resolution across documents is global and
loading is idempotent: the same documents give the same graph however many
times, in whatever order and in however many runs they were loaded, and a run
killed midway is repaired by running it again.

It is also incremental: a file whose content the ledger already holds is not
read again, a load that adds nothing new to the ledger writes nothing, and a
load that does writes only the nodes and relationships that changed (see
``graphload.store.state``).
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphload.extract.readers.base import shown
from graphload.ledger import Ledger
from graphload.progress import Progress
from graphload.records import Ref
from graphload.store import GraphStore, StoreError, WriteSummary, open_store, resolve_store_dir
from graphload.store.state import GraphState, LastWrite
from graphload.tables import GraphTables

# Fewer documents than this load too fast for progress to help.
PROGRESS_THRESHOLD = 10
# A store of fewer documents is built and written too fast for the stages to be named.
STAGES_THRESHOLD = 1000
# Fewer new documents than this are read in this process, quickly: the store is then
# opened in the background meanwhile (no reader process is forked while a thread runs).
BACKGROUND_OPEN_LIMIT = 16
LOCK_FILE = "load.lock"


@dataclass
class LoadSummary:
    documents_read: int = 0
    documents_failed: int = 0
    documents_unchanged: int = 0  # already in the ledger: not read again
    errors: list[str] = field(default_factory=list)  # one line per failed document
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the load did on its own (a repair)
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
        unchanged = (
            f" ({self.documents_unchanged} more already loaded, not read again)"
            if self.documents_unchanged
            else ""
        )
        return (
            f"Read {self.documents_read} document{'s' if self.documents_read != 1 else ''}"
            f"{unchanged}, {self.documents_failed} failed; {self.store} holds "
            f"{self.documents_in_store} documents: {sum(self.node_counts.values())} nodes "
            f"({nodes}), {sum(self.relationship_counts.values())} relationships ({rels}); "
            f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}."
        )


def load_paths(
    paths: Iterable[str | Path],
    store_dir: str | Path | None = None,
    backend: str = "embedded",
    reset: bool = False,
    progress: bool = False,
    jobs: int | None = None,
    council: Ref | None = None,
    **neo4j_options: Any,
) -> LoadSummary:
    """Read ``paths`` (files or directories) into the store and return what happened.

    Unreadable documents are counted and described in ``errors``; they never
    stop the others. Store problems raise ``StoreError``. ``jobs``: processes
    reading documents (default: the machine's cores). ``council``: the reviewed
    council of documents that never name it; with it, the documents given are
    read again even when the ledger holds them, so the council is applied.
    """
    from graphload.extract import default_jobs

    directory = resolve_store_dir(store_dir)
    if backend == "embedded":
        from graphload.store.embedded import check_store_path

        check_store_path(directory)  # before the lock and the ledger make the folder
    ledger = Ledger(directory)
    last_write = LastWrite(directory)
    summary = LoadSummary(
        store=f"{backend} store {directory}" if backend == "embedded" else "Neo4j"
    )
    started = time.perf_counter()
    say = _stderr_line if progress else _silent
    jobs = jobs or default_jobs()
    opening = _StoreOpening(lambda: open_store(backend, directory, **neo4j_options))
    with _exclusive(directory, say), opening:
        ledger.discard_partial_writes()  # safe: the lock keeps other loads out
        if reset:
            last_write.forget()
            opening.store().reset()
            ledger.clear()
        known = ledger.hashes()
        unknown = _new_documents(list(paths), set() if council else known, summary)
        lost_checked = reset
        if len(unknown) >= BACKGROUND_OPEN_LIMIT or opening.is_open:
            # Before reading many documents: a store that cannot be opened is said at once.
            unknown += [] if reset else _documents_the_ledger_lost(opening.store(), known, summary)
            lost_checked = True
        else:
            # The server starts, and makes the indexes a write uses, while the few
            # documents are read and the graph is built.
            opening.start(prepare=_prepare_for_writing if unknown else None)
        read_now = _read(unknown, ledger, summary, progress, jobs, council)
        summary.timings["extract"] = time.perf_counter() - started

        def recover(store: GraphStore) -> list[str]:
            """Read the documents the ledger lost (once, after the store is open)."""
            nonlocal lost_checked
            if lost_checked:
                return []
            lost_checked = True
            lost = _documents_the_ledger_lost(store, known, summary)
            return _read(lost, ledger, summary, progress, jobs, council) if lost else []

        with _collector_paused():
            store = _write(opening, ledger, last_write, summary, say, backend, read_now, recover)
        summary.documents_in_store = len(ledger)
        _fill_counts(summary, store)
    summary.timings["total"] = time.perf_counter() - started
    return summary


def _new_documents(paths: list[str | Path], known: set[str], summary: LoadSummary) -> list[Path]:
    """The documents under ``paths`` whose content the ledger lacks."""
    from graphload.errors import PeergraphError
    from graphload.extract import find_documents

    documents: list[Path] = []
    for path in paths:
        try:
            documents.extend(find_documents([path]))
        except PeergraphError as error:
            _failed(summary, str(path), str(error))
        except OSError as error:
            _failed(summary, str(path), error.strerror or str(error))
    unknown = []
    for document in documents:
        content_hash = _content_hash(document)
        if content_hash is None:
            unknown.append(document)  # the reader says why, in its own words
            continue
        if content_hash in known:
            summary.documents_unchanged += 1
        else:
            known.add(content_hash)  # the same content twice in one load is read once
            unknown.append(document)
    return unknown


def _documents_the_ledger_lost(
    store: GraphStore, known: set[str], summary: LoadSummary
) -> list[Path]:
    """Documents the graph holds and the ledger lacks (its ``documents/`` folder was
    deleted or damaged). Building from the ledger alone would silently drop them, so
    they are read again from where they were loaded from; if any of them cannot be,
    the load stops and says so."""
    rows = store.query("MATCH (d:Document) RETURN d.sha256 AS sha256, d.path AS path")
    lost = [row for row in rows if row["sha256"] and row["sha256"] not in known]
    if not lost:
        return []
    found: list[Path] = []
    missing: list[Path] = []
    for row in lost:
        path = Path(row["path"] or "")
        same = _content_hash(path) == row["sha256"]
        (found if same else missing).append(path)
    if missing:
        raise StoreError(
            f"the store's graph holds {len(lost)} documents its ledger (documents/ in the "
            f"store) lacks, and {len(missing)} of them are no longer where they were loaded "
            f"from (such as {missing[0]}); loading now would drop them from the graph. "
            "Restore the store's documents/ folder, or load every document again with --reset"
        )
    summary.notes.append(
        f"the store's ledger lacked {len(found)} documents its graph holds; "
        "read them again from where they were loaded from"
    )
    for row in lost:
        known.add(row["sha256"])
    return found


def _content_hash(path: Path) -> str | None:
    """The sha256 the ledger knows a document by; None when the file cannot be read
    (a FIFO, a folder, too big, missing: the reader then says why)."""
    from graphload.errors import ReadError
    from graphload.extract.readers.files import read_bytes

    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except (ReadError, OSError):
        return None


def _read(
    documents: list[Path],
    ledger: Ledger,
    summary: LoadSummary,
    progress: bool,
    jobs: int,
    council: Ref | None = None,
) -> list[str]:
    """Extract ``documents`` into the ledger; the paths of those read."""
    from graphload.extract import extract_paths

    bar = (
        Progress(len(documents), "Reading documents")
        if progress and len(documents) >= PROGRESS_THRESHOLD
        else None
    )
    read_now: list[str] = []
    for outcome in extract_paths(documents, council=council, jobs=jobs):
        if outcome.record is None:
            _failed(summary, str(outcome.path), outcome.error)
        else:
            summary.documents_read += 1
            ledger.add(outcome.record)
            read_now.append(outcome.record.document.path)
        if bar:
            bar.advance()
    if bar:
        bar.finish()
    return read_now


def _failed(summary: LoadSummary, path: str, error: str | None) -> None:
    summary.documents_failed += 1
    message = error or "could not be read"
    name = shown(path)
    summary.errors.append(message if message.startswith(name) else f"{name}: {message}")


def _write(
    opening: _StoreOpening,
    ledger: Ledger,
    last_write: LastWrite,
    summary: LoadSummary,
    say: Callable[[str], None],
    backend: str,
    read_now: list[str],
    recover: Callable[[GraphStore], list[str]],
) -> GraphStore:
    """Build the graph of the whole ledger and write what changed, unless the store
    already holds the graph of exactly this ledger. The graph is built while the
    store opens, when it is being opened in the background. Returns the store."""
    kept = last_write.load() if backend == "embedded" else None
    graph: GraphTables | None = None
    if len(ledger) < STAGES_THRESHOLD:
        say = _silent
    while True:
        fingerprint = ledger.fingerprint()
        if graph is None and not (kept and kept[0] == fingerprint):
            graph = _build(ledger, summary, say)
        store = opening.store()
        recovered = recover(store)
        if not recovered:
            break
        read_now = [*read_now, *recovered]
        graph = None  # the ledger has grown: build again
    previous = kept[1] if kept and _store_matches(store, kept[1]) else None
    if previous is not None and kept and kept[0] == fingerprint:
        summary.write = WriteSummary()  # nothing new: the store holds this graph
        return store
    if graph is None:
        graph = _build(ledger, summary, say)
    read = set(read_now)
    summary.warnings = [str(w) for w in graph.warnings if w.path in read]
    mark = time.perf_counter()
    say("Writing the changes to the store...")
    last_write.forget()  # a write killed midway must not leave a state to trust
    summary.write = store.write_graph(graph, previous=previous)
    if backend == "embedded" and summary.write.state is not None:
        last_write.save(fingerprint, summary.write.state)
    summary.timings["write"] = time.perf_counter() - mark
    return store


def _build(ledger: Ledger, summary: LoadSummary, say: Callable[[str], None]) -> GraphTables:
    from graphload.build import build_tables
    from graphload.gazetteer import Gazetteer

    mark = time.perf_counter()
    records = ledger.records()
    say(f"Building the graph of {len(records):,} documents...")
    graph = build_tables(records, Gazetteer.load())
    summary.timings["build"] = time.perf_counter() - mark
    return graph


def _prepare_for_writing(store: GraphStore) -> None:
    store.ensure_indexes()


class _StoreOpening:
    """The store, opened when first asked for, or started in a background thread so
    that an embedded server loads its database while this process builds the graph
    (the two run on different cores)."""

    def __init__(self, open_store: Callable[[], GraphStore]) -> None:
        self._open = open_store
        self._store: GraphStore | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def start(self, prepare: Callable[[GraphStore], None] | None = None) -> None:
        """Open the store in a background thread, then ``prepare`` it there."""
        if self._store is None and self._thread is None:
            self._thread = threading.Thread(target=self._run, args=(prepare,), name="open-store")
            self._thread.start()

    def _run(self, prepare: Callable[[GraphStore], None] | None) -> None:
        try:
            self._store = self._open()
            if prepare is not None:
                prepare(self._store)
        except BaseException as error:  # handed to the thread that asks for the store
            self._error = error

    def store(self) -> GraphStore:
        self._join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._store is None:
            self._store = self._open()
        return self._store

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> _StoreOpening:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._join()
        if self._store is not None:
            self._store.close()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the graph is built and written: making a
    quarter of a million objects, none of them garbage, sets it off thousands of
    times, and each of its full passes walks all of them (half the build's time on
    10,000 documents)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _store_matches(store: GraphStore, state: GraphState) -> bool:
    """A cheap check that nobody changed the store since the state was kept."""
    counts = store.counts()
    nodes = sum(counts["nodes"].values())
    relationships = sum(counts["relationships"].values())
    return (nodes, relationships) == state.counts()


@contextmanager
def _exclusive(directory: Path, say: Callable[[str], None]) -> Iterator[None]:
    """One load per store directory at a time: two concurrent loads would each
    write the graph of the documents they saw, and the last to finish would win."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK_FILE, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for another load of {directory} to finish...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _stderr_line(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _silent(text: str) -> None:
    pass


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
