"""``peergraph extract``: print what the reader finds in documents."""

import click


@click.command("extract")
def extract_command() -> None:
    """Read peer challenge documents and print what they say."""
