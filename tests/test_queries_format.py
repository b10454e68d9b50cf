"""Tables that fit 80 columns; JSON and CSV; no e-mail addresses or phone numbers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from queries.format import format_rows, format_table, scrub


@dataclass
class R:
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


LONG = "word " * 60


@pytest.mark.parametrize("ncols", [1, 2, 5, 9, 20])
def test_tables_fit_80_columns(ncols: int) -> None:
    cols = [f"column_{i}" for i in range(ncols)]
    rows = [{c: LONG if i % 2 else "x" * 120 for i, c in enumerate(cols)} for _ in range(3)]
    text = format_table(cols, rows)
    assert max(len(line) for line in text.splitlines()) <= 80


def test_long_cells_wrap_then_truncate() -> None:
    text = format_table(["a", "b"], [{"a": "short", "b": LONG}])
    lines = text.splitlines()
    assert len(lines) == 2 + 4  # header, rule, four wrapped lines
    assert lines[-1].endswith("…")


def test_short_tables_are_not_padded() -> None:
    text = format_table(["name", "n"], [{"name": "Bury", "n": 2}])
    assert text.splitlines() == ["name  n", "----  -", "Bury  2"]


def test_lists_nodes_and_none_in_cells() -> None:
    node = {"id": "BUR", "name": "Bury", "_labels": ["Council"]}
    text = format_table(["l", "n", "z"], [{"l": [2013, 2018], "n": node, "z": None}])
    assert "2013; 2018" in text and "(Council Bury)" in text


def test_empty_result() -> None:
    assert "(no rows)" in format_rows(R(["a"]), "table")
    assert format_rows(R(["a"]), "json") == "[]"
    assert format_rows(R(["a"]), "csv") == "a"


def test_json_and_csv() -> None:
    r = R(["a", "b"], [{"a": 1, "b": ["x", "y"]}])
    assert json.loads(format_rows(r, "json")) == [{"a": 1, "b": ["x", "y"]}]
    assert format_rows(r, "csv") == "a,b\n1,x; y"


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_contact_details_never_reach_output(fmt: str) -> None:
    r = R(["t"], [{"t": "Contact jane.doe@local.gov.uk or 020 7664 3000, or 07789 123456"}])
    out = format_rows(r, fmt)
    assert "@" not in out and "7664" not in out and "123456" not in out


def test_scrub_leaves_years_and_dates() -> None:
    text = "On 14-17 May 2012 (2012-05-14) the team of 5 met 23 councillors."
    assert scrub(text) == text


def test_unknown_format() -> None:
    with pytest.raises(ValueError):
        format_rows(R(["a"]), "xml")
