"""CLI commands for drawing maps (map) and exporting the graph (export)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graphload.cli_options import StoreTarget, store_options
from graphload.cli_output import say
from graphload.errors import PeergraphError
from graphload.vocab.text import slugify

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_DIR = Path("data/maps")


class _ViewChoice(click.Choice):
    """A choice of the views' names, read from visualise.views (which imports
    networkx) only when an argument is checked or help is shown, so that
    ``peergraph --help`` stays fast."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        from visualise.views import VIEWS

        return tuple(VIEWS)

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:
        pass  # the names always come from visualise.views


#: the export formats (visualise.export.FORMATS, spelt here so --help needs no import)
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


def selection_options(default_view: str) -> Callable[[Callable], Callable]:
    """--view, --council, --peer, --depth and --years: which part of the graph
    (the same for ``map`` and ``export``)."""
    options = [
        click.option(
            "--view",
            type=_ViewChoice(),
            default=default_view,
            show_default=True,
            help="Which part of the graph (national: councils where they are).",
        ),
        click.option("--council", metavar="NAME", help="Only the neighbourhood of this council."),
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
            help="Only facts dated in these years (2012-2019, 2015, 2015-); "
            "undated relationships only when tied to a fact of those years.",
        ),
    ]

    def decorate(command: Callable) -> Callable:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _span(years: str | None) -> tuple[int | None, int | None] | None:
    from visualise.views import parse_years

    if years is None:
        return None
    try:
        return parse_years(years)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--years") from exc


def _open_in_browser(path: Path) -> None:
    """Open ``path`` in the desktop's browser, or say in one line why not (the map
    is written either way, so this is not a failure)."""
    where = path.resolve()
    if sys.platform == "darwin":
        command = ["open", str(where)]
    elif sys.platform.startswith("win"):  # pragma: no cover - not tested on Windows
        os.startfile(where)  # type: ignore[attr-defined]
        return
    else:
        opener = shutil.which("xdg-open")
        if not opener or not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            say(f"No browser to open here (no desktop session); open {where} in one.", err=True)
            return
        command = [opener, str(where)]
    try:
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        say(f"Could not start a browser; open {where} in one.", err=True)


def load_graph(backend: str, store_dir: Path | None, **neo4j_options: Any) -> nx.MultiDiGraph:
    """The whole graph from the store (a seam the tests replace); the store must exist."""
    from graphload.store import open_store

    with open_store(backend, store_dir, create=False, **neo4j_options) as store:
        return store.export_graph()


def _writable_output(out: Path) -> None:
    """Refuse, before any work, an output path the map could not be written to."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = (
            "a folder on its path is a file"
            if isinstance(error, (NotADirectoryError, FileExistsError))
            else (error.strerror or str(error))
        )
        raise PeergraphError(f"cannot write the map to {out}: {reason}") from None


def _default_output(view: str, focus: str | None) -> Path:
    stem = view if not focus else f"{view}-{focus}"
    return DEFAULT_DIR / f"{slugify(stem)}.html"


@click.command(
    "map",
    epilog="""\b
Examples:
  peergraph map                                  # everything, to data/maps/all.html
  peergraph map --council bury --depth 1 -o bury.html
  peergraph map --view peers --years 2015-2019
  peergraph map --view national --open""",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write [default: data/maps/VIEW[-NAME].html]",
)
@selection_options("all")
@click.option("--open", "open_it", is_flag=True, help="Open the map in a browser afterwards.")
@store_options()
def map_command(
    output: Path | None,
    view: str,
    council: str | None,
    peer: str | None,
    depth: int,
    years: str | None,
    open_it: bool,
    store: StoreTarget,
) -> None:
    """Draw an interactive network map as one offline HTML file.

    Hover a node or line for its facts, the sentence it was read from and the
    source document; click for details; find a node by name; tick kinds on or
    off; slide the years; save the view as PNG, SVG or CSV.
    """
    from visualise.render import render_map
    from visualise.select import MatchError

    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = _span(years)
    out = output or _default_output(view, council or peer)
    _writable_output(out)
    store_dir = Path(store.store_dir) if store.store_dir else None
    graph = load_graph(store.backend, store_dir, **store.neo4j_options)
    try:
        result = render_map(
            graph, out, view=view, council=council, peer=peer, depth=depth, years=span
        )
    except MatchError as exc:
        raise click.BadParameter(str(exc), param_hint="--council" if council else "--peer") from exc
    except OSError as error:
        raise PeergraphError(f"cannot write the map to {out}: {error.strerror or error}") from None
    say(f"Wrote {result.path}: {result.node_count} nodes, {result.edge_count} relationships.")
    say(result.description)
    if open_it:
        _open_in_browser(result.path)


@click.command(
    "export",
    epilog="""\b
Examples:
  peergraph export --format graphml -o peergraph.graphml
  peergraph export --format gexf --view national --years 2015-2019 -o national.gexf
  peergraph export --format csv -o import/
  neo4j-admin database import full --nodes=import/nodes.csv \\
      --relationships=import/relationships.csv neo4j""",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
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
@store_options()
def export_command(
    fmt: str,
    output: Path,
    view: str,
    council: str | None,
    peer: str | None,
    depth: int,
    years: str | None,
    store: StoreTarget,
) -> None:
    """Write the graph, or the part a map would show, for other tools.

    Every property travels, provenance (source document, line, evidence) included.
    """
    from visualise.export import export_graph
    from visualise.render import select
    from visualise.select import MatchError

    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = _span(years)
    store_dir = Path(store.store_dir) if store.store_dir else None
    graph = load_graph(store.backend, store_dir, **store.neo4j_options)
    try:
        chosen = select(graph, view=view, council=council, peer=peer, depth=depth, years=span)
    except MatchError as exc:
        raise click.BadParameter(str(exc), param_hint="--council" if council else "--peer") from exc
    try:
        result = export_graph(chosen.graph, fmt, output)
    except OSError as error:
        raise PeergraphError(f"cannot write {output}: {error.strerror or error}") from None
    where = ", ".join(str(p) for p in result.paths)
    say(f"Wrote {where}: {result.node_count} nodes, {result.edge_count} relationships.")
    say(" ".join(chosen.said))


map_commands: list[click.Command] = [map_command, export_command]
