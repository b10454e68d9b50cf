"""Progress you can see: done, per second and time left.

On a terminal, one line on stderr that updates in place; when stderr is piped
or redirected, a plain line every ``PIPED_INTERVAL`` seconds (and at the end),
so a log shows the load moving.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

TERMINAL_INTERVAL = 0.1
PIPED_INTERVAL = 5.0


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    def __init__(
        self,
        total: int,
        label: str = "Reading documents",
        stream: TextIO | None = None,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.clock = clock
        self.done = 0
        self.started = clock()
        # Piped: the first line after one interval, when the rate means something.
        self._shown_at: float | None = None if self.terminal else self.started
        self._line_length = 0

    def line(self) -> str:
        elapsed = self.clock() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"{self.label}: {self.done:,}/{self.total:,}"
        if self.total:
            text += f" ({100 * self.done // self.total}%)"
        if self.done and elapsed > 0:
            text += f", {rate:,.0f}/s"
            if self.done < self.total and elapsed >= 1:
                text += f", about {_duration((self.total - self.done) / rate)} left"
            else:
                text += f", {_duration(elapsed)}"
        return text

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        interval = TERMINAL_INTERVAL if self.terminal else PIPED_INTERVAL
        if self._shown_at is None or now - self._shown_at >= interval:
            self._show(now)

    def finish(self) -> None:
        self._show(self.clock(), final=True)

    def note(self, text: str) -> None:
        """A line of its own (a stage starting, a wait), below the progress line."""
        self._clear()
        print(text, file=self.stream, flush=True)

    def _show(self, now: float, final: bool = False) -> None:
        self._shown_at = now
        text = self.line()
        if self.terminal:
            padding = " " * max(0, self._line_length - len(text))
            end = "\n" if final else ""
            print(f"\r{text}{padding}", end=end, file=self.stream, flush=True)
            self._line_length = 0 if final else len(text)
        elif final or self.done < self.total:
            print(text, file=self.stream, flush=True)

    def _clear(self) -> None:
        if self.terminal and self._line_length:
            print("\r" + " " * self._line_length + "\r", end="", file=self.stream, flush=True)
            self._line_length = 0
            self._shown_at = None
