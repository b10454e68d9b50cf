"""Incremental, resumable loads on a synthetic corpus: what is known is not read
again, what is added is written as a difference, and the graph always equals a
load from scratch. Correctness only; the timings are in benchmarks/."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphload.load import LOCK_FILE, load_paths
from graphload.store import StoreError, open_store
from graphload.synth import write_corpus

PEERGRAPH = str(Path(sys.executable).parent / "peergraph")


def peergraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PEERGRAPH, *args], capture_output=True, text=True, timeout=300)


def stored(store_dir: Path) -> tuple:
    """Every node and relationship with every property, in a comparable form."""
    with open_store(store_dir=store_dir) as store:
        g = store.export_graph()
    nodes = sorted((n, json.dumps(a, sort_keys=True, default=str)) for n, a in g.nodes(data=True))
    edges = sorted(
        (s, t, k, json.dumps(a, sort_keys=True, default=str))
        for s, t, k, a in g.edges(keys=True, data=True)
    )
    return nodes, edges


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(30, tmp_path_factory.mktemp("corpus"), seed=8)


def test_extract_with_two_jobs_prints_what_one_job_prints(corpus: list[Path]) -> None:
    folder = str(corpus[0].parent)
    one = peergraph("extract", folder, "--format", "json", "--jobs", "1")
    two = peergraph("extract", folder, "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert len(json.loads(one.stdout)) == len(corpus)
    assert one.stdout == two.stdout


def test_adding_documents_equals_loading_them_all_at_once(
    corpus: list[Path], tmp_path: Path
) -> None:
    stepwise, together = tmp_path / "stepwise", tmp_path / "together"
    load_paths(corpus[:12], store_dir=stepwise, jobs=2)
    load_paths(corpus[:20], store_dir=stepwise, jobs=1)
    added = load_paths(corpus, store_dir=stepwise, jobs=2)
    assert (added.documents_read, added.documents_unchanged) == (10, 20)
    assert added.write is not None and 0 < added.write.nodes_written < sum(
        added.node_counts.values()
    )  # a difference, not the whole graph
    load_paths(corpus, store_dir=together, jobs=2)
    assert stored(stepwise) == stored(together)


def test_reloading_unchanged_documents_reads_and_writes_nothing(
    corpus: list[Path], tmp_path: Path
) -> None:
    load_paths(corpus, store_dir=tmp_path)
    again = load_paths(corpus, store_dir=tmp_path)
    assert again.documents_read == 0 and again.documents_unchanged == len(corpus)
    assert again.write is not None and again.write.batches == 0
    renamed = tmp_path / "renamed.txt"
    shutil.copy(corpus[0], renamed)  # the same content under another name is known too
    assert load_paths([renamed], store_dir=tmp_path).documents_unchanged == 1


def test_a_store_changed_behind_the_loads_back_is_repaired(
    corpus: list[Path], tmp_path: Path
) -> None:
    store_dir = tmp_path / "store"
    load_paths(corpus[:20], store_dir=store_dir)
    with open_store(store_dir=store_dir) as store:
        store.query("MATCH (p:Peer) WITH p LIMIT 3 DETACH DELETE p")
    load_paths(corpus, store_dir=store_dir)
    load_paths(corpus, store_dir=tmp_path / "clean")
    assert stored(store_dir) == stored(tmp_path / "clean")


def test_a_deleted_ledger_is_rebuilt_from_the_documents_not_shrunk(
    corpus: list[Path], tmp_path: Path
) -> None:
    store_dir = tmp_path / "store"
    load_paths(corpus[:10], store_dir=store_dir)
    before = stored(store_dir)
    shutil.rmtree(store_dir / "documents")
    summary = load_paths(corpus[:1], store_dir=store_dir)
    assert summary.documents_in_store == 10
    assert any("lacked 9 documents" in note for note in summary.notes)
    assert stored(store_dir) == before


def test_a_deleted_ledger_whose_documents_are_gone_stops_the_load(tmp_path: Path) -> None:
    documents = write_corpus(4, tmp_path / "corpus", seed=2)
    store_dir = tmp_path / "store"
    load_paths(documents, store_dir=store_dir)
    shutil.rmtree(store_dir / "documents")
    documents[1].unlink()
    with pytest.raises(StoreError, match="lacks.*no longer where they were loaded from"):
        load_paths(documents[:1], store_dir=store_dir)
    with open_store(store_dir=store_dir) as store:  # the graph is left as it was
        assert store.counts()["nodes"]["Document"] == 4
    result = peergraph("load", str(documents[0]), "--store", str(store_dir))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "--reset" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_load_waiting_for_the_lock_says_so_at_once(corpus: list[Path], tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    with open(store_dir / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another load would hold it
        process = subprocess.Popen(
            [PEERGRAPH, "load", str(corpus[0]), "--store", str(store_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        first_line = process.stderr.readline()  # blocks until the loader says something
        assert first_line.startswith(f"waiting for another load of {store_dir} to finish")
        time.sleep(0.2)
        assert process.poll() is None  # still waiting
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0 and out.startswith("Read 1 document")
