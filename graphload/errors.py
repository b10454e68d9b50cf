"""The one root of peergraph's errors, and its exit codes.

Every error peergraph raises on purpose derives from ``PeergraphError`` and its
``str()`` is the complete sentence to show the user. The command line prints it
as one ``error:`` line and exits ``EXIT_FAILED``; usage mistakes (a bad option,
a missing argument) are click's and exit ``EXIT_USAGE``.
"""

EXIT_OK = 0
EXIT_FAILED = 1  # something could not be done: a bad file, an unreachable store...
EXIT_USAGE = 2  # the command line itself is wrong


class PeergraphError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence."""


class ReadError(PeergraphError):
    """A document could not be read (missing, binary, undecodable...)."""


class StoreError(PeergraphError):
    """The store could not do what was asked; the message is one clear line."""
