"""The write guard: keywords outside strings and comments, not names that contain them."""

from __future__ import annotations

import pytest

from queries.catalog import list_reports, query_text
from queries.readonly import find_write, is_read_only

WRITES = [
    ("CREATE (n:Council {id: 'X'})", "CREATE"),
    ("MATCH (n) MERGE (n)-[:X]->(m)", "MERGE"),
    ("MATCH (n) SET n.name = 'x'", "SET"),
    ("MATCH (n) DELETE n", "DELETE"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("match (n) remove n.name", "REMOVE"),
    ("DROP INDEX ON :Council(id)", "DROP"),
    ("UNWIND [1] AS x FOREACH (y IN [x] | CREATE (:T))", "FOREACH"),
    ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD"),
    ("CALL db.idx.fulltext.createNodeIndex('Council', 'name')", "CALL"),
    ("CALL apoc.create.node(['X'], {})", "CALL"),
    ("MATCH (n) // comment\nWITH n CREATE (m)", "CREATE"),
    ("RETURN 'a' /* CREATE */ AS x; CREATE (n)", "CREATE"),
    ("CALL { MATCH (n) SET n.x = 1 }", "SET"),
]

READS = [
    "MATCH (n) RETURN 'create' AS x",
    'MATCH (n) RETURN "MERGE (n) SET n.x = 1" AS x',
    "MATCH (n) WHERE n.created > 1 RETURN n.set, n.delete",
    "MATCH (n:Create) RETURN n",
    "MATCH (n)-[:SET|MERGE]->(m) RETURN m",
    "RETURN {create: 1, merge: 2} AS m",
    "MATCH (n) // CREATE (m)\nRETURN n",
    "MATCH (n) /* DETACH DELETE n */ RETURN n",
    "MATCH (`create`) RETURN `create`",
    "MATCH (n) WHERE n.name = $set RETURN n",
    "MATCH (start:Council) RETURN start",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.relationshipTypes()",
    "RETURN 'it''s' AS x, \"a \\\" CREATE\" AS y",
]


@pytest.mark.parametrize(("query", "keyword"), WRITES)
def test_writes_are_found(query: str, keyword: str) -> None:
    found = find_write(query)
    assert found is not None
    assert found.keyword.startswith(keyword)
    assert "--write" in found.message()


@pytest.mark.parametrize("query", READS)
def test_reads_pass(query: str) -> None:
    assert is_read_only(query), find_write(query)


def test_position_is_reported() -> None:
    found = find_write("MATCH (n)\n  SET n.x = 1")
    assert found is not None
    assert (found.line, found.column) == (2, 3)


@pytest.mark.parametrize("spec", list_reports(), ids=lambda s: s.name)
def test_canned_reports_are_read_only(spec) -> None:
    assert is_read_only(spec.cypher)


def test_helper_queries_are_read_only() -> None:
    assert is_read_only(query_text("_names.cypher"))
