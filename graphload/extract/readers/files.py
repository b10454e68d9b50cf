"""Open a document file safely: only regular files, bounded in size, never hanging."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from graphload.errors import ReadError
from graphload.extract.readers.base import MAX_FILE_BYTES, shown


def check_name(path: Path) -> None:
    """Refuse a name that cannot be printed or stored as text (not valid UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise ReadError(
            f"{shown(path)}: the file name is not valid UTF-8; rename the file to read it"
        ) from None


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes. A FIFO, socket, device or folder is refused at once."""
    check_name(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(f"{shown(path)}: a symbolic link to nothing") from None
        raise ReadError(f"{shown(path)}: no such file or folder") from None
    except IsADirectoryError:
        raise ReadError(f"{shown(path)}: a folder, not a document") from None
    except OSError as error:
        if error.errno == 40:  # ELOOP: a symbolic link that points to itself, in a circle
            raise ReadError(f"{shown(path)}: a loop of symbolic links") from None
        raise ReadError(f"{shown(path)}: cannot read it ({error.strerror or error})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{shown(path)}: a folder, not a document")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(
                f"{shown(path)}: not a regular file (a FIFO, socket or device); "
                "peergraph reads only files"
            )
        if info.st_size > limit:
            raise ReadError(
                f"{shown(path)}: {info.st_size // 2**20} MB is larger than the "
                f"{limit // 2**20} MB a report can be"
            )
        try:
            os.set_blocking(handle.fileno(), True)
            data = handle.read(limit + 1)
        except OSError as error:
            raise ReadError(f"{shown(path)}: cannot read it ({error.strerror or error})") from None
    if len(data) > limit:
        raise ReadError(f"{shown(path)}: larger than the {limit // 2**20} MB a report can be")
    return data
