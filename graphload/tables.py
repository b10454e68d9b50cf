"""The built graph as plain tables: what a store write needs, without networkx.

``build_tables`` fills one; ``build_graph`` turns it into a ``networkx`` graph. A load
writes the tables straight to the store: making a networkx graph of a quarter of a
million nodes and relationships costs about a second it does not need.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

# (source id, target id, key)
EdgeKey = tuple[str, str, str]


@dataclass
class GraphTables:
    """Nodes (id -> attributes: ``labels``, ``id`` and the label's properties) and
    relationships ((source, target, key) -> attributes: ``type`` and its properties),
    in the order they were first stated, as ``build_graph``'s networkx graph holds them."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)
    warnings: list[Any] = field(default_factory=list)  # DocumentWarning

    def to_networkx(self) -> nx.MultiDiGraph:
        import networkx as nx

        graph = nx.MultiDiGraph()
        graph.add_nodes_from(self.nodes.items())
        graph.add_edges_from((s, t, k, attrs) for (s, t, k), attrs in self.edges.items())
        graph.graph["warnings"] = self.warnings
        return graph


def node_items(g: nx.MultiDiGraph | GraphTables) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every node with its attributes, of either form."""
    if isinstance(g, GraphTables):
        yield from g.nodes.items()
    else:
        yield from g.nodes(data=True)


def edge_items(g: nx.MultiDiGraph | GraphTables) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every relationship as (source, target, key, attributes), of either form."""
    if isinstance(g, GraphTables):
        for (source, target, key), attrs in g.edges.items():
            yield source, target, key, attrs
    else:
        yield from g.edges(keys=True, data=True)
