"""``peergraph map``: options, output, and errors a person can act on."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_map_render import tiny_graph

from visualise import cli as map_cli


@pytest.fixture
def run(monkeypatch):
    calls: list[tuple] = []

    def fake_load(backend, store_dir):
        calls.append((backend, store_dir))
        return tiny_graph()

    monkeypatch.setattr(map_cli, "load_graph", fake_load)

    def invoke(*args: str):
        result = CliRunner().invoke(map_cli.map_command, list(args))
        result.loads = calls
        return result

    return invoke


def test_map_writes_the_file_and_says_what_it_drew(run, tmp_path) -> None:
    out = tmp_path / "maps" / "peers.html"
    result = run("-o", str(out), "--view", "peers", "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert f"Wrote {out}:" in result.output
    assert "View “peers”" in result.output
    assert result.loads == [("embedded", tmp_path / "store")]


def test_map_default_output_is_named_after_view_and_council(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--council", "Bromsgrove", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "maps" / "all-bromsgrove.html").exists()
    assert "Around Bromsgrove District Council, up to 1 step away." in result.output
    assert "Matched" not in result.output  # typed as the graph spells it: nothing to say


def test_a_forgiven_spelling_slip_is_said(run, tmp_path) -> None:
    out = tmp_path / "m.html"
    result = run("-o", str(out), "--council", "Bromsgove District Council", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert "Matched “Bromsgrove District Council” for “Bromsgove District Council”." in (
        result.output
    )
    assert "Around Bromsgrove District Council" in result.output


def test_unknown_council_fails_with_suggestions(run, tmp_path) -> None:
    result = run("-o", str(tmp_path / "m.html"), "--council", "Brumsgrave")
    assert result.exit_code == 2
    assert "no council matches 'Brumsgrave'" in result.output
    assert "Bromsgrove District Council" in result.output
    assert not (tmp_path / "m.html").exists()


def test_ambiguous_peer_fails_listing_both(run, tmp_path, monkeypatch) -> None:
    graph = tiny_graph()
    graph.add_node(
        "peer:matt-prosser-2", id="peer:matt-prosser-2", labels=["Peer"], name="Matt Prosser"
    )
    monkeypatch.setattr(map_cli, "load_graph", lambda backend, store_dir: graph)
    result = run("-o", str(tmp_path / "m.html"), "--peer", "matt prosser")
    assert result.exit_code == 2
    assert "peer:matt-prosser)" in result.output and "peer:matt-prosser-2)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--council", "Bromsgrove", "--peer", "Matt Prosser"], "not both"),
        (["--years", "2019-2012"], "run backwards"),
        (["--years", "recent"], "years must look like"),
        (["--view", "whole"], "Invalid value for '--view'"),
        (["--depth", "-1"], "Invalid value for '--depth'"),
    ],
)
def test_bad_options_are_usage_errors(run, tmp_path, args, message) -> None:
    result = run("-o", str(tmp_path / "m.html"), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert result.loads == []  # rejected before the store is opened


def test_years_option_filters(run, tmp_path) -> None:
    result = run("-o", str(tmp_path / "m.html"), "--view", "peers", "--years", "2015-2019")
    assert result.exit_code == 0, result.output
    assert "Years 2015–2019." in result.output
    html = (tmp_path / "m.html").read_text("utf-8")
    assert "review:SOU:2012:cpc" not in html and "review:BRM+RED:2018:cpc" in html


def test_map_is_registered_on_the_peergraph_cli() -> None:
    assert [c.name for c in map_cli.map_commands] == ["map", "export"]


def test_open_without_a_browser_says_so_in_one_line(run, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(map_cli.sys, "platform", "linux")
    result = run("-o", str(tmp_path / "m.html"), "--open")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        lines[-1]
        == f"No browser to open here (no desktop session); open {tmp_path / 'm.html'} in one."
    )
    assert len(lines) == 3  # wrote, what it shows, the browser line


def test_open_when_the_opener_fails_says_so_in_one_line(run, tmp_path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    opener.write_text("#!/bin/sh\necho 'xdg-open: no method available' >&2\nexit 3\n")
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(map_cli.sys, "platform", "linux")
    result = run("-o", str(tmp_path / "m.html"), "--open")
    assert result.exit_code == 0
    assert "no method available" not in result.output
    assert result.output.splitlines()[-1].startswith("Could not start a browser; open ")


def test_map_title_says_the_years(run, tmp_path) -> None:
    result = run("-o", str(tmp_path / "m.html"), "--years", "2012-2013")
    assert result.exit_code == 0, result.output
    assert "<title>peergraph: all map, 2012–2013</title>" in (tmp_path / "m.html").read_text(
        "utf-8"
    )
