"""A document's title: what a reader would call the report.

A committee paper's "Subject:" line says it; a letter opens with its addressee's
name, which is no title, so the first heading about the review stands in for it.
Otherwise the first line is the title, as a reader sees it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from graphload.extract.reading import Line

TITLE_CHARS = 200
_HEAD_LINES = 40  # a title is near the top: only the first 40 lines with text are read
# A table row reads "first cell – other cells", so the dash after the colon is a cell break.
_SUBJECT = re.compile(
    r"^(?:subject|report title|title)\s*:\s*(?:[–—-]\s*)?(?P<title>\w.{4,})", re.IGNORECASE
)
_ABOUT_A_REVIEW = re.compile(
    r"\bpeer (?:challenge|review)\b|\bprogress review\b|\bpeer team\b", re.IGNORECASE
)
# "Mike Example", "Cllr Ann Example", "Ms Jo de Sample": a name alone on its line.
_NAME_ALONE = re.compile(
    r"^(?!.*\b(?:Council|Borough|County|District|City|Authority|Service|Association|"
    r"Report|Challenge|Review|Dear)\b)"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Professor)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:[a-z]{2,3}\s+)?[A-Z][\w'’-]+){1,2}$"
)


def document_title(lines: Sequence[Line]) -> str | None:
    head = list(islice((t for t in (line.text.strip() for line in lines) if t), _HEAD_LINES))
    if not head:
        return None
    for text in head:
        subject = _SUBJECT.match(text)
        if subject:
            return subject["title"][:TITLE_CHARS]
    if _NAME_ALONE.match(head[0]):
        about = [t for t in head if _ABOUT_A_REVIEW.search(t) and _reads_as_heading(t)]
        rest = about or [t for t in head if not _NAME_ALONE.match(t)]
        if rest:
            return rest[0][:TITLE_CHARS]
    return head[0][:TITLE_CHARS]


def _reads_as_heading(text: str) -> bool:
    return len(text) <= 150 and not text.rstrip().endswith((".", ":", ","))
