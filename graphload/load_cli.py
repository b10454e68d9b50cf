"""CLI commands for loading and inspecting the store (load, stats, push)."""

from __future__ import annotations

import sys
from typing import Any

import click

from graphload.cli_options import StoreTarget, council_option, jobs_option, store_options
from graphload.cli_output import error_line, note, say, warn
from graphload.errors import EXIT_FAILED, PeergraphError
from graphload.extract_cli import extract_command


@click.command(
    "load",
    epilog="""\b
Examples:
  peergraph load data/reports
  peergraph load new-report.html --store ~/peergraph-data
  peergraph load data/reports --reset          # start the store again from these
  peergraph load data/reports --backend neo4j --neo4j-uri bolt://localhost:7687""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--reset",
    is_flag=True,
    help="Empty the store (and its list of documents) before loading; "
    "a damaged database file is set aside.",
)
@click.option("-v", "--verbose", is_flag=True, help="Print every warning.")
@council_option()
@jobs_option()
@store_options()
def load_command(
    paths: tuple[str, ...],
    reset: bool,
    verbose: bool,
    store: StoreTarget,
    council_name: str | None = None,
    jobs: int | None = None,
) -> None:
    """Read peer challenge documents (files or folders) into the graph store.

    Loading is idempotent: the store always holds the graph of every document
    loaded so far, resolved together. Files in a folder that peergraph does not
    read are named and skipped. Exits 1 if any document could not be read, or
    if there was none to read.
    """
    from graphload.extract import find_documents, skipped_files
    from graphload.extract_cli import resolve_council_option
    from graphload.store import create_store_dir

    council = resolve_council_option(council_name)

    for path in skipped_files(paths):
        note(f"{path}: skipped, peergraph does not read {path.suffix or 'extension-less'} files")
    if not find_documents(paths):
        raise PeergraphError(f"no document peergraph reads in {', '.join(paths)}: nothing loaded")
    if store.backend == "embedded":
        from graphload.store.embedded import check_store_path

        check_store_path(store.directory)
        create_store_dir(store.store_dir)
    summary = _load(paths, store, reset, council, jobs)
    for line in summary.errors:
        error_line(line)
    for line in summary.notes:
        note(line)
    if verbose:
        for line in summary.warnings:
            warn(line)
    say(summary.summary_line())
    sys.exit(0 if summary.ok else EXIT_FAILED)


def _load(
    paths: tuple[str, ...],
    store: StoreTarget,
    reset: bool,
    council: Any = None,
    jobs: int | None = None,
) -> Any:
    from graphload.load import load_paths
    from graphload.store.embedded import DamagedStoreError, set_damaged_database_aside

    def run() -> Any:
        return load_paths(
            paths,
            store_dir=store.store_dir,
            backend=store.backend,
            reset=reset,
            progress=True,
            council=council,
            jobs=jobs,
            **store.neo4j_options,
        )

    try:
        return run()
    except DamagedStoreError as error:
        if not reset:
            raise
        aside = set_damaged_database_aside(error.database)
        note(f"the damaged database was set aside as {aside}")
        return run()


@click.command(
    "stats",
    epilog="""\b
Examples:
  peergraph stats
  peergraph stats --store ~/peergraph-data
  peergraph stats --backend neo4j""",
)
@store_options()
def stats_command(store: StoreTarget) -> None:
    """Count the store's documents, its nodes by label and relationships by type.

    Documents are counted twice: in the ledger (the store's record of every
    document loaded, from which the graph is built) and in the graph itself;
    a difference is explained.
    """
    from graphload.ledger import Ledger

    with store.open_for_reading() as opened:
        counts = opened.counts()
    in_graph = counts["nodes"].get("Document", 0)
    in_ledger = len(Ledger(store.directory))
    say(f"Documents: {in_ledger} in the ledger, {in_graph} in the graph")
    for heading, key in (("Nodes", "nodes"), ("Relationships", "relationships")):
        items = counts[key]
        say(f"{heading}: {sum(items.values())}")
        width = max((len(name) for name in items), default=0)
        for name, n in items.items():
            say(f"  {name:<{width}}  {n:>7}")
    if in_ledger > in_graph:
        again = " ".join(["peergraph load PATH", store.option_text()]).strip()
        note(
            f"the graph lacks {in_ledger - in_graph} of the ledger's documents (a load was "
            f"interrupted?): load any document again ({again}) to rebuild the graph from "
            "the ledger"
        )
    elif in_ledger < in_graph:
        note(
            f"the ledger ({store.directory / 'documents'}) lists {in_graph - in_ledger} fewer "
            "documents than the graph holds: the next load reads them again from where they "
            "were loaded from, and stops if it cannot; or restore that folder"
        )


@click.command(
    "push",
    epilog="""\b
Examples:
  peergraph push --neo4j-uri bolt://localhost:7687 --neo4j-password secret
  NEO4J_URI=bolt://db:7687 peergraph push --store ~/peergraph-data""",
)
@store_options(backend=False)
def push_command(store: StoreTarget) -> None:
    """Copy the embedded store's graph to a Neo4j server (which ends holding exactly it)."""
    from graphload.load import push_to_neo4j

    written = push_to_neo4j(store.store_dir, **store.neo4j)
    say(
        f"Pushed {written.nodes_written} nodes and {written.relationships_written} relationships "
        f"to Neo4j ({written.nodes_deleted} nodes and {written.relationships_deleted} "
        f"relationships no longer in the graph removed) in {written.seconds:.1f}s."
    )


load_commands: list[click.Command] = [load_command, stats_command, push_command]
#: graphload's commands, registered in pyproject.toml (entry points "peergraph.commands").
commands: list[click.Command] = [extract_command, *load_commands]
