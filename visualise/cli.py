"""CLI command for drawing maps (map)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import networkx as nx

from visualise.export import FORMATS, export_graph
from visualise.render import render_map, select
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
    slug = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-")
    return DEFAULT_DIR / f"{slug}.html"


def _open_in_browser(path: Path) -> None:
    """Open ``path`` in the desktop's browser, or say in one line why not (the map is
    written either way, so this is not a failure)."""
    where = path.resolve()
    if sys.platform == "darwin":
        command = ["open", str(where)]
    elif sys.platform.startswith("win"):  # pragma: no cover - not tested on Windows
        os.startfile(where)  # type: ignore[attr-defined]  # noqa: S606
        return
    else:
        opener = shutil.which("xdg-open")
        if not opener or not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            click.echo(
                f"No browser to open here (no desktop session); open {where} in one.", err=True
            )
            return
        command = [opener, str(where)]
    try:
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        click.echo(f"Could not start a browser; open {where} in one.", err=True)


def _parse_span(years: str | None) -> tuple[int | None, int | None] | None:
    if years is None:
        return None
    try:
        return parse_years(years)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--years") from exc


def selection_options(default_view: str) -> Callable[[Callable], Callable]:
    """--view, --council, --peer, --depth and --years: what part of the graph."""

    def decorate(command: Callable) -> Callable:
        for option in reversed(
            [
                click.option(
                    "--view",
                    type=click.Choice(list(VIEWS)),
                    default=default_view,
                    show_default=True,
                    help="Which part of the graph.",
                ),
                click.option(
                    "--council", metavar="NAME", help="Only the neighbourhood of this council."
                ),
                click.option("--peer", metavar="NAME", help="Only the neighbourhood of this peer."),
                click.option(
                    "--depth",
                    type=click.IntRange(0, 10),
                    default=2,
                    show_default=True,
                    help="Steps from --council/--peer to include.",
                ),
                click.option(
                    "--years",
                    metavar="FROM-TO",
                    help="Only facts dated in these years, e.g. 2012-2019, 2015, 2015-.",
                ),
            ]
        ):
            command = option(command)
        return command

    return decorate


def store_options(command: Callable) -> Callable:
    command = click.option(
        "--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True
    )(command)
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Embedded store directory [default: $PEERGRAPH_STORE or ./peergraph-data].",
    )(command)


@click.command("map")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write [default: data/maps/VIEW[-NAME].html]",
)
@selection_options("all")
@store_options
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
    source document; click for details; find a node by name; tick kinds on or
    off; slide the years; save the view as PNG, SVG or CSV.

    \b
    Examples:
      peergraph map --view national --open
      peergraph map --council bromsgrove --depth 1 --years 2012-2019
    """
    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = _parse_span(years)
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
        _open_in_browser(result.path)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="graphml (Gephi, Cytoscape), gexf (Gephi), json (node-link), csv (neo4j-admin import).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    required=True,
    help="File to write; for csv, a folder (nodes.csv and relationships.csv).",
)
@selection_options("everything")
@store_options
def export_command(
    fmt: str,
    output: Path,
    view: str,
    council: str | None,
    peer: str | None,
    depth: int,
    years: str | None,
    store_dir: Path | None,
    backend: str,
) -> None:
    """Write the graph, or the part a map would show, for other tools.

    \b
    Examples:
      peergraph export --format graphml -o peergraph.graphml
      peergraph export --format csv -o import/ && \\
        neo4j-admin database import full --nodes=import/nodes.csv \\
          --relationships=import/relationships.csv --array-delimiter=";" neo4j
      peergraph export --format gexf --view national --years 2015-2019 -o national.gexf
    """
    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = _parse_span(years)
    graph = load_graph(backend, store_dir)
    try:
        chosen = select(graph, view=view, council=council, peer=peer, depth=depth, years=span)
    except MatchError as exc:
        raise click.BadParameter(str(exc), param_hint="--council" if council else "--peer") from exc
    try:
        result = export_graph(chosen.graph, fmt, output)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    where = ", ".join(str(p) for p in result.paths)
    click.echo(f"Wrote {where}: {result.node_count} nodes, {result.edge_count} relationships.")
    click.echo(" ".join(chosen.said))


map_commands: list[click.Command] = [map_command, export_command]
