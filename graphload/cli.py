"""The ``peergraph`` command line: a thin layer over the library."""

from __future__ import annotations

from pathlib import Path

import click

from graphload import __version__
from graphload.errors import PeergraphError
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


@cli.command("demo")
@click.argument(
    "reports", type=click.Path(exists=True, file_okay=False, path_type=Path), default="data/reports"
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    envvar="PEERGRAPH_STORE",
    default="peergraph-data",
    show_default=True,
    help="The embedded store's directory.",
)
@click.option(
    "--maps",
    "maps_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the maps [default: a maps/ folder beside REPORTS].",
)
def demo_command(reports: Path, store_dir: Path, maps_dir: Path | None) -> None:
    """The main job: load REPORTS into the embedded store, print two reports, draw maps."""
    from graphload.demo import run_demo
    from graphload.store import StoreError

    maps_dir = maps_dir or reports.resolve().parent / "maps"
    try:
        result = run_demo(reports, store_dir, maps_dir, echo=click.echo)
    except (PeergraphError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    click.echo("\nResults:")
    click.echo(f"  graph store   {store_dir}/  (try: peergraph stats --store {store_dir})")
    for path in result.maps:
        click.echo(f"  map           {path}")
    click.echo(
        "  next          peergraph reports; peergraph report council bury; "
        "peergraph cypher 'MATCH (p:Peer) RETURN p.name'"
    )
    click.echo("                (after make demo, first: . .venv/bin/activate)")
    if result.failed:
        raise SystemExit(1)
