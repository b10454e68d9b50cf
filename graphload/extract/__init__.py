"""Read peer challenge documents into extract records.

``extract_file`` reads one document; ``extract_paths`` reads files and
directories, one outcome per document, never stopping at a bad one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graphload.errors import ReadError
from graphload.extract.reading import TEXT_FORMATS, read_document

if TYPE_CHECKING:
    from graphload.gazetteer import Gazetteer
    from graphload.records import ExtractRecord, Ref

__all__ = [
    "ExtractOutcome",
    "ReadError",
    "extract_file",
    "extract_paths",
    "find_documents",
    "skipped_files",
]


@dataclass
class ExtractOutcome:
    path: Path
    record: ExtractRecord | None
    error: str | None = None


def extract_file(
    path: str | Path, gazetteer: Gazetteer | None = None, council: Ref | None = None
) -> ExtractRecord:
    """Everything one document says. Raises ReadError when it cannot be read.

    ``council`` states the reviewed council for a document that does not name it.
    """
    # The rules are imported here, not at the top, so that importing this package
    # (for its formats, as ``extract --help`` does) does not compile their patterns.
    from graphload.extract import shared
    from graphload.extract.others import find_others
    from graphload.extract.peers import find_peers
    from graphload.extract.recommendations import find_recommendations
    from graphload.extract.review import read_review, settle_council
    from graphload.extract.sentences import clip
    from graphload.extract.signposts import find_signposts
    from graphload.extract.themes import find_themes
    from graphload.extract.title import document_title
    from graphload.gazetteer import Gazetteer
    from graphload.records import DocumentInfo, ExtractRecord, ReviewInfo, ThemeInfo

    gazetteer = gazetteer or Gazetteer.load()
    document = read_document(path)
    lines = document.lines
    facts, finder = read_review(lines, gazetteer)
    peers, entries = find_peers(lines, finder)
    signposts, signpost_lines = find_signposts(lines, finder)
    decision = settle_council(facts, lines, finder, peers, signpost_lines, council)
    visit = facts.visit
    review = ReviewInfo(
        kind=facts.kind,
        councils=facts.councils,
        start_date=visit.start.isoformat() if visit else None,
        end_date=visit.end.isoformat() if visit else None,
        year=facts.year,
        line=facts.line.number if facts.line else None,
        evidence=clip(facts.line.text) if facts.line else None,
    )
    officer_groups = [
        (group, entry.line or 0, entry.evidence or "")
        for entry in entries
        if not entry.councillor
        for group in entry.groups
    ]
    shared_services = shared.merge(
        shared.from_sentences(lines, finder, facts.councils, signpost_lines)
        + shared.from_signposts(signposts)
        + shared.from_peer_roles(officer_groups)
    )
    peer_names = {peer.name for peer in peers}
    warnings = list(document.warnings) + [f"{path}: {w}" for w in facts.warnings]
    if not peers:
        warnings.append(f"{path}: no peer team list found")
    record = ExtractRecord(
        document=DocumentInfo(
            path=str(path),
            sha256=document.sha256,
            format=document.format,
            title=document_title(lines),
        ),
        review=review,
        peers=peers,
        signposts=signposts,
        recommendations=find_recommendations(lines),
        themes=[
            ThemeInfo(hit.name, hit.line.number, clip(hit.line.text)) for hit in find_themes(lines)
        ],
        shared_services=shared_services,
        not_peers=[p for p in find_others(lines) if p.name not in peer_names],
        warnings=warnings,
        explanation=[
            {"id": c.ref.id, "name": c.ref.name, "score": c.score, "cues": c.explain()}
            for c in decision.candidates
        ],
    )
    _add_pages(record, lines)
    return record


def _add_pages(record: ExtractRecord, lines: list) -> None:
    """Each fact's page, from its line, for formats that have pages."""
    page_of = {line.number: line.page for line in lines if line.page is not None}
    if not page_of:
        return
    facts: list = [record.review, *record.peers, *record.signposts, *record.recommendations]
    facts += [*record.themes, *record.shared_services, *record.not_peers]
    for fact in facts:
        if fact.line is not None:
            fact.page = page_of.get(fact.line)


def _files_in(directory: Path) -> list[Path]:
    """Everything in a folder that is not a folder: files, and the links, FIFOs and
    sockets that look like them, so that each one that cannot be read is named.
    Links to folders are not followed, so a loop of links cannot trap the walk.
    The assets a browser saves beside a page ("Report_files/" next to
    "Report.html": scripts, images, adverts' frames) are not documents."""
    return sorted(
        p
        for p in directory.rglob("*")
        if not p.name.startswith(".") and not p.is_dir() and not _saved_page_asset(p, directory)
    )


def _saved_page_asset(path: Path, top: Path) -> bool:
    for folder in path.relative_to(top).parents:
        if folder.name.endswith("_files"):
            page = top / folder.parent / folder.name.removesuffix("_files")
            if any(page.with_name(page.name + s).exists() for s in (".html", ".htm")):
                return True
    return False


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the readable documents inside directories named, in order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in _files_in(path) if p.suffix.lower() in TEXT_FORMATS)
        else:
            found.append(path)
    return found


def skipped_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the directories named that are not in a format peergraph reads."""
    return [
        p
        for raw in paths
        if Path(raw).is_dir()
        for p in _files_in(Path(raw))
        if p.suffix.lower() not in TEXT_FORMATS
    ]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Below this many documents per worker, starting processes costs more than it saves.
MIN_DOCUMENTS_PER_JOB = 8
_worker_gazetteer: Gazetteer | None = None
_worker_council: Ref | None = None


def extract_paths(
    paths: Iterable[str | Path],
    gazetteer: Gazetteer | None = None,
    council: Ref | None = None,
    jobs: int = 1,
) -> Iterator[ExtractOutcome]:
    """One outcome per document under ``paths``, in order. With ``jobs`` > 1 the
    documents are read by that many processes; the outcomes are the same."""
    from graphload.gazetteer import Gazetteer

    documents = find_documents(paths)
    jobs = max(1, min(jobs, len(documents) // MIN_DOCUMENTS_PER_JOB))
    if jobs == 1:
        gazetteer = gazetteer or Gazetteer.load()
        for path in documents:
            yield _outcome(path, gazetteer, council)
        return
    import multiprocessing

    global _worker_gazetteer, _worker_council
    _worker_gazetteer = gazetteer or Gazetteer.load()  # inherited by forked workers
    _worker_council = council
    chunk = max(1, min(32, len(documents) // (jobs * 8)))
    with multiprocessing.Pool(jobs, _start_worker, (council,)) as pool:
        yield from pool.imap(_read_one, documents, chunksize=chunk)


def _start_worker(council: Ref | None) -> None:
    from graphload.gazetteer import Gazetteer

    global _worker_gazetteer, _worker_council
    _worker_council = council
    if _worker_gazetteer is None:  # a spawned, not forked, worker
        _worker_gazetteer = Gazetteer.load()


def _read_one(path: Path) -> ExtractOutcome:
    assert _worker_gazetteer is not None
    return _outcome(path, _worker_gazetteer, _worker_council)


def _outcome(path: Path, gazetteer: Gazetteer, council: Ref | None) -> ExtractOutcome:
    try:
        return ExtractOutcome(path, extract_file(path, gazetteer, council))
    except ReadError as error:
        return ExtractOutcome(path, None, str(error))
    except RecursionError:
        return ExtractOutcome(path, None, f"{path}: too deeply nested to read")
