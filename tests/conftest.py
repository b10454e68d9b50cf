"""Shared fixtures. Keep this small: fixtures only."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / "data" / "reports"


@pytest.fixture(scope="session")
def gazetteer():
    from graphload.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def seed_records():
    """The extract records of the five sample reports (skips until the reader exists)."""
    extract = pytest.importorskip(
        "graphload.extract", reason="graphload.extract (the reader) is not importable yet"
    )
    return [extract.extract_file(path) for path in extract.find_documents([REPORTS_DIR])]


@pytest.fixture(scope="session")
def seed_graph(seed_records, gazetteer):
    from graphload.build import build_graph

    return build_graph(seed_records, gazetteer)
