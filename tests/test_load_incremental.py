"""Incremental, resumable loads on a synthetic corpus: what is known is not read
again, what is added is written as a difference, and the graph always equals a
load from scratch. Correctness only; the timings are in benchmarks/."""

from __future__ import annotations

import fcntl
import hashlib
import json
import marshal
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


# Three invented reports. Before the third, "Peter Hallorann" (Wigan) and "Peter
# Halloran" (Bolton) share neither an employer nor a review, so they are two people;
# the third names "Peter Halloran" of Wigan, which joins both. It also spells "Quentin
# Feris" of Fenland, one slip from the second report's "Quentin Ferris": the person
# then takes the alphabetically first spelling, a new id for someone already stored.
MERGING_REPORTS = {
    "rutland.txt": (
        "Rutland County Council\nCorporate Peer Challenge, 12-14 March 2018\n"
        "Feedback report\n\nThe peer team\n\n"
        "- Peter Hallorann, Chief Executive, Wigan Council\n"
        "- Cllr Nadia Brisk, Leeds City Council (member peer)\n"
        "- Max Demo, LGA Challenge Manager\n\n"
        "The team spoke to more than 100 people across the county.\n"
    ),
    "torbay.txt": (
        "Torbay Council\nCorporate Peer Challenge, 5-7 June 2019\nFeedback report\n\n"
        "The peer team\n\n"
        "- Peter Halloran, Director of Place, Bolton Council\n"
        "- Quentin Ferris, Chief Executive, Fenland District Council\n"
        "- Max Demo, LGA Challenge Manager\n\n"
        "The team spoke to partners across the bay.\n"
    ),
}
JOINING_REPORT = (
    "Stevenage Borough Council\nCorporate Peer Challenge, 2-4 October 2020\n"
    "Feedback report\n\nThe peer team\n\n"
    "- Peter Halloran, Chief Executive, Wigan Metropolitan Borough Council\n"
    "- Quentin Feris, Chief Executive, Fenland DC\n"
    "- Max Demo, LGA Challenge Manager\n\n"
    "The team spoke to partners across the borough.\n"
)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_an_addition_that_joins_stored_people_equals_loading_all_at_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    old = []
    for name, text in MERGING_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        old.append(folder / name)
    # The new document's id (from its sha256) sorts before the stored ones', so it
    # comes first in the builder's order: first-stated properties move to it.
    joining, ordinal = JOINING_REPORT, 0
    while _sha256(joining) > min(_sha256(text) for text in MERGING_REPORTS.values()):
        ordinal += 1
        joining = f"{JOINING_REPORT}\nReference {ordinal}.\n"
    new = folder / "stevenage.txt"
    new.write_text(joining, encoding="utf-8")

    stepwise, together = tmp_path / "stepwise", tmp_path / "together"
    load_paths(old, store_dir=stepwise, jobs=1)
    assert _peers(stepwise) == {
        ("peer:max-demo", ("Max Demo",)),
        ("peer:nadia-brisk", ("Nadia Brisk",)),
        ("peer:peter-hallorann", ("Peter Hallorann",)),
        ("peer:peter-halloran", ("Peter Halloran",)),
        ("peer:quentin-ferris", ("Quentin Ferris",)),
    }
    added = load_paths([new], store_dir=stepwise, jobs=1)
    assert (added.documents_read, added.write is not None) == (1, True)
    assert _peers(stepwise) == {
        ("peer:max-demo", ("Max Demo",)),
        ("peer:nadia-brisk", ("Nadia Brisk",)),
        ("peer:peter-halloran", ("Peter Halloran", "Peter Hallorann")),
        ("peer:quentin-feris", ("Quentin Feris", "Quentin Ferris")),
    }
    new_id = f"doc:{_sha256(joining)[:16]}"
    with open_store(store_dir=stepwise) as store:
        (wigan,) = store.query("MATCH (c:Council {id: 'WGN'}) RETURN c.source AS source")
    assert wigan["source"] == new_id  # the council's provenance moved to the new document
    load_paths([*old, new], store_dir=together, jobs=1)
    assert stored(stepwise) == stored(together)


def _peers(store_dir: Path) -> set[tuple[str, tuple[str, ...]]]:
    with open_store(store_dir=store_dir) as store:
        rows = store.query("MATCH (p:Peer) RETURN p.id AS id, p.aliases AS aliases")
    return {(row["id"], tuple(row["aliases"])) for row in rows}


def test_a_state_an_earlier_version_saved_still_spares_a_full_write(
    corpus: list[Path], tmp_path: Path
) -> None:
    """Earlier versions kept digests of ``repr`` (format 2): an addition compares with
    those, writes only the difference, and saves the state in the current format."""
    from graphload.build import build_graph
    from graphload.gazetteer import Gazetteer
    from graphload.ledger import Ledger
    from graphload.store.state import LastWrite, state_of

    stepwise = tmp_path / "stepwise"
    load_paths(corpus[:20], store_dir=stepwise, jobs=1)
    last_write = LastWrite(stepwise)
    kept = last_write.load()
    assert kept is not None and kept[1].digests == "marshal"
    graph = build_graph(Ledger(stepwise).records(), Gazetteer.load())
    earlier = state_of(graph, "repr")
    last_write.path.write_bytes(marshal.dumps((2, kept[0], earlier.nodes, earlier.relationships)))
    added = load_paths(corpus, store_dir=stepwise, jobs=1)
    assert added.write is not None
    assert 0 < added.write.nodes_written < sum(added.node_counts.values()) / 2
    resaved = last_write.load()
    assert resaved is not None and resaved[1].digests == "marshal"
    load_paths(corpus, store_dir=tmp_path / "together", jobs=1)
    assert stored(stepwise) == stored(tmp_path / "together")


def test_an_addition_to_a_damaged_store_is_one_sentence(corpus: list[Path], tmp_path: Path) -> None:
    """A few new documents are read while the store opens in the background; a
    database the server cannot load is still said in one line, with the way out."""
    store_dir = tmp_path / "store"
    load_paths(corpus[:5], store_dir=store_dir, jobs=1)
    database = store_dir / "graph.rdb"
    database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    result = peergraph("load", str(corpus[5]), "--store", str(store_dir))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: the store's database {database} is damaged")
    assert "--reset" in line and "Traceback" not in result.stderr
