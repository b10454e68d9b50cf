"""Row limits: the first N rows of the full answer, the rest counted, never silently lost."""

from __future__ import annotations

import json

import pytest
import queries_fixtures
from click.testing import CliRunner

from graphload.cli import cli
from queries.catalog import CatalogError, get_report, parse_report
from queries.run import ReportError, run_report

seed_store = queries_fixtures.seed_store
embedded_seed_store = queries_fixtures.embedded_seed_store


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("repeat-peers", {"min": 1}),  # limited in the server
        ("advice-flow", {}),  # limited in the server
        ("council", {"council": "bury"}),  # cut in Python
    ],
)
def test_a_limit_keeps_the_first_rows_and_counts_all(seed_store, name, params) -> None:
    everything = run_report(seed_store, name, limit=0, **params)
    assert len(everything.rows) > 3
    assert everything.total == len(everything.rows) and everything.more == 0
    first = run_report(seed_store, name, limit=3, **params)
    assert first.rows == everything.rows[:3]
    assert first.total == everything.total
    assert first.more == everything.total - 3
    roomy = run_report(seed_store, name, limit=len(everything.rows) + 5, **params)
    assert roomy.rows == everything.rows and roomy.more == 0


def test_reports_of_thousands_of_rows_have_a_default_limit(seed_store) -> None:
    assert get_report("repeat-peers").default_limit == 50
    assert get_report("advice-flow").default_limit == 50
    assert get_report("council").default_limit == 0  # a dossier is shown whole
    default = run_report(seed_store, "repeat-peers", min=1)
    assert default.limit == 50 and len(default.rows) == min(default.total, 50)


def test_a_negative_limit_is_refused(seed_store) -> None:
    with pytest.raises(ReportError):
        run_report(seed_store, "advice-flow", limit=-1)


def test_a_limit_header_must_be_a_number() -> None:
    text = "// name: x\n// description: y\n// columns: a\n// limit: many\nRETURN 1 AS a"
    with pytest.raises(CatalogError):
        parse_report(text, "x.cypher")


def test_the_command_counts_the_rows_left_out_on_stderr(embedded_seed_store) -> None:
    store = str(embedded_seed_store)
    runner = CliRunner()
    args = ["report", "repeat-peers", "--min", "1", "--store", store, "--format", "json"]
    whole = runner.invoke(cli, [*args, "--limit", "0"])
    assert whole.exit_code == 0, whole.output
    every = json.loads(whole.stdout)
    cut = runner.invoke(cli, [*args, "--limit", "2"])
    assert cut.exit_code == 0
    assert json.loads(cut.stdout) == every[:2]  # stdout stays valid JSON
    assert f"{len(every) - 2:,} more rows (of {len(every):,}); --limit 0 for all" in cut.stderr
    assert "more rows" not in whole.stderr
    refused = runner.invoke(cli, [*args, "--limit", "-1"])
    assert refused.exit_code == 2
