"""The Neo4j backend (official driver), against real Bolt servers.

Always: FalkorDB's own Bolt endpoint (falkordblite 0.10.0 started with
BOLT_PORT), which exercises the driver code path end to end. When NEO4J_URI is
set (e.g. ``docker compose up neo4j``), the same tests also run against that
real Neo4j, plus the wrong-password and missing-database cases.
"""

from __future__ import annotations

import os

import pytest

from graphload.load import push_to_neo4j
from graphload.store import StoreError, open_store
from graphload.store.neo4j import Neo4jStore

SECRET = "not-the-password-2f9c"


def real_neo4j_options() -> dict[str, str]:
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set: no real Neo4j to test against")
    return {}  # Neo4jStore reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE


@pytest.fixture(params=["falkordb-bolt", "neo4j"])
def bolt_options(request) -> dict[str, str]:
    if request.param == "neo4j":
        return real_neo4j_options()
    return request.getfixturevalue("falkordb_bolt")


@pytest.fixture
def store(bolt_options):
    with open_store("neo4j", **bolt_options) as opened:
        opened.reset()
        yield opened
        opened.reset()


def snapshot(g):
    return (
        sorted((n, repr(sorted(d.items()))) for n, d in g.nodes(data=True)),
        sorted((u, v, k, repr(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True)),
    )


def test_round_trip_and_idempotent_rewrite(store, seed_graph):
    store.write_graph(seed_graph)
    first = store.counts()
    assert sum(first["nodes"].values()) == seed_graph.number_of_nodes()
    assert sum(first["relationships"].values()) == seed_graph.number_of_edges()
    assert snapshot(store.export_graph()) == snapshot(seed_graph)
    store.write_graph(seed_graph)
    assert store.counts() == first


def test_query_values_match_the_embedded_shape(store, seed_graph):
    store.write_graph(seed_graph)
    rows = store.query(
        "MATCH p = (c:Council {id: $id})-[r:REVIEWED_BY]->(peer:Peer) RETURN c, r, p",
        {"id": "BAB"},
    )
    assert rows
    assert rows[0]["c"]["_labels"] == ["Council"]
    assert rows[0]["r"]["_type"] == "REVIEWED_BY"
    assert [len(row["p"]) for row in rows] == [3] * len(rows)


def test_push_copies_the_embedded_graph(tmp_path, store, bolt_options, seed_graph):
    with open_store(store_dir=tmp_path) as embedded:
        embedded.write_graph(seed_graph)
    push_to_neo4j(tmp_path, **bolt_options)
    assert snapshot(store.export_graph()) == snapshot(seed_graph)


def test_unreachable_server_is_one_clear_line(unused_port):
    uri = f"bolt://127.0.0.1:{unused_port}"  # nothing listens there
    with pytest.raises(StoreError) as caught:
        open_store("neo4j", uri=uri, username="neo4j", password=SECRET)
    message = str(caught.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}")
    assert "\n" not in message and SECRET not in message


def test_unusable_uri_is_one_clear_line():
    with pytest.raises(StoreError, match="cannot use Neo4j URI 'http://localhost:7474'"):
        open_store("neo4j", uri="http://localhost:7474", password=SECRET)


def test_a_rejected_password_is_never_echoed(falkordb_bolt):
    # FalkorDB's Bolt rejects a password when none is set, hiding why; real Neo4j's
    # clearer line is checked below when NEO4J_URI is set.
    with pytest.raises(StoreError) as caught:
        open_store("neo4j", **{**falkordb_bolt, "password": SECRET})
    assert SECRET not in str(caught.value) and "\n" not in str(caught.value)


def test_password_is_not_kept_on_the_store(falkordb_bolt):
    with open_store("neo4j", **falkordb_bolt) as store:
        assert "password" not in repr(store) and "password" not in vars(store)


def test_wrong_password_on_real_neo4j():
    real_neo4j_options()
    with pytest.raises(StoreError) as caught:
        open_store("neo4j", password=SECRET)
    assert "refused the credentials" in str(caught.value) and SECRET not in str(caught.value)
    with open_store("neo4j") as store:
        password = os.environ.get("NEO4J_PASSWORD")
        assert not password or password not in repr(store)


def test_missing_database_on_real_neo4j():
    real_neo4j_options()
    with pytest.raises(StoreError, match="has no database 'no-such-db'"):
        open_store("neo4j", database="no-such-db")


def test_error_translation_without_a_server(falkordb_bolt):
    """A stand-in, not a real server: FalkorDB's Bolt neither checks passwords nor
    has databases, so these two driver errors are built by hand to check the
    lines users see. The real cases run above when NEO4J_URI is set."""
    from neo4j.exceptions import Neo4jError

    store = Neo4jStore(**falkordb_bolt, database="reports")
    try:
        auth = Neo4jError._hydrate_neo4j(
            code="Neo.ClientError.Security.Unauthorized", message="unauthorized"
        )
        missing = Neo4jError._hydrate_neo4j(
            code="Neo.ClientError.Database.DatabaseNotFound", message="Graph not found: reports"
        )
        assert "refused the credentials of user 'falkordb'" in str(store._store_error(auth))
        assert "has no database 'reports'" in str(store._store_error(missing))
    finally:
        store.close()
