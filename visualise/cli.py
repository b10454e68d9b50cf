"""CLI command for drawing maps (map)."""

map_commands: list = []
