"""``peergraph extract``: print what the reader finds in documents."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from graphload.cli_output import error_line, note, say, warn
from graphload.errors import EXIT_FAILED
from graphload.vocab.text import scrub_json

if TYPE_CHECKING:
    from graphload.records import ExtractRecord

EXAMPLES = """\b
Examples:
  peergraph extract data/reports
  peergraph extract report.html notes.md --format json > records.json"""


class ExtractCommand(click.Command):
    """Its help lists the formats and limits the reader has (read when help is asked)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        formatter.write_text(formats_and_limits())
        super().format_epilog(ctx, formatter)


def formats_and_limits() -> str:
    from graphload.extract import reading

    suffixes = ", ".join(sorted(reading.TEXT_FORMATS))
    limits = []
    if hasattr(reading, "MAX_FILE_BYTES"):
        limits.append(f"files up to {reading.MAX_FILE_BYTES // 2**20} MB")
    if hasattr(reading, "MAX_LINE_CHARS"):
        limits.append(f"lines beyond {reading.MAX_LINE_CHARS:,} characters are cut, with a warning")
    text = f"Formats: {suffixes} (by file name). In a folder, other files are named and skipped."
    if limits:
        text += " Limits: " + "; ".join(limits) + "."
    return text


@click.command("extract", cls=ExtractCommand, epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="table",
    show_default=True,
    help="json: the stable record format (README); table: a summary per document.",
)
def extract_command(paths: tuple[str, ...], fmt: str) -> None:
    """Read peer challenge documents (files or folders) and print what they say.

    No store is needed. One line on stderr per document that cannot be read;
    the others are still read. Exit status 0 when every document was read, 1
    when any could not be (or none was found).
    """
    from graphload.extract import ExtractOutcome, extract_paths, skipped_files

    for path in skipped_files(paths):
        note(f"{path}: skipped, peergraph does not read {path.suffix or 'extension-less'} files")
    outcomes: list[ExtractOutcome] = []
    for outcome in extract_paths(paths):
        outcomes.append(outcome)
        if outcome.error:
            error_line(outcome.error)
        elif outcome.record:
            for warning in outcome.record.warnings:
                warn(warning)
            if fmt == "table":
                say(summarise(outcome.record))
    records = [o.record for o in outcomes if o.record]
    if fmt == "json":
        text = json.dumps([r.to_json() for r in records], indent=2, ensure_ascii=False)
        click.echo(scrub_json(text))
    failed = sum(1 for o in outcomes if o.error)
    if not outcomes:
        error_line(f"no document peergraph reads in {', '.join(paths)}")
        sys.exit(EXIT_FAILED)
    click.echo(f"{len(records)} document(s) read, {failed} failed", err=True)
    if failed:
        sys.exit(EXIT_FAILED)


def summarise(record: ExtractRecord) -> str:
    review = record.review
    councils = " and ".join(c.name for c in review.councils) or "(reviewed council not named)"
    when = (
        f"{review.start_date} to {review.end_date}"
        if review.start_date
        else str(review.year or "year unknown")
    )
    lines = [f"== {record.document.path}", f"   {review.kind or 'Review'} of {councils}, {when}"]
    for peer in record.peers:
        employers = ", ".join(o.name for o in peer.organisations) or "-"
        flag = " (Cllr" + (f", {peer.party})" if peer.party else ")") if peer.councillor else ""
        also = f" [also spelled {', '.join(peer.aliases)}]" if peer.aliases else ""
        lines.append(f"   peer: {peer.name}{flag}{also} - {peer.role or '-'} - {employers}")
    for signpost in record.signposts:
        featured = ", ".join(c.name for c in signpost.councils) or "-"
        lines.append(f"   signpost: {signpost.title} (features {featured})")
    groups: dict[str, int] = {}
    for rec in record.recommendations:
        name = "key" if rec.key else rec.group
        groups[name] = groups.get(name, 0) + 1
    if groups:
        lines.append("   advice: " + ", ".join(f"{n} {g}" for g, n in groups.items()))
    if record.themes:
        lines.append("   themes: " + "; ".join(t.name for t in record.themes))
    for item in record.shared_services:
        lines.append(f"   shared: {' + '.join(c.name for c in item.councils)} ({item.what})")
    return "\n".join(lines)
