"""The table's quick paths give the tables the plain ones gave: column widths
narrowed a round at a time, and long cells wrapped only as far as they are shown
(queries/format.py). The plain ones are kept here as the reference."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from queries.format import _fit_widths, _wrap


def reference_widths(columns: list[str], texts: list[list[str]], width: int) -> list[int]:
    gaps = 2 * (len(columns) - 1)
    natural = [
        max([len(c), *(max((len(x) for x in t[i].splitlines()), default=0) for t in texts)])
        for i, c in enumerate(columns)
    ]
    widths = [max(1, n) for n in natural]
    budget = max(len(columns), width - gaps)
    floor = [min(n, max(4, min(len(c), 12))) for n, c in zip(natural, columns, strict=True)]
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k] > 0, widths[k]))
        if widths[i] <= floor[i]:
            floor = [max(1, f - 1) for f in floor]
            if all(w <= 1 for w in widths):
                break
            continue
        widths[i] -= 1
    return widths


def reference_wrap(text: str, width: int, max_lines: int | None) -> tuple[list[str], bool]:
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines.extend(
            textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    if max_lines is None or len(lines) <= max_lines:
        return lines, False
    lines = lines[:max_lines]
    last = lines[-1]
    lines[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return lines, True


words = st.text(alphabet="abcdefghij-’é", min_size=1, max_size=30)
separators = st.sampled_from([" ", "  ", "; ", "\n", " \t", "   ", " " * 12, " " * 45])
cells = st.lists(st.tuples(words, separators), max_size=80).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=400, deadline=None)
@given(
    columns=st.lists(st.text(alphabet="abc_", min_size=1, max_size=15), min_size=1, max_size=7),
    data=st.data(),
    width=st.integers(min_value=1, max_value=140),
)
def test_column_widths_are_those_of_one_character_at_a_time(columns, data, width):
    rows = data.draw(st.lists(st.lists(cells, min_size=len(columns), max_size=len(columns)),
                              max_size=6))  # fmt: skip
    assert _fit_widths(list(columns), rows, width) == reference_widths(list(columns), rows, width)


@settings(max_examples=600, deadline=None)
@given(
    text=cells,
    width=st.integers(min_value=1, max_value=90),
    max_lines=st.one_of(st.none(), st.integers(min_value=1, max_value=6)),
)
def test_cells_wrap_and_cut_as_when_wrapped_whole(text, width, max_lines):
    assert _wrap(text, width, max_lines) == reference_wrap(text, width, max_lines)


def test_a_list_of_a_thousand_names_is_cut_as_when_wrapped_whole():
    names = "; ".join(f"Person Number{n} Surname" for n in range(1000))
    for width in (8, 23, 57):
        assert _wrap(names, width, 4) == reference_wrap(names, width, 4)
    widths = _fit_widths(["supplier", "people"], [["Bury", names]], 80)
    assert widths == reference_widths(["supplier", "people"], [["Bury", names]], 80)
