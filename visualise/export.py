"""The graph (or the part a map would show) as files other tools open.

- ``graphml``: GraphML for Gephi, Cytoscape, yEd (networkx's writer);
- ``gexf``: GEXF 1.2 for Gephi;
- ``json``: networkx node-link JSON (``{"nodes": [...], "edges": [...]}``);
- ``csv``: a folder with ``nodes.csv`` and ``relationships.csv`` shaped for
  ``neo4j-admin database import full`` (``id:ID``, ``:LABEL``, ``:START_ID``,
  ``:END_ID``, ``:TYPE``, typed columns such as ``year:int`` and ``aliases:string[]``).

Every property travels, provenance (``source``, ``line``, ``evidence``) included.
GraphML and GEXF hold only scalar values: a list becomes its items joined by
``"; "`` and a mapping becomes JSON text. Every node also gets ``label`` (its
name, for the tools' own label column) and ``labels`` (its graph labels, joined
by ``;``); every relationship gets ``type`` (``relationship`` in GEXF, which
reserves ``type``). Contact details are removed from
every string, as in the maps.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphload.vocab.text import scrub as redact
from visualise.facts import full_name
from visualise.views import labels_of, rel_type

FORMATS = ("graphml", "gexf", "json", "csv")
ARRAY_DELIMITER = ";"
NODE_FILE = "nodes.csv"
EDGE_FILE = "relationships.csv"


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    node_count: int
    edge_count: int


def _clean(value: object) -> object:
    """The value with contact details removed from every string in it."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def _scalar(value: object) -> str | int | float | bool | None:
    """A value GraphML and GEXF can hold."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value if v is not None)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _flat_graph(graph: nx.MultiDiGraph, *, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, plus ``label``/``labels``/``type``.

    GEXF reserves an edge's ``type`` (directed or undirected) and ``label``: there
    the relationship type is ``relationship`` and also the edge's label."""
    out = nx.MultiDiGraph(name="peergraph")
    for node, attrs in graph.nodes(data=True):
        flat = {k: _scalar(_clean(v)) for k, v in attrs.items() if k != "labels"}
        flat = {k: v for k, v in flat.items() if v is not None}
        flat["labels"] = ARRAY_DELIMITER.join(labels_of(attrs))
        flat["label"] = full_name(node, attrs)
        out.add_node(node, **flat)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat = {k: _scalar(_clean(val)) for k, val in attrs.items()}
        flat = {k: val for k, val in flat.items() if val is not None}
        if gexf:
            flat.pop("type", None)
            flat["relationship"] = flat["label"] = rel_type(key, attrs)
        else:
            flat["type"] = rel_type(key, attrs)
        out.add_edge(u, v, key=str(key), **flat)
    return out


def _json_ready(graph: nx.MultiDiGraph) -> dict:
    nodes = []
    for node, attrs in graph.nodes(data=True):
        nodes.append({"id": node, **{k: _clean(v) for k, v in attrs.items() if k != "id"}})
    edges = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        edge = {k: _clean(val) for k, val in attrs.items()}
        edge.update(source=u, target=v, key=str(key), type=rel_type(key, attrs))
        if "source" in attrs:  # provenance's own "source" must not clash with the endpoint
            edge["document"] = _clean(attrs["source"])
        edges.append(edge)
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}


def _neo4j_type(values: Iterable[object]) -> str:
    """The neo4j-admin column type that holds every one of ``values``."""
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool}:
        return ":boolean"
    if kinds and kinds <= {int}:
        return ":long"
    if kinds and kinds <= {int, float}:
        return ":double"
    if kinds and kinds <= {list, tuple, set, frozenset}:
        return ":string[]"
    return ""


def _cell(value: object, column_type: str) -> str:
    if value is None:
        return ""
    if column_type == ":string[]":
        items = value if isinstance(value, list | tuple | set | frozenset) else [value]
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in items)
    if column_type == ":boolean":
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _write_csv(path: Path, fixed: list[str], rows: list[tuple[list[str], dict]]) -> None:
    keys = sorted({k for _, props in rows for k in props})
    types = {k: _neo4j_type(props.get(k) for _, props in rows) for k in keys}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*fixed, *(f"{k}{types[k]}" for k in keys)])
        for head, props in rows:
            writer.writerow([*head, *(_cell(props.get(k), types[k]) for k in keys)])


def _neo4j_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    node_rows = []
    for node, attrs in graph.nodes(data=True):
        props = {k: _clean(v) for k, v in attrs.items() if k not in ("id", "labels")}
        node_rows.append(([node, ARRAY_DELIMITER.join(labels_of(attrs))], props))
    edge_rows = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        props = {k: _clean(val) for k, val in attrs.items() if k != "type"}
        edge_rows.append(([u, v, rel_type(key, attrs)], props))
    nodes, edges = folder / NODE_FILE, folder / EDGE_FILE
    _write_csv(nodes, ["id:ID", ":LABEL"], node_rows)
    _write_csv(edges, [":START_ID", ":END_ID", ":TYPE"], edge_rows)
    return [nodes, edges]


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: str | Path) -> ExportResult:
    """Write ``graph`` in ``fmt`` (one of :data:`FORMATS`) to ``out`` (a folder for csv)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    path = Path(out)
    if fmt == "csv":
        paths = _neo4j_csv(graph, path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(_flat_graph(graph), path, named_key_ids=True)
        elif fmt == "gexf":
            nx.write_gexf(_flat_graph(graph, gexf=True), path)
        else:
            text = json.dumps(_json_ready(graph), ensure_ascii=False, indent=1, default=str)
            path.write_text(text + "\n", encoding="utf-8")
        paths = [path]
    return ExportResult(paths, graph.number_of_nodes(), graph.number_of_edges())
