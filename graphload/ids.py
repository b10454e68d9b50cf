"""Deterministic node ids and the text normalisation they rest on.

Every id in the graph is a pure function of what the documents say, so loading
the same documents in any order, once or twice, gives the same ids.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed and ``&`` spelled out."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return ascii_text.replace("&", " and ").lower()


def slugify(text: str) -> str:
    """``"Governance & Decision-making"`` -> ``"governance-and-decision-making"``."""
    without_apostrophes = re.sub(r"['\u2019`]", "", fold(text))
    return _NON_ALNUM.sub("-", without_apostrophes).strip("-") or "unnamed"


def kind_code(kind: str | None) -> str:
    """The review kind as initials: ``"Corporate Peer Challenge"`` -> ``"cpc"``."""
    if not kind:
        return "review"
    words = slugify(kind).split("-")
    return "".join(word[0] for word in words if word) or "review"


def council_code_for_id(council_id: str) -> str:
    """The part of a council id used inside a review id (``BAB``, or the slug)."""
    return council_id.removeprefix("council:")


def review_id(council_ids: list[str], year: int | None, kind: str | None, doc_id: str) -> str:
    """``review:BAB+MSU:2012:cpc``; a review naming no council is keyed by its document."""
    if council_ids:
        subject = "+".join(sorted({council_code_for_id(c) for c in council_ids}))
    else:
        subject = doc_id.replace(":", "-")
    return f"review:{subject}:{year if year is not None else 'undated'}:{kind_code(kind)}"


def recommendation_id(review: str, ordinal: int) -> str:
    return f"{review}:rec:{ordinal}"


def theme_id(name: str) -> str:
    return f"theme:{slugify(name)}"


def signpost_id(title: str) -> str:
    return f"signpost:{slugify(title)}"


def peer_id(name: str) -> str:
    return f"peer:{slugify(name)}"


def organisation_id(name: str) -> str:
    return f"org:{slugify(name)}"
