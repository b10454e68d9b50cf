"""The synthetic corpus: deterministic, and read back as its truth says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graphload.extract import extract_paths
from graphload.synth import write_corpus
from graphload.synth.score import score


def _contents(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.*"))}


def test_same_seed_same_corpus_other_seed_another(tmp_path: Path) -> None:
    write_corpus(12, tmp_path / "a", seed=4)
    write_corpus(12, tmp_path / "b", seed=4)
    write_corpus(12, tmp_path / "c", seed=5)
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")


def test_every_document_has_its_truth(tmp_path: Path) -> None:
    paths = write_corpus(15, tmp_path, seed=1)
    assert len(paths) == 15
    assert {p.suffix for p in paths} <= {".txt", ".html"}
    for path in paths:
        truth = json.loads((tmp_path / "truth" / f"{path.stem}.json").read_text())
        assert truth["peers"] and truth["council"]
        assert all(p["written"] in path.read_text() for p in truth["peers"])


def test_the_reader_finds_what_the_truth_says(tmp_path: Path) -> None:
    write_corpus(20, tmp_path, seed=3)
    records = [o.record for o in extract_paths([tmp_path / "reports"]) if o.record]
    assert len(records) == 20
    for name, tally in score(records).items():
        assert tally.expected > 0, name
        assert tally.f1 >= 0.99, (name, tally.misses)


def test_the_population_recurs(tmp_path: Path) -> None:
    write_corpus(60, tmp_path, seed=2)
    truths = [json.loads(p.read_text()) for p in (tmp_path / "truth").glob("*.json")]
    served: dict[str, int] = {}
    for truth in truths:
        for peer in truth["peers"]:
            served[peer["person"]] = served.get(peer["person"], 0) + 1
    assert max(served.values()) >= 4  # some peers serve again and again
    signposts = [s["title"] for t in truths for s in t["signposts"]]
    assert len(set(signposts)) < len(signposts)  # signposts recur
    assert any(t["shared"] for t in truths)
    families = {t["family"] for t in truths}
    assert families == {"letter", "feedback", "committee", "progress"}


def test_command_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graphload.synth", "--docs", "3", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "reports").iterdir())) == 3
    bad = subprocess.run(
        [sys.executable, "-m", "graphload.synth", "--docs", "0", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "--docs" in bad.stderr


def test_pdf_and_word_documents_are_read_as_their_truth_says(tmp_path: Path) -> None:
    from format_builders import text_to_docx, text_to_pdf

    renderers = {".pdf": text_to_pdf, ".docx": text_to_docx}
    paths = write_corpus(16, tmp_path / "mixed", seed=6, renderers=renderers)
    assert {".pdf", ".docx"} <= {p.suffix for p in paths}
    plain = write_corpus(16, tmp_path / "plain", seed=6)
    assert [p.stem for p in plain] == [p.stem for p in paths]  # the same corpus otherwise
    records = [o.record for o in extract_paths([tmp_path / "mixed" / "reports"]) if o.record]
    assert len(records) == 16
    for name, tally in score(records).items():
        assert tally.f1 >= 0.99, (name, tally.misses)
