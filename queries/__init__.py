"""Canned reports over the peergraph graph, as Cypher files.

from queries import list_reports, run_report, format_rows
with open_store() as store:
    result = run_report(store, "council", council="bury")
    print(format_rows(result, "table"))
"""

from queries.catalog import ParamSpec, ReportSpec, UnknownReport, get_report, list_reports
from queries.format import format_rows
from queries.names import AmbiguousName, UnknownName
from queries.readonly import find_write, is_read_only
from queries.run import ReportError, ReportResult, run_report

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
