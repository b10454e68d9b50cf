"""Markdown tables in text and markdown files ("| a | b |" rows under a "|---|---|"
rule) are read as table rows, as the Word and HTML readers give tables: cells, not
pipes, reach the rules. Invented people, real councils."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphload.extract import extract_file
from graphload.extract.readers.base import clean_line

TEAM_TABLE = """\
# Bury Council: Corporate Peer Challenge

Feedback report, 12 to 15 March 2019

## The peer team

| Peer | Role |
|:-----|-----:|
| Ann Example | Chief Executive, Luton Borough Council |
| Cllr Ben Sample | Leader, Sandwell Metropolitan Borough Council |
| Cara Invent | Director of Resources, Stockport Metropolitan Borough Council |
| Dev Madeup | Peer Challenge Manager, Local Government Association |

The peer team spent four days at Bury Council.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_team_in_a_markdown_table_is_read_without_its_pipes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bury{suffix}"
    path.write_text(TEAM_TABLE, encoding="utf-8")
    record = extract_file(path)
    peers = [(p.name, p.role, [o.name for o in p.organisations]) for p in record.peers]
    assert peers == [
        ("Ann Example", "Chief Executive", ["Luton Borough Council"]),
        ("Ben Sample", "Leader", ["Sandwell Metropolitan Borough Council"]),
        ("Cara Invent", "Director of Resources", ["Stockport Metropolitan Borough Council"]),
        ("Dev Madeup", "Peer Challenge Manager", ["Local Government Association"]),
    ]
    assert [p.line for p in record.peers] == [9, 10, 11, 12]  # the file's own lines


ROW = "| Ann Example | Chief Executive |"
NOT_A_ROW = ["| one cell |", "Ann | Bury | 2019", "| opened, not closed | b"]


@pytest.mark.parametrize(
    ("content", "text", "raw", "kind"),
    [
        (ROW, "Ann Example – Chief Executive", "Ann Example\tChief Executive", "table_row"),
        ("  | a \\| b | c |", "a | b – c", "a | b\tc", "table_row"),  # an escaped pipe is text
        ("|---|:---:|", "", "", "paragraph"),  # the rule under the header
        *((line, line, line, "paragraph") for line in NOT_A_ROW),
    ],
)
def test_a_pipe_row_becomes_cells(content: str, text: str, raw: str, kind: str) -> None:
    line = clean_line(4, content, "x.md", [])
    assert (line.number, line.text, line.raw, line.kind) == (4, text, raw, kind)
