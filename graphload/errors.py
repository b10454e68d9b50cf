"""Errors that carry a one-line message fit to show a user."""


class PeergraphError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence."""


class ReadError(PeergraphError):
    """A document could not be read (missing, binary, undecodable...)."""
