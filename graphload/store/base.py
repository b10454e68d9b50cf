"""What every store does, written once over a backend's ``_run``.

A backend supplies three things: ``_run`` (execute Cypher, return rows whose
values are already plain Python: dicts for nodes and relationships, lists for
paths), ``_ensure_id_index`` (the one statement whose syntax differs between
engines) and ``close``. Everything else, including the batched MERGE writes,
is the same Cypher text for FalkorDB and Neo4j.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphload.errors import StoreError
from graphload.model import (
    IDENTITY_PROPERTY,
    NODE_PROPERTIES,
    RELATIONSHIP_PROPERTIES,
    relationship_key,
)
from graphload.store.state import GraphState, state_of
from graphload.tables import GraphTables

if TYPE_CHECKING:
    import networkx as nx

BATCH_SIZE = 500


@dataclass
class WriteSummary:
    nodes_written: int = 0
    relationships_written: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    seconds: float = 0.0
    batches: int = 0
    state: GraphState | None = field(default=None, repr=False)  # what the store now holds


@dataclass
class _Batches:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # (type, source label, target label) -> rows
    relationships: dict[tuple[str, str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def _chunks[T](rows: list[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _storable(value: Any) -> Any:
    # Neo4j keeps no null inside a list and no empty map; none of ours has either,
    # but tuples and sets (from callers' graphs) must become lists.
    if isinstance(value, tuple | set | frozenset):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return value


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _identifier(name: str) -> str:
    """Labels and types are spliced into Cypher text, so they must be plain names."""
    if not _IDENTIFIER.fullmatch(name):
        raise StoreError(f"{name!r} is not a usable label or relationship type")
    return name


def _quoted(name: str) -> str:
    """A label or type someone else's query made, whatever its characters."""
    return "`" + name.replace("`", "``") + "`"


def _label_of(attrs: dict[str, Any]) -> str:
    labels = attrs.get("labels") or []
    if not labels:
        raise StoreError(f"node {attrs.get('id')!r} has no label")
    return _identifier(labels[0])


