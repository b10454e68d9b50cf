"""The main job, as `make demo` runs it, on the sample reports."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graphload.cli import cli
from graphload.store import open_store

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def test_demo_loads_reports_prints_answers_and_draws_two_maps(tmp_path: Path) -> None:
    store_dir, maps_dir = tmp_path / "store", tmp_path / "maps"
    args = ["demo", str(REPORTS), "--store", str(store_dir), "--maps", str(maps_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    documents = len(list(REPORTS.iterdir()))  # five reports, some also as PDF and Word
    assert f"Read {documents} documents, 0 failed" in result.output
    assert "Kevin Dicks" in result.output  # peer-councils-reviewed: Bromsgrove supplied a peer
    # Bury is the one council reviewed twice, so it gets the ego map.
    maps = sorted(p.name for p in maps_dir.glob("*.html"))
    assert maps == ["council-bur.html", "overview.html"]
    for name in maps:
        assert f"map           {maps_dir / name}" in result.output
    with open_store("embedded", store_dir) as store:
        assert store.counts()["nodes"]["Review"] == 5  # a report in two formats: one review
        assert store.counts()["nodes"]["Document"] == documents
    # Running it again changes nothing.
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0
    with open_store("embedded", store_dir) as store:
        assert store.counts()["nodes"]["Review"] == 5  # a report in two formats: one review
        assert store.counts()["nodes"]["Document"] == documents
