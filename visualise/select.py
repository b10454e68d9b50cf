"""Find one council or peer in the graph from what a person typed.

Forgiving: case and punctuation do not matter, ``&`` is ``and``, and the id,
``name``, ``short_name`` and every alias are tried; "Bromsgrove" finds
"Bromsgrove District Council" because the council's generic ending may be left
off. A name that fits no node, or more than one, is an error that names the
nearest candidates.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import networkx as nx

_GENERIC_ENDINGS = re.compile(
    r"\b(metropolitan borough|london borough|royal borough|borough|district|city|county"
    r"|town)?\s*(council|councils)$"
)


class MatchError(ValueError):
    """No node, or more than one, fits the name; ``suggestions`` are the nearest names."""

    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def normalise(text: str) -> str:
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _short(text: str) -> str:
    """A normalised name without a generic ending ("... district council")."""
    return _GENERIC_ENDINGS.sub("", text).strip() or text


def _names(node_id: str, attrs: dict) -> list[str]:
    names = [node_id, attrs.get("name"), attrs.get("short_name"), attrs.get("title")]
    aliases = attrs.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    return [n for n in (*names, *aliases) if isinstance(n, str) and n.strip()]


def display_name(node_id: str, attrs: dict) -> str:
    return str(attrs.get("name") or attrs.get("title") or node_id)


def _candidates(graph: nx.MultiDiGraph, label: str) -> Iterable[tuple[str, dict]]:
    for node_id, attrs in graph.nodes(data=True):
        if label in (attrs.get("labels") or ()):
            yield node_id, attrs


def find_node(graph: nx.MultiDiGraph, query: str, label: str) -> str:
    """The id of the one node with ``label`` that ``query`` names.

    Tried in order, stopping at the first step that finds anything: exact (after
    normalisation), exact without generic endings, then the query as a whole-word
    prefix of a name. Raises :class:`MatchError` when nothing or several fit.
    """
    wanted = normalise(query)
    if not wanted:
        raise MatchError(f"empty {label.lower()} name", [])
    candidates = list(_candidates(graph, label))
    keyed = [
        (node_id, attrs, [normalise(n) for n in _names(node_id, attrs)])
        for node_id, attrs in candidates
    ]
    steps = (
        lambda names: wanted in names,
        lambda names: _short(wanted) in {_short(n) for n in names},
        lambda names: any(n.startswith(wanted + " ") for n in names),
    )
    for fits in steps:
        found = [(node_id, attrs) for node_id, attrs, names in keyed if fits(names)]
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            options = sorted(f"{display_name(i, a)} ({i})" for i, a in found)
            raise MatchError(
                f"{query!r} fits {len(found)} {label.lower()}s: " + "; ".join(options[:10]),
                options,
            )
    by_display = {normalise(display_name(i, a)): display_name(i, a) for i, a in candidates}
    close = difflib.get_close_matches(wanted, list(by_display), n=5, cutoff=0.5)
    suggestions = [by_display[c] for c in close]
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    if not candidates:
        hint = f"; the graph has no {label} nodes"
    raise MatchError(f"no {label.lower()} called {query!r}{hint}", suggestions)
