"""The ``peergraph`` command's entry point: the store's database server starts first.

A report spends most of its time on two things: the embedded database server
loading the database file (about 0.2 s at 10,000 documents) and this process
importing the command line and the database client (about 0.1 s). For the commands
that read the embedded store, the server is started here, before those imports, so
the two run side by side (``graphload.store.spawn.start_early``); the store then
takes that server over. Nothing depends on it: when the command does not open that
store (another folder, Neo4j, a usage error), the server is stopped at exit.

Only the standard library and ``graphload.store`` (light) are imported before the
server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The commands that open the embedded store to read it.
READING_COMMANDS = frozenset({"report", "cypher", "map", "export", "stats"})


def main() -> None:
    store_dir = store_to_start(sys.argv[1:])
    if store_dir is not None:
        from graphload.store.spawn import DATABASE_FILE, start_early

        start_early(store_dir / DATABASE_FILE)
    from graphload.cli import cli

    cli()


def store_to_start(args: list[str]) -> Path | None:
    """The embedded store folder the command ``args`` will read, as far as can be told
    without parsing it as click will (a wrong guess costs a server started for nothing),
    or None when it reads none."""
    from graphload.store import resolve_store_dir

    if not args or args[0] not in READING_COMMANDS:
        return None
    store: str | None = None
    for at, arg in enumerate(args):
        if arg in ("-h", "--help") or arg == "--":
            return None
        value = args[at + 1] if at + 1 < len(args) else ""
        if arg == "--backend" and value != "embedded":
            return None
        if arg.startswith("--backend=") and arg != "--backend=embedded":
            return None
        if arg == "--store" and value:
            store = value
        elif arg.startswith("--store="):
            store = arg.removeprefix("--store=")
    return resolve_store_dir(store)
