"""CLI commands for asking the graph: ``reports``, ``report NAME …`` and ``cypher``.

Importing this module is cheap: the catalogue of reports is read only when a
report is asked for, and the store only when one is opened.
"""

from __future__ import annotations

import json
import math
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import click

from graphload.cli_options import StoreTarget, store_parameters
from graphload.cli_output import note, say, terminal_width
from graphload.errors import PeergraphError

if TYPE_CHECKING:
    from queries.catalog import ReportSpec
    from queries.format import Result
    from queries.run import ReportResult

FORMAT_NAMES = ("table", "full", "json", "csv")  # queries.format.FORMATS, without importing it
INT64 = (-(2**63), 2**63 - 1)


def _common_options() -> list[click.Parameter]:
    """--format and the store options, shared by every command here."""
    return [
        click.Option(
            ["--format", "fmt"],
            type=click.Choice(FORMAT_NAMES),
            default="table",
            show_default=True,
            help="table: fits the terminal, long cells cut (and said so); full: a table "
            "with every cell whole; json: a list of row objects; csv.",
        ),
        *store_parameters(),
    ]


def print_result(result: Result, fmt: str) -> None:
    """``result`` in ``fmt``, tables as wide as the terminal; a cut cell is said."""
    from queries.format import cut_note, format_rows, render_table

    width = terminal_width()
    if fmt == "table":
        text, cut = render_table(result.columns, result.rows, width=width)
        say(text)
        if cut:
            note(cut_note(cut, width))
    else:
        say(format_rows(result, fmt, width=width))


# ---------------------------------------------------------------- reports


@click.command(
    "reports",
    epilog="""\b
Example:
  peergraph reports""",
)
def reports_command() -> None:
    """List the canned reports, with their parameters."""
    from queries.catalog import list_reports

    for spec in list_reports():
        say(spec.usage)
        say(textwrap.fill(spec.description, 78, initial_indent="    ", subsequent_indent="    "))
        lines = []
        for p in spec.params:
            flag = p.name.upper() if p.required else "--" + p.name.replace("_", "-")
            default = "" if p.required else f" (default {p.default})"
            lines.append(f"{flag}: {p.help}{default}")
        if spec.default_limit:
            lines.append(f"--limit: rows shown (default {spec.default_limit}; 0 for all)")
        for line in lines:
            say(textwrap.fill(line, 78, initial_indent="      ", subsequent_indent="        "))


_PARAM_TYPES: dict[str, click.ParamType] = {
    "int": click.IntRange(min=0),
    "float": click.FloatRange(min=0),
    "bool": click.BOOL,
}


def _report_command(spec: ReportSpec) -> click.Command:
    required = [p for p in spec.params if p.required]
    optional = [p for p in spec.params if not p.required]

    def callback(fmt: str, limit: int | None, **kwargs: Any) -> None:
        store = StoreTarget.from_values(kwargs)
        params: dict[str, Any] = {}
        for p in spec.params:
            value = kwargs.get(p.name)
            if p.required and len(required) == 1 and isinstance(value, tuple):
                value = " ".join(value)  # report council bury metropolitan
            params[p.name] = value
        _run_and_print(spec, params, fmt, store, limit)

    example = f"peergraph report {spec.name} {spec.example}".strip()
    command = click.Command(
        spec.name,
        callback=callback,
        help=spec.description,
        short_help=spec.description.split(".")[0],
        epilog=f"\b\nExample:\n  {example}\n  {example} --format csv > {spec.name}.csv",
    )
    params: list[click.Parameter] = []
    for p in required:
        nargs = -1 if len(required) == 1 else 1
        params.append(click.Argument([p.name], nargs=nargs, required=True, metavar=p.name.upper()))
    for p in optional:
        params.append(
            click.Option(
                [f"--{p.name.replace('_', '-')}", p.name],
                type=_PARAM_TYPES.get(p.type, click.STRING),
                default=p.default,
                show_default=True,
                help=p.help,
            )
        )
    params.append(_limit_option(spec))
    params.extend(_common_options())
    command.params = params
    return command


def _limit_option(spec: ReportSpec) -> click.Option:
    default = f"{spec.default_limit}" if spec.default_limit else "0, every row"
    return click.Option(
        ["--limit", "limit"],
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help=f"Show at most N rows (default {default}); 0 shows every row. The rows left "
        "out are counted on stderr.",
    )


def _run_and_print(
    spec: ReportSpec, params: dict[str, Any], fmt: str, store: StoreTarget, limit: int | None
) -> None:
    from queries.run import run_report

    with store.open_for_reading() as opened:
        result: ReportResult = run_report(opened, spec.name, limit, **params)
    for name, match in result.matches.items():
        if match.corrected:
            note(f"matched {match.spelling!r} for {params[name]!r}")
    if spec.name == "path":
        start, end = result.resolved["start"], result.resolved["end"]
        if start.id == end.id:
            if fmt in ("table", "full"):
                say(f"{start.name} is where the path starts and ends: 0 relationships apart.")
            else:
                print_result(result, fmt)
            return
        if not result.rows:
            raise PeergraphError(
                f"no connection between {start.name} and {end.name} within "
                f"{result.params['max_hops']} relationships"
            )
    print_result(result, fmt)
    if result.more:
        note(f"… {result.more:,} more rows (of {result.total:,}); --limit 0 for all")


