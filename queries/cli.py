"""CLI commands for asking the graph (reports, report, cypher)."""

query_commands: list = []
