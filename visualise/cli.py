"""CLI command for drawing maps (map)."""

from __future__ import annotations

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
  peergraph map --view peers --years 2015-2019""",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write [default: data/maps/VIEW[-NAME].html]",
)
@click.option(
    "--view",
    type=_ViewChoice(),
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
    source document; click for details; find a node by name; tick kinds on or off.
    """
    from visualise.render import render_map
    from visualise.select import MatchError
    from visualise.views import parse_years

    if council and peer:
        raise click.UsageError("give --council or --peer, not both")
    span = None
    if years is not None:
        try:
            span = parse_years(years)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--years") from exc
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
        click.launch(str(result.path.resolve()))


map_commands: list[click.Command] = [map_command]
