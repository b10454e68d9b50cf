"""``peergraph extract``: print what the reader finds in documents."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from graphload.cli_options import council_option, jobs_option
from graphload.cli_output import error_line, note, say, warn
from graphload.errors import EXIT_FAILED, EXIT_USAGE
from graphload.vocab.text import scrub_json

if TYPE_CHECKING:
    from graphload.records import ExtractRecord, Ref

EXAMPLES = """\b
Examples:
  peergraph extract data/reports
  peergraph extract report.html notes.md --format json > records.json"""


class ExtractCommand(click.Command):
    """Its help lists the formats and limits the reader has (read when help is asked)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(formats_and_limits())
        super().format_epilog(ctx, formatter)


def formats_and_limits() -> str:
    from graphload.extract import reading

    return (
        f"Formats: {', '.join(sorted(reading.TEXT_FORMATS))} (by file name); in a folder, "
        "files in other formats are named and skipped. Limits: files up to "
        f"{reading.MAX_FILE_BYTES // 2**20} MB; lines beyond {reading.MAX_LINE_CHARS:,} "
        "characters are cut, with a warning."
    )


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
@council_option()
@click.option(
    "--explain",
    is_flag=True,
    help="Say why: the cues behind the reviewed council and where each peer was read.",
)
@jobs_option()
def extract_command(
    paths: tuple[str, ...],
    fmt: str,
    council_name: str | None,
    explain: bool,
    jobs: int | None = None,
) -> None:
    """Read peer challenge documents (files or folders) and print what they say.

    No store is needed. One line on stderr per document that cannot be read;
    the others are still read. Exit status 0 when every document was read, 1
    when any could not be (or none was found).
    """
    from graphload.extract import ExtractOutcome, default_jobs, extract_paths, skipped_files

    council = resolve_council_option(council_name)
    for path in skipped_files(paths):
        note(f"{path}: skipped, peergraph does not read {path.suffix or 'extension-less'} files")
    outcomes: list[ExtractOutcome] = []
    for outcome in extract_paths(paths, council=council, jobs=jobs or default_jobs()):
        outcomes.append(outcome)
        if outcome.error:
            error_line(outcome.error)
        elif outcome.record:
            for warning in outcome.record.warnings:
                warn(warning)
            if fmt == "table":
                say(summarise(outcome.record))
            if explain:  # beside JSON on stdout it would break the record: stderr then
                say(explain_record(outcome.record), err=fmt == "json")
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


def resolve_council_option(name: str | None) -> Ref | None:
    """``--council NAME`` as a council reference; a name nobody knows is a usage error."""
    if name is None:
        return None
    from graphload.extract.reviewed import stated_council
    from graphload.gazetteer import Gazetteer

    council = stated_council(name, Gazetteer.load())
    if council is None:
        error_line(
            f"--council {name!r}: not a council in the register, nor a fire and "
            "rescue service or town or parish council named in full"
        )
        sys.exit(EXIT_USAGE)
    return council


def explain_record(record: ExtractRecord) -> str:
    """Why the reader decided what it did: council candidates with cues, peers' sources."""
    review = record.review
    chosen = " and ".join(c.name for c in review.councils) or "none"
    where = f" (line {review.line})" if review.line else ""
    lines = [f"== {record.document.path}", f"   reviewed council: {chosen}{where}"]
    for rank, candidate in enumerate(record.explanation[:4]):
        label = (
            "chosen"
            if any(c.id == candidate["id"] for c in review.councils)
            else ("runner-up" if rank else "best, not clear enough")
        )
        lines.append(
            f"     {label}: {candidate['name']}  score {candidate['score']:g}: "
            f"{candidate['cues'] or 'no cue'}"
        )
    if not record.explanation:
        lines.append("     no council, fire and rescue service or town council is named")
    for peer in record.peers:
        cue = getattr(peer, "cue", None)
        source = f"cue: {cue}; " if cue else ""
        lines.append(f"   peer: {peer.name} (line {peer.line}; {source}“{peer.evidence or ''}”)")
    return "\n".join(lines)


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
