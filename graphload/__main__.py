from graphload.cli import cli

cli()
