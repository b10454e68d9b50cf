"""CLI commands for loading and inspecting the store (load, stats, push)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from graphload.errors import PeergraphError
from graphload.store import BACKENDS, StoreError

F = Callable[..., Any]


def store_option(command: F) -> F:
    return click.option(
        "--store",
        "store_dir",
        envvar="PEERGRAPH_STORE",
        type=click.Path(file_okay=False),
        default=None,
        help="Store directory (default ./peergraph-data, or $PEERGRAPH_STORE).",
    )(command)


def backend_option(command: F) -> F:
    return click.option(
        "--backend",
        type=click.Choice(BACKENDS),
        default="embedded",
        show_default=True,
        help="embedded: FalkorDB in the store directory; neo4j: a Neo4j server.",
    )(command)


def neo4j_options(command: F) -> F:
    options = [
        click.option(
            "--neo4j-uri", envvar="NEO4J_URI", help="e.g. bolt://localhost:7687 [$NEO4J_URI]"
        ),
        click.option("--neo4j-username", envvar="NEO4J_USERNAME", help="[$NEO4J_USERNAME]"),
        # No prompt and no default shown: the password must never be echoed.
        click.option("--neo4j-password", envvar="NEO4J_PASSWORD", help="[$NEO4J_PASSWORD]"),
        click.option("--neo4j-database", envvar="NEO4J_DATABASE", help="[$NEO4J_DATABASE]"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _neo4j_kwargs(options: dict[str, Any]) -> dict[str, Any]:
    return {
        "uri": options.get("neo4j_uri"),
        "username": options.get("neo4j_username"),
        "password": options.get("neo4j_password"),
        "database": options.get("neo4j_database"),
    }


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@click.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--reset", is_flag=True, help="Empty the store before loading.")
@backend_option
@neo4j_options
@click.option("-v", "--verbose", is_flag=True, help="Print every warning.")
@click.option(
    "--council",
    "council_name",
    metavar="NAME",
    help="The reviewed council, for documents that never name it.",
)
def load_command(
    paths: tuple[str, ...],
    store_dir: str | None,
    reset: bool,
    backend: str,
    verbose: bool,
    council_name: str | None = None,
    **options: Any,
) -> None:
    """Read peer challenge documents (files or directories) into the graph store.

    Loading is idempotent: the store always holds the graph of every document
    loaded so far, resolved together. Exits 1 if any document could not be read.
    """
    from graphload.extract_cli import resolve_council_option
    from graphload.load import load_paths

    council = resolve_council_option(council_name)
    kwargs = _neo4j_kwargs(options) if backend == "neo4j" else {}
    try:
        summary = load_paths(
            paths,
            store_dir=store_dir,
            backend=backend,
            reset=reset,
            progress=True,
            council=council,
            **kwargs,
        )
    except (StoreError, PeergraphError) as error:
        _fail(str(error))
        return
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)
    if verbose:
        for line in summary.warnings:
            click.echo(f"warning: {line}", err=True)
    click.echo(summary.summary_line())
    sys.exit(0 if summary.ok else 1)


@click.command("stats")
@store_option
@backend_option
@neo4j_options
def stats_command(store_dir: str | None, backend: str, **options: Any) -> None:
    """Count the store's nodes by label and relationships by type."""
    from graphload.load import store_counts

    kwargs = _neo4j_kwargs(options) if backend == "neo4j" else {}
    try:
        counts = store_counts(store_dir, backend, **kwargs)
    except StoreError as error:
        _fail(str(error))
        return
    for heading, key in (("Nodes", "nodes"), ("Relationships", "relationships")):
        items = counts[key]
        click.echo(f"{heading}: {sum(items.values())}")
        width = max((len(name) for name in items), default=0)
        for name, n in items.items():
            click.echo(f"  {name:<{width}}  {n:>7}")


@click.command("push")
@store_option
@neo4j_options
def push_command(store_dir: str | None, **options: Any) -> None:
    """Copy the embedded store's graph to a Neo4j server (which ends holding exactly it)."""
    from graphload.load import push_to_neo4j

    try:
        written = push_to_neo4j(store_dir, **_neo4j_kwargs(options))
    except StoreError as error:
        _fail(str(error))
        return
    click.echo(
        f"Pushed {written.nodes_written} nodes and {written.relationships_written} relationships "
        f"to Neo4j ({written.nodes_deleted} nodes and {written.relationships_deleted} "
        f"relationships no longer in the graph removed) in {written.seconds:.1f}s."
    )


load_commands: list[click.Command] = [load_command, stats_command, push_command]
