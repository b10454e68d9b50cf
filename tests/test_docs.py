"""Every command and every option is documented in the README (as sqlite-utils does).

Each command has a ``#### `peergraph NAME``` section in the command reference; each
of its options is named there, except the shared store options, which the section
links to (they are documented once, in "Store options").
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from graphload.cli import cli
from graphload.cli_options import store_parameters

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
STORE_OPTIONS = {opt for p in store_parameters() for opt in p.opts}
CONTEXT = click.Context(cli)
COMMANDS = cli.list_commands(CONTEXT)


def section(name: str) -> str:
    match = re.search(rf"^#### `peergraph {name}`\n(.*?)(?=^#|\Z)", README, re.M | re.S)
    assert match, f"README.md has no '#### `peergraph {name}`' section"
    return match.group(1)


def long_options(command: click.Command) -> list[str]:
    return [
        max(p.opts, key=len)
        for p in command.params
        if isinstance(p, click.Option) and p.name != "help"
    ]


def test_the_commands_are_all_there() -> None:
    assert {"extract", "load", "stats", "reports", "report", "cypher", "map", "push", "demo"} <= (
        set(COMMANDS)
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_table_and_reference(name: str) -> None:
    assert f"| `peergraph {name}" in README
    section(name)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name: str) -> None:
    command = cli.get_command(CONTEXT, name)
    assert command is not None
    commands = [command]
    if isinstance(command, click.Group):  # report: each canned report's own options too
        sub = click.Context(command, parent=CONTEXT)
        commands += [command.get_command(sub, n) for n in command.list_commands(sub)]
    text = section(name)
    for each in commands:
        for option in long_options(each):
            if option in STORE_OPTIONS:
                assert "(#store-options)" in text, f"{name}: link the store options"
            else:
                named = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text)
                assert named, f"README: {name} does not document {option}"


def test_store_options_are_documented_once_with_their_environment() -> None:
    table = README.split("### Store options", 1)[1].split("###", 1)[0]
    for param in store_parameters():
        assert f"`{param.opts[0]}" in table
        if param.envvar:
            assert f"`{param.envvar}`" in table


def test_exit_codes_are_documented() -> None:
    table = README.split("### Exit status and messages", 1)[1].split("###", 1)[0]
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in table
