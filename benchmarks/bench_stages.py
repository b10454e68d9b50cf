"""Where a document's reading time goes: CPU milliseconds per document for each stage
of ``extract_file``, medians over rounds, on one core.

.venv/bin/python benchmarks/bench_stages.py [DIR] [--rounds N] [--repeat N]

DIR defaults to the sample reports (``data/reports/*.txt``); ``--repeat`` reads the
documents that many times per round (the samples are few). CPU time
(``time.process_time``), so the figures hold on a machine shared with other work.
The stages run in the order ``extract_file`` runs them, on the same objects.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphload.extract import extract_file, find_documents, shared
from graphload.extract.others import find_others
from graphload.extract.peers import find_peers
from graphload.extract.reading import read_document
from graphload.extract.recommendations import find_recommendations
from graphload.extract.review import read_review, settle_council
from graphload.extract.signposts import find_signposts
from graphload.extract.themes import find_themes
from graphload.extract.title import document_title
from graphload.gazetteer import Gazetteer

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def one_round(paths: list[Path], gazetteer: Gazetteer) -> dict[str, float]:
    """CPU seconds per stage over ``paths``."""
    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, work: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        result = work(*args)
        spent[stage] += time.process_time() - started
        return result

    for path in paths:
        lines = timed("read_document", read_document, path).lines
        facts, finder = timed("read_review", read_review, lines, gazetteer)
        peers, _ = timed("find_peers", find_peers, lines, finder)
        _, covered = timed("find_signposts", find_signposts, lines, finder)
        timed("settle_council", settle_council, facts, lines, finder, peers, covered)
        timed(
            "shared.from_sentences", shared.from_sentences, lines, finder, facts.councils, covered
        )
        timed("find_recommendations", find_recommendations, lines)
        timed("find_themes", find_themes, lines)
        timed("document_title", document_title, lines)
        timed("find_others", find_others, lines)
        timed("extract_file (whole)", extract_file, path, gazetteer)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=0, help="default: 20 for the samples")
    args = parser.parse_args()
    if args.directory:
        paths, repeat = find_documents([args.directory]), args.repeat or 1
    else:
        paths, repeat = sorted(REPORTS.glob("*.txt")), args.repeat or 20
    gazetteer = Gazetteer.load()
    one_round(paths[:3], gazetteer)  # warm up: compiled patterns, caches of names
    per_document: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        for stage, seconds in one_round(paths * repeat, gazetteer).items():
            per_document[stage].append(seconds * 1000 / (len(paths) * repeat))
    print(f"{len(paths)} documents x {repeat}, {args.rounds} rounds: CPU ms per document")
    for stage, values in per_document.items():
        print(
            f"{stage:24} median {statistics.median(values):6.3f}"
            f"  (min {min(values):.3f}, max {max(values):.3f})"
        )
    whole = statistics.median(per_document["extract_file (whole)"])
    print(f"{'documents per CPU second':24} {1000 / whole:6.0f}")


if __name__ == "__main__":
    main()
