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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphload.errors import StoreError
from graphload.model import (
    IDENTITY_PROPERTY,
    NODE_PROPERTIES,
    RELATIONSHIP_PROPERTIES,
    relationship_key,
)

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


@dataclass
class _Batches:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # (type, source label, target label) -> rows
    relationships: dict[tuple[str, str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def _chunks(rows: list[dict[str, Any]], size: int = BATCH_SIZE):
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

    def write_graph(self, g: nx.MultiDiGraph, prune: bool = True) -> WriteSummary:
        """MERGE every node and relationship of ``g`` in batches. With ``prune``
        (the default) the store ends holding exactly ``g``: model nodes and
        relationships that ``g`` lacks are deleted, so a rebuilt graph replaces
        the old one however resolution changed."""
        started = time.perf_counter()
        summary = WriteSummary()
        batches = self._batches(g)
        self.ensure_indexes(sorted(set(NODE_PROPERTIES) | set(batches.nodes)))
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
        if prune:
            summary.relationships_deleted = self._prune_relationships(g)
            summary.nodes_deleted = self._prune_nodes(g)
        self._flush()
        summary.seconds = time.perf_counter() - started
        return summary

    def counts(self) -> dict[str, dict[str, int]]:
        nodes: dict[str, int] = defaultdict(int)
        for row in self._run("MATCH (n) RETURN labels(n) AS labels, count(n) AS n"):
            for label in row["labels"]:
                nodes[label] += row["n"]
        relationships = {
            row["type"]: row["n"]
            for row in self._run("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
        }
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
    def _batches(g: nx.MultiDiGraph) -> _Batches:
        batches = _Batches()
        labels: dict[str, str] = {}
        for node_id, attrs in g.nodes(data=True):
            label = _label_of(attrs)
            labels[node_id] = label
            props = {k: _storable(v) for k, v in attrs.items() if k != "labels"}
            props["id"] = node_id
            batches.nodes[label].append({"id": node_id, "props": props})
        for source, target, attrs in g.edges(data=True):
            rel_type = _identifier(attrs["type"])
            props = {k: _storable(v) for k, v in attrs.items() if k != "type"}
            identity = IDENTITY_PROPERTY.get(rel_type)
            row = {"source": source, "target": target, "props": props}
            if identity:
                row["identity"] = props[identity]
            batches.relationships[(rel_type, labels[source], labels[target])].append(row)
        return batches

    def _prune_nodes(self, g: nx.MultiDiGraph) -> int:
        keep: dict[str, list[str]] = defaultdict(list)
        for node_id, attrs in g.nodes(data=True):
            keep[_label_of(attrs)].append(node_id)
        deleted = 0
        for label in sorted(NODE_PROPERTIES):
            rows = self._run(
                f"MATCH (n:{label}) WHERE NOT n.id IN $ids DETACH DELETE n RETURN count(n) AS n",
                {"ids": keep.get(label, [])},
            )
            deleted += rows[0]["n"] if rows else 0
        return deleted

    def _prune_relationships(self, g: nx.MultiDiGraph) -> int:
        keep: dict[str, list[str]] = defaultdict(list)
        for source, target, attrs in g.edges(data=True):
            identity = IDENTITY_PROPERTY.get(attrs["type"])
            suffix = f"|{attrs[identity]}" if identity else ""
            keep[attrs["type"]].append(f"{source}|{target}{suffix}")
        deleted = 0
        for rel_type in sorted(RELATIONSHIP_PROPERTIES):
            identity = IDENTITY_PROPERTY.get(rel_type)
            key = "a.id + '|' + b.id" + (f" + '|' + r.{identity}" if identity else "")
            rows = self._run(
                f"MATCH (a)-[r:{rel_type}]->(b) WITH r, {key} AS key "
                "WHERE NOT key IN $keys DELETE r RETURN count(r) AS n",
                {"keys": keep.get(rel_type, [])},
            )
            deleted += rows[0]["n"] if rows else 0
        return deleted
