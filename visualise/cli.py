"""CLI command for drawing maps (map)."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from graphload.vocab.text import slugify
from visualise.render import render_map
from visualise.select import MatchError
from visualise.views import VIEWS, parse_years

DEFAULT_DIR = Path("data/maps")


def load_graph(backend: str, store_dir: Path | None) -> nx.MultiDiGraph:
    """The whole graph from the store (a seam the tests replace)."""
    try:
        from graphload.store import open_store
    except ImportError as exc:  # pragma: no cover - the store ships with the package
        raise click.ClickException(f"the graph store is not available: {exc}") from exc
    with open_store(backend=backend, store_dir=store_dir) as store:
        return store.export_graph()


def _default_output(view: str, focus: str | None) -> Path:
    stem = view if not focus else f"{view}-{focus}"
    return DEFAULT_DIR / f"{slugify(stem)}.html"


@click.command("map")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write [default: data/maps/VIEW[-NAME].html]",
)
@click.option(
    "--view",
    type=click.Choice(list(VIEWS)),
    default="all",
    show_default=True,
    help="Which part of the graph to draw.",
)
@click.option("--council", metavar="NAME", help="Only the neighbourhood of this council.")
@click.option("--peer", metavar="NAME", help="Only the neighbourhood of this peer.")
@click.option(
    "--depth",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Steps from --council/--peer to include.",
)
@click.option(
    "--years",
    metavar="FROM-TO",
    help="Only reviews (and dated relationships) of these years, e.g. 2012-2019.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Embedded store directory [default: $PEERGRAPH_STORE or ./peergraph-data].",
)
@click.option(
    "--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True
)
@click.option("--open", "open_it", is_flag=True, help="Open the map in a browser afterwards.")
def map_command(
    output: Path | None,
    view: str,
    council: str | None,
    peer: str | None,
    depth: int,
    years: str | None,
    store_dir: Path | None,
    backend: str,
    open_it: bool,
) -> None:
    """Draw an interactive network map as one offline HTML file.

    Hover a node or line for its facts, the sentence it was read from and the
    source document; click for details; find a node by name; tick kinds on or off.
    """
    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = None
    if years is not None:
        try:
            span = parse_years(years)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--years") from exc
    graph = load_graph(backend, store_dir)
    out = output or _default_output(view, council or peer)
    try:
        result = render_map(
            graph, out, view=view, council=council, peer=peer, depth=depth, years=span
        )
    except MatchError as exc:
        raise click.BadParameter(str(exc), param_hint="--council" if council else "--peer") from exc
    click.echo(
        f"Wrote {result.path}: {result.node_count} nodes, {result.edge_count} relationships."
    )
    click.echo(result.description)
    if open_it:
        click.launch(str(result.path.resolve()))


map_commands: list[click.Command] = [map_command]
