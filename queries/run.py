"""Running canned reports against a store.

``run_report(store, name, **params)`` finds the report, coerces its parameters,
matches name parameters forgivingly against the graph (passing the id on), runs
the report's Cypher and returns a ``ReportResult``. The one report with a Python
step is ``path`` (see its header): a breadth-first search over its one-hop query.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphload.errors import PeergraphError
from graphload.model import Label
from queries.catalog import ReportSpec, get_report, query_text
from queries.names import Candidate, Matcher, NameMatch, normalise, person_name

#: Labels a name parameter of each kind may refer to.
KIND_LABELS = {
    "council": (Label.COUNCIL,),
    "peer": (Label.PEER,),
    "entity": (Label.COUNCIL, Label.PEER, Label.ORGANISATION),
}
PATH_EXCLUDE = [Label.DOCUMENT, Label.THEME, Label.RECOMMENDATION]
#: path.cypher's parameter for the frontier's nodes of each label.
FRONTIER_PARAMS = {
    Label.COUNCIL: "councils",
    Label.PEER: "peers",
    Label.ORGANISATION: "organisations",
    Label.REVIEW: "reviews",
    Label.SIGNPOST: "signposts",
    Label.DOCUMENT: "documents",
    Label.RECOMMENDATION: "recommendations",
    Label.THEME: "themes",
}
#: Where a node whose label is not known yet is looked for: the labels the store finds by
#: id (Council and Peer keep an id index) and the small ones; never Review, Document or
#: Recommendation (tens of thousands of nodes, no index).
LOOKUP_LABELS = (Label.COUNCIL, Label.PEER, Label.ORGANISATION, Label.SIGNPOST, Label.THEME)


class Store(Protocol):
    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...


@dataclass
class ReportResult:
    report: str
    columns: list[str]
    rows: list[dict[str, Any]]
    params: dict[str, Any] = field(default_factory=dict)
    resolved: dict[str, Candidate] = field(default_factory=dict)
    #: How each name parameter was matched (was a spelling slip forgiven?).
    matches: dict[str, NameMatch] = field(default_factory=dict)
    #: How many rows the report has in all; more than ``len(rows)`` when a limit cut it.
    total: int = 0
    #: The row limit applied (0: none).
    limit: int = 0

    @property
    def more(self) -> int:
        """Rows left out by the limit."""
        return max(self.total - len(self.rows), 0)


class ReportError(PeergraphError, ValueError):
    """Bad or missing parameters for a report."""


def load_candidates(
    store: Store, kind: str, labels: tuple[str, ...] | None = None
) -> list[Candidate]:
    """Every node a name of ``kind`` (council, peer, entity) can refer to (only those
    of ``labels`` when given)."""
    labels = KIND_LABELS[kind] if labels is None else labels
    wanted = {
        "councils": Label.COUNCIL in labels,
        "peers": Label.PEER in labels,
        "organisations": Label.ORGANISATION in labels,
    }
    return _candidates(store.query(query_text("_names.cypher"), wanted), labels)


def exact_match(store: Store, kind: str, text: str) -> NameMatch | None:
    """The match of ``text`` by id or folded spelling, found without reading every
    person: the people come from the store's id index and their ``name_keys``, the
    councils and organisations (a few hundred) are all read. None when nothing matches
    exactly (then only the forgiving scan of every candidate can answer); the same
    answer as that scan otherwise, since its first tiers are these."""
    labels = KIND_LABELS[kind]
    if Label.PEER not in labels or not normalise(text):
        return None  # councils are few: the scan is as quick
    person = person_name(text)
    rows = store.query(
        query_text("_peer_names.cypher"), {"id": person.strip().lower(), "key": normalise(person)}
    )
    candidates = _candidates(rows, (Label.PEER,))
    others = tuple(label for label in labels if label != Label.PEER)
    if others:
        candidates += load_candidates(store, kind, others)
    candidates.sort(key=lambda c: c.id)
    return Matcher(candidates, kind=_kind_word(kind)).match_exact(text)


def _candidates(rows: list[dict[str, Any]], labels: tuple[str, ...]) -> list[Candidate]:
    out = []
    for row in rows:
        row_labels = row.get("labels") or []
        label = next((lb for lb in labels if lb in row_labels), None)
        if label is None:
            continue
        extra = tuple(s for s in [row.get("short_name"), *(row.get("aliases") or [])] if s)
        out.append(Candidate(row["id"], row.get("name") or row["id"], label, extra))
    return out


def resolve_params(
    store: Store,
    spec: ReportSpec,
    given: Mapping[str, Any],
    matches: dict[str, NameMatch] | None = None,
) -> tuple[dict[str, Any], dict[str, Candidate]]:
    """Parameters as the query wants them: typed, defaults filled, names turned into ids.

    Raises ``ReportError`` for unknown or missing parameters and
    ``queries.names.UnknownName`` / ``AmbiguousName`` for names that do not pick
    out exactly one node. ``matches``, when given, receives how each name matched."""
    known = {p.name for p in spec.params}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ReportError(
            f"report {spec.name!r} has no parameter {', '.join(unknown)}; usage: {spec.usage}"
        )
    params: dict[str, Any] = {}
    resolved: dict[str, Candidate] = {}
    matchers: dict[str, Matcher] = {}
    for p in spec.params:
        value = given.get(p.name)
        if value is None or value == "":
            if p.required:
                raise ReportError(
                    f"report {spec.name!r} needs {p.name.upper()}; usage: {spec.usage}"
                )
            value = p.default
        if p.is_name:
            match = exact_match(store, p.type, str(value))
            if match is None:
                if p.type not in matchers:
                    candidates = load_candidates(store, p.type)
                    matchers[p.type] = Matcher(candidates, kind=_kind_word(p.type))
                match = matchers[p.type].match(str(value))
            found = match.candidate
            if matches is not None:
                matches[p.name] = match
            resolved[p.name] = found
            params[p.name] = found.id
        else:
            try:
                params[p.name] = p.coerce(value)
            except ValueError as exc:
                raise ReportError(str(exc)) from exc
    return params, resolved


def _kind_word(kind: str) -> str:
    return "council, peer or organisation" if kind == "entity" else kind


def run_report(store: Store, name: str, limit: int | None = None, **params: Any) -> ReportResult:
    """Run the canned report ``name`` (matched forgivingly) with ``params``.

    At most ``limit`` rows are returned (None: the report's default limit; 0: every
    row); ``ReportResult.total`` says how many there are in all."""
    spec = get_report(name)
    limit = spec.default_limit if limit is None else limit
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ReportError(f"the row limit must be a whole number, 0 or more, not {limit!r}")
    matches: dict[str, NameMatch] = {}
    values, resolved = resolve_params(store, spec, params, matches)
    if spec.name == "path":
        ends = {values[p]: resolved[p].label for p in ("start", "end")}
        rows = shortest_path(
            store, spec, values["start"], values["end"], values["max_hops"], labels=ends
        )
    elif spec.limits_in_query:
        rows = store.query(spec.cypher, {**values, "limit": limit})
    else:
        rows = store.query(spec.cypher, values)
    if spec.limits_in_query:
        total = rows[0]["total"] if rows else 0
    else:
        total = len(rows)
        rows = rows[:limit] if limit else rows
    columns = list(spec.columns)
    rows = [{c: row.get(c) for c in columns} for row in rows]
    return ReportResult(spec.name, columns, rows, values, resolved, matches, total, limit)


def expansion_params(
    frontier: list[str], labels: Mapping[str, str], exclude: list[str]
) -> dict[str, Any]:
    """path.cypher's parameters to expand ``frontier``: its ids by label (``labels``:
    id -> label; an id not in it is looked for among the ``LOOKUP_LABELS``)."""
    params: dict[str, Any] = {name: [] for name in FRONTIER_PARAMS.values()}
    for node in frontier:
        label = labels.get(node)
        for each in (label,) if label in FRONTIER_PARAMS else LOOKUP_LABELS:
            params[FRONTIER_PARAMS[each]].append(node)
    params["exclude"] = exclude
    return params


def row_label(row: Mapping[str, Any]) -> str | None:
    """The label of a path.cypher row's far node (``to_labels``)."""
    return next((label for label in row.get("to_labels") or () if label in FRONTIER_PARAMS), None)


