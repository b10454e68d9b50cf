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
    assert "Kevin Dicks" in result.output  # shared-services: Bromsgrove & Redditch lent him
    # Bury is the one council reviewed twice, so it gets the ego map.
    maps = sorted(p.name for p in maps_dir.glob("*.html"))
    assert maps == ["council-bur.html", "overview.html"]
    for name in maps:
        assert f"map           {maps_dir / name}" in result.output
    # The closing hint names the council loaded, and reaches this store.
    assert f"peergraph report council bury --store {store_dir}" in result.output
    assert f"(try: peergraph stats --store {store_dir})" in result.output
    with open_store("embedded", store_dir) as store:
        assert store.counts()["nodes"]["Review"] == 5  # a report in two formats: one review
        assert store.counts()["nodes"]["Document"] == documents
    # Running it again changes nothing.
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0
    with open_store("embedded", store_dir) as store:
        assert store.counts()["nodes"]["Review"] == 5  # a report in two formats: one review
        assert store.counts()["nodes"]["Document"] == documents


def test_demo_hint_names_a_council_of_these_reports(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.txt").write_text(
        (REPORTS / "000_ad349dde538c8920.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(cli, ["demo", str(reports), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    with open_store("embedded", store_dir) as store:
        (row,) = store.query(  # a tie of one review each: the first by id gets the map
            "MATCH (:Review)-[:OF]->(c:Council) RETURN c.short_name AS name ORDER BY c.id LIMIT 1"
        )
    assert f"peergraph report council {row['name'].lower()} --store {store_dir}" in result.output
    assert "council bury" not in result.output


def test_demo_without_reports_outside_a_checkout_says_what_to_give(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 2
    assert "there is no data/reports folder here: give the folder of reports" in result.stderr
