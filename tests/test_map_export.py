"""``peergraph export``: GraphML, GEXF and node-link JSON that read back into
networkx with every property, and CSV files shaped for neo4j-admin import."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from test_map_render import tiny_graph

from visualise import cli as map_cli
from visualise.export import export_graph


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    g = tiny_graph()
    g.nodes["peer:matt-prosser"]["evidence"] = "Matt Prosser, matt.prosser@dorset.gov.uk"
    return g


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_round_trip_with_provenance(graph, tmp_path, fmt) -> None:
    out = tmp_path / f"g.{fmt}"
    result = export_graph(graph, fmt, out)
    assert (result.node_count, result.edge_count) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    review = back.nodes["review:BRM+RED:2018:cpc"]
    assert review["labels"] == "Review"
    assert review["source"] == "doc:1" and int(review["line"]) == 1
    assert back.nodes["BRM"]["aliases"] == "BDC"
    assert back.nodes["BRM"]["label"] == "Bromsgrove District Council"
    recommends = [
        a
        for u, v, a in back.edges(data=True)
        if a.get("type" if fmt == "graphml" else "relationship") == "RECOMMENDS"
    ]
    assert recommends and recommends[0]["evidence"] == "Signpost – Adur and Worthing Councils"
    assert int(recommends[0]["line"]) == 40
    assert "dorset.gov.uk" not in out.read_text("utf-8")


def test_json_is_node_link_with_every_property(graph, tmp_path) -> None:
    out = tmp_path / "g.json"
    export_graph(graph, "json", out)
    data = json.loads(out.read_text("utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["BRM"]["aliases"] == ["BDC"]
    edge = back.edges["review:BRM+RED:2018:cpc", "BRM", "OF"]
    assert edge["document"] == "doc:1" and edge["line"] == 3 and edge["type"] == "OF"
    assert "dorset.gov.uk" not in out.read_text("utf-8")


def test_csv_is_shaped_for_neo4j_admin_import(graph, tmp_path) -> None:
    result = export_graph(graph, "csv", tmp_path / "import")
    nodes_csv, edges_csv = result.paths
    with open(nodes_csv, encoding="utf-8", newline="") as handle:
        nodes = list(csv.reader(handle))
    with open(edges_csv, encoding="utf-8", newline="") as handle:
        edges = list(csv.reader(handle))
    head = nodes[0]
    assert head[:2] == ["id:ID", ":LABEL"]
    assert "aliases:string[]" in head and "year:long" in head and "key:boolean" in head
    rows = {r[0]: dict(zip(head, r, strict=True)) for r in nodes[1:]}
    assert len(rows) == graph.number_of_nodes()
    assert rows["BRM"][":LABEL"] == "Council" and rows["BRM"]["aliases:string[]"] == "BDC"
    assert rows["review:BRM+RED:2018:cpc"]["year:long"] == "2018"
    assert edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(edges) - 1 == graph.number_of_edges()
    by_type = {r[2]: dict(zip(edges[0], r, strict=True)) for r in edges[1:]}
    assert by_type["RECOMMENDS"]["source"] == "doc:1" and by_type["RECOMMENDS"]["line:long"] == "40"
    # every relationship's ends are nodes of the file
    assert all(r[0] in rows and r[1] in rows for r in edges[1:])
    assert "dorset.gov.uk" not in nodes_csv.read_text("utf-8")


def test_export_command_takes_the_map_selection(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(map_cli, "load_graph", lambda backend, store_dir: tiny_graph())
    out = tmp_path / "peers.graphml"
    result = CliRunner().invoke(
        map_cli.export_command,
        ["--format", "graphml", "-o", str(out), "--view", "peers", "--years", "2015-2019"],
    )
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert "review:BRM+RED:2018:cpc" in back and "review:SOU:2012:cpc" not in back
    assert {a["type"] for *_, a in back.edges(data=True)} <= {
        "OF",
        "SERVED_ON",
        "REVIEWED_BY",
        "WORKS_FOR",
    }
    assert "Years 2015–2019." in result.output


def test_export_everything_by_default_includes_recommendations(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(map_cli, "load_graph", lambda backend, store_dir: tiny_graph())
    out = tmp_path / "all.json"
    result = CliRunner().invoke(map_cli.export_command, ["--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids = {n["id"] for n in json.loads(out.read_text("utf-8"))["nodes"]}
    assert ids == set(tiny_graph().nodes)


def test_export_to_an_unwritable_place_is_one_line(tmp_path, monkeypatch) -> None:
    from graphload.cli import cli

    monkeypatch.setattr(map_cli, "load_graph", lambda backend, store_dir: tiny_graph())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "g.gexf"
    result = CliRunner().invoke(cli, ["export", "--format", "gexf", "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: cannot write {out}: ")


def test_export_is_a_peergraph_command() -> None:
    from graphload.cli import cli

    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "neo4j-admin database import full" in result.output