def shortest_path(
    store: Store,
    spec: ReportSpec,
    start: str,
    end: str,
    max_hops: int = 6,
    exclude: list[str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Breadth-first search over ``spec``'s one-hop query: the rows of one shortest path.

    ``labels`` may give the labels of ``start`` and ``end`` (id -> label); without them
    they are looked for among the ``LOOKUP_LABELS`` (a council, peer or organisation
    always is).

    Deterministic on any store: each layer's candidates arrive ordered by
    (from id, type, to id) and the first to reach a node is its parent.

    The end's own neighbours are read once, so that the layer that reaches the end is
    not expanded (it is the widest): the end's parent is then the first node of that
    layer, in id order, next to it, and its relationship the first of that node's
    rows to the end, as the expansion would have found them."""
    exclude = PATH_EXCLUDE if exclude is None else exclude
    known = dict(labels or {})

    def expand(frontier: list[str], skip: list[str]) -> list[dict[str, Any]]:
        rows = store.query(spec.cypher, expansion_params(frontier, known, skip))
        for row in rows:
            label = row_label(row)
            if label is not None:
                known.setdefault(row["to_id"], label)
        return rows

    names: dict[str, str] = {}
    parent: dict[str, tuple[str, dict[str, Any]]] = {}
    seen = {start}
    frontier = [start]
    hops = 0
    next_to_end = {row["to_id"] for row in expand([end], exclude)} if start != end else set()
    while frontier and end not in seen and hops < max_hops:
        hops += 1
        last = next((node for node in frontier if node in next_to_end), None)
        if last is not None:
            rows = expand([last], exclude)
            rows.sort(key=lambda r: (r["from_id"], r["type"], r["to_id"]))
            row = next((r for r in rows if r["to_id"] == end), None)
            if row is not None:
                names[end] = _node_name(row)
                parent[end] = (last, row)
                seen.add(end)
                break
        rows = expand(frontier, exclude)
        rows.sort(key=lambda r: (r["from_id"], r["type"], r["to_id"]))
        nxt = []
        for row in rows:
            to = row["to_id"]
            names.setdefault(to, _node_name(row))
            if to in seen:
                continue
            seen.add(to)
            parent[to] = (row["from_id"], row)
            nxt.append(to)
        frontier = sorted(nxt)
    if end not in parent:
        return []
    chain = []
    node = end
    while node != start:
        prev, row = parent[node]
        chain.append((prev, node, row))
        node = prev
    chain.reverse()
    start_name = _start_name(start, chain, expand)
    out = []
    for step, (prev, node, row) in enumerate(chain, 1):
        arrow = f"-[:{row['type']}]->" if row["outgoing"] else f"<-[:{row['type']}]-"
        out.append(
            {
                "step": step,
                "from": start_name if prev == start else names.get(prev, prev),
                "relationship": arrow,
                "to": names.get(node, node),
                "detail": _rel_detail(row.get("rel")),
            }
        )
    return out


def _node_name(row: Mapping[str, Any]) -> str:
    labels = row.get("to_labels") or []
    label = labels[0] if labels else ""
    return f"{row['to_name']} ({label})" if label else str(row["to_name"])


def _start_name(
    start: str, chain: list, expand: Callable[[list[str], list[str]], list[dict[str, Any]]]
) -> str:
    if not chain:
        return start
    # The first hop seen from the second node's side names the start node.
    first_to = chain[0][1]
    rows = expand([first_to], [])
    for row in rows:
        if row["to_id"] == start:
            return _node_name(row)
    return start


_DETAIL_KEYS = ("role", "what", "year")


def _rel_detail(rel: Any) -> str:
    if not isinstance(rel, Mapping):
        return ""
    parts = [f"{k} {rel[k]}" for k in _DETAIL_KEYS if rel.get(k) not in (None, "", [])]
    return ", ".join(parts)
