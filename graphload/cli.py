"""The ``peergraph`` root command: composes the commands other packages register.

``graphload`` knows nothing of ``queries`` or ``visualise``. Each package
registers its commands under the ``peergraph.commands`` entry point group in
``pyproject.toml`` (a command, or a list of commands); this group loads them
when the command line is parsed. It is also the one place where errors become
output: a ``PeergraphError`` is printed as one ``error:`` line with exit 1;
click's usage errors exit 2.
"""

from __future__ import annotations

from functools import cached_property
from importlib.metadata import entry_points
from typing import Any

import click

from graphload import __version__
from graphload.cli_output import error_line
from graphload.errors import EXIT_FAILED, PeergraphError

ENTRY_POINT_GROUP = "peergraph.commands"


class PeergraphGroup(click.Group):
    """A group whose commands come from entry points, and that turns errors into lines."""

    @cached_property
    def registered(self) -> dict[str, click.Command]:
        commands: dict[str, click.Command] = {}
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            loaded = entry.load()
            for command in loaded if isinstance(loaded, list | tuple) else [loaded]:
                if command.name:
                    commands[command.name] = command
        if not commands:
            click.echo(
                "warning: no peergraph commands are registered; reinstall peergraph "
                "(pip install -e . in a checkout, or make dev)",
                err=True,
            )
        return commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.registered))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self.commands.get(cmd_name) or self.registered.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PeergraphError as error:
            error_line(str(error))
            ctx.exit(EXIT_FAILED)


@click.group(
    cls=PeergraphGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  peergraph load data/reports
  peergraph report council bury
  peergraph map --council bury -o bury.html

Exit status: 0 done, 1 failed (one 'error:' line says why), 2 usage error.""",
)
@click.version_option(__version__, prog_name="peergraph")
def cli() -> None:
    """peergraph: the network of English councils' LGA peer challenges.

    Read reports (extract), build the graph (load), ask it (report, cypher)
    and draw it (map).
    """


def _add_own_commands() -> None:
    from graphload.serve_cli import serve_command

    cli.add_command(serve_command)


_add_own_commands()
