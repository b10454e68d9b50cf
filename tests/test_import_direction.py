"""One direction of imports: graphload <- queries <- visualise.

``graphload`` (model, vocabulary, reading, building, stores) knows nothing of
``queries`` or ``visualise``; ``queries`` knows nothing of ``visualise``. Read from
the source (every ``import`` statement, including those inside functions), so a
lazy import cannot hide a cycle. See docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: package -> the packages it must never import
FORBIDDEN = {
    "graphload": {"queries", "visualise"},
    "queries": {"visualise"},
}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_against_the_direction(package: str) -> None:
    wrong = []
    for path in _modules(package):
        relative = path.relative_to(ROOT).as_posix()
        for imported in sorted(_imported_packages(path) & FORBIDDEN[package]):
            wrong.append(f"{relative} imports {imported}")
    assert wrong == []


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import queries.names\n"
        "def later():\n"
        "    from visualise import render\n"
        "from graphload.model import Label\n"
        "from . import sibling\n",
        encoding="utf-8",
    )
    assert _imported_packages(sample) == {"queries", "visualise", "graphload"}


def test_the_root_command_finds_every_package_through_entry_points() -> None:
    """graphload/cli.py composes the others without importing them."""
    from click import Context

    from graphload.cli import cli

    registered = cli.list_commands(Context(cli))
    assert {"extract", "load", "report", "cypher", "map", "demo"} <= set(registered)
    assert _imported_packages(ROOT / "graphload" / "cli.py") & {"queries", "visualise"} == set()
