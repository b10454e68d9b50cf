"""The database servers a test left running: none, after every command."""

from __future__ import annotations

from pathlib import Path

import psutil


def servers_of(store_dir: Path) -> list[psutil.Process]:
    """Live redis-servers whose working folder is the store's (where a store's server
    runs: its database's folder)."""
    found = []
    for process in psutil.process_iter(["name", "cwd", "status"]):
        info = process.info
        if (
            info["name"] == "redis-server"
            and info["status"] != psutil.STATUS_ZOMBIE
            and info["cwd"] == str(store_dir.resolve())
        ):
            found.append(process)
    return found