class GraphStore:
    """A graph database holding the peergraph model. Use ``open_store`` to get one."""

    backend = "abstract"

    # --- what a backend provides -------------------------------------------------
    def _run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _ensure_id_index(self, label: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _flush(self) -> None:
        """Make the last write durable (a snapshot, for the embedded store)."""

    # --- the public interface ----------------------------------------------------
    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column; nodes as their properties plus ``_labels``,
        relationships as their properties plus ``_type``, paths as lists of those."""
        return self._run(cypher, params or {})

    def ensure_indexes(self, labels: list[str] | None = None) -> None:
        for label in labels or sorted(NODE_PROPERTIES):
            self._ensure_id_index(label)

    def write_graph(
        self,
        g: nx.MultiDiGraph | GraphTables,
        prune: bool = True,
        previous: GraphState | None = None,
    ) -> WriteSummary:
        """Make the store hold ``g``: MERGE its nodes and relationships in batches of at
        most ``BATCH_SIZE`` rows (so no statement runs long), and with ``prune`` (the
        default) delete the model's nodes and relationships that ``g`` lacks.

        ``previous`` is the state of what the store holds now when the caller knows it
        (``LastWrite``): then only what changed is written or deleted. Without it
        every node and relationship is written, and what to delete is the difference
        between the store's ids and keys, read once, and ``g``'s. The summary's
        ``state`` is ``g``'s, for the caller to keep."""
        started = time.perf_counter()
        state = state_of(g)
        summary = WriteSummary(state=state)
        if prune and previous is None:
            previous = self._stored_state()
        compared = state
        if previous is not None and previous.digests != state.digests:
            compared = state_of(g, previous.digests)  # a state an earlier version saved
        batches = self._batches(g, compared, previous)
        gone_relationships: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        gone_nodes: dict[str, list[str]] = {}
        if prune and previous is not None:
            gone_relationships = _gone_relationships(previous, state)
            gone_nodes = _gone_nodes(previous, state)
        if not (batches.nodes or batches.relationships or gone_relationships or gone_nodes):
            summary.seconds = time.perf_counter() - started
            return summary
        self.ensure_indexes(sorted(set(NODE_PROPERTIES) | set(batches.nodes)))
        summary.relationships_deleted = self._delete_relationships(gone_relationships)
        summary.nodes_deleted = self._delete_nodes(gone_nodes)
        for label, rows in sorted(batches.nodes.items()):
            for chunk in _chunks(rows):
                self._run(
                    f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props",
                    {"rows": chunk},
                )
                summary.nodes_written += len(chunk)
                summary.batches += 1
        for (rel_type, source_label, target_label), rows in sorted(batches.relationships.items()):
            identity = IDENTITY_PROPERTY.get(rel_type)
            pattern = (
                f"[r:{rel_type} {{{identity}: row.identity}}]" if identity else f"[r:{rel_type}]"
            )
            for chunk in _chunks(rows):
                self._run(
                    f"UNWIND $rows AS row "
                    f"MATCH (a:{source_label} {{id: row.source}}) "
                    f"MATCH (b:{target_label} {{id: row.target}}) "
                    f"MERGE (a)-{pattern}->(b) SET r += row.props",
                    {"rows": chunk},
                )
                summary.relationships_written += len(chunk)
                summary.batches += 1
        self._flush()
        summary.seconds = time.perf_counter() - started
        return summary

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes by label and relationships by type (a node with two labels counts under
        each). One count per label and per type: the engines answer those from their
        statistics, where grouping every node and relationship reads them all."""
        nodes: dict[str, int] = {}
        for row in self._run("CALL db.labels() YIELD label RETURN label"):
            label = row["label"]
            (count,) = self._run(f"MATCH (n:{_quoted(label)}) RETURN count(n) AS n")
            if count["n"]:
                nodes[label] = count["n"]
        relationships: dict[str, int] = {}
        for row in self._run(
            "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"
        ):
            rel_type = row["relationshipType"]
            (count,) = self._run(f"MATCH ()-[r:{_quoted(rel_type)}]->() RETURN count(r) AS n")
            if count["n"]:
                relationships[rel_type] = count["n"]
        return {
            "nodes": dict(sorted(nodes.items())),
            "relationships": dict(sorted(relationships.items())),
        }

    def export_graph(self) -> nx.MultiDiGraph:
        """The stored graph in ``build_graph``'s shape (every property of a label
        present, None where the store holds none)."""
        import networkx as nx  # here, not at the top: a report never needs it

        g = nx.MultiDiGraph()
        for row in self._run("MATCH (n) WHERE n.id IS NOT NULL RETURN n"):
            node = dict(row["n"])
            labels = sorted(node.pop("_labels"))
            attrs: dict[str, Any] = {}
            for label in labels:
                attrs.update({name: None for name in NODE_PROPERTIES.get(label, ())})
            attrs.update(node)
            g.add_node(node["id"], labels=labels, **attrs)
        for row in self._run(
            "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
            "RETURN a.id AS source, b.id AS target, r"
        ):
            rel = dict(row["r"])
            rel_type = rel.pop("_type")
            attrs = {name: None for name in RELATIONSHIP_PROPERTIES.get(rel_type, ())}
            attrs.update(rel)
            g.add_edge(
                row["source"],
                row["target"],
                key=relationship_key(rel_type, attrs),
                type=rel_type,
                **attrs,
            )
        return g

    def reset(self) -> None:
        """Delete every node and relationship of the model."""
        for label in sorted(NODE_PROPERTIES):
            self._run(f"MATCH (n:{label}) DETACH DELETE n")
        self._flush()

    # --- helpers -----------------------------------------------------------------
    @staticmethod
    def _batches(
        g: nx.MultiDiGraph | GraphTables, state: GraphState, previous: GraphState | None = None
    ) -> _Batches:
        """Rows to MERGE: the nodes and relationships of ``g`` whose digest differs
        from ``previous`` (all of them without it)."""
        old_nodes = previous.nodes if previous is not None else {}
        old_relationships = previous.relationships if previous is not None else {}
        batches = _Batches()
        # The state lists every node and relationship in the graph's order; only those
        # whose digest changed are looked up in the graph.
        for node_id, (label, _) in state.nodes.items():
            if not label:
                raise StoreError(f"node {node_id!r} has no label")
            if old_nodes.get(node_id) == state.nodes[node_id]:
                continue
            attrs = g.nodes[node_id]
            label = _label_of(attrs)
            props = {k: _storable(v) for k, v in attrs.items() if k != "labels"}
            props["id"] = node_id
            batches.nodes[label].append({"id": node_id, "props": props})
        for (source, target, key), now in state.relationships.items():
            if old_relationships.get((source, target, key)) == now:
                continue
            attrs = g.edges[source, target, key]
            rel_type, source_label, target_label, identity, _ = now
            props = {k: _storable(v) for k, v in attrs.items() if k != "type"}
            row = {"source": source, "target": target, "props": props}
            if IDENTITY_PROPERTY.get(rel_type):
                row["identity"] = identity
            group = (_identifier(rel_type), _identifier(source_label), _identifier(target_label))
            batches.relationships[group].append(row)
        return batches

    def _stored_state(self) -> GraphState:
        """The ids of the model's nodes and the keys of its relationships in the store
        (digests unknown)."""
        stored = GraphState()
        for label in sorted(NODE_PROPERTIES):
            for row in self._run(f"MATCH (n:{label}) RETURN n.id AS id"):
                stored.nodes[row["id"]] = (label, None)
        for rel_type in sorted(RELATIONSHIP_PROPERTIES):
            identity = IDENTITY_PROPERTY.get(rel_type)
            value = f"r.{identity}" if identity else "null"
            for row in self._run(
                f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS source, labels(a)[0] AS a_label, "
                f"b.id AS target, labels(b)[0] AS b_label, {value} AS identity"
            ):
                key = relationship_key(rel_type, {identity: row["identity"]} if identity else {})
                stored.relationships[(row["source"], row["target"], key)] = (
                    rel_type,
                    row["a_label"],
                    row["b_label"],
                    row["identity"],
                    None,
                )
        return stored

    def _delete_nodes(self, gone: dict[str, list[str]]) -> int:
        for label, ids in sorted(gone.items()):
            for chunk in _chunks(ids):
                self._run(
                    f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n",
                    {"ids": chunk},
                )
        return sum(len(ids) for ids in gone.values())

    def _delete_relationships(self, gone: dict[tuple[str, str, str], list[dict[str, Any]]]) -> int:
        for (rel_type, a_label, b_label), rows in sorted(gone.items()):
            identity = IDENTITY_PROPERTY.get(rel_type)
            where = f" WHERE r.{identity} = row.identity" if identity else ""
            for chunk in _chunks(rows):
                self._run(
                    f"UNWIND $rows AS row MATCH (a:{a_label} {{id: row.source}})"
                    f"-[r:{rel_type}]->(b:{b_label} {{id: row.target}}){where} DELETE r",
                    {"rows": chunk},
                )
        return sum(len(rows) for rows in gone.values())


def _gone_nodes(stored: GraphState, kept: GraphState) -> dict[str, list[str]]:
    """The ids, by label, of the stored nodes ``kept`` lacks."""
    gone: dict[str, list[str]] = defaultdict(list)
    for node_id, (label, _) in stored.nodes.items():
        if node_id not in kept.nodes:
            gone[_identifier(label)].append(node_id)
    return dict(gone)


def _gone_relationships(
    stored: GraphState, kept: GraphState
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The stored relationships ``kept`` lacks, by (type, source label, target label)."""
    gone: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (source, target, key), value in stored.relationships.items():
        if (source, target, key) in kept.relationships:
            continue
        rel_type, a_label, b_label, identity, _ = value
        group = (_identifier(rel_type), _identifier(a_label), _identifier(b_label))
        gone[group].append({"source": source, "target": target, "identity": identity})
    return dict(gone)
