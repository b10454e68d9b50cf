"""Rendering query results: tables that fit a terminal, JSON and CSV.

Every format scrubs e-mail addresses and telephone numbers from strings, so they
never reach the output whatever the graph holds, and escapes the characters that
could control a terminal (graphload.vocab.text).
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from typing import Any, Protocol

from graphload.vocab.text import scrub as redact
from graphload.vocab.text import scrub_display, scrub_json

FORMATS = ("table", "full", "json", "csv")
DEFAULT_WIDTH = 80
MAX_CELL_LINES = 4
LIST_SEPARATOR = "; "


class Result(Protocol):
    columns: list[str]
    rows: list[dict[str, Any]]


def scrub(text: str) -> str:
    """``text`` without e-mail addresses and UK telephone numbers."""
    return redact(text)


def clean(value: Any) -> Any:
    """A JSON-ready copy of ``value`` with every string scrubbed."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [clean(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub(str(value))


def cell_text(value: Any) -> str:
    """One value as the text of a table or CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return _entity_text(value)
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, dict) and "_type" in v for v in value):
            return " ".join(_entity_text(v) for v in value)  # a path
        return LIST_SEPARATOR.join(cell_text(v) for v in value if v is not None)
    return scrub(str(value))


def _entity_text(entity: dict[str, Any]) -> str:
    if "_type" in entity:
        return f"-[:{entity['_type']}]-"
    labels = entity.get("_labels") or []
    name = entity.get("name") or entity.get("title") or entity.get("text") or entity.get("id")
    label = ":".join(labels)
    if name is None:
        return f"({label})" if label else "{}"
    return f"({label} {scrub(str(name))})" if label else scrub(str(name))


def format_table(
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
    width: int = DEFAULT_WIDTH,
    max_lines: int | None = MAX_CELL_LINES,
) -> str:
    """A plain-text table no wider than ``width``; long cells wrap, then (beyond
    ``max_lines`` lines, unless it is None) are cut with '…'."""
    return render_table(columns, rows, width, max_lines)[0]


def render_table(
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
    width: int = DEFAULT_WIDTH,
    max_lines: int | None = MAX_CELL_LINES,
) -> tuple[str, int]:
    """The table and how many cells were cut to fit."""
    if not columns:
        return "(no rows)", 0
    texts = [[_table_cell(row.get(c)) for c in columns] for row in rows]
    widths = _fit_widths(list(columns), texts, width)
    lines = _render_row([_table_cell(c) for c in columns], widths, max_lines=1)[0]
    lines.append("  ".join("-" * w for w in widths).rstrip())
    cut = 0
    for row in texts:
        row_lines, row_cut = _render_row(row, widths, max_lines)
        lines.extend(row_lines)
        cut += row_cut
    if not rows:
        lines.append("(no rows)")
    return "\n".join(lines), cut


def _table_cell(value: Any) -> str:
    return scrub_display(cell_text(value)).replace("\t", " ")


def _fit_widths(columns: list[str], texts: list[list[str]], width: int) -> list[int]:
    gaps = 2 * (len(columns) - 1)
    natural = [
        max([len(c), *(max((len(x) for x in t[i].splitlines()), default=0) for t in texts)])
        for i, c in enumerate(columns)
    ]
    widths = [max(1, n) for n in natural]
    budget = max(len(columns), width - gaps)
    floor = [min(n, max(4, min(len(c), 12))) for n, c in zip(natural, columns, strict=True)]
    while sum(widths) > budget:
        above = [k for k in range(len(widths)) if widths[k] > floor[k]]
        if not above:
            floor = [max(1, f - 1) for f in floor]  # too many columns: squeeze everything
            if all(w <= 1 for w in widths):
                break
            continue
        _narrow_widest(widths, floor, above, sum(widths) - budget)
    return widths


def _narrow_widest(widths: list[int], floor: list[int], above: list[int], excess: int) -> None:
    """Take up to ``excess`` characters off the widest columns still above their floor,
    one at a time, widest first and, among the equally wide, leftmost first: the
    columns tied at the top lose whole rounds at once, down to the next width (a cell
    of a list of names can be thousands of characters wide)."""
    top = max(widths[k] for k in above)
    tied = [k for k in above if widths[k] == top]
    below = max([widths[k] for k in above if widths[k] < top] + [floor[k] for k in tied])
    rounds = min(top - below, excess // len(tied))
    if rounds:
        for k in tied:
            widths[k] -= rounds
        return
    for k in tied[:excess]:  # a part round: leftmost first
        widths[k] -= 1


def _render_row(
    cells: list[str], widths: list[int], max_lines: int | None
) -> tuple[list[str], int]:
    wrapped = [_wrap(text, w, max_lines) for text, w in zip(cells, widths, strict=True)]
    height = max((len(w) for w, _ in wrapped), default=1)
    out = []
    for n in range(height):
        parts = [(w[n] if n < len(w) else "").ljust(widths[i]) for i, (w, _) in enumerate(wrapped)]
        out.append("  ".join(parts).rstrip())
    return out, sum(1 for _, was_cut in wrapped if was_cut)


def _wrap(text: str, width: int, max_lines: int | None) -> tuple[list[str], bool]:
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        if max_lines is not None and len(lines) > max_lines:
            break  # what follows is cut anyway
        needed = None if max_lines is None else max_lines + 1 - len(lines)
        lines.extend(_wrap_paragraph(para, width, needed))
    if max_lines is None or len(lines) <= max_lines:
        return lines, False
    lines = lines[:max_lines]
    last = lines[-1]
    lines[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return lines, True


def _wrap_paragraph(para: str, width: int, needed: int | None) -> list[str]:
    """``para`` wrapped, or, when only its first ``needed`` lines are wanted, at least
    those (the same lines): a long paragraph is first wrapped up to a space well past
    them. Lines end where a word does not fit, so lines that have a next line after
    them in the part wrapped are as they would be in the whole."""
    if needed is not None:
        at = para.find(" ", (needed + 1) * (width + 1))
        if at != -1:
            lines = _wrapped(para[:at], width)
            if len(lines) > needed:
                return lines
    return _wrapped(para, width)


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def format_json(rows: Sequence[dict[str, Any]]) -> str:
    """A JSON list of row objects; nodes and relationships as properties plus labels/type."""
    text = json.dumps([clean(dict(r)) for r in rows], indent=2, ensure_ascii=False, default=str)
    return scrub_json(text)


def format_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([scrub_display(c) for c in columns])
    for row in rows:
        writer.writerow([scrub_display(cell_text(row.get(c))) for c in columns])
    return buf.getvalue().rstrip("\n")


def format_rows(result: Result, fmt: str = "table", width: int = DEFAULT_WIDTH) -> str:
    """``result`` (anything with ``columns`` and ``rows``) as table, full (a table
    whose cells are never cut), json or csv text."""
    if fmt == "table":
        return format_table(result.columns, result.rows, width=width)
    if fmt == "full":
        return format_table(result.columns, result.rows, width=width, max_lines=None)
    if fmt == "json":
        return format_json(result.rows)
    if fmt == "csv":
        return format_csv(result.columns, result.rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def cut_note(cut: int, width: int) -> str:
    """What to say under a table whose cells were cut (short: it must fit too)."""
    cells = "1 cell" if cut == 1 else f"{cut} cells"
    return f"{cells} cut to fit {width} columns (…): --format full shows them whole"
