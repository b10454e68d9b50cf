"""CLI commands for asking the graph: ``reports``, ``report NAME …`` and ``cypher``."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from queries.catalog import ReportSpec, UnknownReport, get_report, list_reports
from queries.format import FORMATS, format_rows
from queries.names import NameError_
from queries.readonly import find_write
from queries.run import ReportError, ReportResult, run_report


def _common_options() -> list[click.Parameter]:
    """--format, --store and --backend, shared by every command here."""
    return [
        click.Option(
            ["--format", "fmt"],
            type=click.Choice(FORMATS),
            default="table",
            show_default=True,
            help="table (fits 80 columns), json (a list of row objects) or csv.",
        ),
        click.Option(
            ["--store", "store_dir"],
            type=click.Path(file_okay=False),
            default=None,
            help="Embedded store directory [default: $PEERGRAPH_STORE or ./peergraph-data].",
        ),
        click.Option(
            ["--backend"],
            type=click.Choice(["embedded", "neo4j"]),
            default="embedded",
            show_default=True,
            help="The embedded store, or Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD).",
        ),
    ]


@contextmanager
def _opened(backend: str, store_dir: str | None) -> Iterator[Any]:
    from graphload.store import open_store

    with open_store(backend, store_dir=store_dir) as store:
        yield store


def _store_error_types() -> tuple[type[BaseException], ...]:
    try:
        from graphload.store import StoreError
    except ImportError:  # pragma: no cover - the store module is written concurrently
        return ()
    return (StoreError,)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


# ---------------------------------------------------------------- reports


@click.command("reports")
def reports_command() -> None:
    """List the canned reports, with their parameters."""
    for spec in list_reports():
        click.echo(spec.usage)
        click.echo(
            textwrap.fill(spec.description, 78, initial_indent="    ", subsequent_indent="    ")
        )
        for p in spec.params:
            flag = p.name.upper() if p.required else "--" + p.name.replace("_", "-")
            default = "" if p.required else f" (default {p.default})"
            click.echo(
                textwrap.fill(
                    f"{flag}: {p.help}{default}",
                    78,
                    initial_indent="      ",
                    subsequent_indent="        ",
                )
            )


def _report_command(spec: ReportSpec) -> click.Command:
    required = [p for p in spec.params if p.required]
    optional = [p for p in spec.params if not p.required]

    def callback(fmt: str, store_dir: str | None, backend: str, **kwargs: Any) -> None:
        params: dict[str, Any] = {}
        for p in spec.params:
            value = kwargs.get(p.name)
            if p.required and len(required) == 1 and isinstance(value, tuple):
                value = " ".join(value)  # report council bury metropolitan
            params[p.name] = value
        _run_and_print(spec, params, fmt, store_dir, backend)

    command = click.Command(
        spec.name,
        callback=callback,
        help=spec.description,
        short_help=spec.description.split(".")[0],
    )
    params: list[click.Parameter] = []
    for p in required:
        nargs = -1 if len(required) == 1 else 1
        params.append(click.Argument([p.name], nargs=nargs, required=True, metavar=p.name.upper()))
    for p in optional:
        params.append(
            click.Option(
                [f"--{p.name.replace('_', '-')}", p.name],
                type={"int": int, "float": float, "bool": bool}.get(p.type, str),
                default=p.default,
                show_default=True,
                help=p.help,
            )
        )
    params.extend(_common_options())
    command.params = params
    return command


def _run_and_print(
    spec: ReportSpec, params: dict[str, Any], fmt: str, store_dir: str | None, backend: str
) -> None:
    store_errors = _store_error_types()
    try:
        with _opened(backend, store_dir) as store:
            result: ReportResult = run_report(store, spec.name, **params)
    except NameError_ as exc:
        _fail(str(exc))
    except ReportError as exc:
        _fail(str(exc))
    except store_errors as exc:
        _fail(str(exc))
    else:
        if spec.name == "path" and not result.rows:
            start, end = result.resolved["start"], result.resolved["end"]
            _fail(
                f"no connection between {start.name} and {end.name} within "
                f"{result.params['max_hops']} relationships"
            )
        click.echo(format_rows(result, fmt))


class ReportGroup(click.Group):
    """``report NAME``: one subcommand per canned report, names matched forgivingly."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [spec.name for spec in list_reports()]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        try:
            spec = get_report(cmd_name)
        except UnknownReport:
            return None
        return _report_command(spec)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        try:
            spec = get_report(name)
        except UnknownReport as exc:
            ctx.fail(str(exc))
        return spec.name, _report_command(spec), args[1:]


@click.group("report", cls=ReportGroup)
def report_command() -> None:
    """Run a canned report: peergraph report NAME [ARGS] [--format …] [--store …].

    'peergraph reports' lists them; names, councils and people are matched
    forgivingly ('repeat peers', 'bury', 'Dai Lerner')."""


# ----------------------------------------------------------------- cypher


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v``: the value as an int, float, bool, null or JSON list/map, else a string."""
    key, sep, raw = text.partition("=")
    key = key.strip().lstrip("$")
    if not sep or not key:
        raise click.BadParameter(f"{text!r}: expected NAME=VALUE", param_hint="--param")
    lowered = raw.strip().lower()
    if lowered in ("true", "false"):
        return key, lowered == "true"
    try:
        value = json.loads(raw)
    except ValueError:
        return key, raw
    if isinstance(value, float) and value != value:  # NaN
        return key, raw
    return key, value


@click.command("cypher")
@click.argument("query", required=False)
@click.option(
    "-f", "--file", "query_file", type=click.File("r"), help="Read the query from a file."
)
@click.option(
    "--param",
    "-p",
    "param_texts",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter ($NAME); numbers, true/false, null and JSON are typed.",
)
@click.option("--write", is_flag=True, help="Allow a query that changes the graph.")
def cypher_command(
    query: str | None,
    query_file: Any,
    param_texts: tuple[str, ...],
    write: bool,
    fmt: str,
    store_dir: str | None,
    backend: str,
) -> None:
    """Run a Cypher QUERY (or -f FILE, or - for standard input). Read-only unless --write.

    Queries are written against the graph model in docs/GRAPH-MODEL.md; the same
    text runs on the embedded store and on Neo4j."""
    if query_file is not None and query:
        raise click.UsageError("give a QUERY or -f FILE, not both")
    if query_file is not None:
        text = query_file.read()
    elif query == "-":
        text = sys.stdin.read()
    elif query:
        text = query
    else:
        raise click.UsageError("no query: give QUERY, -f FILE, or - to read standard input")
    if not text.strip():
        raise click.UsageError("the query is empty")
    params = dict(parse_param(p) for p in param_texts)
    found = find_write(text)
    if found is not None and not write:
        _fail(found.message())
    store_errors = _store_error_types()
    try:
        with _opened(backend, store_dir) as store:
            rows = store.query(text, params)
    except store_errors as exc:
        _fail(str(exc))
    else:
        columns = list(rows[0]) if rows else []
        click.echo(format_rows(_Rows(columns, rows), fmt))


class _Rows:
    def __init__(self, columns: list[str], rows: list[dict[str, Any]]) -> None:
        self.columns = columns
        self.rows = rows


cypher_command.params.extend(_common_options())

query_commands: list[click.Command] = [reports_command, report_command, cypher_command]
