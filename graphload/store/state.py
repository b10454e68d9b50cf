"""What a store holds, in brief: every node's label and every relationship's key,
each with a digest of its properties.

A load keeps the state of the graph it wrote (``LastWrite``, beside the ledger);
the next load compares the new graph's state with it and writes only the nodes
and relationships whose digest changed, and deletes only those that are gone.
Without a known state, the store's ids and keys are read (digests unknown, so
everything is written) and the difference is still computed here, outside the
store: no statement ever compares a whole graph inside the database.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphload.model import IDENTITY_PROPERTY
from graphload.tables import GraphTables, edge_items, node_items

if TYPE_CHECKING:
    import networkx as nx

# (source id, target id, key) -> (type, source label, target label, identity value, digest)
RelationshipState = tuple[str, str, str, Any, str | None]


@dataclass
class GraphState:
    nodes: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> label, digest
    relationships: dict[tuple[str, str, str], RelationshipState] = field(default_factory=dict)
    # How the digests were made: "marshal" (this version) or "repr" (earlier ones).
    digests: str = "marshal"

    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.relationships)


def digest(attrs: dict[str, Any]) -> str:
    """A digest of one node's or relationship's properties. The builder gives them in a
    fixed order, so the dict's own order is stable; a new order only costs one full
    write. ``marshal``'s format 2 (no shared references, so the bytes depend only on
    the values) is a third faster than ``repr``."""
    try:
        data = marshal.dumps(attrs, 2)
    except ValueError:  # a value marshal does not know, from a caller's own graph
        return repr_digest(attrs)
    return hashlib.blake2b(data, digest_size=10).hexdigest()


def repr_digest(attrs: dict[str, Any]) -> str:
    """The digest earlier versions kept (of ``repr``): compared once, with a state they
    saved, so that upgrading costs no full write."""
    text = repr(attrs)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def state_of(g: nx.MultiDiGraph | GraphTables, digests: str = "marshal") -> GraphState:
    """The state of ``g``, with digests of the kind named (``GraphState.digests``)."""
    make = repr_digest if digests == "repr" else digest
    state = GraphState(digests=digests)
    nodes, relationships = state.nodes, state.relationships
    for node_id, attrs in node_items(g):
        labels = attrs.get("labels") or [""]
        nodes[node_id] = (labels[0], make(attrs))
    for source, target, key, attrs in edge_items(g):
        rel_type = attrs["type"]
        identity = IDENTITY_PROPERTY.get(rel_type)
        relationships[(source, target, key)] = (
            rel_type,
            nodes[source][0],
            nodes[target][0],
            attrs.get(identity) if identity else None,
            make(attrs),
        )
    return state


class LastWrite:
    """The state of the graph a load last wrote into a store, with the fingerprint of
    the ledger it was built from. Forgotten before a write starts and saved after it
    ends, so a write that was killed leaves no state to trust.

    Kept in ``marshal``'s format (a quarter of a million entries load and save in a
    tenth of the time JSON takes; it holds only strings, numbers and tuples, and
    reading it runs no code). A file this version cannot read is no state at all: the
    store's ids and keys are read instead."""

    FILE = "last-write.state"
    LEGACY_FILE = "last-write.json"  # what earlier versions kept
    VERSION = 3  # 2: the same, with digests of repr

    def __init__(self, store_dir: Path) -> None:
        self.path = Path(store_dir) / self.FILE
        self.legacy_path = Path(store_dir) / self.LEGACY_FILE

    def load(self) -> tuple[str, GraphState] | None:
        try:
            version, ledger, nodes, relationships = marshal.loads(self.path.read_bytes())
            if version not in (2, self.VERSION) or not isinstance(ledger, str):
                return None
            if not isinstance(nodes, dict) or not isinstance(relationships, dict):
                return None
            digests = "marshal" if version == self.VERSION else "repr"
            return ledger, GraphState(nodes=nodes, relationships=relationships, digests=digests)
        except FileNotFoundError:
            return self._load_legacy()
        except (OSError, ValueError, EOFError, TypeError):
            return None  # not one this version wrote: read the store instead

    def _load_legacy(self) -> tuple[str, GraphState] | None:
        try:
            data = json.loads(self.legacy_path.read_text(encoding="utf-8"))
            state = GraphState(
                nodes={n: (label, d) for n, label, d in data["nodes"]},
                relationships={
                    (s, t, k): (rel_type, a, b, identity, d)
                    for s, t, k, rel_type, a, b, identity, d in data["relationships"]
                },
                digests="repr",
            )
            return data["ledger"], state
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, ledger_fingerprint: str, state: GraphState) -> None:
        payload = marshal.dumps(
            (self.VERSION, ledger_fingerprint, state.nodes, state.relationships)
        )
        handle, temp_name = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temp_name, self.path)
        self.legacy_path.unlink(missing_ok=True)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
        self.legacy_path.unlink(missing_ok=True)
