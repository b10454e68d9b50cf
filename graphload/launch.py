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

The commands that only print (``report``, ``cypher``, ``stats``) also end quickly:
Python's own exit spends about 35 ms taking apart the modules they imported (redis-py
and asyncio among them), with nothing left to finish once standard output and error
are flushed and the exit handlers (which stop a server no command took over) have run.
"""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path

#: The commands that open the embedded store to read it.
READING_COMMANDS = frozenset({"report", "cypher", "map", "export", "stats"})
#: The commands whose only output is what they print.
PRINTING_COMMANDS = frozenset({"report", "cypher", "stats"})


def main() -> None:
    args = sys.argv[1:]
    store_dir = store_to_start(args)
    if store_dir is not None:
        from graphload.store.spawn import DATABASE_FILE, start_early

        start_early(store_dir / DATABASE_FILE)
    from graphload.cli import cli

    if not args or args[0] not in PRINTING_COMMANDS:
        cli()
        return
    try:
        cli()
    except SystemExit as done:
        _exit_now(done.code)
    _exit_now(0)


def _exit_now(code: object) -> None:
    """End the process as ``sys.exit(code)`` would, without Python's module teardown."""
    if isinstance(code, str):
        print(code, file=sys.stderr)
    status = code if isinstance(code, int) else (0 if code is None else 1)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): nothing more can be said
            pass
    atexit._run_exitfuncs()
    os._exit(status)


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
