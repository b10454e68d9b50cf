"""``peergraph extract``: print what the reader finds in documents."""

from __future__ import annotations

import json
import sys

import click

from graphload.extract import ExtractOutcome, extract_paths, skipped_files
from graphload.extract.readers.base import shown
from graphload.records import ExtractRecord


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="table",
    show_default=True,
    help="json: the stable record format; table: a summary.",
)
def extract_command(paths: tuple[str, ...], fmt: str) -> None:
    """Read peer challenge documents (files or directories) and print what they say.

    Exit status 0 when every document was read, 1 when any could not be.
    """
    for path in skipped_files(paths):
        click.echo(
            f"note: {shown(path)}: skipped, peergraph does not read "
            f"{path.suffix or 'extension-less'} files",
            err=True,
        )
    outcomes: list[ExtractOutcome] = []
    for outcome in extract_paths(paths):
        outcomes.append(outcome)
        if outcome.error:
            click.echo(f"error: {outcome.error}", err=True)
        elif outcome.record:
            for warning in outcome.record.warnings:
                click.echo(f"warning: {warning}", err=True)
            if fmt == "table":
                click.echo(summarise(outcome.record))
    records = [o.record for o in outcomes if o.record]
    if fmt == "json":
        json.dump([r.to_json() for r in records], sys.stdout, indent=2, ensure_ascii=False)
        click.echo()
    failed = sum(1 for o in outcomes if o.error)
    click.echo(f"{len(records)} document(s) read, {failed} failed", err=True)
    if failed or not outcomes:
        sys.exit(1)


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
