"""What the command line prints: every line scrubbed for the terminal.

Report text can hold control characters; everything a command prints goes
through ``scrub_display`` here, so no command can forget to.
"""

from __future__ import annotations

import shutil

import click

from graphload.vocab.text import scrub_display

MIN_WIDTH = 40


def say(text: str = "", err: bool = False) -> None:
    """Print ``text`` (one or more lines) on stdout, or stderr with ``err``."""
    click.echo(scrub_display(text), err=err)


def note(message: str) -> None:
    """A one-line remark on stderr that is not a failure ("note: …")."""
    click.echo(f"note: {scrub_display(message, one_line=True)}", err=True)


def warn(message: str) -> None:
    click.echo(f"warning: {scrub_display(message, one_line=True)}", err=True)


def error_line(message: str) -> None:
    """``error: message`` on stderr; a message may continue on indented lines."""
    click.echo(f"error: {scrub_display(message)}", err=True)


def terminal_width() -> int:
    """The terminal's columns ($COLUMNS first, 80 when output is not a terminal)."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)
