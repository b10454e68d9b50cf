"""The ``peergraph`` command line: a thin layer over the library."""

from __future__ import annotations

import click

from graphload import __version__
from graphload.extract_cli import extract_command
from graphload.load_cli import load_commands
from queries.cli import query_commands
from visualise.cli import map_commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="peergraph")
def cli() -> None:
    """peergraph: the network of English councils' LGA peer challenges.

    Read reports (extract), build the graph (load), ask it (report, cypher)
    and draw it (map).
    """


cli.add_command(extract_command)
for command in (*load_commands, *query_commands, *map_commands):
    cli.add_command(command)
