"""The Neo4j store, through the official driver (``execute_query``).

Connection settings come from arguments or the environment (``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). The password is
never part of a message, a log line or ``repr``.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any
from urllib.parse import urlsplit

from graphload.store.base import GraphStore, StoreError

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USERNAME = "neo4j"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# The driver logs connection failures itself; the StoreError already says it in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
        connection_timeout: float = 5.0,
    ) -> None:
        import neo4j
        from neo4j import exceptions as neo4j_errors

        self.uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
        self.username = username or os.environ.get("NEO4J_USERNAME") or DEFAULT_USERNAME
        secret = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self._errors = neo4j_errors
        if urlsplit(self.uri).scheme not in SCHEMES:
            raise StoreError(
                f"cannot use Neo4j URI {self.uri!r}: expected one of "
                + ", ".join(f"{scheme}://" for scheme in SCHEMES)
            )
        _await_bolt_answer(self.uri)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri,
                auth=(self.username, secret),
                connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout,
                max_transaction_retry_time=connection_timeout,
            )
        except (neo4j_errors.ConfigurationError, ValueError) as error:
            raise StoreError(f"cannot use Neo4j URI {self.uri!r}: {_last_line(error)}") from error
        self._dialect = "neo4j"
        try:
            self._verify_connectivity()
            self._dialect = self._detect_dialect()
        except (neo4j_errors.DriverError, neo4j_errors.Neo4jError) as error:
            self._driver.close()
            raise self._store_error(error) from error
        except StoreError:
            self._driver.close()
            raise

    def __repr__(self) -> str:
        return (
            f"Neo4jStore(uri={self.uri!r}, username={self.username!r}, database={self.database!r})"
        )

    def _verify_connectivity(self, attempts: int = 3) -> None:
        # An unanswered handshake is FalkorDB's dropped connection (see
        # _await_bolt_answer); the next connection is served, so try again.
        for attempt in range(1, attempts + 1):
            try:
                self._driver.verify_connectivity()
                return
            except self._errors.ServiceUnavailable as error:
                if "handshake" not in str(error) or attempt == attempts:
                    raise
                _await_bolt_answer(self.uri)

    def _detect_dialect(self) -> str:
        """ "neo4j", or "falkordb" for FalkorDB's Bolt endpoint (which calls itself
        Neo4j/5 but has neither ``dbms.components`` nor Neo4j's constraint syntax).
        Also proves the database exists."""
        self._run("RETURN 1 AS ok")
        try:
            self._run("CALL dbms.components() YIELD name RETURN name")
        except StoreError:
            return "falkordb"
        return "neo4j"

    def _run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if self._dialect == "falkordb":
            params = _escape_for_falkordb(params or {})
        try:
            result = self._driver.execute_query(cypher, params or {}, database_=self.database)
        except self._errors.DriverError as error:
            raise self._store_error(error) from error
        except self._errors.Neo4jError as error:
            raise self._store_error(error) from error
        return [{key: _plain(record[key]) for key in result.keys} for record in result.records]

    def _store_error(self, error: Exception) -> StoreError:
        """One line that says what is wrong, never the password."""
        errors = self._errors
        if isinstance(error, errors.AuthError):
            return StoreError(
                f"Neo4j at {self.uri} refused the credentials of user {self.username!r} "
                "(check NEO4J_USERNAME / NEO4J_PASSWORD)"
            )
        if isinstance(error, errors.ServiceUnavailable):
            return StoreError(f"cannot reach Neo4j at {self.uri}: {_last_line(error)}")
        if isinstance(error, errors.Neo4jError):
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                return StoreError(
                    f"Neo4j at {self.uri} has no database {self.database!r} (check NEO4J_DATABASE)"
                )
            return StoreError(error.message or _last_line(error))
        return StoreError(f"Neo4j driver error talking to {self.uri}: {_last_line(error)}")

    def _ensure_id_index(self, label: str) -> None:
        if self._dialect == "neo4j":
            self._run(
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            )
            return
        try:
            self._run(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        except StoreError:
            pass  # FalkorDB over Bolt hides "already indexed" behind a generic error

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        self._driver = None  # type: ignore[assignment]  # closed: nothing may use it again
        if driver is None:
            return
        driver.close()
        if self._dialect == "falkordb":
            _await_bolt_answer(self.uri)


# Bolt's opening: the magic number, then four version proposals (5.7, 4.4, none, none).
_BOLT_HANDSHAKE = bytes.fromhex("6060b01700000705000004040000000000000000")


def _await_bolt_answer(uri: str, attempts: int = 8, wait: float = 0.3) -> None:
    """Knock until the server answers a Bolt handshake.

    FalkorDB 4.18's Bolt endpoint (falkordblite 0.10.0) drops connections
    accepted just after a client has disconnected: they get no handshake answer
    and the driver hangs until its deadline. Measured: after a disconnect one or
    two bare handshakes go unanswered, then every connection is served. So before
    connecting (another process may just have disconnected) and after closing, we
    knock until one is answered. A real Neo4j answers the first knock; a server
    that is down refuses it, which the driver then reports. TLS schemes are not
    knocked on (their handshake is TLS's).
    """
    parts = urlsplit(uri)
    if parts.scheme not in ("bolt", "neo4j"):
        return
    address = (parts.hostname or "localhost", parts.port or 7687)
    for _ in range(attempts):
        try:
            with socket.create_connection(address, timeout=wait) as knock:
                knock.sendall(_BOLT_HANDSHAKE)
                if len(knock.recv(4)) == 4:
                    return
        except TimeoutError:
            continue
        except OSError:
            return  # refused or unreachable: the driver will say so


def _escape_for_falkordb(value: Any) -> Any:
    """FalkorDB's Bolt endpoint splices string parameters into the query inside
    single quotes without escaping them (measured with 0.10.0: a value with an
    apostrophe fails, a doubled backslash arrives single), so escape first."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list | tuple):
        return [_escape_for_falkordb(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_for_falkordb(v) for k, v in value.items()}
    return value


def _last_line(error: Exception) -> str:
    # the driver's messages end with the reason ("... Connection refused)")
    text = str(error).strip()
    return text.splitlines()[-1] if text else type(error).__name__


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {**{k: _plain(v) for k, v in value.items()}, "_labels": sorted(value.labels)}
    if isinstance(value, Relationship):
        return {**{k: _plain(v) for k, v in value.items()}, "_type": value.type}
    if isinstance(value, Path):
        items: list[Any] = []
        for i, node in enumerate(value.nodes):
            items.append(_plain(node))
            if i < len(value.relationships):
                items.append(_plain(value.relationships[i]))
        return items
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time dates and times
        return value.iso_format()
    return value
