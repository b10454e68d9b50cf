"""``peergraph demo``: the main job, as ``make demo`` runs it."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from graphload.cli_options import StoreTarget, store_options
from graphload.cli_output import say
from graphload.errors import EXIT_FAILED

DEFAULT_REPORTS = "data/reports"


@click.command(
    "demo",
    epilog="""\b
Examples:
  peergraph demo                       # the sample reports in ./data/reports
  peergraph demo ~/reports --store /tmp/demo-store --maps /tmp/demo-maps""",
)
@click.argument("reports", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option(
    "--maps",
    "maps_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the maps [default: a maps/ folder beside REPORTS].",
)
@store_options()
def demo_command(reports: Path | None, maps_dir: Path | None, store: StoreTarget) -> None:
    """The main job: load REPORTS (a folder) into the store, print two reports, draw maps."""
    from visualise.demo import run_demo

    if reports is None:
        reports = Path(DEFAULT_REPORTS)
        if not reports.is_dir():
            raise click.UsageError(
                f"there is no {DEFAULT_REPORTS} folder here: give the folder of reports, "
                "e.g. peergraph demo path/to/reports"
            )
    elif not reports.is_dir():
        raise click.BadParameter(f"{reports} is not a folder", param_hint="REPORTS")
    maps_dir = maps_dir or reports.resolve().parent / "maps"
    result = run_demo(
        reports, store.store_dir, maps_dir, echo=say, backend=store.backend, **store.neo4j_options
    )
    say("\nResults:")
    if store.backend == "embedded":
        say(f"  graph store   {store.directory}/  (try: {_with(store, 'peergraph stats')})")
    for path in result.maps:
        say(f"  map           {path}")
    council = shlex.quote(result.council.lower()) if result.council else None
    hints = ["peergraph reports"]
    if council:
        hints.append(_with(store, f"peergraph report council {council}"))
    hints.append(_with(store, "peergraph cypher 'MATCH (p:Peer) RETURN p.name'"))
    say("  next          " + "; ".join(hints))
    say("                (after make demo, first: . .venv/bin/activate)")
    if result.failed:
        raise SystemExit(EXIT_FAILED)


def _with(store: StoreTarget, command: str) -> str:
    """``command`` with the options that reach ``store`` (none for the default one)."""
    return " ".join(part for part in (command, store.option_text()) if part)
