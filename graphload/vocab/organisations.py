"""Organisations that are not councils, as reports name them.

The one list of aliases (the reader's and the builder's): "LGA", "the Local
Government Association", "Local Government Association (LGA)" and the
"Local Government Group" it was called for a while are one organisation. Whether
a reference is a council at all is said by :class:`graphload.model.Ref` (its
``kind``), never by its id.
"""

from __future__ import annotations

import re

from graphload.vocab.text import fold

LOCAL_GOVERNMENT_ASSOCIATION = "Local Government Association"

#: Folded alias (no leading "the", no bracketed abbreviation) -> canonical name.
ORGANISATION_ALIASES: dict[str, str] = {
    "lga": LOCAL_GOVERNMENT_ASSOCIATION,
    "local government association": LOCAL_GOVERNMENT_ASSOCIATION,
    "local government group": LOCAL_GOVERNMENT_ASSOCIATION,
    "lgg": LOCAL_GOVERNMENT_ASSOCIATION,
}

_PARENTHESISED = re.compile(r"\s*\([^)]*\)\s*")


def _alias_key(name: str) -> str:
    words = fold(_PARENTHESISED.sub(" ", name)).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def known_organisation(name: str) -> str | None:
    """The canonical name when ``name`` is an alias of a known organisation, else None."""
    return ORGANISATION_ALIASES.get(_alias_key(name))


def canonical_organisation_name(name: str) -> str:
    """``"the LGA"`` and ``"Local Government Association (LGA)"`` -> the full name;
    any other name loses brackets and a leading "the"."""
    known = known_organisation(name)
    if known:
        return known
    cleaned = " ".join(_PARENTHESISED.sub(" ", name).split())
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    return cleaned or name.strip()
