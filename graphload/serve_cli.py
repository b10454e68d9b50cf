"""``peergraph serve``: keep a store's database server running between commands.

Every command that opens the embedded store starts its database server and loads the
database file (about 0.4 s for 10,000 documents), then stops it. While ``serve`` runs,
commands given the same ``--store`` find its server through the registry beside the
database and use it (as they would a server left by a crashed command), so they skip
both. ``serve`` stays in the foreground and says so; Ctrl-C (or SIGTERM) stops it,
saving what changed, and the server with it once no other command is using it.
"""

from __future__ import annotations

import signal

import click

from graphload.cli_options import StoreTarget, store_parameters
from graphload.cli_output import note


@click.command(
    "serve",
    epilog="""\b
Example:
  peergraph serve --store big-store &
  peergraph report council bury --store big-store   # uses the running server
  kill %1                                           # or Ctrl-C in its terminal""",
)
def serve_command(store_dir: str | None) -> None:
    """Keep the embedded store's database running, so that other commands skip starting it.

    Runs in the foreground until Ctrl-C or SIGTERM, then stops the database (saving
    what changed) unless another command is still using it."""
    store = StoreTarget(store_dir=store_dir)
    stop = _stop_signals()
    with store.open_for_reading() as opened:
        server_pid = getattr(opened, "server_pid", 0)  # the embedded store's
        note(
            f"serving the store {store.directory} (database server pid {server_pid}): "
            f"commands with --store {store.directory} use it; Ctrl-C stops it"
        )
        signal.sigwait(stop)
    note(f"stopped serving the store {store.directory}")


serve_command.params.append(store_parameters(backend=False)[0])  # --store only


def _stop_signals() -> set[signal.Signals]:
    """SIGINT and SIGTERM, blocked so that they wait for sigwait (and the store closes)."""
    stop = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop)
    return stop