class ReportGroup(click.Group):
    """``report NAME``: one subcommand per canned report, names matched forgivingly."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from queries.catalog import list_reports

        return [spec.name for spec in list_reports()]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from queries.catalog import UnknownReport, get_report

        try:
            spec = get_report(cmd_name)
        except UnknownReport:
            return None
        return _report_command(spec)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        from queries.catalog import UnknownReport, get_report

        name = args[0]
        try:
            spec = get_report(name)
        except UnknownReport as exc:
            ctx.fail(str(exc))
        return spec.name, _report_command(spec), args[1:]


@click.group(
    "report",
    cls=ReportGroup,
    epilog="""\b
Examples:
  peergraph report council bury
  peergraph report path babergh bromsgrove --max-hops 4
  peergraph report repeat-peers --min 1 --format json""",
)
def report_command() -> None:
    """Run a canned report: peergraph report NAME [ARGS] [--format …] [--store …].

    'peergraph reports' lists them; names, councils and people are matched
    forgivingly ('repeat peers', 'bury', 'Dai Lerner'), and a name matched by
    forgiving a spelling slip is said on stderr."""


# ----------------------------------------------------------------- cypher


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v``: the value as an int, float, bool, null or JSON list/map, else a string."""
    _require_utf8(text, "--param")
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
    problem = _unstorable(value)
    if problem:
        raise click.BadParameter(
            f"{key}={raw}: {problem}; quote it (--param '{key}=\"{raw}\"') to pass it as text",
            param_hint="--param",
        )
    return key, value


def _unstorable(value: Any) -> str | None:
    """Why a graph store cannot take ``value`` as a number, if it cannot."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not INT64[0] <= value <= INT64[1]:
        return "too large for a graph store's 64-bit integers"
    if isinstance(value, float) and not math.isfinite(value):
        return "too large for a graph store's numbers"
    if isinstance(value, list):
        return next((p for p in map(_unstorable, value) if p), None)
    if isinstance(value, dict):
        return next((p for p in map(_unstorable, value.values()) if p), None)
    return None


def _require_utf8(text: str, where: str) -> None:
    """Arguments that were not UTF-8 arrive with lone surrogates; refuse them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise PeergraphError(f"the {where} is not UTF-8 text; save it as UTF-8") from None


def _decode_query(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PeergraphError(
            f"the query {where} is not UTF-8 text (byte 0x{data[error.start]:02x} at "
            f"position {error.start}); save it as UTF-8"
        ) from None


@click.command(
    "cypher",
    epilog="""\b
Examples:
  peergraph cypher 'MATCH (p:Peer) RETURN p.name ORDER BY p.name'
  peergraph cypher 'MATCH (c:Council {id: $id}) RETURN c.name' --param id=BUR
  peergraph cypher -f my-query.cypher --format csv
  echo 'MATCH (n) RETURN count(n)' | peergraph cypher -""",
)
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.File("rb"),
    help="Read the query from a file (UTF-8).",
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
    **store_values: Any,
) -> None:
    """Run a Cypher QUERY (or -f FILE, or - for standard input). Read-only unless --write.

    Queries are written against the graph model in docs/GRAPH-MODEL.md; the same
    text runs on the embedded store and on Neo4j."""
    from queries.readonly import find_write

    store = StoreTarget.from_values(store_values)
    if query_file is not None and query:
        raise click.UsageError("give a QUERY or -f FILE, not both")
    if query_file is not None:
        text = _decode_query(query_file.read(), f"in {query_file.name}")
    elif query == "-":
        text = _decode_query(sys.stdin.buffer.read(), "on standard input")
    elif query:
        _require_utf8(query, "query")
        text = query
    else:
        raise click.UsageError("no query: give QUERY, -f FILE, or - to read standard input")
    if not text.strip():
        raise click.UsageError("the query is empty")
    params = dict(parse_param(p) for p in param_texts)
    found = find_write(text)
    if found is not None and not write:
        raise PeergraphError(found.message())
    with store.open(create=write) as opened:  # only a write may make a new store
        rows = opened.query(text, params)
    columns = list(rows[0]) if rows else []
    print_result(_Rows(columns, rows), fmt)


class _Rows:
    def __init__(self, columns: list[str], rows: list[dict[str, Any]]) -> None:
        self.columns = columns
        self.rows = rows


cypher_command.params.extend(_common_options())

query_commands: list[click.Command] = [reports_command, report_command, cypher_command]
