"""The write guard: refuse Cypher that would change the graph unless asked to.

The check is lexical. The query is split into tokens with string literals,
back-quoted names, parameters and comments taken out, so ``RETURN 'create'``,
``n.created``, ``{set: 1}`` and ``:Merge`` are not writes, while ``CREATE``,
``MERGE``, ``SET``, ``DELETE``, ``DETACH DELETE``, ``REMOVE``, ``DROP``,
``FOREACH``, ``LOAD CSV``, administration commands and ``CALL`` of a procedure
that is not known to be read-only are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Clauses that change data or schema (FalkorDB and Neo4j).
WRITE_CLAUSES = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "DETACH",
        "REMOVE",
        "DROP",
        "FOREACH",
        "LOAD",
        "ALTER",
        "RENAME",
        "GRANT",
        "REVOKE",
        "DENY",
        "START",
        "STOP",
        "TERMINATE",
    }
)

#: Keywords that write only when followed by this word.
_NEEDS_NEXT = {"START": "DATABASE", "STOP": "DATABASE", "LOAD": "CSV"}

#: Procedures that only read (prefix match, lower case). Any other CALL is a write.
READ_PROCEDURES = (
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.indexes",
    "db.constraints",
    "db.schema.",
    "db.meta.",
    "db.idx.fulltext.querynodes",
    "db.idx.fulltext.queryrelationships",
    "db.idx.vector.querynodes",
    "db.idx.vector.queryrelationships",
    "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships",
    "db.index.vector.querynodes",
    "db.info",
    "db.ping",
    "dbms.components",
    "dbms.procedures",
    "dbms.functions",
    "dbms.info",
    "algo.",
    "apoc.meta.",
    "apoc.path.",
    "apoc.text.",
    "apoc.coll.",
    "apoc.map.",
    "apoc.convert.",
)

_TOKEN = re.compile(
    r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
  | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
  | (?P<param>\$\w+)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*(?:\s*\.\s*[A-Za-z_][A-Za-z_0-9]*)*)
  | (?P<punct>[^\sA-Za-z_0-9])
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class WriteFound:
    """Where the first writing keyword is."""

    keyword: str
    line: int
    column: int

    def message(self) -> str:
        return (
            f"refused: this query can change the graph ({self.keyword} at line {self.line}, "
            f"column {self.column}). Queries are read-only by default; add --write to run it."
        )


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(query: str) -> list[_Token]:
    return [
        _Token(m.lastgroup or "", m.group(), m.start())
        for m in _TOKEN.finditer(query)
        if m.lastgroup not in ("comment", "string", "quoted", "param")
    ]


def _position(query: str, offset: int) -> tuple[int, int]:
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return line, column


def find_write(query: str) -> WriteFound | None:
    """The first clause or procedure call in ``query`` that could write, or None."""
    tokens = _tokens(query)
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        # A property (n.set), a label or type (:Create|Set), a map key ({merge: 1}).
        if before in (".", ":", "|") or after == ":":
            continue
        word = tok.text.upper()
        if "." in word:
            continue  # a dotted name that is not after CALL: a function or property
        if word in _NEEDS_NEXT and after.upper() != _NEEDS_NEXT[word]:
            continue  # ``start`` as a variable, not START DATABASE
        if word in WRITE_CLAUSES:
            return WriteFound(word, *_position(query, tok.start))
        if word == "CALL" and after != "{":
            proc = after.replace(" ", "").lower()
            if not any(proc == p or proc.startswith(p) for p in READ_PROCEDURES):
                shown = f"CALL {after.replace(' ', '')}" if after else "CALL"
                return WriteFound(shown, *_position(query, tok.start))
    return None


def is_read_only(query: str) -> bool:
    return find_write(query) is None
