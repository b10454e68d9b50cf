"""How fast loading is: median seconds for `load_paths` over N documents, and for
build_graph + write_graph over N synthetic reviews (a graph that grows with N).

    .venv/bin/python benchmarks/bench_load.py [--docs 50] [--reviews 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from pathlib import Path

from graphload.build import build_graph
from graphload.gazetteer import Gazetteer
from graphload.load import load_paths
from graphload.records import DocumentInfo, ExtractRecord, PeerInfo, Ref, ReviewInfo
from graphload.store import open_store

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def replicated_reports(directory: Path, count: int) -> Path:
    """``count`` distinct documents (different bytes) with the seeds' text."""
    seeds = sorted(REPORTS.glob("*.txt"))
    for i in range(count):
        seed = seeds[i % len(seeds)]
        (directory / f"{i:05d}_{seed.name}").write_text(seed.read_text() + "\n" * (i + 1))
    return directory


def synthetic_records(count: int, gazetteer: Gazetteer) -> list[ExtractRecord]:
    rng = random.Random(7)
    codes = sorted({e.code for e in gazetteer.entries.values() if e.nation == "England"})
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(7)).capitalize()

    people = [f"{word()} {word()}" for _ in range(count * 3)]  # ~2 reviews each
    records = []
    for i in range(count):
        reviewed = [Ref(code, code) for code in rng.sample(codes, rng.choice((1, 1, 2)))]
        peers = [
            PeerInfo(
                name=rng.choice(people),
                organisations=[Ref(rng.choice(codes), "employer")],
                line=10 + n,
                evidence="A peer of the team.",
            )
            for n in range(6)
        ]
        records.append(
            ExtractRecord(
                document=DocumentInfo(
                    path=f"synthetic/{i}.txt",
                    sha256=hashlib.sha256(str(i).encode()).hexdigest(),
                    format="txt",
                ),
                review=ReviewInfo("Corporate Peer Challenge", reviewed, year=2010 + i % 10),
                peers=peers,
            )
        )
    return records


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--reviews", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()

    with tempfile.TemporaryDirectory() as scratch:
        reports = replicated_reports(Path(scratch), args.docs)
        first, again = [], []
        for run in range(args.runs):
            store = Path(scratch) / f"store{run}"
            first.append(timed(lambda s=store: load_paths([reports], store_dir=s)))
            again.append(timed(lambda s=store: load_paths([reports], store_dir=s)))
        print(
            f"load {args.docs} documents into a new store: median {statistics.median(first):.2f}s"
        )
        print(
            f"load the same {args.docs} again (no change):  median {statistics.median(again):.2f}s"
        )

    records = synthetic_records(args.reviews, gazetteer)
    builds, writes, rewrites = [], [], []
    for _ in range(args.runs):
        builds.append(timed(lambda: build_graph(records, gazetteer)))
    graph = build_graph(records, gazetteer)
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs):
            with open_store(store_dir=Path(scratch) / f"s{run}") as store:
                writes.append(timed(lambda st=store: st.write_graph(graph)))
                rewrites.append(timed(lambda st=store: st.write_graph(graph)))
    size = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships"
    build_median = statistics.median(builds)
    print(f"build_graph, {args.reviews} synthetic reviews ({size}): median {build_median:.2f}s")
    print(f"write_graph to a new embedded store: median {statistics.median(writes):.2f}s")
    print(f"write_graph again (idempotent MERGE): median {statistics.median(rewrites):.2f}s")


if __name__ == "__main__":
    main()
