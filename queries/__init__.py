"""Canned reports over the peergraph graph, as Cypher files.

from queries import list_reports, run_report, format_rows
with open_store() as store:
    result = run_report(store, "council", council="bury")
    print(format_rows(result, "table"))

The names below are loaded on first use, so that importing ``queries.cli`` (as
every ``peergraph`` command does, ``--help`` too) reads no catalogue or matcher.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from queries.catalog import ParamSpec, ReportSpec, UnknownReport, get_report, list_reports
    from queries.format import format_rows
    from queries.names import AmbiguousName, UnknownName
    from queries.readonly import find_write, is_read_only
    from queries.run import ReportError, ReportResult, run_report

_HOMES = {
    "AmbiguousName": "queries.names",
    "ParamSpec": "queries.catalog",
    "ReportError": "queries.run",
    "ReportResult": "queries.run",
    "ReportSpec": "queries.catalog",
    "UnknownName": "queries.names",
    "UnknownReport": "queries.catalog",
    "find_write": "queries.readonly",
    "format_rows": "queries.format",
    "get_report": "queries.catalog",
    "is_read_only": "queries.readonly",
    "list_reports": "queries.catalog",
    "run_report": "queries.run",
}
__all__ = [
    "AmbiguousName",
    "ParamSpec",
    "ReportError",
    "ReportResult",
    "ReportSpec",
    "UnknownName",
    "UnknownReport",
    "find_write",
    "format_rows",
    "get_report",
    "is_read_only",
    "list_reports",
    "run_report",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
