"""The progress reporter: what it prints on a terminal and into a pipe."""

from __future__ import annotations

import io

from graphload.progress import PIPED_INTERVAL, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_piped_progress_is_a_plain_line_every_interval_with_rate_and_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(1000, "Reading documents", stream=out, terminal=False, clock=clock)
    for _ in range(10):
        clock.now += PIPED_INTERVAL / 4
        progress.advance(50)
    progress.finish()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines[0] == "Reading documents: 200/1,000 (20%), 40/s, about 20 s left"
    assert lines[1] == "Reading documents: 400/1,000 (40%), 40/s, about 15 s left"
    assert lines[-1] == "Reading documents: 500/1,000 (50%), 40/s, about 12 s left"
    assert len(lines) == 3


def test_terminal_progress_updates_one_line_in_place() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(3, "Reading documents", stream=out, terminal=True, clock=clock)
    for _ in range(3):
        clock.now += 1
        progress.advance()
    progress.finish()
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert text.count("\r") == 4
    assert text.rstrip().endswith("Reading documents: 3/3 (100%), 1/s, 3 s")


def test_a_note_clears_the_terminal_line_first() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(10, stream=out, terminal=True, clock=clock)
    clock.now += 2
    progress.advance()
    progress.note("Building the graph...")
    assert out.getvalue().endswith("\r" + " " * len(progress.line()) + "\rBuilding the graph...\n")
