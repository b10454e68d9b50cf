"""Find one council or peer in the graph from what a person typed.

The same forgiving matcher the reports use (:mod:`queries.names`), over the
graph's nodes: case, punctuation and generic words ("District Council") do not
matter, the id, ``name``, ``short_name`` and every alias are tried, and one
spelling slip is forgiven. A name that fits no node, or more than one, is an
error that names the nearest candidates.
"""

from __future__ import annotations

import networkx as nx

from graphload.errors import PeergraphError
from queries.names import AmbiguousName, Candidate, Matcher, NameMatch, UnknownName


class MatchError(PeergraphError, ValueError):
    """No node, or more than one, fits the name; ``suggestions`` are the nearest names."""

    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def display_name(node_id: str, attrs: dict) -> str:
    return str(attrs.get("name") or attrs.get("title") or node_id)


def _candidates(graph: nx.MultiDiGraph, label: str) -> list[Candidate]:
    candidates = []
    for node_id, attrs in graph.nodes(data=True):
        if label not in (attrs.get("labels") or ()):
            continue
        aliases = attrs.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        others = [a for a in (attrs.get("short_name"), *aliases) if isinstance(a, str) and a]
        candidates.append(Candidate(node_id, display_name(node_id, attrs), label, tuple(others)))
    return candidates


def find_node(graph: nx.MultiDiGraph, query: str, label: str) -> str:
    """The id of the one node with ``label`` that ``query`` names."""
    return find_match(graph, query, label).candidate.id


def find_match(graph: nx.MultiDiGraph, query: str, label: str) -> NameMatch:
    """The one node with ``label`` that ``query`` names, with the spelling matched and
    whether a spelling slip was forgiven (so a command can say so)."""
    if not query.strip():
        raise MatchError(f"empty {label.lower()} name", [])
    candidates = _candidates(graph, label)
    if not candidates:
        raise MatchError(f"no {label.lower()} called {query!r}; the graph has no {label} nodes", [])
    try:
        return Matcher(candidates, kind=label.lower()).match(query)
    except (UnknownName, AmbiguousName) as error:
        suggestions = [f"{c.name} ({c.id})" for c in error.suggestions]
        raise MatchError(str(error), suggestions) from None
