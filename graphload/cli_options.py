"""The store options, defined once for every command that opens a store.

``@store_options()`` adds ``--store``, ``--backend`` and the ``--neo4j-*``
options to a command and hands it one ``StoreTarget`` (argument ``store``)
instead of six values. Commands built at run time (one per canned report) use
``store_parameters()`` and ``StoreTarget.from_values()`` the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graphload.store import BACKENDS, DEFAULT_STORE_DIR, open_store, resolve_store_dir

if TYPE_CHECKING:
    from graphload.store.base import GraphStore

F = Callable[..., Any]
NEO4J_KEYS = ("uri", "username", "password", "database")


@dataclass(frozen=True)
class StoreTarget:
    """Which store a command works on, as the user chose it."""

    backend: str = "embedded"
    store_dir: str | None = None
    neo4j: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> StoreTarget:
        """Take (and remove) the store options' values from a command's arguments."""
        neo4j = {key: values.pop(f"neo4j_{key}", None) for key in NEO4J_KEYS}
        return cls(values.pop("backend", "embedded"), values.pop("store_dir", None), neo4j)

    @property
    def directory(self) -> Path:
        return resolve_store_dir(self.store_dir)

    @property
    def neo4j_options(self) -> dict[str, str | None]:
        return dict(self.neo4j) if self.backend == "neo4j" else {}

    def option_text(self) -> str:
        """The options that reach this store again, for a hint ('' for the default)."""
        parts = []
        if self.directory != Path(DEFAULT_STORE_DIR):
            parts.append(f"--store {self.directory}")
        if self.backend != "embedded":
            parts.append(f"--backend {self.backend}")
        return " ".join(parts)

    def open_for_reading(self) -> GraphStore:
        """The store, which must exist (a missing one is an error, never created)."""
        return self.open(create=False)

    def open(self, create: bool) -> GraphStore:
        return open_store(self.backend, self.store_dir, create=create, **self.neo4j_options)


def store_parameters(backend: bool = True) -> list[click.Parameter]:
    """--store, --backend (unless ``backend`` is False) and --neo4j-*."""
    params: list[click.Parameter] = [
        click.Option(
            ["--store", "store_dir"],
            envvar="PEERGRAPH_STORE",
            type=click.Path(file_okay=False),
            default=None,
            metavar="DIR",
            help="The embedded store's folder "
            f"[default: $PEERGRAPH_STORE or ./{DEFAULT_STORE_DIR}].",
        )
    ]
    if backend:
        params.append(
            click.Option(
                ["--backend"],
                type=click.Choice(BACKENDS),
                default="embedded",
                show_default=True,
                help="embedded: FalkorDB in the store folder; neo4j: a Neo4j server.",
            )
        )
    params += [
        click.Option(
            ["--neo4j-uri"],
            envvar="NEO4J_URI",
            metavar="URI",
            help="Neo4j server, e.g. bolt://localhost:7687 [$NEO4J_URI].",
        ),
        click.Option(
            ["--neo4j-username"], envvar="NEO4J_USERNAME", metavar="NAME", help="[$NEO4J_USERNAME]"
        ),
        # No prompt and no default shown: the password must never be echoed.
        click.Option(
            ["--neo4j-password"],
            envvar="NEO4J_PASSWORD",
            metavar="SECRET",
            help="[$NEO4J_PASSWORD]",
        ),
        click.Option(
            ["--neo4j-database"], envvar="NEO4J_DATABASE", metavar="NAME", help="[$NEO4J_DATABASE]"
        ),
    ]
    return params


def store_options(backend: bool = True) -> Callable[[F], F]:
    """Decorator: the command receives ``store: StoreTarget``."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **values: Any) -> Any:
            values["store"] = StoreTarget.from_values(values)
            return command(*args, **values)

        params = getattr(wrapper, "__click_params__", [])
        wrapper.__click_params__ = [*params, *reversed(store_parameters(backend))]  # type: ignore[attr-defined]
        return wrapper

    return decorate


def council_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--council NAME``: the reviewed council, for documents that never name it."""
    return click.option(
        "--council",
        "council_name",
        metavar="NAME",
        help="The reviewed council, for documents that never name it.",
    )


def jobs_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--jobs N``: how many processes read documents; the output never depends on it."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Processes reading documents (default: the machine's cores); same output.",
    )
