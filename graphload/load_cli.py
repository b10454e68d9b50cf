"""CLI commands for loading and inspecting the store (load, stats, push)."""

load_commands: list = []
